"""Who can speak in an article: name spans, mentions, and one name per speaker.

:func:`name_spans` and :func:`find_mentions` find the names, pronouns and role phrases
(``the Republican senator``) that :class:`tui.core.quotes.attribution.Attributor` picks speakers
from; :func:`canonical_speakers` picks the one spelling shown for a speaker across articles.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import JaroWinkler

from tui.core.quotes.cues import Tail
from tui.core.quotes.lexicon import (
    ABBREVIATIONS,
    COUNTRY_CODES,
    DAYS,
    FEMALE_NAMES,
    GEO_WORDS,
    MALE_NAMES,
    NAME_PREFIXES,
    OBJECT_MARKERS,
    OPENING_WORDS,
    ORG_WORDS,
    PERSON_TITLES,
    PLACES,
    PREPOSITIONS,
    ROLE_ALIASES,
    ROLE_NOUNS,
    WEEKDAYS,
)
from tui.core.text.names import (
    NAME_SUFFIX,
    cluster_names,
    fold,
    is_common_word,
    is_nickname,
    opens_sentence,
    same_name,
    strip_titles,
)

EntityKind = Literal["person", "org", "place", "other"]

_PARTY_TAG = re.compile(r"^[DRI]-[A-Z]")
"""``R-Ohio``, ``D-N.Y.``: name spans may start with one; it is never a speaker."""
_ABBREVIATIONS = "|".join(ABBREVIATIONS)
_TOKEN = (
    rf"(?:(?:{_ABBREVIATIONS})\.|(?:[A-Z]\.){{2,}}|[A-Z]\.(?=[ \t]+[A-Z])|[A-Z][\w’'\-]*"
    r"|(?:di|de|da|du|del|van|von|le|la|al|el)[A-Z][\w’'\-]*)"
)
_NAME_SPAN = re.compile(
    rf"(?<![\w@.’'\-]){_TOKEN}(?:[ \t]+(?:(?:de|da|van|von|der|bin|al|la|le|du)[ \t]+)?{_TOKEN})*"
)
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_ROLE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er)|(?:[A-Z][\w.]*\s+)?[A-Z][\w.]*(?:['’]s|s['’]))\s+(?:(?!(?:of|for|to|with|by|from)\s)[A-Za-z.\-]+\s+){0,3}?("
    + "|".join(ROLE_NOUNS)
    + r")\b"
)
"""``Jr.``/``III``: :func:`fullest_name` matches ``Mr. Conway`` to ``George T. Conway III``."""
_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an|who|whose|which|then|now|also|both|too|former)\b[^,;:!?\n·]{0,100}?(?:,|·|$)",
    re.M,
)
MASK = "·"
"""Stands in for every quoted character, so quoted words never count as names or cues."""
_AFTER_QUOTE = re.compile(MASK + r",?\s+[A-Za-z]+\s+$")
_COMPOUND_END = re.compile(r"[A-Z]\w*[–\-/]$")
_WORD_BEFORE = re.compile(
    r"(?<![A-Za-z])([A-Za-z]++)(?:[ \t]+(?:the|a|an|former|then|late))?[ \t]*$"
)
"""The word before a name; tried from word starts only, without backtracking into the word
(the same matches, five times faster)."""
_HYPHENATED = re.compile(r"-[a-z]")
_NON_SPACE = re.compile(r"\S+")
_OF_GAP = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?")
_AND_GAP = re.compile(r"\s+(?:and|&)\s+")
_CONJUNCTION_GAP = re.compile(r",?\s+(?:and|or)\s+")
_WORD_END = re.compile(r"\b")
_MID_SENTENCE = Tail(re.compile(r"[a-z,;]\s+\Z"), solid=1)
"""Right after a lower-case word, a comma or a semicolon."""
_THE = re.compile(r"^[Tt]he\s+")
_POSSESSIVE_END = re.compile(r"['’]s$")


@dataclass(slots=True)
class Mention:
    """A name, pronoun or role phrase outside the quotes, in text order."""

    start: int
    end: int
    text: str
    kind: Literal["name", "pronoun", "role"]
    entity: EntityKind
    name: str
    eligible: bool
    """In a position where it can be a subject (not after a preposition, not appositive)."""
    titles: frozenset[str] = frozenset()
    resolved: str | None = None
    done: bool = False
    owner: str = ""
    """A role's owner (``Reid's rep``: ``Reid``; ``her publicist``: ``her``): whoever
    holds the role, never that person."""


def find_mentions(masked: str) -> list[Mention]:
    """Names, pronouns and role phrases of a text whose quotes are masked, in text order."""
    events: list[Mention] = []
    for start, end in name_spans(masked):
        event = _name_mention(masked, start, end, masked[start:end])
        if event is not None:
            events.append(event)
    for match in _PRONOUN.finditer(masked):
        eligible = _eligible(masked, match.start())
        events.append(
            Mention(match.start(), match.end(), match.group(0), "pronoun", "person", "", eligible)
        )
    for found in _ROLE.finditer(masked):
        match = found
        owner = next((e for e in events if e.start <= match.start() < e.end), None)
        whose = ""
        if owner is not None:
            if not (owner.kind == "name" and owner.text.endswith(("’s", "'s", "s’", "s'"))):
                continue
            events.remove(owner)  # ``Mr. Strzok's lawyer`` speaks, not Mr. Strzok.
            whose = owner.name
            match = _ROLE.match(masked, owner.start) or match
        elif match.group(0)[:4].lower() in ("his ", "her "):
            whose = match.group(0)[:3].lower()  # ``her publicist``: someone's, not hers.
        role = match.group(1).lower()
        eligible = _eligible(masked, match.start())
        titles = ROLE_ALIASES.get(role, frozenset({role}))
        events.append(
            Mention(
                match.start(),
                match.end(),
                match.group(0),
                "role",
                "person",
                "",
                eligible,
                titles,
                owner=whose,
            )
        )
    events.sort(key=lambda e: e.start)
    _mark_appositives(masked, events)
    people = People(e.name for e in events if e.entity == "person")
    person: dict[str, bool] = {}  # A name recurs: compare it with the people once.
    for event in events:
        single = event.kind == "name" and event.entity == "other" and " " not in event.name
        if single:
            if event.name not in person:
                alike = people.alike(event.name)
                person[event.name] = any(same_name(k, event.name) for k in alike)
            if person[event.name]:
                event.entity = "person"
    return events


@lru_cache(maxsize=65_536)
def _surname_initial(name: str) -> str:
    """The first letter of the folded surname, as :func:`same_name` reads it."""
    words = fold(NAME_SUFFIX.sub("", strip_titles(name))).split()
    return words[-1][0] if words else ""


def name_spans(text: str) -> list[tuple[int, int]]:
    """Capitalised name spans (``Rep. Brad Wenstrup``, ``U.S. Capitol Police``).

    Stricter than :func:`tui.core.text.names.find_names` on what may open a span, and it keeps
    what a speaker needs that :func:`find_names` drops: ``Mr.``/``Mrs.``/``Ms.`` (the
    gender of ``he``/``she``), the possessive (``Mr. Strzok's lawyer`` is a role, not
    Strzok), party tags (dropped by :func:`find_mentions`), and it joins ``Chairman of the Joint
    Chiefs`` and ``Oversight and Government Reform Committee``.
    """
    spans: list[tuple[int, int]] = []
    elsewhere: dict[str, bool] = {}
    for match in _NAME_SPAN.finditer(text):
        start, end = match.start(), match.end()
        words = list(_NON_SPACE.finditer(match.group(0)))
        while words and (
            words[0].group(0).lower().rstrip(".") in OPENING_WORDS
            or (words[0].group(0).endswith("ing") and opens_sentence(text, match.start()))
        ):
            words.pop(0)  # ``The``, ``Asked``, ``Attacking Hillary Clinton``
        if not words:
            continue
        start = match.start() + words[0].start()
        word = words[0].group(0)
        opener = len(words) == 1 and opens_sentence(text, start) and is_common_word(word)
        if opener:
            if word not in elsewhere:
                elsewhere[word] = _names_elsewhere(text, word)
            if not elsewhere[word]:
                continue
        gap = text[spans[-1][1] : start] if spans else ""
        if _OF_GAP.fullmatch(gap):
            head = text[spans[-1][0] : spans[-1][1]].rsplit(maxsplit=1)[-1].lower()
            if head in ORG_WORDS or head in PERSON_TITLES:
                spans[-1] = (spans[-1][0], end)
                continue
        if _AND_GAP.fullmatch(gap) and text[start:end].rsplit(maxsplit=1)[-1].lower() in ORG_WORDS:
            spans[-1] = (spans[-1][0], end)  # ``Oversight and Government Reform Committee``
            continue
        spans.append((start, end))
    return spans


def _names_elsewhere(text: str, word: str) -> bool:
    """``Trump`` opening a sentence is a name if it is capitalised mid-sentence too.

    Each place the word is written is checked (no pattern compiled per word).
    """
    at = text.find(word)
    while at >= 0:
        if _WORD_END.match(text, at + len(word)) and _MID_SENTENCE.at(text, at):
            return True
        at = text.find(word, at + 1)
    return False


def _name_mention(text: str, start: int, end: int, surface: str) -> Mention | None:
    """Classify a capitalised span and cut titles from it (``Kyiv Mayor Vitaliy Klitschko``)."""
    kind = _name_kind(surface)
    if kind is None:
        return None
    entity, name, can_speak, titles = kind
    eligible = can_speak and _eligible(text, start)
    return Mention(start, end, surface, "name", entity, name, eligible, titles)


@lru_cache(maxsize=65_536)
def _name_kind(surface: str) -> tuple[EntityKind, str, bool, frozenset[str]] | None:
    """What a span names, from its words alone (names recur, so this is cached): its
    entity, the name without titles, whether its position decides if it can be a
    subject (else it never is), and its titles; None for no name."""
    if _PARTY_TAG.match(surface):
        return None
    words = surface.split()
    lower = [w.lower().rstrip(".,").removesuffix("’s").removesuffix("'s") for w in words]
    if all(w in DAYS for w in lower):
        return None
    while lower[-1] in WEEKDAYS:  # ``Michael Steele Sunday``: the day is the verb's.
        words, lower = words[:-1], lower[:-1]
    cut = 0
    for i, word in enumerate(words[:-1]):
        if _is_prefix(lower[i]) or word.endswith(("’s", "'s")) or lower[i] in PLACES:
            cut = i + 1
        elif _HYPHENATED.search(word) and i == cut:
            cut = i + 1  # ``Texas-based Matt Mackowiak``: a modifier, not a name.
    tail = lower[cut:]
    titles = frozenset(w for w in lower[:cut] if w in PERSON_TITLES)
    if len(words) == 1 and lower[0] in COUNTRY_CODES:
        return "place", surface, True, frozenset()  # ``US``
    if any(w in ORG_WORDS for w in tail) or (
        len(words) == 1 and words[0].isupper() and 1 < len(words[0]) <= 5
    ):
        return "org", _THE.sub("", surface), True, frozenset()
    name = _POSSESSIVE_END.sub("", " ".join(words[cut:]))
    if (
        tail[-1] in PLACES
        or all(w in PLACES or w in GEO_WORDS for w in tail)
        or any(w in GEO_WORDS for w in tail)
    ):
        return "place", name, True, frozenset()
    if any(_HYPHENATED.search(w) for w in words[cut:]):
        return "other", name, False, frozenset()  # ``Mexican-born``
    first_name = len(tail) > 1 and (tail[0] in MALE_NAMES or tail[0] in FEMALE_NAMES)
    if (tail[-1] in PERSON_TITLES or tail[-1] in ROLE_NOUNS) and not first_name:
        return "other", name, False, frozenset()  # ``Assistant Secretary``
    entity: EntityKind = "person" if (titles or len(tail) > 1) else "other"
    return entity, name, True, titles


class People:
    """Names of people in one article, looked up by the initial of their folded surname.

    :func:`same_name` only matches names whose surnames share that initial, so a name
    is compared with a few people, not with all of them.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._by_initial: dict[str, list[str]] = {}
        for name in dict.fromkeys(names):
            self._by_initial.setdefault(_surname_initial(name), []).append(name)
        self._fullest: dict[tuple[str, frozenset[str]], str] = {}

    def alike(self, name: str) -> list[str]:
        """The people :func:`same_name` may match with ``name``, in article order."""
        return self._by_initial.get(_surname_initial(name), [])

    def fullest(self, name: str, titles: frozenset[str]) -> str:
        """:func:`fullest_name` among these people, computed once per name and titles."""
        key = (name, titles)
        if key not in self._fullest:
            self._fullest[key] = fullest_name(name, titles, self)
        return self._fullest[key]


