"""Values that conflict inside an aligned fact: numbers, dates and attributions.

Kinds: ``number`` (same unit, different value: 76,000 vs 80,000 evacuated), ``date``
(weekdays or calendar dates that conflict) and ``attribution`` (the same label put in
different mouths or words: Putin's "major provocation" vs the Kremlin's "large-scale
provocation"). Hand-written rules over the normalised tokens
instead of a quantity parser such as quantulum3: the units that matter in news (people,
troops, square kilometres) are few, and its ambiguity resolution needs a model.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.core.models import (
    Article,
    Corpus,
    DiscrepancyKind,
    DiscrepancyValue,
    Group,
    Sentence,
)
from tui.core.text import names
from tui.core.text.normalize import (
    RARE,
    Token,
    content_tokens,
    format_number,
    rarity,
    readable_number,
    tokenize,
)

_UNIT_CLASSES: dict[str, str] = {
    "squar": "area", "civilian": "people", "resident": "people", "russian": "people",
    "ukrainian": "people", "person": "people", "evacuate": "people", "refuge": "people",
    "troop": "troops", "army": "troops", "kill": "dead", "wound": "injured",
    "injur": "injured", "percent": "percent", "kilometer": "distance", "mile": "distance",
    "dron": "drones", "drone": "drones", "missile": "missiles", "town": "places",
    "villag": "places", "settlement": "places", "local": "places", "dollar": "money",
}  # fmt: skip
"""Concept of the word after a number -> what the number counts."""

_TIME_UNITS = frozenset("year old month week day hour minute time pm am ?".split())
_FILLER = frozenset("more than have been".split())
_INCREMENT = frozenset("additional another extra further added".split())
_UNIT_LABELS = {"area": "area (square km)", "people": "people", "troops": "troops"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DATE = re.compile(
    r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b"
)
_QUOTE = re.compile(r"[\"“]([^\"“”]{2,300})[\"”]")
_ACTORS = re.compile(
    r"\b(?:the\s+)?(?P<actor>Kremlin|White House|Pentagon|State Department|"
    r"(?:[A-Z][a-z]+\s+)?(?:Foreign|Defense|Defence)\s+Ministry|Ministry of \w+)\b"
)
_HAS_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen)\b",
    re.IGNORECASE,
)
_NOT_SPEAKERS = frozenset(
    "ukraine ukrainian rusia rusian kursk kiv america united states vietnam iraq china".split()
)
GROUP_BATCH = 300
"""Groups searched between two progress reports."""
_SHORT_QUOTE = 6
"""Quotes up to this many words are labels ("a major provocation"): wording counts."""


@dataclass(frozen=True, slots=True)
class Found:
    """A discrepancy before it is numbered."""

    kind: DiscrepancyKind
    group: int | None
    summary: str
    values: tuple[DiscrepancyValue, ...]


def value_conflicts(corpus: Corpus, groups: Sequence[Group]) -> Generator[float, None, list[Found]]:
    """Numbers, dates and attributions that conflict inside each group; yields progress."""
    found: list[Found] = []
    seen: set[tuple[str, frozenset[tuple[str, int, str]]]] = set()
    articles = {a.id: a for a in corpus.articles}
    for n, group in enumerate(groups):
        if n % GROUP_BATCH == GROUP_BATCH - 1:
            yield n / len(groups)
        members = [
            (articles[m.article], articles[m.article].sentences[m.sentence]) for m in group.members
        ]
        for item in (
            *_numbers(group.id, members),
            *_dates(group.id, members),
            *_attributions(group.id, members),
        ):
            key = (item.kind, frozenset((v.article, v.sentence, v.value) for v in item.values))
            if key not in seen:
                seen.add(key)
                found.append(item)
    return _drop_subsumed(found)


def _sentence_tokens(article: Article, sentence: Sentence) -> tuple[Token, ...]:
    return _tokens(sentence.text)


@lru_cache(maxsize=8_192)
def _tokens(text: str) -> tuple[Token, ...]:
    """Tokens of a sentence, computed once however many groups it sits in."""
    return tuple(tokenize(text))


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


def unit_of(tokens: Sequence[Token], index: int) -> str:
    """What the number at ``tokens[index]`` counts: the class of the words after it."""
    after = [t for t in tokens[index + 1 : index + 5] if not t.stop and t.norm not in _FILLER]
    for n, token in enumerate(after):
        if token.kind == "number":
            break
        following = after[n + 1] if n + 1 < len(after) else None
        if token.capital and following is not None and following.key in _UNIT_CLASSES:
            # "1,000 Russian soldiers": the noun counts, not the adjective before it.
            return _UNIT_CLASSES[following.key]
        return _UNIT_CLASSES.get(token.key, token.key)
    for token in reversed(tokens[max(0, index - 3) : index]):
        if not token.stop and token.kind == "word":
            return _UNIT_CLASSES.get(token.key, token.key)
    return "?"


def _numbers(gid: int, members: list[tuple[Article, Sentence]]) -> list[Found]:
    by_unit: dict[str, list[DiscrepancyValue]] = defaultdict(list)
    for article, sentence in members:
        if not _HAS_NUMBER.search(sentence.text):
            continue
        tokens = [
            t for t in _sentence_tokens(article, sentence) if not (t.stop and t.kind == "word")
        ]
        for i, token in enumerate(tokens):
            value = token.value
            if token.kind != "number" or value is None or 1900 <= value <= 2100:
                continue
            unit = unit_of(tokens, i)
            if i and tokens[i - 1].norm in _INCREMENT:
                unit = "more " + unit  # "an additional 40 square km" is not a total.
            text = sentence.text[token.start : token.end]
            by_unit[unit].append(
                DiscrepancyValue(article.id, sentence.index, text, format_number(value))
            )
    found = []
    for unit, found_values in by_unit.items():
        if unit in _TIME_UNITS:
            continue  # "16 years" and "75 years" are usually two people's ages, not a conflict.
        # A sentence with two counts of one unit ("57 drones sent, 53 shot down") counts
        # two things: its numbers are not claims about the same one.
        per_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
        for v in found_values:
            per_sentence[(v.article, v.sentence)].add(v.value)
        values = [v for v in found_values if len(per_sentence[(v.article, v.sentence)]) == 1]
        per_article = {v.article for v in values}
        distinct = sorted({v.value for v in values}, key=float)
        if len(per_article) < 2 or len(distinct) < 2:
            continue
        shown = " vs ".join(_pretty(v) for v in distinct)
        found.append(
            Found("number", gid, f"{_UNIT_LABELS.get(unit, unit)}: {shown}", tuple(values))
        )
    return found


def _pretty(value: str) -> str:
    return readable_number(float(value))


def _dates(gid: int, members: list[tuple[Article, Sentence]]) -> list[Found]:
    """Weekdays or dates that differ where the words around them name the same event."""
    mentions: list[tuple[str, DiscrepancyValue, frozenset[str]]] = []
    for article, sentence in members:
        matches = list(_DATE.finditer(sentence.text))
        tokens = content_tokens(list(_sentence_tokens(article, sentence))) if matches else []
        for match in matches:
            if match.group("weekday"):
                what, value = "weekday", match.group("weekday").lower()
            else:
                month = match.group("month").lower()
                number = next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(month[:3]))
                what, value = "date", f"{number:02d}-{int(match.group('day')):02d}"
            context = frozenset(
                t.key
                for t in tokens
                if abs(t.start - match.start()) < 60
                and t.kind == "word"
                and t.norm not in _WEEKDAYS
                and not t.capital
            )
            mentions.append(
                (what, DiscrepancyValue(article.id, sentence.index, match.group(0), value), context)
            )
    found = []
    for what in ("weekday", "date"):
        pool = [(v, ctx) for w, v, ctx in mentions if w == what]
        for i, (v, ctx) in enumerate(pool):
            rivals = [
                (u, c)
                for u, c in pool[i + 1 :]
                if u.article != v.article and u.value != v.value and len(ctx & c) >= 2
            ]
            if rivals:
                values = (v, *(u for u, _ in rivals))
                shown = " vs ".join(dict.fromkeys(x.text.strip() for x in values))
                found.append(Found("date", gid, f"{what}: {shown}", values))
                break
    return found


@dataclass(frozen=True, slots=True)
class _Quote:
    article: str
    sentence: int
    text: str
    speaker: str | None
    keys: frozenset[str]


def _attributions(gid: int, members: list[tuple[Article, Sentence]]) -> list[Found]:
    quotes: list[_Quote] = []
    for article, sentence in members:
        for match in _QUOTE.finditer(sentence.text):
            words = match.group(1).strip(" ,.;:")
            keys = frozenset(
                t.key
                for t in content_tokens(tokenize(words))
                if t.kind == "word" and rarity(t.norm) >= RARE
            )
            speaker = _speaker(sentence.text, match.start(), match.end())
            quotes.append(_Quote(article.id, sentence.index, words, speaker, keys))
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
        used.update(related)
        values = tuple(
            DiscrepancyValue(c.article, c.sentence, c.text, f"{c.speaker or '?'}: {c.text}")
            for c in chosen
        )
        shown = " vs ".join(dict.fromkeys(f'{c.speaker or "?"}: "{c.text}"' for c in chosen))
        found.append(Found("attribution", gid, shown, values))
    return found


def _wording(text: str) -> frozenset[str]:
    """The words of a quote that carry its meaning, folded."""
    return frozenset(t.norm for t in content_tokens(tokenize(text)))


def _same_quote(a: _Quote, b: _Quote) -> bool:
    """Quotes sharing most of their rare words are one quote, however worded."""
    common = len(a.keys & b.keys)
    return common > 0 and common * 2 >= min(len(a.keys), len(b.keys))


def _speaker(text: str, quote_start: int, quote_end: int) -> str | None:
    """The nearest name or institution before the quote (after it when none before)."""
    candidates: list[tuple[int, str]] = []
    for mention in names.find_names(text):
        if mention.end <= quote_start:
            candidates.append((mention.end, _clean_name(mention.text)))
    for match in _ACTORS.finditer(text, 0, quote_start):
        candidates.append((match.end(), match.group("actor")))
    candidates = [c for c in candidates if _speaker_like(c[1])]
    if candidates:
        return max(candidates)[1]
    after = [m for m in names.find_names(text, quote_end) if _speaker_like(m.text)]
    return _clean_name(after[0].text) if after else None


def _clean_name(text: str) -> str:
    """Without titles, and without a day that happened to be capitalised next to it."""
    words = names.strip_titles(text).split()
    while len(words) > 1 and (words[0].lower() in _WEEKDAYS or words[0].lower() in _MONTHS):
        words.pop(0)
    return " ".join(words)


def _speaker_like(name: str) -> bool:
    """A full name or an institution; a lone word is too often a place or a state."""
    plain = names.strip_titles(name)
    return not _place(plain) and (len(plain.split()) > 1 or bool(_ACTORS.fullmatch(plain)))


def _place(name: str) -> bool:
    """Places, days and months say where or when, not who (``Ukraine's actions``)."""
    key = names.fold(name)
    return key in _NOT_SPEAKERS or name.lower() in _WEEKDAYS or name.lower() in _MONTHS
