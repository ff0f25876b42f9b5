"""Numbers that conflict inside an aligned fact: same slot, disjoint ranges.

A *slot* is what a number counts in its sentence: its unit (``people``, ``money``,
``page``, ``percent``) and the words around it up to the next number. Two articles'
numbers fill the same slot when the unit is the same and their neighbourhoods share a
meaningful word, and (for a lone number of that unit) the name in front of it is not one
the other sentence never mentions (Bush's 36 percent is not the Clintons' 31.55 percent).
Values are intervals (:mod:`.quantities`): rounding and hedges are never conflicts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from tui.core.discrepancies.dates import MONTH_WORD, ZONES
from tui.core.discrepancies.quantities import (
    HEDGES,
    Amount,
    amount,
    hedge_before,
    range_end,
    scaled_like,
)
from tui.core.discrepancies.tokens import sentence_names, sentence_tokens
from tui.core.models import Article, DiscrepancyValue, Sentence
from tui.core.quotes.lexicon import COUNTRIES, CUE_VERBS, GEOGRAPHY, ORG_WORDS
from tui.core.quotes.speakers import is_org
from tui.core.text import names
from tui.core.text.normalize import Token, format_number, has_number, rarity, readable_number

_UNIT_CLASSES: dict[str, str] = {
    "squar": "area", "civilian": "people", "resident": "people", "russian": "people",
    "ukrainian": "people", "person": "people", "evacuate": "people", "refuge": "people",
    "troop": "troops", "army": "troops", "kill": "dead", "wound": "injured",
    "injur": "injured", "percent": "percent", "kilometer": "distance", "mile": "distance",
    "dron": "drones", "drone": "drones", "missile": "missiles", "town": "places",
    "villag": "places", "settlement": "places", "local": "places", "dollar": "money",
}  # fmt: skip
"""Concept of the word after a number -> what the number counts."""

_CLASSES = frozenset(_UNIT_CLASSES.values())
_UNIT_SYNONYMS = dict.fromkeys(("action", "actions", "measure", "measures"), "step")
"""Counted nouns that name one thing, as written (not "acts of vandalism" nor
"measurements"): the president's "23 steps" and "19 separate actions" count his
measures. Unlike a class, the noun keeps its weight as evidence."""
_TIME_UNITS = frozenset("year old month week day hour minute time pm am ?".split())
_FILLER = frozenset("more than have been".split())
_MODIFIERS = frozenset(
    "separate executive new other former independent individual different major minor key "
    "specific total top senior junior federal unnamed anonymous registered "
    "eligible confirmed reported known possible potential current previous prior recent "
    "young old small large big full".split()
)
"""Adjectives between a number and what it counts ("19 separate actions")."""
_INCREMENT = frozenset("additional another extra further added".split())
_OTHER_AFTER = re.compile(r"\s+others?\b", re.IGNORECASE)
"""After a number, "other" counts the rest of a whole ("three other assault rifles" beside
"nine assault rifles"): a part, never compared with a total."""
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+than)", re.IGNORECASE)
"""After a number, counts an increment: "hired 200 more" (not "200 more than")."""
_RELATIVE_CLAUSE = re.compile(r"\b([a-z]+)\s+(?:that|which)\b")
"""A word and "that"/"which": after a noun, a relative clause opens ("the lawsuit that
covers 1.5 million women"), and a number inside it is the thing's, not the person's."""
_NOT_NOUNS = frozenset(
    "so such now is was are were be been believe believes believed think thinks thought "
    "know knows knew find finds found show shows showed shown mean means meant hope hopes "
    "hoped fear fears feared expect expects expected ensure ensures ensured".split()
)
"""Words before "that" which open a clause about the person: "Bush thinks that he ..."."""
_CONCESSIVE_CLAUSE = re.compile(
    r"\b(?:even though|although|though|whereas|while)\s+"
    r"(?!(?:he|she|they|it|we|I|his|her|their|never|not)\b)(?![a-z]+ing\b)"
    r"(?:[\w'’-]+\s+){1,3}(?:have|has|had|is|are|was|were|will|would|did|does|do|can|could|"
    r"fell|rose|grew|hit|went|came|took|made|got|ran|saw|showed|[a-z]+ed)\b",
    re.IGNORECASE,
)
"""A clause with a subject of its own, not a pronoun, and its verb: "In Mr. Trump's case,
he is defining a problem as an emergency even though border apprehensions have fallen to
400,000"; the number is the apprehensions', not Trump's ("although he paid $5" stays
his; "while serving in Albany, earned $5 million" has no subject of its own)."""
_DAY_AFTER_MONTH = re.compile(r"\b" + MONTH_WORD + r"\s*\Z")
_MONTH_AFTER_DAY = re.compile(r"\A(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_WORD)
_CLOCK_BEFORE = re.compile(r"(?<!\d)\d{1,2}:\Z")
_CLOCK_AFTER = re.compile(
    r"\A(?::\d\d(?!\d)|\s?(?:[ap]\.?\s?m\b|[AP]\.?\s?M\b|(?:" + ZONES + r")\b"
    r"|local time\b|o'clock\b|hours? (?:GMT|UTC|local)\b))"
)
"""A day of a month ("May 3", "3 May", "Nov. 30") or a time of day ("8:20 am", "6pm",
"1300 GMT"): dates and stamps, which count nothing (publication lines too: "May 3, 2013 |
8:20 am")."""
_LAST_YEAR = re.compile(r"\blast (?:fiscal |calendar |school )?year\b")
"""The year before the article's ("last year", "the last fiscal year")."""
_SLASHED, _SLASHED_BEFORE = re.compile(r"/\d"), re.compile(r"\d/\Z")
"""A number written against a slash and another number: a date ("05/02/07"), or a
fraction or a rate ("2/3 of voters", "24/7"); no count either way."""
_PLACED = re.compile(
    r"(?i:\b(?:city|town|village|port|province|region|district|county|capital|island)"
    r"\s+of|\b(?:near|outside))\s+\Z"
)
"""Before a name, makes it a place ("the port city of Bandar Abbas", "near Qeshm"); not
"in", which people follow too ("In Mr. Obama's budget")."""
_PLACED_REACH = 24
"""Characters before a name searched for :data:`_PLACED`."""
_RANK = re.compile(r"(?:\bNo\.?|\bNos\.|#|\b[Nn]umber)\s*\Z")
"""Before a number that ranks or names (No. 2, #3), not counts."""
_UNIT_LABELS = {"area": "area (square km)", "people": "people", "troops": "troops"}
_WINDOW = 6
"""Content words either side of a number that say what it counts."""
_CHANGE_REACH = 120
"""Characters before a number searched for a quantity that changed to it."""
_NO_NOUN_AFTER = frozenset(
    "and or but in on at to from for by with into during since after before over under "
    "while as than".split()
)
"""Conjunctions and prepositions: after one, no noun counts the number before it ("of"
may: "1,000 of the troops"; so may a verb: "80,000 have fled")."""
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
"""Between a number and the next word, ends what may say what it counts."""
LIST_SIZE = 3
"""Numbers of one unit in a sentence from which it is a list (a poll's table, expenses)."""
MAX_RATIO = 3.0
"""Values further apart than this factor count different things (a deal's 18 million and
85 billion), not one thing misreported: outlets err by a digit or a rounding, not tenfold."""
SLOT_EVIDENCE = 4.0
"""Summed rarity of the shared neighbour words that makes two numbers one slot."""
FAR_RATIO, FAR_EVIDENCE = 1.5, 1.5
"""Values further apart than this factor need this many times the evidence: a misreport
is more often a digit or a rounding than half as much again."""
BRIDGED_EVIDENCE = SLOT_EVIDENCE / 2
"""The same, for two numbers that each fill a third's slot; every other rule still holds."""
ANCHOR_VALUE = 100
"""From this value a figure two sentences both state is theirs, not a commonplace ("two",
"ten"): two sentences giving it report one set of figures."""
CONTEXT_RARITY = 1.2
"""Words at least this rare say what a number counts ("earned", "indictment"; not "said")."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One number in one sentence, with its slot and the interval it allows."""

    value: DiscrepancyValue
    unit: str
    amount: Amount
    context: frozenset[str]
    subject: str | None
    first: bool
    """The first number of its unit in its sentence: the name before it is its subject
    (in a list, "$X at A, $Y at B", the name before $Y is A's, not Y's subject)."""
    sentence: str
    """The sentence's text, to look the other side's subject up in (folded only then:
    few pairs of numbers get that far)."""
    weights: dict[str, float]
    """Rarity of each context word."""
    years: frozenset[int]
    """The years the sentence is about ("in 2008", "last year" resolved): its time frame."""
    anchor: str | None = None
    """The name closest before the number since the previous number (a poll's candidate)."""
    several: bool = False
    """Its sentence states several numbers of its unit (a list, a poll)."""
    listed: bool = False
    """Its sentence states :data:`LIST_SIZE` or more numbers of its unit."""
    item: frozenset[str] = frozenset()
    """Names (not people) after the number and before the next one: in a list of
    expenses ("$4,272.78 on the Navigator of the Seas cruise"), what the value is for."""
    bare: bool = False
    """No noun follows the number ("an assistant coach for seven,"): what it counts is
    understood from before, and its unit may be another word for the same thing."""


def unit_of(tokens: Sequence[Token], index: int, *, noun_after: bool = True) -> str:
    """What the number at ``tokens[index]`` counts: the class of the words after it, or
    (``noun_after`` false: a conjunction or a preposition follows it, "injured almost 50
    and caused damage") of the word before it (:func:`_doing_before`)."""
    if not noun_after:
        return _doing_before(tokens, index)
    after = [t for t in tokens[index + 1 : index + 5] if not t.stop and t.norm not in _FILLER]
    for n, token in enumerate(after):
        if token.kind == "number":
            break
        following = after[n + 1] if n + 1 < len(after) else None
        if token.norm in _MODIFIERS and following is not None and following.kind == "word":
            continue  # "19 separate actions", "23 executive actions": the noun counts.
        if token.capital and following is not None and following.key in _UNIT_CLASSES:
            # "1,000 Russian soldiers": the noun counts, not the adjective before it.
            return _UNIT_CLASSES[following.key]
        return _counted(token)
    for token in reversed(tokens[max(0, index - 3) : index]):
        if not token.stop and token.kind == "word":
            return _counted(token)
    return "?"


def _doing_before(tokens: Sequence[Token], index: int) -> str:
    """The lower-case word just before a number that no noun follows, a hedge skipped
    ("injured almost 50"): what was done that many times. Not a name ("Orozco, 29," is
    an age), nor past another number ("from 1978-89"): then nothing ("?")."""
    for token in reversed(tokens[max(0, index - 3) : index]):
        if token.kind != "word" or token.capital:
            return "?"
        if token.norm not in HEDGES:  # (``tokens`` holds no stop words)
            return _counted(token)
    return "?"


def _noun_after(text: str, everything: Sequence[Token], full: int) -> bool:
    """The words after the number may say what it counts: it is not followed by a
    conjunction or a preposition (:data:`_NO_NOUN_AFTER`) nor by a clause break."""
    following = everything[full + 1] if full + 1 < len(everything) else None
    if following is None:
        return False
    if following.norm in _NO_NOUN_AFTER:
        return False
    return not _CLAUSE_BREAK.search(text, everything[full].end, following.start)


_CHANGED_TO = re.compile(
    r"\b([A-Za-z][a-z]{2,})\s+(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?(?:fallen|fell|dropped"
    r"|declined|decreased|shrunk|shrank|risen|rose|grown|grew|increased|climbed|jumped"
    r"|soared|plunged|plummeted|swelled|swollen)\b"
    r"(?:(?!,\s*(?:and|but|while|as)\b)[^.;:!?]){0,60}?\b(?:to|from)\s+\Z"
)
"""A quantity that moved to or from a level: "border apprehensions have actually fallen
in recent years, to 400,000". The noun before the verb is what the level counts; the
verb's clause ends at ", and" or ", but" (another subject may follow)."""


def _changed_to(text: str, everything: Sequence[Token], full: int) -> Token | None:
    """The noun whose level the number at ``everything[full]`` states, when no noun after
    the number says what it counts ("to 400,000 in the last fiscal year")."""
    following = everything[full + 1] if full + 1 < len(everything) else None
    if following is not None and following.kind == "word" and not following.stop:
        return None  # "fell to 400,000 arrests": the noun after it counts.
    match = _CHANGED_TO.search(
        text, max(0, everything[full].start - _CHANGE_REACH), everything[full].start
    )
    if match is None:
        return None
    return next((t for t in everything if t.start == match.start(1) and not t.stop), None)


def _counted(token: Token) -> str:
    """A counted noun's unit: its class, its synonym's stem, or its own stem. Those who
    live in a place are people ("two villagers" share the stem of "two villages")."""
    unit = _UNIT_CLASSES.get(token.key) or _UNIT_SYNONYMS.get(token.norm, token.key)
    if unit == "places" and token.norm.endswith(("ers", "er")):
        return "people"
    return unit


def _unit_word(mention: Mention) -> str:
    """The counted noun as the sentence writes it ("pages", not the stem "pag")."""
    unit = mention.unit.removeprefix("more ")
    for token in sentence_tokens(mention.sentence):
        if token.key == unit and token.kind == "word":
            word = re.sub(r"['’]s$", "", mention.sentence[token.start : token.end].lower())
            return f"more {word}" if mention.unit.startswith("more ") else word
    return mention.unit


def mentions(article: Article, sentence: Sentence) -> list[Mention]:
    """Every number of a sentence that counts something, as a :class:`Mention`."""
    text = sentence.text
    if not has_number(text):
        return []
    everything = list(sentence_tokens(text))
    tokens = [t for t in everything if not (t.stop and t.kind == "word")]
    position = {t.start: n for n, t in enumerate(everything)}
    found: list[Mention] = []
    skip: set[int] = set()
    years = _years(article, text, everything)
    numbers = [i for i, t in enumerate(tokens) if t.kind == "number" and t.value is not None]
    # A person ("Mr. Bush", "Bill Clinton"), not a place ("Kursk"), is a subject.
    people = [
        m
        for m in sentence_names(text)
        if _person(m.text) and not _PLACED.search(text, max(0, m.start - _PLACED_REACH), m.start)
    ]
    for i in numbers:
        token = tokens[i]
        value = token.value
        if i in skip or value is None:
            continue
        money = text[max(0, token.start - 2) : token.start].strip().endswith("$")
        if 1900 <= value <= 2100 and not money:
            continue  # A year: the dates' business.
        if _RANK.search(text, max(0, token.start - 8), token.start):
            continue  # "the No. 2 position", "#3": a rank names a place, it counts nothing.
        if not money and _date_or_time(text, token.start, token.end):
            continue
        if _loose(tokens, i, text):
            continue
        full = position[token.start]
        upper = range_end(text, everything, full)
        if upper is not None:
            skip.add(i + 1)
            value = scaled_like(value, upper, text[tokens[i + 1].start : tokens[i + 1].end])
        # A range counts what its upper end counts: "from 46 to 57 people".
        ranged = upper is not None and upper > value
        after = ranged or _noun_after(text, everything, full)
        unit = "money" if money else unit_of(tokens, i + ranged, noun_after=after)
        if not money and not ranged and (level := _changed_to(text, everything, full)):
            unit = _counted(level)  # "apprehensions have fallen ... to 400,000 in 2018"
        end = tokens[i + 1].end if upper is not None else token.end
        other = _OTHER_AFTER.match(text, end)
        if (i and tokens[i - 1].norm in _INCREMENT) or _MORE_AFTER.match(text, end):
            unit = "more " + unit  # "an additional 40 square km", "200 more": no total.
        elif other:
            # "the two other victims", "two others": some of them, not the total.
            unit = "others" if other.group(0).strip().lower() == "others" else "other " + unit
        if unit in _TIME_UNITS:
            continue  # "16 years" and "75 years" are usually two people's ages, not a conflict.
        surface = text[token.start : end]
        decade = text[end : end + 2].rstrip(" ,.;") == "s"  # "in his 50s"
        stated = amount(surface, value, hedge_before(everything, full), upper, decade)
        low = max((n for n in numbers if n < i), default=-1)
        high = min((n for n in numbers if n > i + (upper is not None)), default=len(tokens))
        near = tokens[max(low + 1, i - _WINDOW) : min(high, i + _WINDOW + 1)]
        weights = {
            t.key: rarity(t.norm)
            for t in near
            if t.kind == "word"
            and not t.stop
            and rarity(t.norm) >= CONTEXT_RARITY
            and t.norm not in HEDGES
        }
        context = frozenset(weights)
        before = [m for m in people if m.end <= token.start]
        if before and _in_own_clause(text, before[-1].end, token.start):
            subject = None  # "Ginsburg voiced concerns about the suit that covers 1.5 million"
        elif before:
            subject = names.fold(before[-1].text.split()[-1])
        else:
            subject = _opening_surname(article, text)
        since = tokens[low].end if low >= 0 else 0
        nearest = names.find_names(text, since, token.start)
        anchor = names.fold(nearest[-1].text.split()[-1]) if nearest else None
        until = tokens[high].start if high < len(tokens) else len(text)
        item = frozenset(
            names.fold(m.text) for m in names.find_names(text, end, until) if not _person(m.text)
        )
        shown = (
            format_number(value)
            if upper is None
            else f"{format_number(value)}-{format_number(upper)}"
        )
        start = sentence.start + token.start
        dv = DiscrepancyValue(
            article.id, sentence.index, surface, shown, start, start + len(surface)
        )
        found.append(
            Mention(
                dv,
                unit,
                stated,
                context,
                subject,
                True,
                text,
                weights,
                years,
                anchor,
                item=item,
                bare=not after,
            )
        )
    seen: set[str] = set()
    counts = Counter(m.unit for m in found)
    result = []
    for m in found:
        result.append(
            replace(
                m,
                first=m.unit not in seen,
                several=counts[m.unit] > 1,
                listed=counts[m.unit] >= LIST_SIZE,
            )
        )
        seen.add(m.unit)
    return result


def _in_own_clause(text: str, start: int, end: int) -> bool:
    """A clause of another subject opens between ``start`` (a person's name) and ``end``
    (a number): a relative clause, a noun before "that" or "which" (not a speech or
    thought verb: "said that"), or a concessive clause with its own subject
    (:data:`_CONCESSIVE_CLAUSE`)."""
    return _CONCESSIVE_CLAUSE.search(text, start, end) is not None or any(
        m.group(1) not in CUE_VERBS and m.group(1) not in _NOT_NOUNS
        for m in _RELATIVE_CLAUSE.finditer(text, start, end)
    )


def _opening_surname(article: Article, text: str) -> str | None:
    """A sentence's first word when the article names a person by it elsewhere ("Bush
    paid ..." after "Jeb Bush"): the name finder drops it as an everyday word."""
    first = re.match(r"[A-Z][a-z]+\b", text)
    if first is None:
        return None
    word = names.fold(first.group(0))
    return word if word in _surnames(article.text) else None


@lru_cache(maxsize=256)
def _surnames(text: str) -> frozenset[str]:
    """Surnames the article gives a person: after a title ("Gov. Jeb Bush") or ending a
    plain first-and-last name ("Chuck Schumer"; not "NATO-backed Ukrainian")."""
    found = set()
    for mention in names.find_names(text):
        words = mention.text.split()
        titled = names.strip_titles(mention.text) != mention.text
        plain = _person(mention.text) and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words)
        if titled or plain:
            found.add(names.fold(words[-1]))
    return frozenset(found)


def _person(name: str) -> bool:
    """A titled name or a first name and a surname ("Mr. Bush", "Bill Clinton"), not an
    institution ("Study of War", "Supreme Court") nor a lone word that may be a place."""
    words = name.split()
    bare = names.strip_titles(name)
    if not bare.split() or _body(bare):
        return False
    titled = bare != name
    plain = len(words) in (2, 3) and all(w[:1].isupper() for w in words) and not is_org(name)
    # "the Persian Gulf", "the Red Sea": a place's name, though two capitalised words;
    # "Secure America": a body's.
    last = names.bare_word(words[-1]).lower()
    place = last in GEOGRAPHY or last in COUNTRIES
    return titled or (plain and not place)


def _body(name: str) -> bool:
    """A body's name, whatever title word stands before it ("Defense Department", "Army
    Corps of Engineers"): a word of a body and no title after it, where a person would
    follow ("State Department Spokesman John Kirby" is a person)."""
    words = [names.bare_word(w).lower().strip(".") for w in name.split()]
    last_body = max((n for n, w in enumerate(words) if w in ORG_WORDS), default=None)
    if last_body is None:
        return False
    return not any(w in names.TITLES for w in words[last_body + 1 :])


def same_slot(
    a: Mention, b: Mention, evidence: float = SLOT_EVIDENCE, *, anchored: bool = False
) -> bool:
    """Two numbers count the same thing: one unit, shared neighbours (their rarity summed
    reaches ``evidence``, or :data:`BRIDGED_EVIDENCE` when their sentences state a third
    value alike: ``anchored``, see :func:`_anchoring`), no foreign subject."""
    if a.unit != b.unit or a.unit == "?":
        return False
    if anchored:
        evidence = min(evidence, BRIDGED_EVIDENCE)
    if not a.item & b.item:
        # A list item's own name ("... on Martha's Vineyard Holistic Retreat") tells its row;
        # without one, a list or a poll table's rows are not told apart reliably.
        if a.listed or b.listed:
            return False
        if (a.several or b.several) and not anchored and (a.anchor is None or a.anchor != b.anchor):
            # In a list, a value goes with its own name: Romney's 21, Palin's 12. (Two
            # sentences that share one of their values pair the others by their words.)
            return False
    if a.years and b.years and a.years != b.years:
        return False  # 2014's rate is not the 2007-2014 average.
    big, small = max(a.amount.value, b.amount.value), min(a.amount.value, b.amount.value)
    if big > MAX_RATIO * max(small, 1e-9):
        return False
    if _overlap(a, b) < evidence * (FAR_EVIDENCE if big > FAR_RATIO * small else 1.0):
        return False
    for one, other in ((a, b), (b, a)):
        if one.first and one.subject and one.subject not in names.fold(other.sentence):
            return False
    return True


def _overlap(a: Mention, b: Mention) -> float:
    """How much the words around two numbers say they count the same thing."""
    # In a's order, not a set's: the sum is then the same in every process.
    shared = sum(w for k, w in a.weights.items() if k in b.context and k != a.unit)
    return _unit_weight(a.unit) + shared


def _unit_weight(unit: str) -> float:
    """The unit counts when it is a word ("page", "vacation"), not one of our classes."""
    return 0.0 if unit in _CLASSES else rarity(unit)


def slot_keys(m: Mention) -> frozenset[tuple[str, str]]:
    """Keys that two numbers of one slot share (:func:`same_slot` holds only then): the unit
    with each word around the number, or alone when that word makes a slot by itself.
    Sentences are compared only when they share one (an index finds them)."""
    if m.unit == "?":
        return frozenset()
    keys = {(m.unit, k) for k in m.context - {m.unit}}
    if _unit_weight(m.unit) >= SLOT_EVIDENCE:
        keys.add((m.unit, ""))
    return frozenset(keys)


def _paired(
    found: Sequence[Mention],
    i: int,
    j: int,
    rivals: Sequence[int],
    slot: Collection[int] = (),
    *,
    anchored: bool = False,
) -> bool:
    """``found[j]`` is, in its sentence, the number closest in slot to ``found[i]``
    (``rivals``: the numbers of their unit, the only ones that can fill its slot). Two
    numbers that each fill a third's slot (both in ``slot``) fill one slot, though their
    own sentences share fewer words (:data:`BRIDGED_EVIDENCE`; "as many as 1.5 million"
    and "up to 1.6 million", each beside "covers 1.5 million women" in a third outlet),
    and so do two numbers whose sentences state another value alike (``anchored``)."""
    a, b = found[i], found[j]
    bridged = i in slot and j in slot
    if not same_slot(a, b, BRIDGED_EVIDENCE if bridged else SLOT_EVIDENCE, anchored=anchored):
        return False
    where = (b.value.article, b.value.sentence)
    score = _overlap(a, b)
    return all(
        _overlap(a, c) < score
        for c in (found[k] for k in rivals)
        if c is not b and (c.value.article, c.value.sentence) == where and same_slot(a, c)
    )


def _loose(tokens: Sequence[Token], i: int, text: str) -> bool:
    """A number word that counts nothing exactly: "one of the holdouts" (which one, not
    how many), "a dozen" or "two dozen" (a round, loose figure: "Dozen of warships" is no
    disagreement with "over 20")."""
    token = tokens[i]
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if _surface(text, token) == "dozen" or (following and _surface(text, following) == "dozen"):
        return True
    return _surface(text, token) == "one" and text[token.end : token.end + 4].lower() == " of "


def _surface(text: str, token: Token) -> str:
    return text[token.start : token.end].lower()


def _date_or_time(text: str, start: int, end: int) -> bool:
    """The number at ``start:end`` is a day of a month, a time of day, or part of a date
    written with slashes ("POSTED: 05/02/07")."""
    before, after = text[max(0, start - 12) : start], text[end : end + 14]
    day = re.fullmatch(r"0?[1-9]|[12]\d|3[01]", text[start:end]) is not None
    return bool(
        (day and (_DAY_AFTER_MONTH.search(before) or _MONTH_AFTER_DAY.match(after)))
        or _CLOCK_BEFORE.search(before)
        or _CLOCK_AFTER.match(after)
        or _SLASHED.match(after) is not None
        or _SLASHED_BEFORE.search(before) is not None
    )


def _years(article: Article, text: str, tokens: Sequence[Token]) -> frozenset[int]:
    """Years named in the sentence, and "last year"/"this year" against the article's date."""
    found = {
        int(t.value)
        for t in tokens
        if t.kind == "number"
        and t.value is not None
        and 1900 <= t.value <= 2100
        and t.value == int(t.value)
        and not text[max(0, t.start - 2) : t.start].strip().endswith("$")
    }
    year = int(article.date[:4]) if article.date and article.date[:4].isdigit() else None
    if year is not None:
        lowered = text.lower()
        if _LAST_YEAR.search(lowered):
            found.add(year - 1)
        if "this year" in lowered:
            found.add(year)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class NumberConflict:
    """Numbers of one slot that cannot all be true, every source stating one listed."""

    unit: str
    values: tuple[DiscrepancyValue, ...]
    summary: str
    confidence: float


def number_conflicts(members: Sequence[tuple[Article, Sentence]]) -> list[NumberConflict]:
    """Slots whose values, stated by two articles, have disjoint intervals."""
    return conflicts_among(
        [m for article, sentence in members for m in mentions(article, sentence)]
    )


def conflicts_among(found: Sequence[Mention]) -> list[NumberConflict]:
    """Slots whose values, stated by two articles, have disjoint intervals (given mentions)."""
    conflicts: list[NumberConflict] = []
    used: set[int] = set()
    # Numbers of one slot have one unit: each is compared with its unit's only.
    of_unit: dict[str, list[int]] = defaultdict(list)
    for n, m in enumerate(found):
        of_unit[m.unit].append(n)
    anchored = _anchoring(found)
    accounted = _accounting(found)
    for i, a in enumerate(found):
        if i in used:
            continue
        rivals = of_unit[a.unit]
        slot = [i] + [
            j
            for j in rivals
            if j != i and j not in used and same_slot(a, found[j], anchored=anchored(i, j))
        ]
        members = set(slot[1:])  # Filling a's slot: pairs with a itself are never bridged.
        clash = [
            (x, y)
            for x in slot
            for y in slot
            if found[x].value.article < found[y].value.article
            and _paired(found, x, y, rivals, members, anchored=anchored(x, y))
            and _paired(found, y, x, rivals, members, anchored=anchored(x, y))
            and not found[x].amount.agrees(found[y].amount)
            and not accounted(x, y)
        ]
        if not clash:
            continue
        used.update(slot)
        picked = one_per_article(clash, slot, lambda x: found[x].value.article)
        values = tuple(found[x].value for x in picked)
        shown = " vs ".join(
            dict.fromkeys(
                _pretty(found[x]) for x in sorted(picked, key=lambda x: found[x].amount.value)
            )
        )
        exact = all(found[x].amount.low == found[x].amount.high for x in picked)
        shared = len(set.intersection(*(set(found[x].context) for x in picked)))
        confidence = min(0.95, (0.7 if exact else 0.55) + 0.08 * shared)
        label = _UNIT_LABELS.get(a.unit) or _unit_word(found[picked[0]])
        conflicts.append(NumberConflict(a.unit, values, f"{label}: {shown}", confidence))
    return conflicts


def _by_sentence(found: Sequence[Mention]) -> dict[tuple[str, int], list[Mention]]:
    """The mentions of each sentence, by (article, sentence index)."""
    stated: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in found:
        stated[(m.value.article, m.value.sentence)].append(m)
    return stated


def _accounting(found: Sequence[Mention]) -> Callable[[int, int], bool]:
    """``accounted(x, y)``: either sentence also states the other's value, of the same
    unit or with no noun after it ("played for the Sixers for 11 seasons and served as an
    assistant coach for seven" beside "seven seasons as an assistant coach"): the value
    that differs is another figure of that sentence's, not this slot's. ("Three gunmen
    killed four people" / "Four gunmen killed three people" still disagree twice.)"""
    stated = _by_sentence(found)

    def gives(x: Mention, y: Mention) -> bool:
        return any(
            k is not x and (k.unit == y.unit or k.bare) and k.amount.agrees(y.amount)
            for k in stated[(x.value.article, x.value.sentence)]
        )

    def accounted(x: int, y: int) -> bool:
        return gives(found[x], found[y]) or gives(found[y], found[x])

    return accounted


def _anchoring(found: Sequence[Mention]) -> Callable[[int, int], bool]:
    """``anchored(i, j)``: the sentences of two numbers, in two articles, state a third value
    alike (:data:`ANCHOR_VALUE` or more, unhedged), so they report one set of figures: "the
    1.6 million arrests that happened in 2000" beside "roughly 520,000 arrests ... last year",
    and "from a peak of 1.6 million in the 2000 fiscal year" beside "to 400,000 in the last
    fiscal year". Their own neighbour words then need to say less (:data:`BRIDGED_EVIDENCE`).
    Only figures of that order are paired so: small counts beside shared figures are the
    many columns of a stat line ("404 yards and two touchdowns" / "three touchdowns on punt
    runbacks")."""
    stated = {
        place: {m.amount.value for m in ms if not m.amount.hedge and m.amount.value >= ANCHOR_VALUE}
        for place, ms in _by_sentence(found).items()
    }

    def anchored(i: int, j: int) -> bool:
        a, b = found[i].value, found[j].value
        if a.article == b.article or min(found[i].amount.value, found[j].amount.value) < (
            ANCHOR_VALUE
        ):
            return False  # Small counts beside shared figures: a stat line's columns.
        common = stated[(a.article, a.sentence)] & stated[(b.article, b.sentence)]
        if not common - {found[i].amount.value, found[j].amount.value}:
            return False
        # Still a word of their own in common ("border"): "hired 200" and "lost 150" beside
        # one force of 1,500 officers are two figures.
        x, y = found[i], found[j]
        return any(k in y.context for k in x.weights if k != x.unit)

    return anchored


def one_per_article(
    clash: Sequence[tuple[int, int]], slot: Sequence[int], article: Callable[[int], str]
) -> list[int]:
    """One value per article, the one in a clash if it has one, else its first (sorted)."""
    chosen: dict[str, int] = {}
    for x, y in clash:
        chosen.setdefault(article(x), x)
        chosen.setdefault(article(y), y)
    for x in slot:
        chosen.setdefault(article(x), x)
    return sorted(chosen.values())


def _pretty(m: Mention) -> str:
    shown = readable_number(m.amount.value)
    if m.amount.hedge == "range":
        return f"{shown}-{readable_number(m.amount.high)}"
    hedge = _HEDGE_WORDS.get(m.amount.hedge, m.amount.hedge)
    return f"{hedge} {shown}".strip()


_HEDGE_WORDS = {
    "more": "more than", "least": "at least", "less": "less than", "fewer": "fewer than",
    "up": "up to", "most": "at most", "many": "as many as", "decade": "",
}  # fmt: skip
"""How a hedge reads in a summary ("at least 200,000")."""
