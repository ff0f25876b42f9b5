"""Values that conflict inside an aligned fact: numbers, dates and attributions.

Kinds: ``number`` (same unit, different value: 76,000 vs 80,000 evacuated), ``date``
(weekdays or calendar dates that conflict), ``place`` (:mod:`.places`) and
``attribution`` (the same label put in different mouths or words: Putin's "major
provocation" vs the Kremlin's "large-scale provocation"). Hand-written rules over the normalised tokens
instead of a quantity parser such as quantulum3: the units that matter in news (people,
troops, square kilometres) are few, and its ambiguity resolution needs a model.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from tui.core.discrepancies.dates import (
    DateMention,
    comparable,
    date_mentions,
    evidence,
    rival_actors,
    same_event,
)
from tui.core.discrepancies.numbers import Mention, conflicts_among, mentions, one_per_article
from tui.core.discrepancies.places import PlaceMention, place_conflicts, place_mentions
from tui.core.models import (
    Article,
    Corpus,
    DiscrepancyKind,
    DiscrepancyValue,
    Group,
    Quote,
    Sentence,
)
from tui.core.text.normalize import (
    RARE,
    content_tokens,
    rarity,
    tokenize,
)

_QUOTE = re.compile(r"[\"“]([^\"“”]{2,300})[\"”]")
GROUP_BATCH = 300
"""Groups searched between two progress reports."""
_SHORT_QUOTE = 6
"""Quotes up to this many words are labels ("a major provocation"): wording counts."""


class SentenceValues:
    """Each sentence's numbers, dates and places, read once however many facts and
    sentence pairs compare them (the facts, then every sentence of a story)."""

    def __init__(self, corpus: Corpus) -> None:
        self._articles = {a.id: a for a in corpus.articles}
        self._read: dict[
            tuple[str, int], tuple[list[Mention], list[DateMention], list[PlaceMention]]
        ] = {}

    def of(
        self, article_id: str, index: int
    ) -> tuple[list[Mention], list[DateMention], list[PlaceMention]]:
        """(numbers, dates, places) of one sentence."""
        key = (article_id, index)
        if key not in self._read:
            article = self._articles[article_id]
            sentence = article.sentences[index]
            self._read[key] = (
                mentions(article, sentence),
                date_mentions(article, sentence),
                place_mentions(article, sentence),
            )
        return self._read[key]


@dataclass(frozen=True, slots=True)
class Found:
    """A discrepancy before it is numbered."""

    kind: DiscrepancyKind
    group: int | None
    summary: str
    values: tuple[DiscrepancyValue, ...]
    confidence: float = 0.7


def value_conflicts(
    corpus: Corpus,
    groups: Sequence[Group],
    quotes: Sequence[Quote] = (),
    values: SentenceValues | None = None,
) -> Generator[float, None, list[Found]]:
    """Numbers, dates and attributions that conflict inside each group; yields progress.

    Speakers come from the quote extractor (``quotes``), never from a second finder.
    """
    values = values or SentenceValues(corpus)
    speakers = _speakers(quotes)
    found: list[Found] = []
    seen: set[tuple[str, frozenset[tuple[str, int, str]]]] = set()
    articles = {a.id: a for a in corpus.articles}
    for n, group in enumerate(groups):
        if n % GROUP_BATCH == GROUP_BATCH - 1:
            yield n / len(groups)
        members = [
            (articles[m.article], articles[m.article].sentences[m.sentence]) for m in group.members
        ]
        read = [values.of(m.article, m.sentence) for m in group.members]
        for item in (
            *_numbers(group.id, [m for numbers, _, _ in read for m in numbers]),
            *date_conflicts(group.id, [m for _, dates, _ in read for m in dates]),
            *places_found(group.id, [m for _, _, places in read for m in places]),
            *_attributions(group.id, members, speakers),
        ):
            key = (item.kind, frozenset((v.article, v.sentence, v.value) for v in item.values))
            if key not in seen:
                seen.add(key)
                found.append(item)
    return _merge_shared(_drop_subsumed(found))


def _merge_shared(found: list[Found]) -> list[Found]:
    """Two number conflicts of one slot sharing a source's value are one conflict.

    One fact split over two groups (139 million against 141 million in one, against
    140,937,785 in the other) is one disagreement; each article keeps its first value.
    """

    def one_slot(a: Found, b: Found) -> bool:
        return a.kind == b.kind == "number" and a.summary.split(":")[0] == b.summary.split(":")[0]

    return merge_sharing(found, one_slot, most_confident=True)


def merge_sharing(
    found: Iterable[Found], same: Callable[[Found, Found], bool], *, most_confident: bool = False
) -> list[Found]:
    """Conflicts that ``same`` puts in one slot and that share a stated value are one: the
    first keeps its values and gains the first value of each article it lacks (and the
    higher confidence, with ``most_confident``)."""
    kept: list[Found] = []
    for f in found:
        mine = value_places(f)
        twin = next((n for n, k in enumerate(kept) if same(k, f) and value_places(k) & mine), None)
        if twin is None:
            kept.append(f)
            continue
        old = kept[twin]
        present = {v.article for v in old.values}
        extra = tuple(v for v in f.values if v.article not in present)
        confidence = max(old.confidence, f.confidence) if most_confident else old.confidence
        kept[twin] = replace(old, values=old.values + extra, confidence=confidence)
    return kept


def value_places(f: Found) -> set[tuple[str, int, int]]:
    """Where a conflict's values stand: (article, sentence, start)."""
    return {(v.article, v.sentence, v.start) for v in f.values}


