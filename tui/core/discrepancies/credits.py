"""The same words that two articles credit to two different people: ``attribution``.

Only where each article names its speaker at the cue (:attr:`Quote.named`): a pronoun
or the paragraph before may point to the wrong person in our reading, not in the
reporter's. Nor where one article names the other's speaker jointly with someone near
the quote ("said Zadan and Meron": which one spoke is our reading's doubt), nor for one
person transliterated two ways (Carolos / Karolos Papoulias). And a label one article
says a group with no name gave (what aides called "orphan districts") that another quotes
in a named person's own words. (The same short label in two mouths and two wordings,
inside one fact, is :mod:`.facts`' ``attribution``.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from tui.core.discrepancies.facts import Found
from tui.core.discrepancies.wording import quote_value
from tui.core.models import Corpus, Quote
from tui.core.quotes.attribution import NAMING_VERBS
from tui.core.quotes.extract import clip, credited_alike, quote_keys, same_words
from tui.core.quotes.speakers import is_org, one_person
from tui.core.text import names

CREDIT_CONFIDENCE = 0.8
"""Two named attributions of one remark: the surest kind of attribution conflict."""


def quote_credits(quotes: Sequence[Quote], corpus: Corpus) -> list[Found]:
    """One ``attribution`` discrepancy per two articles that credit one remark (six words
    or more, :func:`credited_alike`) to two people, each by name at the cue. An
    organisation against a person is left out (the White House and its press secretary)."""
    found: list[Found] = []
    named = [q for q in quotes if q.named and q.speaker_id]
    # Whole remarks only: a speaker may quote a few words of another ("my colleagues will
    # tell you this is a sad day"), and an excerpt cannot tell.
    for i, j in same_words(named, excerpts=False):
        a, b = named[i], named[j]
        who_a, who_b = a.speaker_id or "", b.speaker_id or ""
        if one_person(who_a, who_b) or _spelled_alike(who_a, who_b):
            continue
        if is_org(who_a) or is_org(who_b):
            continue
        if not credited_alike(a, b):
            continue
        if _named_jointly(b, who_a, corpus) or _named_jointly(a, who_b, corpus):
            continue  # "said Zadan and Meron": one of two named, not another speaker.
        values = tuple(quote_value(q, corpus, q.speaker_id or "") for q in (a, b))
        summary = f"“{clip(a.text, 60)}” credited to {who_a} and to {who_b}"
        found.append(Found("attribution", None, summary, values, CREDIT_CONFIDENCE))
    return found


def _spelled_alike(a: str, b: str) -> bool:
    """One surname and given names a letter apart (Carolos / Karolos Papoulias): one
    person whose name two outlets transliterate differently, not two speakers."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) < 2 or len(words_b) < 2 or names.fold(words_a[-1]) != names.fold(words_b[-1]):
        return False
    return Levenshtein.distance(names.fold(words_a[0]), names.fold(words_b[0])) <= 1


def _named_jointly(quote: Quote, speaker: str, corpus: Corpus) -> bool:
    """The speaker another article credits is named jointly with someone ("said Zadan and
    Meron", "Zadan and Meron added:") in this quote's sentence or the one before or after
    it: a joint statement, whose one speaker our reading picks, not the reporters'
    disagreement. A mere mention of the other person nearby is no such doubt."""
    article = corpus.article(quote.article)
    here = article.sentence_at(quote.start)
    around = article.sentences[max(0, here - 1) : here + 2]
    surname = re.escape(speaker.rsplit(maxsplit=1)[-1])
    joint = re.compile(
        rf"\b{surname}(?:,\s*[^,]{{1,15}},)?\s+(?:and|&)\s+[A-Z]"
        rf"|\b[A-Z][\w.'’-]*(?:,\s*[^,]{{1,15}},)?\s+(?:and|&)\s+(?:[A-Z][\w.'’-]*\s+)*"
        rf"{surname}\b"
    )
    return joint.search(article.text, around[0].start, around[-1].end) is not None


LABEL_WORDS = range(2, 7)
"""Words of a label (``orphan districts``): one word is too common to say whose it is,
and more than six make a remark, not a label."""


def label_credits(
    quotes: Sequence[Quote], corpus: Corpus, stories: Sequence[Sequence[str]]
) -> list[Found]:
    """One ``attribution`` discrepancy per label that one article says a group with no
    name gave ("Mr. Boehner pointed to what aides called “orphan districts”") and that
    another article of the story quotes in a named person's own words ("... and we call
    these orphan districts," Boehner said): the label credited to two."""
    story = {a: n for n, articles in enumerate(stories) for a in articles}
    labels = [
        q
        for q in quotes
        if q.speaker is None
        and q.speaker_mention
        and _group(q.speaker_mention)
        and (q.cue or "").lower() in NAMING_VERBS
        and len(quote_keys(q.text)) in LABEL_WORDS
    ]
    named = [q for q in quotes if q.named and q.speaker_id]
    found: list[Found] = []
    for label in labels:
        words = quote_keys(label.text)
        for quote in named:
            if quote.article == label.article or story.get(quote.article) != story.get(
                label.article
            ):
                continue
            keys = quote_keys(quote.text)
            if not any(keys[n : n + len(words)] == words for n in range(len(keys))):
                continue
            namer = label.speaker_mention or ""
            values = (
                quote_value(label, corpus, namer),
                quote_value(quote, corpus, quote.speaker_id or ""),
            )
            summary = f"“{clip(label.text, 60)}” credited to {namer} and to {quote.speaker_id}"
            found.append(Found("attribution", None, summary, values, CREDIT_CONFIDENCE))
            break
    return found


_NOT_GROUPS = frozenset("his its hers theirs ours yours this these those thus".split())


def _group(namer: str) -> bool:
    """A namer that is a group of people with no name ("aides", "his advisers", "former
    employees"): not one person or body the other article may name ("the Republican
    leader", "his office"), whose label would be that person's own."""
    last = namer.rsplit(maxsplit=1)[-1]
    plural = last.endswith("s") and not last.endswith("ss") and last not in _NOT_GROUPS
    return last.islower() and len(last) > 3 and plural
