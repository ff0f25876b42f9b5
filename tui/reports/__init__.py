"""What the report commands print: JSON for scripts, rich tables for people.

Each module has ``to_json(corpus)`` and ``print_table(corpus, console)``.
"""

from __future__ import annotations

from types import ModuleType

from tui.reports import align, discrepancies, quotes, sentences

REPORTERS: dict[str, ModuleType] = {
    "sentences": sentences,
    "align": align,
    "discrepancies": discrepancies,
    "quotes": quotes,
}
