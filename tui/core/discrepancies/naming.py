"""One person's name written two ways: a ``name`` discrepancy (Jon / John Thompson).

Only full names are compared, within a story: two mentions whose surnames agree and whose
first names differ by a spelling (Jon / John), or whose first names agree and whose
surnames differ by one letter (Thompson / Thomson). A lone word is never compared, so two
people who merely look alike (Colin and Colvin) are not one name misspelled; nicknames
and short forms (Chris / Christopher, Ted / Edward, Sandi / Sandra), initials, middle names
and suffixes (Hillary Rodham Clinton, Michael G. Grimm, Cesar Sayoc Jr.) are the same name.
Transliterations of one name (Zelensky / Zelenskyy) stay ``entity_variant`` spelling
variants: a reader checking spellings sees them, but they are not a disagreement.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA, Indel, Levenshtein

from tui.core.align.pipeline import Prepared
from tui.core.discrepancies.facts import Found, merge_sharing
from tui.core.discrepancies.matched import (
    Where,
    same_fact_probabilities,
    sentence_facts,
    share_a_fact,
)
from tui.core.discrepancies.tokens import sentence_names, sentence_tokens
from tui.core.models import Article, Corpus, DiscrepancyKind, DiscrepancyValue, Group
from tui.core.quotes.lexicon import PLACE_ENDINGS, STREET_ENDINGS
from tui.core.quotes.speakers import is_org
from tui.core.text import names
from tui.core.text.normalize import RARE, SPELLING_RARITY, content_tokens, rarity

_WAYS = {2: "two", 3: "three", 4: "four"}
MIN_SLIP_WORDS = 3
"""Words a name needs before a plural slip in it is one entity written two ways."""
FIRST_SIMILARITY = 0.75
"""Indel similarity from which two different first names are one name misspelled."""
_SUFFIXES = frozenset("jr sr ii iii iv".split())

_QUOTE_MARKS = frozenset("\"“‘'")
_ARTICLE_PREFIX = re.compile(r"^o['’](?=[a-z])")
"""The part of a surname a hurried writer drops (O'Rourke / Rourke)."""


@dataclass(frozen=True, slots=True)
class FullName:
    """A first name and a surname where one article writes them."""

    first: str
    last: str
    value: DiscrepancyValue


def misspelled_first(a: str, b: str) -> bool:
    """Two first names that are one name spelled differently (Jon / John)."""
    if names.same_first_name(a, b):
        return False
    return Indel.normalized_similarity(a.lower(), b.lower()) >= FIRST_SIMILARITY


def misspelled_last(a: str, b: str) -> bool:
    """Two surnames one letter apart that no transliteration explains (Thompson / Thomson)."""
    x, y = a.lower(), b.lower()
    if x == y or min(len(x), len(y)) < 4 or x.startswith(y) or y.startswith(x):
        return False  # Arabia / Arabian, Clinton / Clintons: an ending, not a misspelling.
    if min(rarity(x), rarity(y)) < SPELLING_RARITY:
        return False  # Parties / Partiers: words, not a surname misspelled.
    return Levenshtein.distance(x, y) == 1 and names.fold(a) != names.fold(b)


def full_names(corpus: Corpus, articles: Sequence[str]) -> list[FullName]:
    """Every "First Last" person mention in those articles (titles, middles, suffixes off)."""
    found = []
    for article_id in articles:
        article = corpus.article(article_id)
        for sentence in article.sentences:
            for mention in sentence_names(sentence.text):
                plain = names.strip_titles(mention.text)
                words = list(re.findall(r"[A-Z][\w'’-]*\.?", plain))
                words = [w for w in words if w.lower().rstrip(".") not in _SUFFIXES]
                if len(words) < 2 or len(words) > 4 or not plain[:1].isupper():
                    continue
                first, last = words[0].rstrip("."), words[-1].rstrip(".")
                if len(first) < 2 or len(last) < 2 or not re.fullmatch(r"[A-Z][a-z]+", first):
                    continue
                at = sentence.start + mention.start + mention.text.index(words[0])
                end = (
                    sentence.start + mention.start + mention.text.rindex(words[-1]) + len(words[-1])
                )
                text = article.text[at:end]
                found.append(
                    FullName(
                        first,
                        last,
                        DiscrepancyValue(
                            article.id, sentence.index, text, f"{first} {last}", at, end
                        ),
                    )
                )
    return found


def name_conflicts(corpus: Corpus, stories: Sequence[Sequence[str]]) -> list[Found]:
    """One ``name`` discrepancy per person whose name two mentions spell differently."""
    found: list[Found] = []
    for articles in stories:
        mentions = full_names(corpus, articles)
        seen: set[tuple[str, str]] = set()
        for i, a in enumerate(mentions):
            for b in mentions[i + 1 :]:
                same_last = a.last == b.last
                if not (
                    (same_last and misspelled_first(a.first, b.first))
                    or (a.first == b.first and misspelled_last(a.last, b.last))
                ):
                    continue
                key = tuple(sorted((a.value.value, b.value.value)))
                if key in seen:
                    continue
                seen.add(key)  # type: ignore[arg-type]
                values = _every_spelling(mentions, a, b)
                shown = " / ".join(dict.fromkeys(v.value for v in values))
                kind: DiscrepancyKind = "place" if _place(a, b, values, corpus) else "name"
                found.append(
                    Found(kind, None, f"{shown}: one name, spelled differently", values, 0.6)
                )
    return found


def surname_slips(corpus: Corpus, stories: Sequence[Sequence[str]]) -> list[Found]:
    """A surname an article writes once and alone ("Tump announced", "Mr. Hutchison's"),
    a letter from a surname the same article writes at least twice, or once after a
    given name ("Tony Reagins ... Regains"; two letters for a person's long surname, or
    two swapped: :func:`_slip_of`), or without the O' it has there (Rourke / O'Rourke):
    a slip of the pen, one person's name
    written two ways inside one article. The slip is no English word and appears nowhere
    else in the story: a second person named so would be written more than once, or
    with a first name."""
    found: list[Found] = []
    for articles in stories:
        in_story: Counter[str] = Counter()
        uses: dict[str, dict[str, list[tuple[DiscrepancyValue, bool]]]] = {}
        people: set[str] = set()  # Surnames the story gives a first name or a title.
        named: set[str] = set()  # Last words after a word that may be a given name.
        everyday = everyday_words(corpus.article(a) for a in articles)
        for article_id in articles:
            article = corpus.article(article_id)
            mine = uses.setdefault(article_id, {})
            people.update(
                person.surname
                for sentence in article.sentences
                for person in person_names(article_id, sentence.text, 0, sentence.index, everyday)
            )
            for sentence in article.sentences:
                for mention in sentence_names(sentence.text):
                    plain = names.strip_titles(mention.text)
                    words = re.findall(r"[A-Z][\w'’-]*", plain)
                    if not words:
                        continue
                    last = names.bare_word(words[-1])  # Saints' / Saints
                    if plain != mention.text and len(words) == 1:
                        people.add(last)  # "Mr. Cowan": a person's surname
                    elif (
                        len(words) >= 2 and _given(words[-2]) and words[-2].lower() not in everyday
                    ):
                        named.add(last)  # "Tony Reagins", though "Tony" is an English word
                    at = sentence.start + mention.start + mention.text.rfind(last)
                    value = DiscrepancyValue(
                        article_id, sentence.index, last, last, at, at + len(last)
                    )
                    mine.setdefault(last, []).append((value, len(words) == 1))
                    in_story[last] += 1
        persons = people | named
        for mine in uses.values():
            # Surnames written twice or more, or once in full ("Tony Reagins", then
            # "Regains"), by first letter: a slip keeps that letter, or drops an O'.
            written: dict[str, list[str]] = {}
            for n, n_uses in mine.items():
                if len(n_uses) >= 2 or (n in persons and not all(a for _, a in n_uses)):
                    written.setdefault(n[:1].lower(), []).append(n)
                    if _ARTICLE_PREFIX.match(n.lower()):
                        written.setdefault(n[2:3].lower(), []).append(n)
            for slip, slip_uses in mine.items():
                (slip_value, alone), *more = slip_uses
                if more or in_story[slip] != 1 or not alone or len(slip) < 4:
                    continue
                if rarity(slip.lower()) < SPELLING_RARITY:
                    continue
                text = corpus.article(slip_value.article).text
                if text[max(0, slip_value.start - 1) : slip_value.start] in _QUOTE_MARKS:
                    continue  # A name in quotation marks is coined ("Magrue"), not slipped.
                if _LOCATIVE.search(text, max(0, slip_value.start - 8), slip_value.start):
                    continue  # "in Kiel", "near Kiel": a place, whoever Keil is.
                name = next(
                    (
                        n
                        for n in _near(slip, written)
                        if _slip_of(slip, n, person=n in people, named=n in persons)
                    ),
                    None,
                )
                if name is None:
                    continue
                values = tuple(sorted((mine[name][0][0], slip_value), key=lambda v: v.start))
                summary = f"{name} / {slip}: one name, spelled differently in one article"
                found.append(Found("name", None, summary, values, 0.6))
    return found


_LOCATIVE = re.compile(r"\b(?:in|near|at)\s+\Z")
"""Before a lone capitalised word, makes it a place ("based in Kiel"); not "of" or
"from", which people follow too ("photos of Paige", "a letter from Reese")."""


def _near(slip: str, written: dict[str, list[str]]) -> list[str]:
    """The surnames written (twice, or once in full: :func:`surname_slips`) that ``slip``
    may be a slip of: the same first letter (or its O' dropped), and a length at most
    two letters off (an O')."""
    return [n for n in written.get(slip[:1].lower(), []) if abs(len(n) - len(slip)) <= 2]


def _slip_of(slip: str, name: str, *, person: bool = False, named: bool = False) -> bool:
    """``slip`` is ``name`` with one letter after the first wrong, missing or added
    (Tump / Trump; Kerry is not Perry), or ``name`` without its O' (Rourke / O'Rourke).
    A person's surname (``person``: the story gives it a first name or a title) may
    slip by two letters when it is long and keeps its first three (Cowan / Cowmen), a
    place's may not (Europe / Euros). A person's name, or one written after a word that
    may be a given name (``named``: "Tony Reagins"), may have two letters swapped
    (Regains)."""
    x, y = slip.lower(), name.lower()
    if x == y or names.fold(slip) == names.fold(name) or x.startswith(y) or y.startswith(x):
        return False  # House style, or an ending (Clinton / Clintons).
    if x.replace("-", "") == y.replace("-", ""):
        return False  # A word broken at a line's end ("Poly-technic").
    if slip.isupper() and name.isupper():
        return False  # Initialisms (IRNA, ISNA): each letter a word; two bodies.
    if x[0] == y[0] and Levenshtein.distance(x, y) == 1:
        return True
    if named and x[0] == y[0] and OSA.distance(x, y) == 1:
        return True  # Two letters swapped (Reagins / Regains).
    # Two letters off, on a longer name that keeps its first three (Cowan / Cowmen).
    long_slip = (
        person and min(len(x), len(y)) >= 5 and x[:3] == y[:3] and Levenshtein.distance(x, y) == 2
    )
    return long_slip or _ARTICLE_PREFIX.sub("", y) == x


def plural_slips(corpus: Corpus, stories: Sequence[Sequence[str]]) -> list[Found]:
    """A name of three words or more written once with a word before its last in the
    plural and once in the singular (the Federal Elections / Election Commission, inside
    one article or across a story): one entity's name, written two ways. The last word
    may be plural (two committees); shorter names are left alone (Democrat / Democrats)."""
    found: list[Found] = []
    for articles in stories:
        spellings: dict[tuple[str, ...], dict[str, DiscrepancyValue]] = {}
        for article_id in articles:
            article = corpus.article(article_id)
            for sentence in article.sentences:
                for mention in sentence_names(sentence.text):
                    words = mention.text.split()
                    if len(words) < MIN_SLIP_WORDS or not all(w[:1].isupper() for w in words):
                        continue
                    # The last word (the head noun) keeps its number: "the House and
                    # Senate Intelligence Committees" are two.
                    key = (*(w.lower().removesuffix("s") for w in words[:-1]), words[-1])
                    value = DiscrepancyValue(
                        article_id,
                        sentence.index,
                        mention.text,
                        mention.text,
                        sentence.start + mention.start,
                        sentence.start + mention.end,
                    )
                    spellings.setdefault(key, {}).setdefault(mention.text, value)
        for written in spellings.values():
            if len({_uncapped(w) for w in written}) < 2:
                continue  # "SAN Diego Chargers": a headline in capitals, one spelling.
            values = tuple(written.values())
            shown = " / ".join(written)
            summary = f"{shown}: one name, written {_WAYS.get(len(written), len(written))} ways"
            found.append(Found("name", None, summary, values, 0.6))
    return found


def _uncapped(name: str) -> str:
    """A name with its words in capitals written as names are ("SAN Diego" -> "San
    Diego"): headlines and scraped banners capitalise whole words, writers do not
    ("TallGrass" against "Tallgrass" stays a second spelling)."""
    return " ".join(w.capitalize() if len(w) > 1 and w.isupper() else w for w in name.split())


_KIN_NAME = re.compile(
    r"\b(?P<relation>wife|husband|son|daughter|mother|father|brother|sister|widow|fiancée?)"
    r",?\s+(?P<first>[A-Z][a-z]+)\b(?!\s+[A-Z])"
)
"""A relative named by a first name alone ("He and wife Stacy", "Mr. Cowan's wife,
Stacey"): news names a spouse or a child so, after the person they belong to."""


def relative_slips(corpus: Corpus, stories: Sequence[Sequence[str]]) -> list[Found]:
    """One relative's first name spelled two ways in one story (wife Stacy / wife,
    Stacey): the same relation, first names one misspelling apart
    (:func:`misspelled_first`; a nickname or a short form is the same name). A full name
    is :func:`name_conflicts`' business; a first name alone is only compared so."""
    found: list[Found] = []
    for articles in stories:
        named: dict[str, dict[str, DiscrepancyValue]] = {}
        for article_id in articles:
            article = corpus.article(article_id)
            for sentence in article.sentences:
                for match in _KIN_NAME.finditer(sentence.text):
                    first = match.group("first")
                    if names.is_common_word(first):
                        continue  # "his son Will", "wife Hope" are names too, but also words.
                    at = sentence.start + match.start("first")
                    value = DiscrepancyValue(
                        article_id, sentence.index, first, first, at, at + len(first)
                    )
                    named.setdefault(match.group("relation"), {}).setdefault(first, value)
        for relation, written in named.items():
            spellings = list(written)
            for i, a in enumerate(spellings):
                for b in spellings[i + 1 :]:
                    if misspelled_first(a, b):
                        summary = f"{a} / {b}: one name ({relation}), spelled differently"
                        found.append(Found("name", None, summary, (written[a], written[b]), 0.6))
    return found


_PLACED_BEFORE = re.compile(r"(?:\b(?:on|at|in|near|off|along|the|an|a)|\d)\s+\Z", re.IGNORECASE)
"""What stands before a street the text places something on: "on", "at 24", "the"."""


def _place(a: FullName, b: FullName, values: Sequence[DiscrepancyValue], corpus: Corpus) -> bool:
    """The two spellings name a place: an island, county or beach, or a street that one of
    its mentions places something on (:data:`STREET_ENDINGS`)."""
    ending = {a.last.lower(), b.last.lower()}
    if ending <= PLACE_ENDINGS:
        return True
    if not ending <= STREET_ENDINGS:
        return False
    return any(
        _PLACED_BEFORE.search(corpus.article(v.article).text, max(0, v.start - 12), v.start)
        for v in values
    )


def _every_spelling(
    mentions: list[FullName], a: FullName, b: FullName
) -> tuple[DiscrepancyValue, ...]:
    """The first mention of each of the two spellings in each article."""
    chosen: dict[tuple[str, str], DiscrepancyValue] = {}
    for m in mentions:
        if m.value.value in (a.value.value, b.value.value):
            chosen.setdefault((m.value.article, m.value.value), m.value)
    return tuple(chosen.values())


SAME_FACT_FLOOR = 0.45
"""P(same fact) from which two sentences in no common fact compare the people they name:
the aligner's own threshold, for a first name is only wrong where the fact is one."""
SHARED_PREFIX = 3
"""Letters two first names share at the start when one may be a short form of the other
(Kathryn / Katie, Alexandros / Alexis): no disagreement then."""
_PERSON_RUN = re.compile(r"[A-Z][\w'’-]*\.?")
_INITIAL = re.compile(r"[A-Z]\.")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]+\b")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person named with a surname and the given names right before it."""

    given: tuple[str, ...]
    """Given names, after any title and without initials ("Linda" in "Representative
    Linda T. Sánchez"; "Sarah", "Huckabee" in "Sarah Huckabee Sanders")."""
    surname: str
    value: DiscrepancyValue


