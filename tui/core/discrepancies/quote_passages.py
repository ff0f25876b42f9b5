"""One remark quoted by several outlets, passage by passage: where the wordings differ.

The quotes come from :mod:`tui.core.quotes`, which links one speaker's remark across
articles (``same_as``). An outlet may quote a remark whole, in part, or in two passages
("they destroyed his life", later "it's like they ruined his life"); each passage is
compared with the passage another outlet reproduces, and each that differs inside
(:mod:`.wording`: not an excerpt, an ellipsis or house style) is one discrepancy.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import Match, SequenceMatcher

from tui.core.discrepancies.facts import Found
from tui.core.discrepancies.wording import (
    GAP,
    Place,
    changes_by,
    outlet_quotes,
    quote_value,
    quote_words,
    word_diff,
    wordings_summary,
)
from tui.core.models import Corpus, Quote
from tui.core.quotes import linked_quotes
from tui.core.quotes.lexicon import DOCUMENTS
from tui.core.text.synonyms import STOP_WORDS

SPLIT_GAP = 80
"""Characters between two quotes of one article that are one quotation cut by its
attribution (' "...," she said. "..." ')."""
RENDERING_CHANGES = 4
"""Places two wordings differ in from which, sharing little, they are two renderings."""
RENDERING_SHARE = 0.85
"""Two wordings that differ in :data:`RENDERING_CHANGES` places or more and share less
than this part of the shorter one's words are two renderings (two outlets' paraphrases,
or two lines of one speech: "grabs power away from the elites and the power brokers" /
"takes power from the elites, special interests and the 1 percent"), not one quotation
with words changed. Two translations of one statement that differ in three places stay
one quotation."""

ANSWER_RUN = 6
"""Words in a row that two wordings share, at least, to be one answer transcribed two
ways ("But I am talking about his world view or his -- the way he approaches problems" /
"But I am talking about his worldview, the way he addresses problems"), however many
places they differ in (:data:`RENDERING_CHANGES`)."""
ANSWER_SHARE = 0.6
"""Part of the shorter wording's content words (no function words) the other shares, at
least, for :data:`ANSWER_RUN`: two lines of one speech share a stock phrase ("for the
people of the United States") but few of their other words."""

MIN_PASSAGE_RUN = 5
"""Words in a row that two wordings must have in common to be one quotation when, on the
side with more, as many words differ as they share: "we are talking about an invasion of
our country" / "we have an invasion of drugs and criminals coming into our country" (six
words differ, six agree) are two lines of one speech; two translations of Zelenskyy
("Ukraine is proving that it ...") are one."""

Placed = list[tuple[tuple[list[str], list[str]], Place]]
Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Wording:
    """One article's wording of a quotation: a quote, or consecutive quotes of one remark."""

    article: str
    start: int
    end: int
    text: str
    words: list[str]
    joins: frozenset[int] = frozenset()
    """Where in ``words`` a gap joins two quotes (the attribution between them): a cut of
    the reporter's, not a place where the speaker's words were left out."""


@dataclass(frozen=True, slots=True)
class _Compared:
    closeness: float
    changes: Placed
    spans: tuple[Pair, Pair]
    """The stretch of each wording the other matches, first to last shared word."""


def wordings(group: Sequence[Quote], corpus: Corpus) -> list[Wording]:
    """The group's quotes, those of one article that follow each other closely joined
    into one wording (with a gap between, so the cut is never read as a change)."""
    found: list[Wording] = []
    for quote in sorted(group, key=lambda q: (q.article, q.start)):
        words = quote_words(quote.text)
        last = found[-1] if found else None
        if last and last.article == quote.article and 0 <= quote.start - last.end <= SPLIT_GAP:
            text = corpus.article(quote.article).text[last.start : quote.end]
            found[-1] = Wording(
                quote.article,
                last.start,
                quote.end,
                text,
                [*last.words, GAP, *words],
                last.joins | {len(last.words)},
            )
        else:
            found.append(Wording(quote.article, quote.start, quote.end, quote.text, words))
    return found


def quote_wordings(quotes: Sequence[Quote], corpus: Corpus) -> list[Found]:
    """One ``quote_wording`` discrepancy per passage that linked quotes word differently
    inside, and the quotes of an outlet's report that differ from that report."""
    found: list[Found] = []
    for group in (part for linked in linked_quotes(quotes) for part in _texts(linked, corpus)):
        said = wordings(group, corpus)
        who = min(group, key=lambda q: (q.article, q.start)).speaker or "an unknown speaker"
        for members, shown, changed in differences(said):
            values = tuple(quote_value(said[n], corpus, " ".join(said[n].words)) for n in members)
            summary = wordings_summary(who, len(values), shown)
            confidence = max(0.5, 0.9 - 0.05 * max(0, changed - 2))
            found.append(Found("quote_wording", None, summary, values, confidence))
    return found + outlet_quotes(quotes, corpus)


def _texts(group: list[Quote], corpus: Corpus) -> list[list[Quote]]:
    """A remark's quotes, apart by text when one article quotes a document ("says the
    letter") and another a person who said it, with no document in that sentence ("said
    Father Reese"): his words and the letter's are two texts, not one worded twice. (A
    person "reading from a letter" or saying it "in a statement" quotes the document.)"""
    if not any(_document(q) for q in group):
        return [group]
    spoken = [q for q in group if q.speaker and not _cites_document(q, corpus)]
    if not spoken:
        return [group]
    return [[q for q in group if q not in spoken], spoken]


def _document(quote: Quote) -> bool:
    """A quote the article credits to a document, not a person (``says the letter``)."""
    mention = (quote.speaker_mention or "").split()
    return quote.speaker is None and bool(mention) and mention[-1].lower() in DOCUMENTS


def _cites_document(quote: Quote, corpus: Corpus) -> bool:
    """The quote's sentence names a document ("Reading from a letter, ...")."""
    article = corpus.article(quote.article)
    sentence = article.sentences[article.sentence_at(quote.start)]
    return any(
        word in DOCUMENTS for word in re.findall(r"[a-z]+(?:-[a-z]+)*", sentence.text.lower())
    )


def differences(said: Sequence[Wording]) -> list[tuple[list[int], str, int]]:
    """The passages of one remark worded differently: per passage, the wordings that
    quote it (one per article, in order), a word diff, and how many words it changes.

    Pairs of wordings that quote one passage (:func:`_passage_pairs`) and share a wording
    and a place where they change (the shared words around it) are one passage: "it
    destroyed" in HuffPost against "they destroyed" in Fox and in the NYT. An article
    that quotes the passage word for word is listed with it too."""
    compared = _passage_pairs(said)
    pairs = sorted(pair for pair, c in compared.items() if c.changes)
    alike: dict[int, list[int]] = defaultdict(list)
    for (x, y), c in compared.items():
        if not c.changes:
            alike[x].append(y)
            alike[y].append(x)
    places = [{at for _, at in compared[pair].changes} for pair in pairs]
    parent = list(range(len(pairs)))

    def root(n: int) -> int:
        while parent[n] != n:
            n = parent[n]
        return n

    holding: dict[int, list[int]] = defaultdict(list)
    for n, pair in enumerate(pairs):
        for w in pair:
            holding[w].append(n)
    for held in holding.values():  # Pairs that share a wording, and a place they change.
        for k, m in enumerate(held):
            for n in held[:k]:
                if places[m] & places[n]:
                    parent[root(m)] = root(n)
    passages: dict[int, list[int]] = defaultdict(list)
    for n in range(len(pairs)):
        passages[root(n)].append(n)
    result = []
    for members in passages.values():
        chosen: dict[str, int] = {}
        for n in members:
            for w in pairs[n]:
                chosen.setdefault(said[w].article, w)
        for w in list(chosen.values()):
            for partner in alike[w]:
                chosen.setdefault(said[partner].article, partner)
        x, y = pairs[members[0]]
        changes = compared[(x, y)].changes
        changed = sum(len(old) + len(new) for (old, new), _ in changes)
        result.append((sorted(chosen.values()), word_diff(said[x].words, said[y].words), changed))
    return result


def _passage_pairs(said: Sequence[Wording]) -> dict[Pair, _Compared]:
    """Pairs ``(x, y)``, ``x < y``, of wordings in two articles that quote one passage.
    A pair is left out where a closer wording of ``x``'s article covers the same words of
    ``y`` (or the other way round): Fox's "it's like they ruined his life" is not the
    NYT's "they destroyed his life" when Fox quotes that passage word for word elsewhere."""
    found: dict[Pair, _Compared] = {}
    for x, one in enumerate(said):
        for y in range(x + 1, len(said)):
            other = said[y]
            if one.article != other.article and (compared := _compare(one, other)):
                found[(x, y)] = compared
    rivals: dict[tuple[int, str], list[Pair]] = defaultdict(list)
    for pair in found:
        x, y = pair
        rivals[(x, said[y].article)].append(pair)
        rivals[(y, said[x].article)].append(pair)

    def covered(pair: Pair, side: int) -> bool:
        """A closer wording of the other side's article covers this side's words."""
        me, them = pair[side], pair[1 - side]
        mine = found[pair].spans[side]
        for rival in rivals[(me, said[them].article)]:
            if rival == pair or found[rival].closeness <= found[pair].closeness:
                continue
            theirs = found[rival].spans[rival.index(me)]
            overlap = min(mine[1], theirs[1]) - max(mine[0], theirs[0])
            if overlap > 0.5 * min(mine[1] - mine[0], theirs[1] - theirs[0]):
                return True
        return False

    return {
        pair: compared
        for pair, compared in found.items()
        if not covered(pair, 0) and not covered(pair, 1)
    }


def _compare(one: Wording, other: Wording) -> _Compared | None:
    """Two wordings that quote one passage, compared; None when they share too little to
    be one, or are two renderings of it (:data:`RENDERING_SHARE`; but see
    :data:`ANSWER_RUN`)."""
    matcher = SequenceMatcher(None, one.words, other.words, autojunk=False)
    changes = changes_by(matcher, one.words, other.words)
    if changes is None:
        return None
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    spans = (
        (blocks[0].a, blocks[-1].a + blocks[-1].size),
        (blocks[0].b, blocks[-1].b + blocks[-1].size),
    )
    shared = sum(b.size for b in blocks)
    # An outlet's insertion or ellipsis inside the stretch is a place they differ too.
    places = len(changes) + _cuts(one, spans[0]) + _cuts(other, spans[1])
    shorter = min(len(one.words), len(other.words))
    if (
        places >= RENDERING_CHANGES
        and shared < RENDERING_SHARE * shorter
        and not _one_answer(one, other, blocks)
    ):
        return None
    # The words one wording has where the other has others, on the side with more.
    differing = max(
        sum(len(old) for (old, _), _ in changes), sum(len(new) for (_, new), _ in changes)
    )
    if differing >= shared and max(b.size for b in blocks) < MIN_PASSAGE_RUN:
        return None  # As many words differ as agree, and no stretch of one remark agrees.
    return _Compared(matcher.ratio(), changes, spans)


def _one_answer(one: Wording, other: Wording, blocks: Sequence[Match]) -> bool:
    """Two renderings that are one answer transcribed two ways: a run of
    :data:`ANSWER_RUN` shared words, and :data:`ANSWER_SHARE` of the shorter wording's
    content words in the other (asked only of wordings that differ in many places)."""
    if max(b.size for b in blocks) < ANSWER_RUN:
        return False
    a, b = (Counter(w for w in x.words if w != GAP and w not in STOP_WORDS) for x in (one, other))
    shorter = min(a.total(), b.total())
    return bool(shorter) and (a & b).total() / shorter >= ANSWER_SHARE


def _cuts(wording: Wording, span: Pair) -> int:
    """Gaps inside a stretch of a wording (an ellipsis, an outlet's bracketed insertion),
    not those that join two of its quotes."""
    start, end = span
    return sum(1 for n in range(start, end) if wording.words[n] == GAP and n not in wording.joins)
