"""Places: one happening put in two different places (``place`` discrepancies).

What a place is, without a gazetteer: a capitalised name after a locative preposition
("in Seattle", "of Aventura, Fla."), a town qualified by its US state (AP abbreviations
as in :data:`tui.core.text.normalize.STATE_ABBREVIATIONS`), or a state. Two places
disagree only when at least one is a town placed in a state (so it is surely a town),
neither is a region (a state, "South Florida", a county or district may hold the other
place; Brooklyn sits in the Eastern District of New York), and their names differ, even
by one letter (two real towns, not one spelled two ways). They must fill one slot: the
same role (where it happened, "in"/"at", or where someone is from, "of"/"from": arrested
in Plantation, of Aventura), the same thing placed (a word right before both: a
"student in"), and rare words around them in common.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.discrepancies.numbers import one_per_article
from tui.core.discrepancies.tokens import sentence_tokens
from tui.core.models import Article, DiscrepancyValue, Sentence
from tui.core.text.normalize import STATE_ABBREVIATIONS, rarity

US_STATES = frozenset(
    {*STATE_ABBREVIATIONS.values(), "alaska", "hawaii", "idaho", "iowa", "maine", "ohio",
     "utah", "new york", "new jersey", "new mexico", "new hampshire", "north carolina",
     "south carolina", "north dakota", "south dakota", "west virginia", "rhode island"}
)  # fmt: skip
"""Every US state's name: a state holds its towns, so it never conflicts with one."""
_INITIALS = {
    "n.y": "new york", "n.j": "new jersey", "n.m": "new mexico", "n.h": "new hampshire",
    "n.c": "north carolina", "s.c": "south carolina", "n.d": "north dakota",
    "s.d": "south dakota", "w.va": "west virginia", "r.i": "rhode island", "d.c": "district of columbia",
}  # fmt: skip
"""AP abbreviations of two-word states ("Newark, N.J.")."""
REGION_WORDS = frozenset(
    "county district region area valley state coast island islands bay metro borough "
    "province america united nation".split()
)
"""A name holding one of these words is a region (it may hold the other place)."""
NOT_PLACES = frozenset(
    "house senate congress court committee department college university school times "
    "news post party office center centre agency bureau council church hospital "
    "company inc corp campaign administration twitter facebook youtube street avenue "
    "capitol hill white".split()
)
"""A name holding one of these words is an institution or a building, not a place."""
_ROLES = {"in": "where", "at": "where", "near": "where", "outside": "where",
          "of": "from", "from": "from"}  # fmt: skip
