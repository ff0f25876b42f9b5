"""How two wordings of one quotation differ: a word added, dropped or changed.

Only *inside* the stretch they share: one outlet quoting more or less of a remark (an
excerpt), an ellipsis, an outlet's bracketed insertion, case, punctuation and house
style (``F.B.I.``/``FBI``) are no change. :mod:`.quote_passages` applies this to the
quotes linked across articles; a quote of another outlet's report is held against that
report here (:func:`outlet_quotes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Protocol

from tui.core.discrepancies.facts import Found
from tui.core.models import Corpus, DiscrepancyValue, Quote, Sentence
from tui.core.quotes.extract import ELLIPSIS, anchored, clip
from tui.core.text.normalize import american

GAP = "\u2026"
"""Stands for an ellipsis inside a quote: words left out there are an excerpt."""
MIN_SHARED = 3
"""Words two wordings must share, in order, to be one quotation."""
MIN_SHARED_SHARE = 0.5
"""Share of the shorter wording they must share, for the same reason."""
MIN_OVERLAP_SHARED = 6
"""Words two quotes that overlap (one starts where the other's words run on: "has been a
race to the bottom. We have seen ..." / "I think the GOP race has been, in many cases, a
race to the bottom") must share, in order, for the share to be of their overlap alone."""
_MEDIA = frozenset("news times post journal press tribune network channel herald globe".split())
MIN_OUTLET_WORDS = 8
"""A quote of an outlet's report this long can be checked against that report's words."""
_CONTRACTIONS = (
    ("n't", "not"), ("'ll", "will"), ("'re", "are"), ("'ve", "have"), ("'m", "am"), ("'d", "would")
)  # fmt: skip
_IS_PRONOUNS = frozenset("he she it that there what who here where".split())
"""Before "'s", these mean "is" (not a possessive): "he's Christian" is "he is"."""
_HAS_BEFORE = frozenset("been got gotten".split())
"""After "'s", these make it "has": "she's been", "he's got"."""
_HOUSE_STYLE = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "lt": "lieutenant", "sgt": "sergeant", "okay": "ok", "&": "and",
}  # fmt: skip
"""Abbreviated titles and spellings that outlets' style books write their own way."""
_NUMBER_WORDS = {
    w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten".split())
}
_ORDINALS = dict(
    zip(
        ("1st", "2nd", "3rd", *(f"{n}th" for n in range(4, 21))),
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split(),
        strict=True,
    )
)
"""Ordinals in figures, written out: "the 11th hour" is "the eleventh hour" (and "the
Fifth Amendment" stays as written)."""
_CENSORED = re.compile(r"\b[^\W\d_]++(?:\*+|-{2,}|—{2,})[^\W\d_]*")
"""A word with letters starred or dashed out."""
_INSERTED = re.compile(r"\[[^\[\]]*\]|\([^()]*\)")
"""Words an outlet puts in brackets or parentheses inside a quotation ("these (local)
supervisors", "[Clinton] was"): its own insertion, not the speaker's words."""
_WORD = re.compile(ELLIPSIS + r"|&|[^\W_]+(?:['’.][^\W_]+)*(?:\.(?!\.))?")
"""A word, an ellipsis or an ampersand; a word's dot is not an ellipsis's ("west...the")."""
_ACRONYM = re.compile(r"(?:\w\.)+\w?\.?")
EDGE_WORDS = 2
"""A quote that starts or stops on words the other outlet words differently, right next
to their shared stretch ("not do [that]?" / "not do [it]?"), changed at most this many."""
STRAY_GAP = 4
"""Different words beyond which one shared word is chance, not an anchor."""
MIN_EDGE_SHARED = 3
"""Words the shared run beside such an edge must hold, for the edge to be compared."""


