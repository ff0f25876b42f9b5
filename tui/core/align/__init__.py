"""Facts aligned across articles: which sentences of different reports say the same thing."""

from tui.core.align.matches import Match, possible_matches
from tui.core.align.params import DEFAULT_PARAMS, AlignParams
from tui.core.align.pipeline import align, align_steps

__all__ = [
    "DEFAULT_PARAMS",
    "AlignParams",
    "Match",
    "align",
    "align_steps",
    "possible_matches",
]
