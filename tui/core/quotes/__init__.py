"""Direct quotes, who said them, and the same quote across outlets."""

from tui.core.quotes.extract import extract_quotes, quote_wording, shared_words
from tui.core.quotes.grouping import UNATTRIBUTED, by_speaker, linked_quotes

__all__ = [
    "UNATTRIBUTED",
    "by_speaker",
    "extract_quotes",
    "linked_quotes",
    "quote_wording",
    "shared_words",
]
