"""Finding bookmarks again after the articles, their segmentation or the alignment change.

A bookmark stores the text it marks; this module looks for that text in the current
corpus (at the old offsets, elsewhere verbatim, then approximately with rapidfuzz) and
maps what it finds to today's group, discrepancy and quote ids. A bookmark whose text is
gone everywhere is reported as orphaned, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from tui.core.analysis import Analysis
from tui.core.bookmarks.model import Anchor, Bookmark
from tui.core.models import Alignment, Article, Corpus, Discrepancy, Quote
from tui.core.text.corpus import corpus_fingerprint

AnchorStatus = Literal["exact", "moved", "fuzzy", "orphaned"]
FUZZY_THRESHOLD = 80.0
"""Minimum rapidfuzz score (0-100) for edited text to count as the bookmarked text."""
MIN_FUZZY_CHARS = 12
"""Shorter marked text is only matched verbatim: approximate matches of it mean nothing."""

_RANK: dict[str, int] = {"exact": 0, "moved": 1, "fuzzy": 2}


@dataclass(frozen=True, slots=True)
class Located:
    """Where one anchor's text is in the current corpus."""

    article: str
    start: int
    end: int
    sentences: tuple[int, ...]
    """Indices of the current sentences overlapping the found text."""
    how: Literal["exact", "moved", "fuzzy"]
    score: float


@dataclass(frozen=True, slots=True)
class AnchoredBookmark:
    """A bookmark and what it points at in the current corpus and alignment."""

    bookmark: Bookmark
    status: AnchorStatus
    group: int | None = None
    """Current ``Group.id`` of the marked fact (for every kind, when the fact is aligned)."""
    discrepancy: int | None = None
    quote: str | None = None
    sentences: tuple[tuple[str, int], ...] = ()
    """(article id, sentence index) pairs found now: where to jump without a group."""
    missing: tuple[str, ...] = ()
    """Articles whose marked text was not found (the rest was)."""
    corpus_changed: bool = False
    """The corpus differs from the one the bookmark was made on."""

    @property
    def orphaned(self) -> bool:
        """Nothing it marked can be found: kept, shown as such, never deleted."""
        return self.status == "orphaned"


def reanchor_in(bookmarks: Iterable[Bookmark], analysis: Analysis) -> list[AnchoredBookmark]:
    """:func:`reanchor` against everything the reader shows (quote wording included)."""
    return reanchor(
        bookmarks,
        analysis.corpus,
        analysis.alignment,
        analysis.quotes,
        discrepancies=analysis.discrepancies,
    )


def reanchor(
    bookmarks: Iterable[Bookmark],
    corpus: Corpus,
    alignment: Alignment | None = None,
    quotes: Sequence[Quote] = (),
    *,
    discrepancies: Sequence[Discrepancy] | None = None,
    threshold: float = FUZZY_THRESHOLD,
) -> list[AnchoredBookmark]:
    """Locate every bookmark in the corpus and map it to current ids, in the given order.

    ``discrepancies`` defaults to the alignment's; pass ``Analysis.discrepancies`` to
    include the quote-wording ones.
    """
    fingerprint = corpus_fingerprint(corpus)
    if discrepancies is None:
        discrepancies = alignment.discrepancies if alignment is not None else ()
    return [
        _anchor_bookmark(
            b,
            corpus,
            alignment,
            quotes,
            discrepancies=discrepancies,
            threshold=threshold,
            fingerprint=fingerprint,
        )
        for b in bookmarks
    ]


def bookmarked_groups(anchored: Iterable[AnchoredBookmark]) -> frozenset[int]:
    """Ids of the groups (facts) that carry a bookmark, for the list's marker."""
    return frozenset(a.group for a in anchored if a.group is not None)


def locate(anchor: Anchor, corpus: Corpus, threshold: float = FUZZY_THRESHOLD) -> Located | None:
    """Find an anchor's text: same article first, then (article renamed) any other."""
    try:
        home: Article | None = corpus.article(anchor.article)
    except KeyError:
        home = None
    if home is not None:
        found = locate_in(anchor, home, threshold)
        if found is not None:
            return found
    best: Located | None = None
    for article in corpus.articles:
        if article is home:
            continue
        found = locate_in(anchor, article, threshold)
        if found is not None and (best is None or found.score > best.score):
            best = found
    return best


def locate_in(
    anchor: Anchor, article: Article, threshold: float = FUZZY_THRESHOLD
) -> Located | None:
    """Find an anchor's text in one article: old offsets, then verbatim, then approximately."""
    text, needle = article.text, anchor.text
    if not needle.strip():
        return None
    if text[anchor.start : anchor.end] == needle:
        return _located(article, anchor.start, anchor.end, "exact", 100.0)
    hits = _occurrences(text, needle)
    if hits:
        start = min(hits, key=lambda h: abs(h - anchor.start))
        return _located(article, start, start + len(needle), "moved", 100.0)
    if len(needle.strip()) < MIN_FUZZY_CHARS:
        return None
    match = fuzz.partial_ratio_alignment(needle, text, score_cutoff=threshold)
    if match is None or match.dest_end <= match.dest_start:
        return None
    return _located(article, match.dest_start, match.dest_end, "fuzzy", match.score)


