"""Quotes grouped: by speaker (one order and one label for the reader and the report), and
one remark as several articles quote it (the ``same_as`` links)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


def linked_quotes(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """The sets of quotes ``same_as`` links (one remark as several articles quote it), in
    the order of their first quote."""
    by_id = {q.id: q for q in quotes}
    seen: set[str] = set()
    sets: list[list[Quote]] = []
    for quote in quotes:
        if quote.id in seen or not quote.same_as:
            continue
        linked, todo = [], [quote.id]
        while todo:
            qid = todo.pop()
            if qid in seen or qid not in by_id:
                continue
            seen.add(qid)
            linked.append(by_id[qid])
            todo.extend(by_id[qid].same_as)
        sets.append(linked)
    return sets
