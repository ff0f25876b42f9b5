"""Wrapping an article into screen lines that remember their offsets into the text.

Rich's own wrapping loses the character offsets, and the reader needs them both ways:
offset -> row to put a fact's sentence at a given screen row, row -> offset to keep
panes level while scrolling. Plain Python, so it is cheap to test and to cache.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len, get_character_cell_size

from tui.core.models import Article, Quote

LineKind = Literal["text", "heading", "blank"]
_WORD = re.compile(r"\S+")
QUOTE_MARKS = "\"“”‘'«„"


@dataclass(frozen=True, slots=True)
class Badge:
    """A speaker badge drawn before a quote: not part of the article text."""

    offset: int
    label: str
    quote: str
    """The quote id, to style the badge of the highlighted quote."""


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: ``text[start:end]`` with badges inserted at their offsets."""

    start: int
    end: int
    kind: LineKind = "text"
    badges: tuple[Badge, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleLayout:
    """An article wrapped at one width."""

    article: Article
    width: int
    lines: tuple[Line, ...]
    sentence_rows: tuple[int, ...]
    """Row of the first line of each sentence, by sentence index."""
    starts: tuple[int, ...]
    """Start offset of each line, for bisecting."""

    def row_of_offset(self, offset: int) -> int:
        """The row of the line holding a text offset (the nearest line before it)."""
        return _row(self.starts, self.lines, offset)


def speaker_label(quote: Quote) -> str | None:
    """The short name on a quote's badge: the speaker's surname, or the tweet's handle."""
    if not quote.speaker:
        return None
    words = quote.speaker.split()
    label = words[-1] if words else quote.speaker
    return label[:14]


def _badge_offset(text: str, quote: Quote) -> int:
    """Before the opening quotation mark, if the quote's offsets leave it out."""
    if quote.start > 0 and text[quote.start - 1] in QUOTE_MARKS:
        return quote.start - 1
    return quote.start


def wrap_article(article: Article, width: int, quotes: Sequence[Quote] = ()) -> ArticleLayout:
    """Wrap every paragraph at ``width`` cells, a blank line between paragraphs."""
    width = max(width, 8)
    badges = sorted(
        (
            Badge(_badge_offset(article.text, q), label, q.id)
            for q in quotes
            if (label := speaker_label(q))
        ),
        key=lambda b: b.offset,
    )
    lines: list[Line] = []
    text = article.text
    for number, paragraph in enumerate(article.paragraphs):
        if number:
            lines.append(Line(paragraph.start, paragraph.start, "blank"))
        inside = [b for b in badges if paragraph.start <= b.offset < paragraph.end]
        kind: LineKind = "heading" if paragraph.kind == "heading" else "text"
        lines.extend(_wrap(text, paragraph.start, paragraph.end, width, kind=kind, badges=inside))
    if not lines:
        lines.append(Line(0, len(text)))
    starts = tuple(line.start for line in lines)
    rows = tuple(_row(starts, lines, sentence.start) for sentence in article.sentences)
    return ArticleLayout(article, width, tuple(lines), rows, starts)


def _row(starts: Sequence[int], lines: Sequence[Line], offset: int) -> int:
    row = bisect_right(starts, offset) - 1
    while row > 0 and lines[row].kind == "blank":
        row -= 1
    return max(row, 0)


def _wrap(
    text: str, start: int, end: int, width: int, *, kind: LineKind, badges: list[Badge]
) -> list[Line]:
    """Greedy word wrap of ``text[start:end]``; words wider than the line are cut."""
    lines: list[Line] = []
    line_start: int | None = None
    line_end = start
    used = 0
    line_badges: list[Badge] = []
    pending = list(badges)
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        word_badges = []
        while pending and pending[0].offset < word_end:
            word_badges.append(pending.pop(0))
        extra = sum(len(b.label) + 3 for b in word_badges)
        word_width = cell_len(match.group()) + extra
        gap = word_start - line_end if line_start is not None else 0
        if line_start is not None and used + gap + word_width > width:
            lines.append(Line(line_start, line_end, kind, tuple(line_badges)))
            line_start, used, line_badges = None, 0, []
        if line_start is None:
            line_start, gap = word_start, 0
        line_badges.extend(word_badges)
        if word_width > width:
            # A URL or other unbroken run: cut it into full lines.
            position, room = word_start, max(width - extra, 1)
            while cell_len(text[position:word_end]) > room:
                cut = _cut(text, position, room)
                lines.append(Line(line_start, cut, kind, tuple(line_badges)))
                line_start, position, room, line_badges = cut, cut, width, []
            used = cell_len(text[position:word_end])
        else:
            used += gap + word_width
        line_end = word_end
    if line_start is not None:
        lines.append(Line(line_start, line_end, kind, tuple(line_badges)))
    return lines


def _cut(text: str, start: int, room: int) -> int:
    """Where a run starting at ``start`` must break to fit ``room`` cells (wide characters
    count two), taking at least one character."""
    used, position = 0, start
    while position < len(text):
        size = get_character_cell_size(text[position])
        if used + size > room and position > start:
            break
        used += size
        position += 1
    return position


class LayoutCache:
    """Recently used layouts, keyed by article and width: switching back is free."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._layouts: OrderedDict[tuple[str, int], ArticleLayout] = OrderedDict()

    def get(self, article: Article, width: int, quotes: Sequence[Quote] = ()) -> ArticleLayout:
        """The layout of an article at a width (computed on first use)."""
        key = (article.id, width)
        layout = self._layouts.get(key)
        if layout is None:
            layout = self._layouts[key] = wrap_article(article, width, quotes)
            while len(self._layouts) > self._size:
                self._layouts.popitem(last=False)
        else:
            self._layouts.move_to_end(key)
        return layout

    def clear(self) -> None:
        """Forget everything (the quotes, and so the badges, changed)."""
        self._layouts.clear()
