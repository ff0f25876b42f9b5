"""What the report commands print: JSON for scripts, rich tables for people.

Each module has ``to_json(corpus)`` and ``print_table(corpus, console)``; those in
:data:`ANALYSED` also take the analysis the command line made (cached, in parallel), and
``quotes`` takes the analysis read from an index, else the cache (the stories it holds).
"""

from __future__ import annotations

from types import ModuleType

from tui.reports import align, discrepancies, quotes, sentences

ANALYSED = frozenset({"align", "discrepancies"})
"""The reports that print an analysis (facts, discrepancies)."""

REPORTERS: dict[str, ModuleType] = {
    "sentences": sentences,
    "align": align,
    "discrepancies": discrepancies,
    "quotes": quotes,
}
