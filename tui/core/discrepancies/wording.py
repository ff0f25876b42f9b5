"""The same quotation worded differently by two outlets (a word added, dropped, changed).

The quotes come from :mod:`tui.core.quotes`, which links one speaker's quote across
articles (``same_as``). A linked set is a discrepancy only when two wordings differ
*inside* the stretch they share: one outlet quoting more or less of a remark (an excerpt),
an ellipsis, case, punctuation and house style (``F.B.I.``/``FBI``) are not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from tui.core.discrepancies.facts import Found
from tui.core.models import Corpus, DiscrepancyValue, Quote, Sentence
from tui.core.quotes import linked_quotes
from tui.core.quotes.extract import clip

GAP = "\u2026"
"""Stands for an ellipsis inside a quote: words left out there are an excerpt."""
MIN_SHARED = 3
"""Words two wordings must share, in order, to be one quotation."""
MIN_SHARED_SHARE = 0.5
"""Share of the shorter wording they must share, for the same reason."""
_MEDIA = frozenset("news times post journal press tribune network channel herald globe".split())
MIN_OUTLET_WORDS = 8
"""A quote of an outlet's report this long can be checked against that report's words."""
_CONTRACTIONS = (
    ("n't", "not"), ("'ll", "will"), ("'re", "are"), ("'ve", "have"), ("'m", "am"), ("'d", "would")
)  # fmt: skip
_IS_PRONOUNS = frozenset("he she it that there what who here where".split())
"""Before "'s", these mean "is" (not a possessive): "he's Christian" is "he is"."""
_HOUSE_STYLE = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "sgt": "sergeant", "okay": "ok", "&": "and",
}  # fmt: skip
"""Abbreviated titles and spellings that outlets' style books write their own way."""
_NUMBER_WORDS = {
    w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten".split())
}
_CENSORED = re.compile(r"\b[^\W\d_]++(?:\*+|-{2,}|—{2,})[^\W\d_]*")
_INSERTED = re.compile(r"\[[^\[\]]*\]|\([^()]*\)")
"""Words an outlet puts in brackets or parentheses inside a quotation ("these (local)
supervisors", "[Clinton] was"): its own insertion, not the speaker's words."""
"""A word with letters starred or dashed out."""
_WORD = re.compile(r"\.\.\.|…|&|[^\W_]+(?:['’.][^\W_]+)*\.?")
EDGE_WORDS = 2
"""A quote that starts or stops on words the other outlet words differently, right next
to their shared stretch ("not do [that]?" / "not do [it]?"), changed at most this many."""
STRAY_GAP = 4
"""Different words beyond which one shared word is chance, not an anchor."""
MIN_EDGE_SHARED = 3
"""Words the shared run beside such an edge must hold, for the edge to be compared."""


def quote_words(text: str) -> list[str]:
    """Words folded for comparing wordings: case, punctuation, acronym dots and the
    apostrophe's shape do not count; an ellipsis becomes :data:`GAP`, and so does a word
    an outlet censors (``f***ing``, ``b----``): its style book left letters out, or
    inserts in brackets or parentheses."""
    words = []
    for raw in _WORD.findall(_CENSORED.sub(" … ", _INSERTED.sub(" … ", text))):
        if raw in ("...", "…"):
            words.append(GAP)
            continue
        word = raw.lower().replace("’", "'")
        word = word.replace(".", "") if re.fullmatch(r"(?:\w\.)+\w?\.?", word) else word.rstrip(".")
        words.extend(_spelled(word))
    return words


def _spelled(word: str) -> list[str]:
    """House style away: "we'll" is "we will", "two" is "2", "Sen." is "senator"."""
    if word in _HOUSE_STYLE:
        return [_HOUSE_STYLE[word]]
    if word in _NUMBER_WORDS:
        return [_NUMBER_WORDS[word]]
    if word.endswith("'s") and word[:-2] in _IS_PRONOUNS:
        return [word[:-2], "is"]  # "he's" is "he is" (or "he has": read alike here)
    for ending, full in _CONTRACTIONS:
        if word.endswith(ending) and len(word) > len(ending):
            stem = word[: -len(ending)].rstrip(".'")
            if not stem:
                return [full]
            return [{"wo": "will", "ca": "can", "sha": "shall"}.get(stem, stem), full]
    return [word]


