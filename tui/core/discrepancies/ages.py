"""One person's age as two articles of a story give it: a ``number`` discrepancy.

News states an age beside a name ("Sharron Crawford Smith, 61, of Staunton",
"Sixty-year-old Sharron Diane Crawford Smith"). :mod:`.numbers` never compares ages (two
ages in one fact are most often two people's); here an age belongs to the person it is
written beside, and two articles giving one person two ages disagree, unless the time
between the articles explains it: an arrest's "Orozco, 27" and a sentencing's "Orozco,
29" two years later. Each article's date is its front matter's, else its dateline's.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tui.core.discrepancies.dates import is_doing, written_on
from tui.core.discrepancies.facts import Found
from tui.core.models import Article, Corpus, DiscrepancyValue
from tui.core.text import names
from tui.core.text.normalize import tokenize
from tui.core.text.synonyms import STOP_WORDS

_NAME_WORD = r"[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)?"
_NAME = r"(?P<name>(?:" + _NAME_WORD + r"\s+){0,3}" + _NAME_WORD + r")"
_APPOSED = re.compile(_NAME + r",\s+(?P<age>\d{1,3}),(?!\d)")
"""A name, then its age between commas: "Sharron Crawford Smith, 61, of Staunton"."""
_YEAR_OLD = re.compile(
    r"\b(?P<age>[\w-]+?)-year-old\s+(?P<between>(?:[a-z][\w-]*\s+){0,3})" + _NAME,
)
"""An age before a name, past a few lower-case words: "the 60-year-old former waitress
Sharron Smith", "Sixty-year-old Sharron Diane Crawford Smith"."""
_NAME_WORD_RE = re.compile(_NAME_WORD)
_PLACE_BEFORE = re.compile(r"\b(?:of|in|from|at|near)\s+\Z")
"""Before a name, makes it a place: "Gary Gomes of New Bedford, 35,"."""
_PERSON_NOUNS = frozenset(
    "man woman men women boy girl resident native teen teenager student mother father son "
    "daughter couple officer soldier player fan aide staffer voter".split()
)
_AGENT = re.compile(r"[a-z]{3,}(?:er|or|ist|ant|ent)s?\Z")
"""A noun of someone who does something ("supporter", "volunteer", "resident")."""
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
OLDEST = 110
"""Older than this, a number beside a name is no age."""
AGE_SLIP = 10
"""Ages further apart than this are two people's, not one person's misreported."""
CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class _Age:
    surname: str
    given: str
    """The given name, folded: Mark and Miles Vinar are two people."""
    age: int
    value: DiscrepancyValue
    shown: str


def age_conflicts(corpus: Corpus, stories: Sequence[Sequence[str]]) -> list[Found]:
    """One discrepancy per person two articles of one story give two ages, the gap more
    than the time between the articles (their dates both known, or both unknown)."""
    found: list[Found] = []
    for articles in stories:
        ages = [a for article_id in articles for a in _ages(corpus.article(article_id))]
        by_person: dict[tuple[str, str], list[_Age]] = defaultdict(list)
        for age in ages:
            by_person[(age.surname, age.given)].append(age)
        for person in by_person.values():
            found.extend(_conflict(corpus, person))
    return found


def _conflict(corpus: Corpus, ages: list[_Age]) -> list[Found]:
    """The person's ages, one per article, if two disagree. An article that gives the
    person two ages is left out: our reading of whose age is whose is then in doubt."""
    given: dict[str, set[int]] = defaultdict(set)
    first: dict[str, _Age] = {}
    for age in ages:
        given[age.value.article].add(age.age)
        first.setdefault(age.value.article, age)
    stated = [a for article, a in first.items() if len(given[article]) == 1]
    written = {article: written_on(corpus.article(article)) for article in first}
    clash = any(a.age != b.age and _unexplained(a, b, written) for a in stated for b in stated)
    if not clash:
        return []
    shown = " vs ".join(dict.fromkeys(str(a.age) for a in sorted(stated, key=lambda a: a.age)))
    name = max((a.shown for a in stated), key=len)
    values = tuple(a.value for a in stated)
    return [Found("number", None, f"age of {name}: {shown}", values, CONFIDENCE)]


