"""Where the sources disagree: one function builds the whole list (:func:`discrepancy_steps`)."""

from tui.core.discrepancies.find import Discrepancies, discrepancy_steps

__all__ = ["Discrepancies", "discrepancy_steps"]
