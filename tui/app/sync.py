"""Keeping two panes level by their aligned sentences, not by line numbers.

Two articles wrap differently and tell the story in a different order. Like a
side-by-side diff viewer, we take the facts both report as anchor pairs (row in the
leading pane, row in the following one), keep the longest chain that runs in the same
order in both, and interpolate between anchors: aligned passages reach the same screen
row together, and scrolling never runs backwards in the other pane. The current fact is
always one of the anchors: scrolling near it never moves its sentences apart, even when
the articles tell it in a different order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence

Anchor = tuple[int, int]


def anchor_pairs(
    lead_members: Sequence[tuple[int, int]],
    follow_members: Sequence[tuple[int, int]],
    lead_rows: Sequence[int],
    follow_rows: Sequence[int],
    *,
    keep: int | None = None,
) -> list[Anchor]:
    """Rows of the facts both articles report: members are (fact, sentence) pairs.

    ``keep``: a fact whose pair must be in the chain (the current one), when both report it.
    """
    follow: Mapping[int, int] = dict(follow_members)
    pairs = {
        (lead_rows[sentence], follow_rows[follow[fact]])
        for fact, sentence in lead_members
        if fact in follow
    }
    kept = next(
        (
            (lead_rows[sentence], follow_rows[follow[fact]])
            for fact, sentence in lead_members
            if fact == keep and fact in follow
        ),
        None,
    )
    if kept is None:
        return monotonic(list(pairs))
    lead0, follow0 = kept
    before = [(a, b) for a, b in pairs if a < lead0 and b < follow0]
    after = [(a, b) for a, b in pairs if a > lead0 and b > follow0]
    return [*monotonic(before), kept, *monotonic(after)]


def monotonic(pairs: Sequence[Anchor]) -> list[Anchor]:
    """The longest chain of pairs strictly increasing in both rows."""
    # Equal leading rows sorted by falling follower row can never chain with each other.
    ordered = sorted(set(pairs), key=lambda pair: (pair[0], -pair[1]))
    if not ordered:
        return []
    tail_values: list[int] = []  # smallest follower row ending a chain of each length
    tails: list[int] = []
    previous = [-1] * len(ordered)
    for i, (_, follow) in enumerate(ordered):
        length = bisect_left(tail_values, follow)
        if length:
            previous[i] = tails[length - 1]
        if length == len(tails):
            tails.append(i)
            tail_values.append(follow)
        else:
            tails[length] = i
            tail_values[length] = follow
    chain = []
    i = tails[-1]
    while i >= 0:
        chain.append(ordered[i])
        i = previous[i]
    return chain[::-1]


def map_row(anchors: Sequence[Anchor], row: float) -> float:
    """The follower's row level with the leader's ``row``."""
    if not anchors:
        return row
    leads = [lead for lead, _ in anchors]
    index = bisect_right(leads, row) - 1
    if index < 0:
        lead, follow = anchors[0]
        return follow + (row - lead)
    if index == len(anchors) - 1:
        lead, follow = anchors[-1]
        return follow + (row - lead)
    (lead0, follow0), (lead1, follow1) = anchors[index], anchors[index + 1]
    return follow0 + (row - lead0) * (follow1 - follow0) / (lead1 - lead0)