Changes = list[tuple[list[str], list[str]]]
"""Words changed between two wordings: (one's words, the other's) at each place."""


def inner_changes(a: Sequence[str], b: Sequence[str]) -> Changes:
    """Words changed inside the stretch two wordings share (none when they share too
    little to be one quotation): between their first and last shared word, or at an
    edge where one quote starts or stops on other words than the other quotes there."""
    return quotation_changes(a, b) or []


def quotation_changes(a: Sequence[str], b: Sequence[str]) -> Changes | None:
    """:func:`inner_changes`, or None when the two share too little, in order, to be one
    quotation (so an empty list says: one quotation, worded alike)."""
    placed = placed_changes(a, b)
    return None if placed is None else [change for change, _ in placed]


Place = tuple[str | None, str | None]
"""The shared words just before and just after a change (None at an edge)."""


def placed_changes(
    a: Sequence[str], b: Sequence[str]
) -> list[tuple[tuple[list[str], list[str]], Place]] | None:
    """:func:`quotation_changes`, each change with the shared words around it: two
    passages of one remark can swap the same word in two places ("they destroyed" and
    "they ruined")."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    codes = matcher.get_opcodes()
    shared = sum(i2 - i1 for op, i1, i2, _, _ in codes if op == "equal")
    if shared < MIN_SHARED or shared < MIN_SHARED_SHARE * min(len(a), len(b)):
        return None
    changes = []
    for op, i1, i2, j1, j2 in _compared(codes):
        if op == "equal":
            continue
        old, new = list(a[i1:i2]), list(b[j1:j2])
        near_gap = (
            GAP in old
            or GAP in new
            or GAP in a[max(0, i1 - 1) : i2 + 1]
            or GAP in b[max(0, j1 - 1) : j2 + 1]
        )
        if not near_gap:
            before = a[i1 - 1] if i1 and j1 and a[i1 - 1] == b[j1 - 1] else None
            after = a[i2] if i2 < len(a) and j2 < len(b) and a[i2] == b[j2] else None
            changes.append(((old, new), (before, after)))
    return changes


Opcode = tuple[str, int, int, int, int]


def _compared(codes: Sequence[Opcode]) -> list[Opcode]:
    """The opcodes from the first shared word to the last, plus an edge replaced next to
    a long enough shared run, cut to the words facing each other: what one outlet quotes
    and the other does not is an excerpt, but a quote that starts on "just" where the
    other reads "watch" is a changed word."""
    codes = _without_stray_anchors(codes)
    equal = [n for n, code in enumerate(codes) if code[0] == "equal"]
    if not equal:
        return list(codes)
    kept = list(codes[equal[0] : equal[-1] + 1])
    if equal[0] == 1 and codes[0][0] == "replace" and _long(codes[1]):
        _, i1, i2, j1, j2 = codes[0]
        k = min(i2 - i1, j2 - j1)
        if k <= EDGE_WORDS:
            kept.insert(0, ("replace", i2 - k, i2, j2 - k, j2))
    if equal[-1] == len(codes) - 2 and codes[-1][0] == "replace" and _long(codes[-2]):
        _, i1, i2, j1, j2 = codes[-1]
        k = min(i2 - i1, j2 - j1)
        if k <= EDGE_WORDS:
            kept.append(("replace", i1, i1 + k, j1, j1 + k))
    return kept


def _without_stray_anchors(codes: Sequence[Opcode]) -> list[Opcode]:
    """The opcodes from the first shared run that anchors the two quotations to the last
    (with the code just outside each): a lone shared word between other words and more
    than :data:`STRAY_GAP` different ones ("will" in two different sentences before the
    shared passage) is chance, not where the quotations meet. Where both quotations
    start (or end) on it, it anchors them ("I [reacted to an article and] quickly")."""
    equal = [n for n, code in enumerate(codes) if code[0] == "equal"]
    start = next((n for n in equal if n == 0 or not _stray(codes[n], codes, n + 1)), None)
    end = next(
        (n for n in reversed(equal) if n == len(codes) - 1 or not _stray(codes[n], codes, n - 1)),
        None,
    )
    if start is None or end is None or start > end:
        return list(codes)
    return list(codes[max(0, start - 1) : end + 2])


def _stray(anchor: Opcode, codes: Sequence[Opcode], inside: int) -> bool:
    """A one-word shared run whose neighbour towards the middle is a wide difference."""
    if anchor[2] - anchor[1] != 1 or not 0 <= inside < len(codes):
        return False
    op, i1, i2, j1, j2 = codes[inside]
    return op != "equal" and max(i2 - i1, j2 - j1) > STRAY_GAP


def _long(code: Opcode) -> bool:
    return code[2] - code[1] >= MIN_EDGE_SHARED


def word_diff(a: Sequence[str], b: Sequence[str]) -> str:
    """``a`` turned into ``b`` inside their shared stretch, as ``[-dropped-] {+added+}``
    marks, kept words plain."""
    parts = []
    codes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in _compared(codes):
        if op == "equal":
            parts.append(" ".join(a[i1:i2]))
            continue
        old, new = [w for w in a[i1:i2] if w != GAP], [w for w in b[j1:j2] if w != GAP]
        if not old and not new:
            parts.append(GAP)  # An ellipsis or a cut on one side: words left out, not changed.
            continue
        if old:
            parts.append(f"[-{' '.join(old)}-]")
        if new:
            parts.append(f"{{+{' '.join(new)}+}}")
    return " ".join(parts)


@lru_cache(maxsize=4_096)
def _outlet(speaker: str, source: str) -> bool:
    """The speaker names the outlet: "New York Times" for ``nyt``, "Fox News" for ``fox``
    (initials, or the outlet's name before a word for a medium)."""
    words = [w for w in re.findall(r"[A-Za-z]+", speaker) if w.lower() != "the"]
    initials = "".join(w[0] for w in words).lower()
    key = source.lower()
    if not words or not key:
        return False
    # "Fox News" names fox; "Vicente Fox" is a person who shares its name.
    medium = words[-1].lower() in _MEDIA
    return initials == key or (medium and key in {w.lower() for w in words})


def outlet_quotes(quotes: Sequence[Quote], corpus: Corpus) -> list[Found]:
    """A quote of another outlet's report ("The New York Times reported ... '...'")
    worded differently from that outlet's own article in the corpus."""
    found: list[Found] = []
    for quote in quotes:
        if not quote.speaker:
            continue
        outlets = [
            a
            for a in corpus.articles
            if a.id != quote.article and _outlet(quote.speaker, a.source or "")
        ]
        if not outlets:
            continue  # Most speakers name no outlet of the corpus: their words are not read.
        words = quote_words(quote.text)
        if len(words) < MIN_OUTLET_WORDS:
            continue
        for article in outlets:
            best = _closest(words, article.sentences)
            if best is None:
                continue
            theirs = quote_words(best.text)
            changes = inner_changes(words, theirs)
            if not changes:
                continue
            start, end = _stretch(best.text, words, theirs)
            values = (
                DiscrepancyValue(
                    quote.article,
                    corpus.article(quote.article).sentence_at(quote.start),
                    quote.text,
                    " ".join(words),
                    quote.start,
                    quote.end,
                ),
                DiscrepancyValue(
                    article.id,
                    best.index,
                    best.text[start:end],
                    " ".join(quote_words(best.text[start:end])),
                    best.start + start,
                    best.start + end,
                ),
            )
            summary = (
                f"{quote.speaker} quoted differently from its own report: "
                f"{clip(word_diff(words, theirs), 100)}"
            )
            found.append(Found("quote_wording", None, summary, values, 0.7))
    return found


def _closest(words: Sequence[str], sentences: Sequence[Sentence]) -> Sentence | None:
    """The first sentence worded most like ``words`` (SequenceMatcher's ratio); the
    matcher's cheap upper bounds skip the sentences that cannot beat the best so far."""
    best, best_ratio = None, -1.0
    for sentence in sentences:
        matcher = SequenceMatcher(None, words, _sentence_words(sentence.text), autojunk=False)
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = sentence, ratio
    return best


@lru_cache(maxsize=4_096)
def _sentence_words(text: str) -> tuple[str, ...]:
    """:func:`quote_words` of a sentence, read once however many quotes it is held against."""
    return tuple(quote_words(text))


def _stretch(text: str, words: Sequence[str], theirs: Sequence[str]) -> tuple[int, int]:
    """Offsets in ``text`` of the words shared with the quote, first to last."""
    blocks = [
        b
        for b in SequenceMatcher(None, words, theirs, autojunk=False).get_matching_blocks()
        if b.size
    ]
    spans = list(_WORD.finditer(text))
    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size - 1
    return spans[first].start(), spans[last].end()


SPLIT_GAP = 80
"""Characters between two quotes of one article that are one quotation cut by its
attribution (' "...," she said. "..." ')."""


@dataclass(frozen=True, slots=True)
class _Wording:
    """One article's wording of a quotation: a quote, or consecutive quotes of one remark."""

    article: str
    start: int
    end: int
    text: str
    words: list[str]


def _wordings(group: Sequence[Quote], corpus: Corpus) -> list[_Wording]:
    """The group's quotes, those of one article that follow each other closely joined
    into one wording (with a gap between, so the cut is never read as a change)."""
    wordings: list[_Wording] = []
    for quote in sorted(group, key=lambda q: (q.article, q.start)):
        words = quote_words(quote.text)
        last = wordings[-1] if wordings else None
        if last and last.article == quote.article and 0 <= quote.start - last.end <= SPLIT_GAP:
            text = corpus.article(quote.article).text[last.start : quote.end]
            wordings[-1] = _Wording(
                quote.article, last.start, quote.end, text, [*last.words, GAP, *words]
            )
        else:
            wordings.append(_Wording(quote.article, quote.start, quote.end, quote.text, words))
    return wordings


def quote_wordings(quotes: Sequence[Quote], corpus: Corpus) -> list[Found]:
    """One ``quote_wording`` discrepancy per passage that linked quotes word differently
    inside: a remark that outlets quote in several passages may differ in each."""
    found: list[Found] = []
    for group in linked_quotes(quotes):
        wordings = _wordings(group, corpus)
        who = min(group, key=lambda q: (q.article, q.start)).speaker or "an unknown speaker"
        for members, shown, changed in _differences(wordings):
            values = tuple(
                DiscrepancyValue(
                    wordings[n].article,
                    corpus.article(wordings[n].article).sentence_at(wordings[n].start),
                    wordings[n].text,
                    " ".join(wordings[n].words),
                    wordings[n].start,
                    wordings[n].end,
                )
                for n in members
            )
            summary = f"{who} quoted in {len(values)} wordings: {clip(shown, 100)}"
            confidence = max(0.5, 0.9 - 0.05 * max(0, changed - 2))
            found.append(Found("quote_wording", None, summary, values, confidence))
    return found + outlet_quotes(quotes, corpus)


def _differences(wordings: Sequence[_Wording]) -> list[tuple[list[int], str, int]]:
    """The passages of one remark worded differently: per passage, the wordings that
    quote it (one per article, in order), a word diff, and how many words it changes.

    A remark that one outlet quotes in two passages ("they destroyed his life", then
    "it's like they ruined his life") differs in each. A wording is compared with a
    wording of another article only where no closer wording of its own article covers
    the same words there (:func:`_passage_pairs`); pairs that share a wording and a
    change are one passage ("and" added by HuffPost against Fox and against the NYT).
    An article that quotes the passage alike is listed with it too."""
    compared = _passage_pairs(wordings)
    pairs = sorted(pair for pair, (_, placed) in compared.items() if placed)
    keys = [{_change_key(change, at) for change, at in compared[pair][1]} for pair in pairs]
    parent = list(range(len(pairs)))

    def root(n: int) -> int:
        while parent[n] != n:
            n = parent[n]
        return n

    holding: dict[int, list[int]] = {}
    for n, pair in enumerate(pairs):
        for w in pair:
            holding.setdefault(w, []).append(n)
    for held in holding.values():  # Pairs that share a wording, and a change there.
        for k, m in enumerate(held):
            for n in held[:k]:
                if keys[m] & keys[n]:
                    parent[root(m)] = root(n)
    passages: dict[int, list[int]] = {}
    for n in range(len(pairs)):
        passages.setdefault(root(n), []).append(n)
    result: dict[tuple[int, ...], tuple[list[int], str, int]] = {}
    for members in passages.values():
        chosen: dict[str, int] = {}
        for n in members:
            for w in pairs[n]:
                chosen.setdefault(wordings[w].article, w)
        for x, y in compared:  # Articles that quote the passage alike.
            for w, partner in ((x, y), (y, x)):
                if chosen.get(wordings[w].article) == w:
                    chosen.setdefault(wordings[partner].article, partner)
        x, y = pairs[members[0]]
        changes = compared[(x, y)][1]
        changed = sum(len(old) + len(new) for (old, new), _ in changes)
        diff = word_diff(wordings[x].words, wordings[y].words)
        # Two articles' differences from a third over the same wordings: one passage.
        result.setdefault(tuple(sorted(chosen.values())), (sorted(chosen.values()), diff, changed))
    return list(result.values())


Placed = list[tuple[tuple[list[str], list[str]], Place]]
RENDERING_CHANGES = 4
RENDERING_SHARE = 0.85
"""Two wordings that differ in :data:`RENDERING_CHANGES` places or more and share less
than this part of the shorter one's words are two renderings (two outlets' paraphrases,
or two lines of one speech: "grabs power away from the elites and the power brokers" /
"takes power from the elites, special interests and the 1 percent"), not one quotation
with words changed."""


def _passage_pairs(wordings: Sequence[_Wording]) -> dict[tuple[int, int], tuple[float, Placed]]:
    """Pairs ``(x, y)``, ``x < y``, of wordings in two articles that quote one passage,
    with their closeness and changes. A pair is left out where a closer wording of
    ``x``'s article covers the same words of ``y`` (or the other way round): Fox's
    "it's like they ruined his life" is not the NYT's "they destroyed his life" when
    Fox quotes that passage word for word elsewhere."""
    found: dict[tuple[int, int], tuple[float, Placed, tuple[int, int], tuple[int, int]]] = {}
    for x, one in enumerate(wordings):
        for y in range(x + 1, len(wordings)):
            other = wordings[y]
            if one.article == other.article:
                continue
            placed = placed_changes(one.words, other.words)
            if placed is None:
                continue
            matcher = SequenceMatcher(None, one.words, other.words, autojunk=False)
            blocks = [b for b in matcher.get_matching_blocks() if b.size]
            shared = sum(b.size for b in blocks)
            # An outlet's insertion or cut inside the stretch is a place they differ too.
            sites = len(placed) + _cuts_between(one.words, blocks[0].a, blocks[-1].a)
            if sites >= RENDERING_CHANGES and shared < RENDERING_SHARE * min(
                len(one.words), len(other.words)
            ):
                continue  # Two renderings of what was said, not one quotation altered.
            span_x = (blocks[0].a, blocks[-1].a + blocks[-1].size)
            span_y = (blocks[0].b, blocks[-1].b + blocks[-1].size)
            found[(x, y)] = (matcher.ratio(), placed, span_x, span_y)

    involving: dict[int, list[tuple[int, int]]] = {}
    for pair in found:
        for w in pair:
            involving.setdefault(w, []).append(pair)

    def covered(pair: tuple[int, int], side: int) -> bool:
        """A closer wording from the other side's article covers this side's words."""
        closeness, _, *spans = found[pair]
        me, them = pair[side], pair[1 - side]
        for other_pair in involving[me]:
            other_closeness, _, *other_spans = found[other_pair]
            if other_pair == pair or other_closeness <= closeness:
                continue
            rival = other_pair[1 - other_pair.index(me)]
            if wordings[rival].article != wordings[them].article:
                continue
            mine, theirs = spans[side], other_spans[other_pair.index(me)]
            overlap = min(mine[1], theirs[1]) - max(mine[0], theirs[0])
            if overlap > 0.5 * min(mine[1] - mine[0], theirs[1] - theirs[0]):
                return True
        return False

    return {
        pair: (closeness, placed)
        for pair, (closeness, placed, _, _) in found.items()
        if not covered(pair, 0) and not covered(pair, 1)
    }


def _cuts_between(words: Sequence[str], start: int, end: int) -> int:
    """Gaps (an ellipsis, an outlet's bracketed insertion) inside a wording's stretch."""
    return sum(1 for word in words[start:end] if word == GAP)


def _change_key(change: tuple[list[str], list[str]], at: Place) -> object:
    """A change as the two word runs it swaps, whichever side each is on, and where."""
    old, new = change
    return (frozenset((tuple(old), tuple(new))), at)