def person_names(
    article_id: str, text: str, offset: int, index: int, everyday: Collection[str] = ()
) -> list[PersonName]:
    """The people a sentence names by given name and surname: the first run of capitalised
    words of a name, its titles off ("Texas Rep. Roger Williams" -> Roger Williams). A run
    without a title and with a given name the story also writes in lower case
    (``everyday``: "Top Democrats", a headline's "Obama Reverses Bush"), or with given
    names that are all everyday English words ("Green Bay"; so "John Smith" needs his
    "Mr."), is not taken for a person, nor is an organisation."""
    found = []
    for mention in sentence_names(text):
        run: list[re.Match[str]] = []
        for word in re.finditer(r"[^\s,]+", mention.text):
            if _PERSON_RUN.fullmatch(word.group(0)):
                run.append(word)
            elif run:
                break
        while run and run[-1].group(0).lower().rstrip(".") in _SUFFIXES:
            run.pop()
        titled = [
            n for n, w in enumerate(run[:-1]) if w.group(0).lower().rstrip(".") in names.TITLES
        ]
        name = run[titled[-1] + 1 :] if titled else run
        if len(name) < 2 or len(run) > 5:
            continue
        surname = names.bare_word(name[-1].group(0)).rstrip(".")
        given = [w.group(0) for w in name[:-1] if not _INITIAL.fullmatch(w.group(0))]
        if not given or not all(_given(w) for w in given):
            continue
        if not titled and any(w.lower() in everyday for w in given):
            continue  # A headline's "Obama Reverses Bush"; a title says "Rep. Will Hurd".
        if not titled and all(names.is_common_word(w) for w in given):
            # "West Village", "Green Bay": without a title, given names that are all
            # everyday words are read as words (John, Linda: a title is needed).
            continue
        if len(surname) < 2 or is_org(surname):
            continue
        start = offset + mention.start + name[0].start()
        end = offset + mention.start + name[-1].start() + len(surname)
        shown = f"{' '.join(given)} {surname}"
        value = DiscrepancyValue(
            article_id, index, text[start - offset : end - offset], shown, start, end
        )
        found.append(PersonName(tuple(given), surname, value))
    return found


