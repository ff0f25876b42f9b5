"""Short quotations of one fact worded differently ("a dangerous thing" / "a very
dangerous thing").

Too short for the quote links (:func:`tui.core.quotes.extract.same_words`), so they are
compared only where the aligner puts their sentences in one fact: the extractor's quotes
with their speakers, and any other quoted words of those sentences (titles and lists of
names left out), with no speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from tui.core.discrepancies.facts import Found, quotations
from tui.core.discrepancies.wording import (
    MIN_SHARED,
    quotation_changes,
    quote_value,
    quote_words,
    word_diff,
    wordings_summary,
)
from tui.core.models import Corpus, Group, Quote
from tui.core.quotes import linked_quotes, shared_words

MAX_FACT_CHANGED = 3
"""Words changed, both sides counted, past which two short quotes of one fact are two
remarks sharing a few words, not one worded differently (a word added, dropped or
changed; "a lot of" dropped)."""
FACT_CONFIDENCE = 0.6
"""Short quotes compared because their facts are one: less sure than linked quotes."""
_TITLE_SMALL = frozenset("of the a an and in on to for".split())
"""Words a title leaves in lower case."""
_TITLE_WORD = re.compile(r"[\w'’\-]+")


def fact_quote_wordings(
    groups: Sequence[Group], quotes: Sequence[Quote], corpus: Corpus
) -> list[Found]:
    """One ``quote_wording`` per fact whose short quotations differ by one speaker (or
    an unknown one), neither quoted unchanged by the other's article, not already linked
    (:func:`tui.core.discrepancies.quote_passages.quote_wordings` has those), and changed by at
    most :data:`MAX_FACT_CHANGED` words."""
    linked = {
        q.id: n for n, quotes_of_one in enumerate(linked_quotes(quotes)) for q in quotes_of_one
    }
    in_sentence: dict[tuple[str, int], list[Quote]] = {}
    for quote in quotes:
        key = (quote.article, corpus.article(quote.article).sentence_at(quote.start))
        in_sentence.setdefault(key, []).append(quote)
    found: list[Found] = []
    reported: set[frozenset[str]] = set()
    for group in groups:
        held = [
            q for m in group.members for q in _quoted_in(corpus, m.article, m.sentence, in_sentence)
        ]
        held = list({q.id: q for q in held}.values())
        pairs = [
            (a, b, changes)
            for n, a in enumerate(held)
            for b in held[n + 1 :]
            if a.article != b.article
            and (a.id not in linked or linked[a.id] != linked.get(b.id))
            and not (a.speaker_id and b.speaker_id and a.speaker_id != b.speaker_id)
            and (changes := _changes(a.text, b.text))
            and sum(len(old) + len(new) for old, new in changes) <= MAX_FACT_CHANGED
            and not _settled(a, b.article, held)
            and not _settled(b, a.article, held)
        ]
        if not pairs:
            continue
        chosen: dict[str, Quote] = {}
        for a, b, _ in pairs:
            chosen.setdefault(a.article, a)
            chosen.setdefault(b.article, b)
        ids = frozenset(q.id for q in chosen.values())
        if ids in reported:
            continue  # The same sentences in another fact.
        reported.add(ids)
        values = tuple(
            quote_value(q, corpus, " ".join(quote_words(q.text)))
            for q in sorted(chosen.values(), key=lambda q: (q.article, q.start))
        )
        a, b, _ = pairs[0]
        who = a.speaker or b.speaker or "an unknown speaker"
        diff = word_diff(quote_words(a.text), quote_words(b.text))
        summary = wordings_summary(who, len(values), diff)
        found.append(Found("quote_wording", group.id, summary, values, FACT_CONFIDENCE))
    return found


def _quoted_in(
    corpus: Corpus, article: str, sentence: int, in_sentence: dict[tuple[str, int], list[Quote]]
) -> list[Quote]:
    """The quotes of a sentence: the extractor's, and quoted words it did not take for
    speech ('reducing itself to a "partisan attack dog organization"'), speaker unknown."""
    extracted = in_sentence.get((article, sentence), [])
    where = corpus.article(article).sentences[sentence]
    quoted = list(extracted)
    for _, end, start, words, _ in quotations(where.text):
        begin = where.start + start
        if any(q.start < where.start + end and begin < q.end for q in extracted):
            continue
        if _is_title(words):
            continue  # "The Godfather: Part II": a title's spelling is the names' business.
        quoted.append(
            Quote(f"{article}@{begin}", article, begin, begin + len(words), words, None, None, None)
        )
    return quoted


def _is_title(words: str) -> bool:
    """Quoted words every one capitalised but the small ones: a title or a list of names."""
    found = _TITLE_WORD.findall(words)
    return bool(found) and all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL for w in found)


def _settled(quote: Quote, article: str, held: Sequence[Quote]) -> bool:
    """``article`` quotes the same words unchanged: the quote is accounted for there, and
    another quote of that article sharing a few of its words ("a team that can help ..."
    beside "a team that can bring ...") is another remark."""
    return any(other.article == article and _unchanged(quote.text, other.text) for other in held)


@lru_cache(maxsize=8_192)
def _folded(text: str) -> tuple[str, ...]:
    """:func:`quote_words` of a quote, read once however many facts hold it."""
    return tuple(quote_words(text))


@lru_cache(maxsize=8_192)
def _changes(a: str, b: str) -> list[tuple[list[str], list[str]]] | None:
    """:func:`quotation_changes` of two quotes; None when they share too few words."""
    words_a, words_b = _folded(a), _folded(b)
    if shared_words(Counter(words_a), Counter(words_b)) < MIN_SHARED:
        return None  # Even in the best order, too few shared words.
    return quotation_changes(words_a, words_b)


def _unchanged(a: str, b: str) -> bool:
    """One quotation, worded alike."""
    return _changes(a, b) == []