_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_STATE = r"(?P<state>[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z][a-z]?\.|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
_PATTERN = re.compile(
    r"\b(?P<prep>(?i:in|at|near|outside|of|from))\s+(?P<name>" + _NAME + r")"
    r"(?:,\s+" + _STATE + r"(?=[\s,;.:)]|$))?"
)
_LANDMARK = re.compile(
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|miles|kilometers|km|"
    r"suburbs?|outskirts|outside|near|parts?|heart|center|centre|side)\s+$",
    re.IGNORECASE,
)
"""Words before "of" that make the place a landmark ("just north of Miami"), not the slot."""
SLOT_EVIDENCE = 2.5
"""Summed rarity of shared neighbour words that makes two places one slot's."""
CONTEXT_RARITY = 1.2
_WINDOW = 8
"""Content words either side of a place that say what happened there."""
_EVENT_BEFORE = 1
"""Lower-case content words before a place that name what is there ("student in")."""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place in a sentence: its name, its state if given, and the words around it."""

    value: DiscrepancyValue
    name: str
    """Folded name ("bellingham")."""
    state: str | None
    """The state it is placed in ("washington"), if the sentence says."""
    role: str
    """"where" (in, at, near) or "from" (of, from)."""
    weights: dict[str, float]
    event: frozenset[str]
    """The words right before the place ("student in", "retreat in"): what is there."""

    @property
    def town(self) -> bool:
        """Surely a town: placed in a state, and not itself a region."""
        return self.state is not None and not _region(self.name)

    def agrees(self, other: PlaceMention) -> bool:
        """The two can be one place: the same name, or one holds the other."""
        a, b = self.name, other.name
        if a == b or a in b or b in a:
            return True
        if _region(a) or _region(b):
            return True  # A region may hold the other place, or be an example's.
        if self.state and other.state and self.state != other.state:
            return False
        return not (self.town or other.town)


def _region(name: str) -> bool:
    """A state, a country-sized name or a named region ("South Florida", "Whatcom County")."""
    words = name.split()
    return name in US_STATES or " ".join(words[1:]) in US_STATES or bool(REGION_WORDS & set(words))


def _state(raw: str | None) -> str | None:
    if raw is None:
        return None
    folded = raw.lower().rstrip(".")
    if folded in _INITIALS:
        return _INITIALS[folded]
    if folded in STATE_ABBREVIATIONS:
        return STATE_ABBREVIATIONS[folded]
    return folded if folded in US_STATES else None


def place_mentions(article: Article, sentence: Sentence) -> list[PlaceMention]:
    """Every place named after a locative preposition in a sentence."""
    text = sentence.text
    matches = list(_PATTERN.finditer(text))
    if not matches:
        return []
    tokens = [t for t in sentence_tokens(text) if t.kind == "word" and not t.stop]
    found = []
    for match in matches:
        name = match.group("name")
        words = name.lower().replace("-", " ").split()
        if NOT_PLACES & set(words) or _calendar(words[0]):
            continue
        if _LANDMARK.search(text, max(0, match.start() - 20), match.start()):
            continue
        state = _state(match.group("state"))
        # "in Paris, Texas" is placed in a state; in "in Seattle, Cordova said" the name
        # after the comma is not a state, and the place ends at its own name.
        end = match.end("state") if state else match.end("name")
        start = match.start("name")
        before = [t for t in tokens if t.end <= start][-_WINDOW:]
        after = [t for t in tokens if t.start >= end][:_WINDOW]
        near = {
            t.key: rarity(t.norm)
            for t in before + after
            if rarity(t.norm) >= CONTEXT_RARITY and not t.capital
        }
        lower = [t for t in before if not t.capital]
        event = frozenset(t.key for t in lower[-_EVENT_BEFORE:])
        value = DiscrepancyValue(
            article.id,
            sentence.index,
            text[start:end],
            " ".join(words) + (f", {state}" if state and state not in words else ""),
            sentence.start + start,
            sentence.start + end,
        )
        found.append(
            PlaceMention(
                value, " ".join(words), state, _ROLES[match.group("prep").lower()], near, event
            )
        )
    return found


def _calendar(word: str) -> bool:
    return (
        word
        in (
            "january february march april may june july august september october november "
            "december monday tuesday wednesday thursday friday saturday sunday"
        ).split()
    )


def evidence(a: PlaceMention, b: PlaceMention) -> float:
    """How much the words around two places say they place the same happening."""
    # In a's order, not a set's: the sum is then the same in every process.
    return sum(w for k, w in a.weights.items() if k in b.weights)


def same_slot(a: PlaceMention, b: PlaceMention) -> bool:
    """One role and enough shared neighbours to place one happening."""
    return a.role == b.role and bool(a.event & b.event) and evidence(a, b) >= SLOT_EVIDENCE


def slot_keys(m: PlaceMention) -> frozenset[tuple[str, str]]:
    """Keys that two places of one slot share (:func:`same_slot` holds only then): the role
    with each word naming what is there. Sentences are compared only when they share one."""
    return frozenset((m.role, k) for k in m.event)


@dataclass(frozen=True, slots=True)
class PlaceConflict:
    """Places of one slot that cannot all be true, one value per article."""

    values: tuple[DiscrepancyValue, ...]
    summary: str
    confidence: float


def place_conflicts(found: Sequence[PlaceMention]) -> list[PlaceConflict]:
    """Places of one slot in two articles that cannot be one place."""
    result = []
    used: set[int] = set()
    for i, a in enumerate(found):
        if i in used:
            continue
        slot = [i] + [j for j, b in enumerate(found) if j != i and same_slot(a, b)]
        clash = [
            (x, y)
            for x in slot
            for y in slot
            if found[x].value.article < found[y].value.article
            and (found[x].town or found[y].town)
            and not found[x].agrees(found[y])
        ]
        if not clash:
            continue
        used.update(slot)
        picked = one_per_article(clash, slot, lambda x: found[x].value.article)
        values = tuple(found[x].value for x in picked)
        shown = " vs ".join(dict.fromkeys(v.text for v in values))
        shared = min(evidence(found[x], found[y]) for x, y in clash)
        confidence = min(0.85, 0.45 + 0.05 * shared)
        result.append(PlaceConflict(values, f"place: {shown}", confidence))
    return result