def fullest_name(name: str, titles: frozenset[str], people: People) -> str:
    """A surname alone becomes the fullest name of that person in the article."""
    base, suffix = NAME_SUFFIX.sub("", name), NAME_SUFFIX.search(name)
    if " " in base:
        return name
    matches = [
        p
        for p in people.alike(base)
        if " " in NAME_SUFFIX.sub("", p)
        and same_name(p, base)
        and (bool(NAME_SUFFIX.search(p)) == bool(suffix) or _numbered(p, suffix))
    ]
    pronoun = "he" if "mr" in titles else "she" if titles & {"mrs", "ms"} else ""
    matches = [p for p in matches if gender_fits(p, pronoun)] or matches
    return max(matches, key=len) if matches else name


def _numbered(full: str, suffix: re.Match[str] | None) -> bool:
    """``Mr. Conway`` may be ``George T. Conway III``; ``Trump`` is not ``Donald Trump Jr.``"""
    return suffix is None and re.search(r"\s(?:II|III|IV)$", full) is not None


def gender_fits(name: str, pronoun: str, *, strict: bool = False) -> bool:
    """``he`` is not ``Meredith Vieira``; unknown first names fit either (unless strict)."""
    first = name.split(maxsplit=1)[0].lower() if " " in name else ""
    if pronoun in ("he", "his"):
        return first in MALE_NAMES if strict else (first not in FEMALE_NAMES or first in MALE_NAMES)
    if pronoun in ("she", "her"):
        return (
            first in FEMALE_NAMES if strict else (first not in MALE_NAMES or first in FEMALE_NAMES)
        )
    return not strict