def _drop_subsumed(found: list[Found]) -> list[Found]:
    """One fact split over two groups reports its conflict twice: keep the fuller one."""
    sets = [(f"{f.kind}:{f.summary.split(':')[0]}", {v.value for v in f.values}) for f in found]
    kept = []
    for n, (f, (kind, mine)) in enumerate(zip(found, sets, strict=True)):
        bigger = any(k == kind and mine < other for k, other in sets)
        repeated = any(k == kind and mine == other for k, other in sets[:n])
        if not (bigger or repeated):
            kept.append(f)
    return kept


def places_found(gid: int | None, found: Sequence[PlaceMention]) -> list[Found]:
    """Place conflicts among these mentions (:mod:`.places`), as discrepancies."""
    return [Found("place", gid, c.summary, c.values, c.confidence) for c in place_conflicts(found)]


def _numbers(gid: int, found: list[Mention]) -> list[Found]:
    return [Found("number", gid, c.summary, c.values, c.confidence) for c in conflicts_among(found)]


def date_conflicts(
    gid: int | None, found: Sequence[DateMention], strict: bool = False
) -> list[Found]:
    """Dates of one event (shared neighbour words, each other's best match) whose days
    cannot meet once resolved against each article's date (:mod:`.dates`).

    ``strict`` (sentences not aligned): the words naming one date's happening are all
    the other's too, whatever the grain ("joined the administration in 2009" and "left
    the administration last year" are two events).
    """

    score, best = _matching(found, strict)
    places = [(m.value.article, m.value.sentence) for m in found]

    def accounted(x: int, y: int) -> bool:
        """Either sentence also gives the other's day, as precisely (a report Thursday,
        disputed Friday vs disputed Friday): the day that differs dates another happening."""
        return _gives_day(found, places, x, y) or _gives_day(found, places, y, x)

    result = []
    used: set[int] = set()
    for i in range(len(found)):
        if i in used:
            continue
        slot = [i] + [j for j in range(len(found)) if j != i and best(i, j) and best(j, i)]
        clash = [
            (x, y)
            for x in slot
            for y in slot
            if found[x].value.article < found[y].value.article
            and (i in (x, y) or (best(x, y) and best(y, x)))
            and not found[x].agrees(found[y])
            and not accounted(x, y)
        ]
        if not clash:
            continue
        used.update(slot)
        picked = one_per_article(clash, slot, lambda x: found[x].value.article)
        values = tuple(found[x].value for x in picked)
        shown = " vs ".join(dict.fromkeys(_date_label(v) for v in values))
        shared = min(score(x, y) for x, y in clash)
        confidence = min(0.9, 0.5 + 0.05 * shared)
        result.append(Found("date", gid, f"date: {shown}", values, confidence))
    return result


def dates_may_conflict(a: Sequence[DateMention], b: Sequence[DateMention]) -> bool:
    """Whether :func:`date_conflicts` (strict) can find a conflict between the dates of two
    sentences of different articles: every clash is a date of one and a date of the other,
    each the other's best match, that disagree. Most compared sentences have none, and
    this looks at their pairs only, not at every pair of their dates."""
    found = [*a, *b]
    _, best = _matching(found, strict=True)
    return any(
        best(i, j) and best(j, i) and not found[i].agrees(found[j])
        for i in range(len(a))
        for j in range(len(a), len(found))
    )


def _matching(
    found: Sequence[DateMention], strict: bool
) -> tuple[Callable[[int, int], float], Callable[[int, int], bool]]:
    """``score(i, j)``, the evidence that two dates are one event's, and ``best(i, j)``:
    ``found[j]`` is, among the dates of its sentence, the one of ``found[i]``'s event.
    Each is computed once, when asked."""
    places = [(m.value.article, m.value.sentence) for m in found]
    # A pair's rivals: the other dates of the second one's sentence.
    sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for n, place in enumerate(places):
        sentence[place].append(n)

    @cache
    def score(i: int, j: int) -> float:
        return evidence(found[i], found[j])

    @cache
    def best(i: int, j: int) -> bool:
        a, b = found[i], found[j]
        return (
            same_event(a, b)
            and (not strict or _one_happening(a, b))
            and all(
                score(i, k) < score(i, j)
                for k in sentence[places[j]]
                if k != j and comparable(a, found[k])
            )
        )

    return score, best