def _given(word: str) -> bool:
    """A word that can be a given name: capitalised letters ("José"), no body's name."""
    return word.isalpha() and word[0].isupper() and word[1:].islower() and not is_org(word)


def everyday_words(articles: Iterable[Article]) -> set[str]:
    """The words these articles write in lower case: no given names, whatever their case
    at a sentence's start."""
    return {w for a in articles for w in _LOWER_WORD.findall(a.text)}


def given_name_conflicts(
    corpus: Corpus,
    groups: Sequence[Group],
    stories: Sequence[Sequence[str]],
    prepared: Prepared | None = None,
) -> list[Found]:
    """One fact that two articles tell with one surname and two first names (Fox's "Rep.
    Loretta Sanchez won", the Times's "Representative Linda T. Sánchez ... defeated"):
    one of them names the wrong person, or names the right one wrongly.

    The sentences are one fact (one group, or the pair model's P(same fact) reaches
    :data:`SAME_FACT_FLOOR`), and neither article ever writes the other's first name: two
    relatives of one story ("Malia and Sasha Obama") are not one person. Short forms and
    spellings of one first name (:func:`names.same_first_name`, :func:`misspelled_first`)
    are no disagreement, nor is a word the story also writes in lower case ("Obama
    Reverses Bush" is a headline, not a Reverses Bush)."""
    facts = sentence_facts(groups)
    found: list[Found] = []
    for articles in stories:
        story = Corpus(tuple(corpus.article(a) for a in articles))
        plain = everyday_words(story.articles)
        known = {a.id: {w.lower() for w in _CAPITAL_WORD.findall(a.text)} for a in story.articles}
        by_surname: dict[str, list[PersonName]] = defaultdict(list)
        for article in story.articles:
            for sentence in article.sentences:
                if sentence.kind != "text":
                    continue
                for person in person_names(
                    article.id, sentence.text, sentence.start, sentence.index, plain
                ):
                    by_surname[names.fold(person.surname)].append(person)
        candidates: dict[tuple[Where, Where], tuple[PersonName, PersonName]] = {}
        for people in by_surname.values():
            for n, a in enumerate(people):
                for b in people[n + 1 :]:
                    if (
                        a.value.article != b.value.article
                        and _two_people(a, b, known)
                        and _more_in_common(story, a, b)
                    ):
                        where = (
                            (a.value.article, a.value.sentence),
                            (b.value.article, b.value.sentence),
                        )
                        candidates.setdefault(where, (a, b))
        unlinked = [(x, y) for x, y in candidates if not share_a_fact(facts, x, y)]
        probability = same_fact_probabilities(story, unlinked, prepared) if unlinked else {}
        for where, (a, b) in candidates.items():
            if probability.get(where, 1.0) < SAME_FACT_FLOOR:
                continue
            summary = f"{a.value.value} / {b.value.value}: one surname, two first names in one fact"
            found.append(Found("name", None, summary, (a.value, b.value), 0.6))
    return merge_sharing(found, lambda a, b: a.kind == b.kind)