def _is_prefix(word: str) -> bool:
    """A word that stands before a name without being part of it (``President-elect``)."""
    if word in NAME_PREFIXES or word in ROLE_NOUNS:
        return True
    if word.endswith(("-elect", "-to-be", "-designate")):
        return True
    return word.endswith("s") and (word[:-1] in PERSON_TITLES or word[:-1] in ROLE_NOUNS)


def _eligible(text: str, start: int) -> bool:
    """Not the object of a preposition, a cue verb or ``that``."""
    if _AFTER_QUOTE.search(text[max(0, start - 30) : start]):
        return True  # ``"...," said Ed Whelan``: after a quote, the cue comes before its subject.
    if _COMPOUND_END.search(text[max(0, start - 30) : start]):
        return False  # ``College–Florissant Valley``: the second half of a compound.
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    if before is None:
        return True
    word = before.group(1).lower()
    return word not in PREPOSITIONS and word not in OBJECT_MARKERS


def _mark_appositives(text: str, events: list[Mention]) -> None:
    """Names inside ``, the chief of staff for President X,`` are not subjects."""
    ends = {e.end for e in events if e.kind == "name"}
    for match in _APPOSITIVE.finditer(text):
        if match.start() not in ends:
            continue  # ``Before the meeting, the attorney general met``: a main clause.
        for event in events:
            if match.start() < event.start < match.end() and event.kind != "pronoun":
                event.eligible = False
    # ``Trump and Sen. McConnell``: a conjunct shares the eligibility of the first.
    for prev, event in itertools.pairwise(events):
        if not prev.eligible and _CONJUNCTION_GAP.fullmatch(text, prev.end, event.start):
            event.eligible = False


