"""Quotes grouped by speaker: one order and one label for the reader and the report."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.models import Quote

UNATTRIBUTED = "Unattributed"
"""The heading of quotes whose speaker could not be told."""


def by_speaker(quotes: Iterable[Quote]) -> list[tuple[str, list[Quote]]]:
    """Speakers (by canonical name) with their quotes, the most quoted first, the unattributed last.

    One speaker spelled two ways by two outlets is one group, headed by the canonical name;
    each quote keeps its article's own spelling in ``speaker``.
    """
    groups: dict[str, list[Quote]] = {}
    for quote in quotes:
        groups.setdefault(quote.speaker_id or quote.speaker or UNATTRIBUTED, []).append(quote)
    return sorted(
        groups.items(),
        key=lambda item: (item[0] == UNATTRIBUTED, -len(item[1]), item[0].lower()),
    )
