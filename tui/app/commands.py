"""Command palette providers: jump to a fact by its gist or keywords (bookmarks have their own)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.widgets.words import plural

if TYPE_CHECKING:
    from tui.app.reader import ReaderScreen

MAX_HITS = 40
"""The palette shows a screenful; more hits only cost time with thousands of facts."""


class FactsProvider(Provider):
    """Every aligned fact, searched by its label."""

    def _reader(self) -> ReaderScreen:
        # Only the reader screen lists this provider in its COMMANDS.
        return cast("ReaderScreen", self.screen)

    async def discover(self) -> Hits:
        reader = self._reader()
        if reader.analysis is None:
            return
        for position in range(min(len(reader.analysis.groups), 10)):
            yield DiscoveryHit(
                f"Fact: {reader.facts.gist(position)}",
                partial(reader.select, position),
                help=self._help(reader, position),
            )

    async def search(self, query: str) -> Hits:
        reader = self._reader()
        if reader.analysis is None:
            return
        from tui.core.search import spelling_groups, spellings  # noqa: PLC0415 (start-up)

        # A name finds its other spellings too (Syrskyi: Sirski, Syrskyj).
        groups = spelling_groups(reader.analysis.discrepancies)
        matchers = [self.matcher(q) for q in spellings(query, groups)]
        found = 0
        for position, group in enumerate(reader.analysis.groups):
            # The gist is shown; the keywords still find it.
            text = f"Fact: {reader.facts.gist(position)}"
            scores = [(max(m.match(text), m.match(group.label)), m) for m in matchers]
            score, matcher = max(scores, key=lambda pair: pair[0])
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(reader.select, position),
                    help=self._help(reader, position),
                )
                found += 1
                if found >= MAX_HITS:
                    return

    @staticmethod
    def _help(reader: ReaderScreen, position: int) -> str:
        assert reader.analysis is not None
        group = reader.analysis.groups[position]
        sources = group.coverage
        disagreements = len(reader.analysis.fact_discrepancies[position])
        extra = (
            f", {plural(disagreements, 'discrepancy', 'discrepancies')}" if disagreements else ""
        )
        return f"fact {position + 1}: reported by {sources} articles{extra}"