def _anchor_bookmark(
    bookmark: Bookmark,
    corpus: Corpus,
    alignment: Alignment | None,
    quotes: Sequence[Quote],
    *,
    discrepancies: Sequence[Discrepancy],
    threshold: float,
    fingerprint: str,
) -> AnchoredBookmark:
    changed = bookmark.fingerprint != fingerprint
    found: list[Located] = []
    missing: list[str] = []
    for anchor in bookmark.anchors:
        located = locate(anchor, corpus, threshold)
        if located is None:
            missing.append(anchor.article)
        else:
            found.append(located)
    quote = _match_quote(bookmark, found, quotes, threshold) if bookmark.kind == "quote" else None
    if quote is not None and not found:
        found.append(_quote_place(quote, corpus))
    if not found:
        return AnchoredBookmark(
            bookmark, "orphaned", missing=tuple(dict.fromkeys(missing)), corpus_changed=changed
        )
    pairs = tuple(dict.fromkeys((f.article, s) for f in found for s in f.sentences))
    group = _match_group(bookmark, pairs, alignment)
    discrepancy = None
    if bookmark.kind == "discrepancy":
        discrepancy = _match_discrepancy(bookmark, pairs, group, discrepancies)
        if group is None and discrepancy is not None:
            group = next((d.group for d in discrepancies if d.id == discrepancy), None)
    worst = max((f.how for f in found), key=_RANK.__getitem__)
    status: AnchorStatus = "fuzzy" if missing and worst != "fuzzy" else worst
    return AnchoredBookmark(
        bookmark,
        status,
        group=group,
        discrepancy=discrepancy,
        quote=quote.id if quote is not None else None,
        sentences=pairs,
        missing=tuple(dict.fromkeys(missing)),
        corpus_changed=changed,
    )


def _match_group(
    bookmark: Bookmark, pairs: Sequence[tuple[str, int]], alignment: Alignment | None
) -> int | None:
    """The group holding most of the found sentences; the old id breaks ties."""
    if alignment is None or not pairs:
        return None
    wanted = set(pairs)
    best: tuple[int, int, int] | None = None
    best_id = None
    for group in alignment.groups:
        shared = sum(1 for m in group.members if (m.article, m.sentence) in wanted)
        if shared == 0:
            continue
        key = (shared, int(bookmark.kind == "fact" and str(group.id) == bookmark.target), -group.id)
        if best is None or key > best:
            best, best_id = key, group.id
    return best_id


def _match_discrepancy(
    bookmark: Bookmark,
    pairs: Sequence[tuple[str, int]],
    group: int | None,
    discrepancies: Sequence[Discrepancy],
) -> int | None:
    """The discrepancy on the same sentences (or fact), preferring the same kind and values."""
    wanted = set(pairs)
    old_values = {v.value for v in bookmark.values}
    best: tuple[int, int, int, int] | None = None
    best_id = None
    for disc in discrepancies:
        shared = sum(1 for v in disc.values if (v.article, v.sentence) in wanted)
        same_group = int(group is not None and disc.group == group)
        if shared == 0 and not same_group:
            continue
        key = (
            shared + same_group,
            int(disc.kind == bookmark.discrepancy_kind),
            sum(1 for v in disc.values if v.value in old_values),
            -disc.id,
        )
        if best is None or key > best:
            best, best_id = key, disc.id
    return best_id


def _match_quote(
    bookmark: Bookmark, found: Sequence[Located], quotes: Sequence[Quote], threshold: float
) -> Quote | None:
    """The quote inside the found sentences with the closest words; else by words anywhere."""
    words = bookmark.quote_text or ""
    best: tuple[int, float] | None = None
    chosen = None
    for quote in quotes:
        inside = any(
            f.article == quote.article and quote.start < f.end and quote.end > f.start
            for f in found
        )
        score = fuzz.ratio(words, quote.text) if words else (100.0 if inside else 0.0)
        if not inside and score < threshold:
            continue
        key = (int(inside), score)
        if best is None or key > best:
            best, chosen = key, quote
    return chosen


def _quote_place(quote: Quote, corpus: Corpus) -> Located:
    try:
        article = corpus.article(quote.article)
    except KeyError:
        return Located(quote.article, quote.start, quote.end, (), "fuzzy", 0.0)
    return _located(article, quote.start, quote.end, "fuzzy", 0.0)


def _occurrences(text: str, needle: str) -> list[int]:
    hits, at = [], text.find(needle)
    while at != -1:
        hits.append(at)
        at = text.find(needle, at + 1)
    return hits


def _located(
    article: Article, start: int, end: int, how: Literal["exact", "moved", "fuzzy"], score: float
) -> Located:
    """The span and the sentences it really covers (not ones it grazes by a character)."""
    overlaps = [
        (min(end, s.end) - max(start, s.start), s)
        for s in article.sentences
        if s.start < end and s.end > start
    ]
    kept = tuple(s.index for size, s in overlaps if 2 * size >= min(s.end - s.start, end - start))
    if not kept and overlaps:
        kept = (max(overlaps, key=lambda o: o[0])[1].index,)
    return Located(article.id, start, end, kept, how, score)