def _gives_day(
    found: Sequence[DateMention],
    places: list[tuple[str, int]],
    x: int,
    y: int,
) -> bool:
    """Another date of x's sentence, of x's grain, no vaguer than x and not another
    actor's day, agrees with y."""
    return any(
        places[k] == places[x]
        and found[k].grain == found[x].grain
        and not rival_actors(found[k], found[y])
        and found[k].width() <= found[x].width()
        and found[k].agrees(found[y])
        for k in range(len(found))
        if k != x
    )


def _one_happening(a: DateMention, b: DateMention) -> bool:
    """The words naming one date's happening are all the other's too."""
    return bool(a.event and b.event) and (a.event <= b.event or b.event <= a.event)


def _date_label(value: DiscrepancyValue) -> str:
    """``Wednesday (2016-09-28)``; the words alone when nothing was resolved."""
    words = value.text.strip()
    return words if value.value == words.lower() else f"{words} ({value.value})"


@dataclass(frozen=True, slots=True)
class _Quote:
    article: str
    sentence: int
    text: str
    speaker: str | None
    keys: frozenset[str]
    start: int
    """Offset of ``text`` in the article."""


Speakers = dict[str, list[tuple[int, int, str | None]]]
"""Article id -> (start, end, speaker) of each quote the extractor found."""


def _speakers(quotes: Sequence[Quote]) -> Speakers:
    found: Speakers = defaultdict(list)
    for q in quotes:
        found[q.article].append((q.start, q.end, q.speaker_id or q.speaker))
    return found


def _speaker_of(speakers: Speakers, article: str, start: int, end: int) -> str | None:
    """The extractor's speaker of the quote overlapping ``start..end``, if any."""
    return next((who for s, e, who in speakers.get(article, ()) if s < end and start < e), None)


def _attributions(
    gid: int, members: list[tuple[Article, Sentence]], speakers: Speakers
) -> list[Found]:
    quotes: list[_Quote] = []
    for article, sentence in members:
        for at, end, start, words, keys in quotations(sentence.text):
            speaker = _speaker_of(speakers, article.id, sentence.start + at, sentence.start + end)
            quotes.append(
                _Quote(article.id, sentence.index, words, speaker, keys, sentence.start + start)
            )
    found = []
    used: set[int] = set()
    for i, q in enumerate(quotes):
        if i in used:
            continue
        related = [i] + [
            j
            for j in range(i + 1, len(quotes))
            if j not in used and quotes[j].article != q.article and _same_quote(q, quotes[j])
        ]
        if len(related) < 2:
            continue
        chosen = [quotes[j] for j in related]
        wordings = {_wording(c.text) for c in chosen}
        if not all(len(c.text.split()) <= _SHORT_QUOTE for c in chosen):
            continue  # Long quotes are the quotes report's business; labels are ours.
        if len(wordings) < 2 or any(a < b for a in wordings for b in wordings):
            # Same words, or one quote cut from the other: not a different label.
            continue
        if len({c.speaker for c in chosen if c.speaker}) < 2:
            continue  # One speaker (or unknown ones): a wording, not an attribution.
        used.update(related)
        values = tuple(
            DiscrepancyValue(
                c.article,
                c.sentence,
                c.text,
                f"{c.speaker or '?'}: {c.text}",
                c.start,
                c.start + len(c.text),
            )
            for c in chosen
        )
        shown = " vs ".join(dict.fromkeys(f'{c.speaker or "?"}: "{c.text}"' for c in chosen))
        found.append(Found("attribution", gid, shown, values))
    return found


@lru_cache(maxsize=4_096)
def quotations(text: str) -> tuple[tuple[int, int, int, str, frozenset[str]], ...]:
    """Each quotation in a sentence: its span, where its words start, the words and their
    rare keys. Read once however many facts hold the sentence."""
    found = []
    for match in _QUOTE.finditer(text):
        raw = match.group(1)
        words = raw.strip(" ,.;:")
        keys = frozenset(
            t.key
            for t in content_tokens(tokenize(words))
            if t.kind == "word" and rarity(t.norm) >= RARE
        )
        start = match.start(1) + len(raw) - len(raw.lstrip(" ,.;:"))
        found.append((match.start(), match.end(), start, words, keys))
    return tuple(found)


@lru_cache(maxsize=4_096)
def _wording(text: str) -> frozenset[str]:
    """The words of a quote that carry its meaning, folded."""
    return frozenset(t.norm for t in content_tokens(tokenize(text)))


def _same_quote(a: _Quote, b: _Quote) -> bool:
    """Quotes sharing half the rare words of the longer one are one quote, however worded
    ("equality 101" and "we in Washington stand for equality" are two statements)."""
    common = len(a.keys & b.keys)
    words_a, words_b = _wording(a.text), _wording(b.text)
    shared = len(words_a & words_b) * 2 >= max(len(words_a), len(words_b))
    return common > 0 and common * 2 >= max(len(a.keys), len(b.keys)) and shared
