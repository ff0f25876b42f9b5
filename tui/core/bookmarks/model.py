"""What a bookmark is, and how one is drafted from a fact, a discrepancy or a quote.

A bookmark keeps copies of the sentences it marks (text and offsets per article) and of
the disputed values, so it still means something, and can be found again, after the
articles, their segmentation or the alignment change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from tui.core.models import Alignment, Corpus, Discrepancy, Group, Quote
from tui.core.text.corpus import corpus_fingerprint

TargetKind = Literal["fact", "discrepancy", "quote"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """The marked text in one article, as it was when bookmarked."""

    article: str
    sentence: int
    """Index of the (first) marked sentence then."""
    start: int
    end: int
    text: str
    """``article.text[start:end]`` then: what re-anchoring searches for."""


@dataclass(frozen=True, slots=True)
class MarkedValue:
    """One source's value in a bookmarked discrepancy (a copy of ``DiscrepancyValue``)."""

    article: str
    sentence: int
    text: str
    value: str


@dataclass(frozen=True, slots=True)
class SourceName:
    """How to name an article in a memo, copied when bookmarked (ids alone mean little)."""

    article: str
    outlet: str | None
    title: str
    date: str | None = None
    url: str | None = None
    """Where the article was read from (a page's canonical URL, front matter's ``url``)."""

    @property
    def short(self) -> str:
        """The outlet, else the article id."""
        return self.outlet or self.article


@dataclass(frozen=True, slots=True)
class BookmarkDraft:
    """A bookmark not saved yet: ``BookmarkStore.add`` gives it an id and times."""

    kind: TargetKind
    target: str
    """The group, discrepancy or quote id when drafted (a hint: ids change on re-alignment)."""
    label: str
    """One line saying what is marked: the fact's label, the discrepancy's summary, the quote."""
    anchors: tuple[Anchor, ...]
    fingerprint: str
    values: tuple[MarkedValue, ...] = ()
    note: str = ""
    tags: tuple[str, ...] = ()
    discrepancy_kind: str | None = None
    speaker: str | None = None
    quote_text: str | None = None
    sources: tuple[SourceName, ...] = ()
    """Outlet, title and date of each marked article."""

    def with_note(self, note: str, tags: Sequence[str] = ()) -> BookmarkDraft:
        """The same draft with the user's note and (cleaned) tags."""
        return replace(self, note=note.strip(), tags=parse_tags(" ".join(tags)))


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A saved bookmark. Frozen: the store returns a new one after each change."""

    id: int
    kind: TargetKind
    target: str
    label: str
    anchors: tuple[Anchor, ...]
    values: tuple[MarkedValue, ...]
    note: str
    tags: tuple[str, ...]
    created: str
    """UTC, ISO 8601."""
    updated: str
    fingerprint: str
    """``corpus_fingerprint`` of the corpus it was made on."""
    discrepancy_kind: str | None = None
    speaker: str | None = None
    quote_text: str | None = None
    sources: tuple[SourceName, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the articles it marks, in order, without repeats."""
        return tuple(dict.fromkeys(a.article for a in self.anchors))

    @classmethod
    def from_draft(
        cls, bookmark_id: int, draft: BookmarkDraft, *, created: str, updated: str
    ) -> Bookmark:
        return cls(
            id=bookmark_id,
            kind=draft.kind,
            target=draft.target,
            label=draft.label,
            anchors=draft.anchors,
            values=draft.values,
            note=draft.note,
            tags=draft.tags,
            created=created,
            updated=updated,
            fingerprint=draft.fingerprint,
            discrepancy_kind=draft.discrepancy_kind,
            speaker=draft.speaker,
            quote_text=draft.quote_text,
            sources=draft.sources,
        )


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags from what the user typed: split on commas and spaces, ``#`` dropped, no repeats."""
    tags = (t.strip().lstrip("#").strip() for t in re.split(r"[,\s]+", text))
    return tuple(dict.fromkeys(t for t in tags if t))


def draft_for_fact(group: Group, corpus: Corpus) -> BookmarkDraft:
    """A draft marking an aligned fact: one anchor per member sentence."""
    anchors = tuple(
        a for m in group.members if (a := _sentence_anchor(corpus, m.article, m.sentence))
    )
    return BookmarkDraft(
        kind="fact",
        target=str(group.id),
        label=_one_line(group.label),
        anchors=anchors,
        fingerprint=corpus_fingerprint(corpus),
        sources=_sources(corpus, anchors),
    )


def draft_for_discrepancy(
    discrepancy: Discrepancy, corpus: Corpus, alignment: Alignment | None = None
) -> BookmarkDraft:
    """A draft marking a discrepancy: its values' sentences, then its fact's other members."""
    places = [(v.article, v.sentence) for v in discrepancy.values]
    if alignment is not None and discrepancy.group is not None:
        group = next((g for g in alignment.groups if g.id == discrepancy.group), None)
        if group is not None:
            places.extend((m.article, m.sentence) for m in group.members)
    anchors = tuple(
        a
        for article, index in dict.fromkeys(places)
        if (a := _sentence_anchor(corpus, article, index))
    )
    values = tuple(MarkedValue(v.article, v.sentence, v.text, v.value) for v in discrepancy.values)
    return BookmarkDraft(
        kind="discrepancy",
        target=str(discrepancy.id),
        label=_one_line(discrepancy.summary),
        anchors=anchors,
        values=values,
        fingerprint=corpus_fingerprint(corpus),
        discrepancy_kind=discrepancy.kind,
        sources=_sources(corpus, anchors),
    )


def draft_for_quote(quote: Quote, corpus: Corpus) -> BookmarkDraft:
    """A draft marking a quote: the sentence(s) holding it, and the quoted words."""
    anchors: tuple[Anchor, ...] = ()
    try:
        article = corpus.article(quote.article)
    except KeyError:
        article = None
    if article is not None:
        inside = [s for s in article.sentences if s.start < quote.end and s.end > quote.start]
        if inside:
            start, end = inside[0].start, inside[-1].end
        else:
            start, end = quote.start, quote.end
        index = inside[0].index if inside else 0
        anchors = (Anchor(article.id, index, start, end, article.text[start:end]),)
    speaker = quote.speaker or quote.speaker_mention
    label = f"{speaker or 'unknown speaker'}: “{_one_line(quote.text)}”"
    return BookmarkDraft(
        kind="quote",
        target=quote.id,
        label=label,
        anchors=anchors,
        fingerprint=corpus_fingerprint(corpus),
        speaker=speaker,
        quote_text=quote.text,
        sources=_sources(corpus, anchors),
    )


def _sources(corpus: Corpus, anchors: Sequence[Anchor]) -> tuple[SourceName, ...]:
    names = []
    for article_id in dict.fromkeys(a.article for a in anchors):
        try:
            article = corpus.article(article_id)
        except KeyError:
            continue
        names.append(
            SourceName(article.id, article.source, article.title, article.date, article.url)
        )
    return tuple(names)


def _sentence_anchor(corpus: Corpus, article_id: str, index: int) -> Anchor | None:
    try:
        sentence = corpus.article(article_id).sentences[index]
    except (KeyError, IndexError):
        return None
    return Anchor(article_id, sentence.index, sentence.start, sentence.end, sentence.text)


def _one_line(text: str) -> str:
    return " ".join(text.split())