def _unexplained(a: _Age, b: _Age, written: dict[str, date | None]) -> bool:
    """Two ages of one person the time between the two articles (``written``: when each
    article was written) does not explain."""
    gap = abs(a.age - b.age)
    if gap > AGE_SLIP:
        return False
    when_a, when_b = written[a.value.article], written[b.value.article]
    if (when_a is None) != (when_b is None):
        return False  # One article's time unknown: a birthday or two may lie between.
    return gap > _years_between(when_a, when_b)


def _years_between(a: date | None, b: date | None) -> int:
    """Whole years, rounded up, between two dates (none when either is unknown): the
    most two ages of one person can differ by between them."""
    if a is None or b is None:
        return 0
    return math.ceil(abs((a - b).days) / 365.25)


def _ages(article: Article) -> list[_Age]:
    """Every age the article writes beside a person's name, in text order."""
    found = []
    full = _full_names(article.text)
    for sentence in article.sentences:
        text = sentence.text
        for pattern in (_APPOSED, _YEAR_OLD):
            for match in pattern.finditer(text):
                age = _number(match.group("age"))
                if age is None or not 0 < age <= OLDEST:
                    continue
                if not _owned(text, match):
                    continue
                person = _person(match.group("name"), full)
                if person is None:
                    continue
                surname, given, shown = person
                start = sentence.start + match.start("age")
                end = sentence.start + match.end("age")
                value = DiscrepancyValue(
                    article.id, sentence.index, match.group("age"), str(age), start, end
                )
                found.append(_Age(surname, given, age, value, shown))
    return sorted(found, key=lambda a: a.value.start)


def _owned(text: str, match: re.Match[str]) -> bool:
    """The age is the named person's: not a town's or a campaign's before a person ("of
    New Bedford, 35,", "a 78-year-old Trump supporter"), nor a thing's between ("a
    25-year-old court file on Donald Trump")."""
    if _PLACE_BEFORE.search(text, 0, match.start("name")):
        return False
    between = (match.groupdict().get("between") or "").split()
    if any(word in STOP_WORDS for word in between) or (between and is_doing(between[-1])):
        return False  # "a 40-year-old stabbed John Smith": the attacker's age.
    following = _NEXT_WORD.match(text, match.end("name"))
    if following is None:
        return True
    word = following.group(1)
    agent = _AGENT.match(word) is not None and word not in STOP_WORDS
    return word not in _PERSON_NOUNS and not agent


def _number(written: str) -> int | None:
    """An age written in figures or words ("61", "Sixty-one")."""
    tokens = tokenize(written)
    if len(tokens) != 1 or tokens[0].kind != "number" or tokens[0].value is None:
        return None
    value = tokens[0].value
    return int(value) if value == int(value) else None


def _full_names(text: str) -> dict[str, dict[str, str]]:
    """Surname -> given name (folded) -> the fullest name the article writes for that
    person (two words or more)."""
    named: dict[str, dict[str, str]] = defaultdict(dict)
    for mention in names.find_names(text):
        words = _name_words(mention.text)
        if len(words) < 2:
            continue
        people = named[names.fold(words[-1])]
        given = names.fold(words[0])
        if len(" ".join(words)) > len(people.get(given, "")):
            people[given] = " ".join(words)
    return named


def _name_words(name: str) -> list[str]:
    """The words of a name, titles off, from the last that is no name word on ("Mr.
    Gomes-and Catherine Gomes": text run together; "Sixty-year-old Sharron Smith")."""
    words = names.NAME_SUFFIX.sub("", names.strip_titles(name)).split()  # "Jr.": a Smith
    kept: list[str] = []
    for word in reversed(words):
        if not _NAME_WORD_RE.fullmatch(word):
            break
        kept.insert(0, word)
    return kept


def _person(name: str, full: dict[str, dict[str, str]]) -> tuple[str, str, str] | None:
    """(surname, given name, name shown) of a name the article gives a person: a given
    name and a surname it also writes in full, or a surname it writes in full for one
    person only (not "Gomes" where Gary and Kathryn Gomes are both named)."""
    words = _name_words(name)
    if not words:
        return None
    surname = names.fold(words[-1])
    people = full.get(surname, {})
    if len(words) >= 2:
        given = names.fold(words[0])
    elif len(people) == 1:
        given = next(iter(people))
    else:
        return None  # "Tampa, 3,", or "Gomes, 61," of two Gomeses.
    if given not in people:
        return None
    return surname, given, people[given]