def _more_in_common(story: Corpus, a: PersonName, b: PersonName) -> bool:
    """The two sentences share a rare word beyond the person's names ("defeating Barbara
    Lee" / "defeated ... Barbara Lee"): a surname alone makes no fact, whatever the pair
    model says of two sentences that have nothing else to match."""
    own = {names.fold(w) for w in (*a.given, *b.given, a.surname, b.surname)}

    def rare(person: PersonName) -> set[str]:
        sentence = story.article(person.value.article).sentences[person.value.sentence]
        return {
            t.key
            for t in content_tokens(list(sentence_tokens(sentence.text)))
            if t.kind == "word" and rarity(t.norm) >= RARE and names.fold(t.norm) not in own
        }

    return bool(rare(a) & rare(b))


def _two_people(a: PersonName, b: PersonName, known: dict[str, set[str]]) -> bool:
    """``a`` and ``b`` give one surname first names that are no forms of one name, and
    neither article writes the other's first name anywhere."""
    for x in a.given:
        for y in b.given:
            if names.same_first_name(x, y) or misspelled_first(x, y):
                return False
            if x[:SHARED_PREFIX].lower() == y[:SHARED_PREFIX].lower():
                return False
    if any(g.lower() in known[a.value.article] for g in b.given):
        return False
    return not any(g.lower() in known[b.value.article] for g in a.given)
