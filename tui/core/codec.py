"""Core objects to JSON and back: the one format of the analysis cache and the index.

What is read back came from disk, maybe damaged, maybe written by another version or
by someone else: every field is checked (types, ids, sentence indexes and offsets
against the articles it speaks of) and anything off makes the whole entry ``None``, so
callers rebuild it instead of trusting it. Article text read back is sanitised like any
text entering the program. Spans are ``[start, end, kind]`` lists: a story's facts
hold tens of thousands of them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, get_args

from tui.core.models import (
    Article,
    Corpus,
    DiffKind,
    DiffSpan,
    Discrepancy,
    DiscrepancyKind,
    DiscrepancyValue,
    Group,
    Member,
    Paragraph,
    Quote,
    Sentence,
    SentenceKind,
    Story,
    StoryAnalysis,
    Tweet,
)
from tui.core.text.sanitize import sanitize, sanitize_line

_DIFF_KINDS = frozenset(get_args(DiffKind))
_DISCREPANCY_KINDS = frozenset(get_args(DiscrepancyKind))
_SENTENCE_KINDS = frozenset(get_args(SentenceKind))
_QUOTE_KINDS = frozenset({"direct", "tweet"})
_QUOTE_ID = re.compile(r"q\d+-\d+")
"""``q<article's place>-<quote's place in the article>``, as the extractor names them."""


class Damaged(ValueError):
    """Raised inside the decoders; the public functions turn it into ``None``."""


def dumps(data: object) -> str:
    """Compact JSON, ASCII only: a lone surrogate in an article survives SQLite."""
    return json.dumps(data, separators=(",", ":"))


# -- one story's analysis (cache entries, index rows) -----------------------------------


def encode_story(result: StoryAnalysis) -> str:
    """A story's facts, quotes and discrepancies (ids local to the story)."""
    return dumps(
        {
            "groups": [group_data(g) for g in result.groups],
            "quotes": [quote_data(q) for q in result.quotes],
            "discrepancies": [discrepancy_data(d) for d in result.discrepancies],
        }
    )


