"""Direct quotes, who said them, and the same quote across outlets."""

from tui.core.quotes.extract import extract_quotes, quote_wording
from tui.core.quotes.grouping import UNATTRIBUTED, by_speaker

__all__ = ["UNATTRIBUTED", "by_speaker", "extract_quotes", "quote_wording"]