def canonical_speakers(names: Iterable[str]) -> dict[str, str]:
    """Each speaker name -> the one shown for it across articles (fullest spelling)."""
    unique = sorted(set(names))
    people = [n for n in unique if not is_org(n)]
    result = {
        name: canon if _close_spelling(name, canon) else name
        for name, canon in cluster_names(people).items()
    }
    orgs: dict[str, str] = {}
    for name in unique:
        if is_org(name):
            key = fold(name.removeprefix("the ").removeprefix("The "))
            orgs.setdefault(key, _POSSESSIVE_END.sub("", name).replace("’", "'"))
            result[name] = orgs[key]
    return result


def _close_spelling(name: str, canon: str) -> bool:
    """Whether a speaker may be shown as its cluster's canonical spelling.

    Stricter than :func:`same_name`, which :func:`cluster_names` applies: surnames must
    fold equal or reach Jaro-Winkler 0.93, not 0.88 (``Chris Coons`` is not ``Chris
    Collins``), and first words are compared as written, titles included, where
    :func:`same_name` strips ``American``/``Ukrainian`` (``Ukrainian Control`` is not
    ``Disease Control``).
    """
    a = fold(NAME_SUFFIX.sub("", name)).split()
    b = fold(NAME_SUFFIX.sub("", canon)).split()
    if not a or not b:
        return False
    if not (a[-1] == b[-1] or JaroWinkler.similarity(a[-1], b[-1]) >= 0.93):
        return False
    if len(a) > 1 and len(b) > 1 and a[0] != b[0]:
        return (
            (min(len(a[0]), len(b[0])) == 1 and a[0][0] == b[0][0])
            or JaroWinkler.similarity(a[0], b[0]) >= 0.9
            or is_nickname(a[0], b[0])  # Dick Durbin / Richard J. Durbin
        )
    return True


def one_person(a: str, b: str) -> bool:
    """Two speaker ids of one person: the same, or one person's name written more or less
    fully (middle initial, suffix, a surname alone: :func:`same_name`). Speaker ids are
    made canonical among names whose surnames share an initial, and "Jr." has another, so
    Theodore J. Boutrous Jr. and Theodore Boutrous keep two ids. Organisations compare as
    written."""
    return a == b or (not is_org(a) and not is_org(b) and same_name(a, b))


def is_org(name: str) -> bool:
    """An organisation's name (``White House``, ``NATO``), not a person's."""
    words = [_POSSESSIVE_END.sub("", w.lower()) for w in name.split()]
    return any(w in ORG_WORDS for w in words) or name.isupper()