def decode_story(blob: str | bytes, articles: Sequence[Article]) -> StoryAnalysis | None:
    """The analysis of the story of ``articles``, or None if anything is off."""
    try:
        data = json.loads(blob)
        return story_from_parts(
            data["groups"], data["quotes"], data["discrepancies"], _by_id(articles)
        )
    except (Damaged, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def story_from_parts(
    groups: Sequence[Any],
    quotes: Sequence[Any],
    discrepancies: Sequence[Any],
    articles: Mapping[str, Article],
) -> StoryAnalysis:
    """A story's analysis from decoded JSON items; raises :class:`Damaged` (or a
    ``TypeError``/``KeyError``) when an item is not one this program wrote."""
    built_groups = tuple(_group(n, g, articles) for n, g in enumerate(groups))
    built_discrepancies = tuple(
        _discrepancy(n, d, articles, len(built_groups)) for n, d in enumerate(discrepancies)
    )
    for group in built_groups:
        for i in group.discrepancies:
            _check(0 <= i < len(built_discrepancies) and built_discrepancies[i].group == group.id)
    built_quotes = tuple(_quote(q, articles) for q in quotes)
    ids = {q.id for q in built_quotes}
    _check(len(ids) == len(built_quotes))
    for quote in built_quotes:
        _check(all(other in ids for other in quote.same_as))
    return StoryAnalysis(built_groups, built_quotes, built_discrepancies)


def in_story(group: Group, story: int, discrepancies: tuple[int, ...] | None = None) -> Group:
    """A fact read back, placed in its story (and its discrepancies renumbered, if
    given): one constructor call, as ``dataclasses.replace`` reads the fields' definitions
    each time (8 ms of BASIL's 1,747 facts)."""
    return Group(
        id=group.id,
        label=group.label,
        score=group.score,
        members=group.members,
        discrepancies=group.discrepancies if discrepancies is None else discrepancies,
        story=story,
    )


def group_data(group: Group) -> dict[str, Any]:
    return {
        "label": group.label,
        "score": group.score,
        "members": [
            [m.article, m.sentence, [[d.start, d.end, d.kind] for d in m.diff]]
            for m in group.members
        ],
        "discrepancies": list(group.discrepancies),
    }


def quote_data(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "article": quote.article,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_mention": quote.speaker_mention,
        "cue": quote.cue,
        "kind": quote.kind,
        "unclosed": quote.unclosed,
        "same_as": list(quote.same_as),
        "reason": quote.reason,
        "speaker_id": quote.speaker_id,
        "named": quote.named,
        "speaker_from": quote.speaker_from,
    }


def discrepancy_data(discrepancy: Discrepancy) -> dict[str, Any]:
    return {
        "kind": discrepancy.kind,
        "group": discrepancy.group,
        "summary": discrepancy.summary,
        "confidence": discrepancy.confidence,
        "values": [
            [v.article, v.sentence, v.text, v.value, v.start, v.end] for v in discrepancy.values
        ],
    }


def _group(number: int, data: Mapping[str, Any], articles: Mapping[str, Article]) -> Group:
    members = []
    for article_id, sentence, diff in data["members"]:
        article = _article_of(article_id, articles)
        _check(_is_int(sentence) and 0 <= sentence < len(article.sentences))
        length = len(article.text)
        spans = []
        for start, end, kind in diff:
            # _span's and the kind's checks, inline: a cached BASIL analysis has 50,000
            # spans, read back before its facts show (``type(v) is int``: _is_int, for
            # what JSON decodes).
            if not (
                type(start) is int
                and type(end) is int
                and 0 <= start <= end <= length
                and kind in _DIFF_KINDS
            ):
                raise Damaged(_NOT_OURS)
            spans.append(DiffSpan(start, end, kind))
        members.append(Member(article_id, sentence, tuple(spans)))
    ids = data["discrepancies"]
    _check(isinstance(ids, list) and all(_is_int(i) for i in ids))
    return Group(number, _text(data["label"]), _number(data["score"]), tuple(members), tuple(ids))


def _discrepancy(
    number: int, data: Mapping[str, Any], articles: Mapping[str, Article], groups: int
) -> Discrepancy:
    kind, group = data["kind"], data["group"]
    _check(kind in _DISCREPANCY_KINDS)
    _check(group is None or (_is_int(group) and 0 <= group < groups))
    values = []
    for article_id, sentence, text, value, start, end in data["values"]:
        article = _article_of(article_id, articles)
        _check(_is_int(sentence) and 0 <= sentence < len(article.sentences))
        _span(start, end, article)
        values.append(DiscrepancyValue(article_id, sentence, _text(text), _text(value), start, end))
    return Discrepancy(
        number, kind, group, _text(data["summary"]), tuple(values), _number(data["confidence"])
    )


def _quote(data: Mapping[str, Any], articles: Mapping[str, Article]) -> Quote:
    article = _article_of(data["article"], articles)
    start, end = data["start"], data["end"]
    _span(start, end, article)
    _check(data["kind"] in _QUOTE_KINDS and isinstance(data["unclosed"], bool))
    _check(isinstance(data["named"], bool))
    same_as = data["same_as"]
    _check(isinstance(same_as, list) and _QUOTE_ID.fullmatch(_str(data["id"])) is not None)
    return Quote(
        id=_text(data["id"]),
        article=article.id,
        start=start,
        end=end,
        text=_text(data["text"]),
        speaker=_optional(data["speaker"]),
        speaker_mention=_optional(data["speaker_mention"]),
        cue=_optional(data["cue"]),
        kind=data["kind"],
        unclosed=data["unclosed"],
        same_as=tuple(_str(s) for s in same_as),
        reason=_optional(data["reason"]),
        speaker_id=_optional(data["speaker_id"]),
        named=data["named"],
        speaker_from=(
            None if data["speaker_from"] is None else _article_of(data["speaker_from"], articles).id
        ),
    )


# -- articles and stories (the index) --------------------------------------------------


def article_data(article: Article) -> dict[str, Any]:
    """Everything the reader shows of an article, so an index opens without its files."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "text": article.text,
        "sentences": [[s.paragraph, s.start, s.end, s.kind] for s in article.sentences],
        "paragraphs": [[p.start, p.end, p.kind] for p in article.paragraphs],
        "tweets": [
            [t.start, t.end, t.body_end, t.author, t.handle, t.date] for t in article.tweets
        ],
    }


def decode_article(data: Mapping[str, Any]) -> Article:
    """An article read back, sanitised and checked; raises :class:`Damaged` if off."""
    try:
        text = sanitize(_str(data["text"]))
        sentences = []
        length = len(text)
        for index, (paragraph, start, end, kind) in enumerate(data["sentences"]):
            # _bounds' checks inline (as in _group): 20,000 sentences in 300 articles.
            if not (
                type(paragraph) is int
                and paragraph >= 0
                and kind in _SENTENCE_KINDS
                and type(start) is int
                and type(end) is int
                and 0 <= start <= end <= length
            ):
                raise Damaged(_NOT_OURS)
            sentences.append(Sentence(index, paragraph, start, end, text[start:end], kind))
        paragraphs = []
        for index, (start, end, kind) in enumerate(data["paragraphs"]):
            _check(kind in ("text", "heading"))
            _bounds(start, end, len(text))
            paragraphs.append(Paragraph(index, start, end, kind))
        tweets = []
        for start, end, body_end, author, handle, date in data["tweets"]:
            _bounds(start, end, len(text))
            _check(_is_int(body_end) and start <= body_end <= end)
            tweets.append(Tweet(start, end, body_end, _line(author), _line(handle), _line(date)))
        return Article(
            id=_line(data["id"]),
            path=_line(data["path"]),
            title=_line(data["title"]),
            date=_optional_line(data["date"]),
            text=text,
            sentences=tuple(sentences),
            paragraphs=tuple(paragraphs),
            tweets=tuple(tweets),
            source=_optional_line(data["source"]),
            url=_optional_line(data["url"]),
        )
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
        raise Damaged(str(error)) from None


def stories_data(stories: Sequence[Story]) -> list[Any]:
    return [[s.label, list(s.articles)] for s in stories]


def decode_stories(data: object, corpus: Corpus) -> tuple[Story, ...] | None:
    """Stories read back: each article of ``corpus`` in exactly one, else None."""
    try:
        _check(isinstance(data, list))
        rows: list[tuple[object, list[object]]] = data  # type: ignore[assignment]
        stories = tuple(
            Story(n, sanitize_line(_str(label)), tuple(_str(a) for a in articles))
            for n, (label, articles) in enumerate(rows)
        )
        placed = [a for story in stories for a in story.articles]
        _check(sorted(placed) == sorted(a.id for a in corpus.articles))
        _check(all(story.articles for story in stories))
        return stories
    except (Damaged, ValueError, TypeError, RecursionError):
        return None


# -- checks -------------------------------------------------------------------------------


_NOT_OURS = "an entry that this program did not write"
"""Why an entry is refused whose values could not have come from our encoder."""


def _check(condition: bool) -> None:
    if not condition:
        raise Damaged(_NOT_OURS)


def _by_id(articles: Sequence[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def _article_of(article_id: object, articles: Mapping[str, Article]) -> Article:
    _check(isinstance(article_id, str) and article_id in articles)
    return articles[article_id]  # type: ignore[index]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _bounds(start: object, end: object, length: int) -> None:
    _check(_is_int(start) and _is_int(end) and 0 <= start <= end <= length)  # type: ignore[operator]


def _span(start: object, end: object, article: Article) -> None:
    _bounds(start, end, len(article.text))


def _number(value: object) -> float:
    _check(isinstance(value, int | float) and not isinstance(value, bool))
    return float(value)  # type: ignore[arg-type]


def _str(value: object) -> str:
    _check(isinstance(value, str))
    return value  # type: ignore[return-value]


def _text(value: object) -> str:
    """A string of an entry: sanitised (a no-op on what this program wrote)."""
    return sanitize(_str(value))


def _optional(value: object) -> str | None:
    return None if value is None else _text(value)


def _line(value: object) -> str:
    return sanitize_line(_str(value))


def _optional_line(value: object) -> str | None:
    return None if value is None else _line(value)
