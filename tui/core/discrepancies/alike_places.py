"""One place written as two near-identical names in one story: a ``place`` discrepancy.

Outlets confuse towns whose names look alike (Blumenthal spoke in Norwalk; two of three
reports put the event in Norfolk). Without a gazetteer both may be real towns, so the
text must say they fill one slot: each is named after a locative preposition ("in
Norfolk"), the two are never named in one sentence (a sentence naming both treats them
as two places), and a sentence naming one and a sentence naming the other share rare
words about what happened there (the 2008 event where he said he served in Vietnam).
Well-known places (Austria, Australia) are never confused so: both names must be rare.
Two spellings of one name (Kharkiv / Kharkov, Avdiivka / Avdeevka) differ in vowels only:
a transliteration, not two towns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from tui.core.discrepancies.facts import Found
from tui.core.discrepancies.places import place_mentions
from tui.core.discrepancies.tokens import sentence_tokens
from tui.core.models import Corpus, DiscrepancyValue
from tui.core.text.normalize import NAME_RARITY, rarity

MIN_LETTERS = 5
"""Shorter names (Iran, Iraq) differ by a letter without being confused."""
MAX_EDITS = 2
"""Letters that may differ past the shared start (Norwalk / Norfolk)."""
SHARED_START = 3
"""Letters both names start with."""
MIN_SHARED_WORDS = 2
"""Rare words or numbers a sentence naming one place must share with a sentence naming
the other (:func:`_one_slot`)."""
WORD_RARITY = 2.0
"""From this rarity a word around a place says what happened there."""
ALIKE_CONFIDENCE = 0.55
"""Lower than a conflict inside one fact: the slot is read from shared words only."""
_VOWELS = str.maketrans("", "", "aeiouy")


@dataclass(slots=True)
class _Named:
    """Where a story names one place: the first use in each article, every sentence."""

    first_in: dict[str, DiscrepancyValue] = field(default_factory=dict)
    sentences: set[tuple[str, int]] = field(default_factory=set)


def alike_places(corpus: Corpus, stories: Sequence[Sequence[str]]) -> list[Found]:
    """One ``place`` discrepancy per two near-identical place names that fill one slot
    of a story (module docstring)."""
    found: list[Found] = []
    for articles in stories:
        named: dict[str, _Named] = {}
        words: dict[tuple[str, int], set[str]] = {}
        for article_id in articles:
            article = corpus.article(article_id)
            for sentence in article.sentences:
                for mention in place_mentions(article, sentence):
                    if " " in mention.name or mention.state:
                        continue  # One word, no state: a state would tell two towns apart.
                    place = named.setdefault(mention.name, _Named())
                    place.first_in.setdefault(article_id, mention.value)
                    place.sentences.add((article_id, sentence.index))
                    words.setdefault((article_id, sentence.index), _rare_words(sentence.text))
        for a, b in combinations(sorted(named), 2):
            if not _alike(a, b):
                continue
            one, other = named[a], named[b]
            if one.sentences & other.sentences:
                continue  # Named side by side: two places.
            if not any(
                _one_slot(words[x], words[y], {a, b})
                for x in one.sentences
                for y in other.sentences
            ):
                continue
            values = tuple(
                sorted(
                    [*one.first_in.values(), *other.first_in.values()],
                    key=lambda v: (articles.index(v.article), v.start),
                )
            )
            shown = " / ".join(dict.fromkeys(v.text for v in values))
            summary = f"place: {shown} (names alike, in one story)"
            found.append(Found("place", None, summary, values, ALIKE_CONFIDENCE))
    return found


def _alike(a: str, b: str) -> bool:
    """Two rare one-word names that differ by a letter or two after a shared start."""
    if min(len(a), len(b)) < MIN_LETTERS or a[:SHARED_START] != b[:SHARED_START]:
        return False
    if a.startswith(b) or b.startswith(a):
        return False  # Georgia / Georgian: a name and its adjective.
    if min(rarity(a), rarity(b)) < NAME_RARITY:
        return False
    if a.translate(_VOWELS) == b.translate(_VOWELS):
        return False  # Kharkiv / Kharkov: one name transliterated two ways.
    return Levenshtein.distance(a, b) <= MAX_EDITS


def _rare_words(text: str) -> set[str]:
    """A sentence's rare words (folded as written) and numbers (``#2008``), which say
    what it reports."""
    return {
        t.norm if t.kind == "word" else f"#{t.norm}"
        for t in sentence_tokens(text)
        if t.kind == "number" or (not t.stop and rarity(t.norm) >= WORD_RARITY)
    }


def _one_slot(a: set[str], b: set[str], names: set[str]) -> bool:
    """Two sentences share :data:`MIN_SHARED_WORDS` rare words or numbers besides the two
    names, one a word at least: a year alone says little of what happened then."""
    shared = (a & b) - names
    return len(shared) >= MIN_SHARED_WORDS and any(not w.startswith("#") for w in shared)