def quote_words(text: str) -> list[str]:
    """Words folded for comparing wordings: case, punctuation, acronym dots and the
    apostrophe's shape do not count. An ellipsis becomes :data:`GAP`; so does a word an
    outlet censors (``f***ing``, ``b----``: its style book left letters out) and words it
    inserts in brackets or parentheses."""
    return [word for word, _, _ in word_spans(text)]


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """:func:`quote_words` with the offsets in ``text`` each word comes from (the two
    words of "we'll" share one span)."""
    masked = _CENSORED.sub(_as_gap, _INSERTED.sub(_as_gap, text))
    spans = []
    matches = list(_WORD.finditer(masked))
    for n, match in enumerate(matches):
        raw = match.group(0)
        if raw in ("...", "…"):
            spans.append((GAP, match.start(), match.end()))
            continue
        word = _undotted(raw.lower().replace("’", "'"))
        following = _undotted(matches[n + 1].group(0).lower()) if n + 1 < len(matches) else ""
        if word.endswith("'s") and len(word) > 2 and following in _HAS_BEFORE:
            # "my daughter's been shot" is "my daughter has been shot", no possessive.
            spans.extend((w, match.start(), match.end()) for w in (word[:-2], "has"))
            continue
        # A contraction's stem is a word of its own: "B.B.n't" is "bb not", as "B.B. not".
        spans.extend((_undotted(w), match.start(), match.end()) for w in _spelled(word))
    return spans


def _undotted(word: str) -> str:
    """An acronym without its dots ("F.B.I." is "fbi"); another word without a full stop."""
    return word.replace(".", "") if _ACRONYM.fullmatch(word) else word.rstrip(".")


def _as_gap(match: re.Match[str]) -> str:
    """A stretch read as a gap, its length kept so that offsets still hold."""
    return " …" + " " * (len(match.group(0)) - 2) if len(match.group(0)) >= 2 else "…"


def _spelled(word: str) -> list[str]:
    """House style away: "we'll" is "we will", "two" is "2", "Sen." is "senator"."""
    if word in _HOUSE_STYLE:
        return [_HOUSE_STYLE[word]]
    if word in _NUMBER_WORDS:
        return [_NUMBER_WORDS[word]]
    if word in _ORDINALS:
        return [_ORDINALS[word]]
    if word.endswith("'s") and word[:-2] in _IS_PRONOUNS:
        return [word[:-2], "is"]  # "he's" is "he is" (or "he has": read alike here)
    for ending, full in _CONTRACTIONS:
        if word.endswith(ending) and len(word) > len(ending):
            stem = word[: -len(ending)].rstrip(".'")
            if not stem:
                return [full]
            return [{"wo": "will", "ca": "can", "sha": "shall"}.get(stem, stem), full]
    return [american(word)]


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
    return changes_by(SequenceMatcher(None, a, b, autojunk=False), a, b)


def changes_by(
    matcher: SequenceMatcher[str], a: Sequence[str], b: Sequence[str]
) -> list[tuple[tuple[list[str], list[str]], Place]] | None:
    """:func:`placed_changes` read from a matcher already built on ``a`` and ``b``."""
    codes = matcher.get_opcodes()
    shared = sum(i2 - i1 for op, i1, i2, _, _ in codes if op == "equal")
    if shared < MIN_SHARED:
        return None
    if shared < MIN_SHARED_SHARE * min(len(a), len(b)) and not _overlapping(matcher, a, b):
        return None
    changes = []
    for op, i1, i2, j1, j2 in _compared(codes):
        if op == "equal":
            continue
        old, new = list(a[i1:i2]), list(b[j1:j2])
        if (i1 == 0 or j1 == 0) and _agreement(old, new):
            continue  # He "looks forward to ...": the reporter's person, not the speaker's.
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


def _overlapping(matcher: SequenceMatcher[str], a: Sequence[str], b: Sequence[str]) -> bool:
    """Two quotes that overlap, one starting where the other's words run on: they share
    :data:`MIN_OVERLAP_SHARED` words between lone ones at the ends (:func:`anchored`), and
    half of the words each other's window can reach (:func:`_windows`)."""
    blocks = anchored([b for b in matcher.get_matching_blocks() if b.size])
    shared = sum(b.size for b in blocks)
    return shared >= MIN_OVERLAP_SHARED and shared >= MIN_SHARED_SHARE * min(
        _windows(matcher.get_opcodes(), a, b)
    )


def _windows(codes: Sequence[Opcode], a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """The words of each wording that the other's window on the remark can reach: where
    one quote starts (or stops) on a shared word, the other's words before (after) it lie
    outside that quote, not left out of it; and words beyond an ellipsis are another
    passage ("critical ... the issuing of permits is put on hold ...")."""
    equal = [code for code in codes if code[0] == "equal"]
    (_, a_first, _, b_first, _), (_, _, a_last, _, b_last) = equal[0], equal[-1]
    a_from = a_first if b_first == 0 else _after_gap(a, a_first)
    b_from = b_first if a_first == 0 else _after_gap(b, b_first)
    a_to = a_last if b_last == len(b) else _before_gap(a, a_last)
    b_to = b_last if a_last == len(a) else _before_gap(b, b_last)
    return a_to - a_from, b_to - b_from


def _after_gap(words: Sequence[str], first: int) -> int:
    """Where the passage holding ``words[first]`` starts: after the last gap before it."""
    return max((n + 1 for n in range(first) if words[n] == GAP), default=0)


def _before_gap(words: Sequence[str], last: int) -> int:
    """Where the passage ending at ``words[last - 1]`` stops: at the first gap after it."""
    return next((n for n in range(last, len(words)) if words[n] == GAP), len(words))


_AGREEMENT = frozenset(
    frozenset(pair)
    for pair in (
        *(("has", "have"), ("does", "do"), ("is", "am"), ("is", "are"), ("am", "are")),
        *(("whoever", "who"), ("whatever", "what"), ("whichever", "which")),
    )
)


def _agreement(old: Sequence[str], new: Sequence[str]) -> bool:
    """One verb in two persons ("looks" / "look", "has" / "have"), or a relative word in
    two forms ("Whoever ... promises" / anyone "who ... promises"): a quotation run into
    the reporter's sentence ("said he 'looks forward to ...'") takes the reporter's
    grammar at its first word."""
    if len(old) != 1 or len(new) != 1:
        return False
    x, y = sorted((old[0], new[0]), key=len)
    return y in (x + "s", x + "es") or frozenset((x, y)) in _AGREEMENT


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
    for op, i1, i2, j1, j2 in _joined(_compared(codes)):
        if op == "equal":
            parts.append(" ".join(a[i1:i2]))
            continue
        old, new = [w for w in a[i1:i2] if w != GAP], [w for w in b[j1:j2] if w != GAP]
        # An ellipsis on the side with no words stands for the other side's: left out.
        if (not old and (new == [] or GAP in a[i1:i2])) or (not new and GAP in b[j1:j2]):
            parts.append(GAP)
            continue
        if old:
            parts.append(f"[-{' '.join(old)}-]")
        if new:
            parts.append(f"{{+{' '.join(new)}+}}")
    return " ".join(parts)


def _joined(codes: Sequence[Opcode]) -> list[Opcode]:
    """Opcodes with each run of changes side by side made one ("…" then "as a result"
    is one place where one side left words out)."""
    joined: list[Opcode] = []
    for code in codes:
        last = joined[-1] if joined else None
        if last is not None and last[0] != "equal" and code[0] != "equal":
            joined[-1] = ("replace", last[1], code[2], last[3], code[4])
        else:
            joined.append(code)
    return joined


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


class Quoted(Protocol):
    """Quoted words in an article: a quote, or an outlet's wording of one."""

    @property
    def article(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


def quote_value(quoted: Quoted, corpus: Corpus, shown: str) -> DiscrepancyValue:
    """Quoted words as a discrepancy's value, in the sentence they open in (``shown``:
    what the value reads as)."""
    sentence = corpus.article(quoted.article).sentence_at(quoted.start)
    return DiscrepancyValue(quoted.article, sentence, quoted.text, shown, quoted.start, quoted.end)


def wordings_summary(who: str, count: int, diff: str) -> str:
    """What a quote-wording discrepancy says: who, in how many wordings, and how."""
    return f"{who} quoted in {count} wordings: {clip(diff, 100)}"


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
                quote_value(quote, corpus, " ".join(words)),
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
    spans = word_spans(text)
    first, last = blocks[0].b, blocks[-1].b + blocks[-1].size - 1
    return spans[first][1], spans[last][2]
