"""The same quotation worded differently by two outlets (a word added, dropped, changed).

The quotes come from :mod:`tui.core.quotes`, which links one speaker's quote across
articles (``same_as``). A linked set is a discrepancy only when two wordings differ
*inside* the stretch they share: one outlet quoting more or less of a remark (an excerpt),
an ellipsis, case, punctuation and house style (``F.B.I.``/``FBI``) are not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from tui.core.discrepancies.facts import Found, quotations
from tui.core.models import Corpus, DiscrepancyValue, Group, Quote, Sentence
from tui.core.quotes.extract import clip, credited_alike, same_words
from tui.core.quotes.speakers import is_org
from tui.core.text.names import same_name

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
_TITLE = re.compile(r"(?:(?:[A-Z0-9][\w'’\-]*|of|the|a|an|and|in|on|to|for)[\s,:;()]*)+")
"""Quoted words every one capitalised but the small ones: a title or a list of names."""
_CENSORED = re.compile(r"[^\W\d_]+(?:\*+|-{2,}|—{2,})[^\W\d_]*")
"""A word with letters starred or dashed out."""
_WORD = re.compile(r"\.\.\.|…|&|[^\W_]+(?:['’.][^\W_]+)*\.?")
EDGE_WORDS = 2
"""A quote that starts or stops on words the other outlet words differently, right next
to their shared stretch ("not do [that]?" / "not do [it]?"), changed at most this many."""
MAX_FACT_CHANGED = 3
"""Words changed, both sides counted, past which two short quotes of one fact are two
remarks sharing a few words, not one worded differently (a word added, dropped or
changed; "a lot of" dropped)."""
STRAY_GAP = 4
"""Different words beyond which one shared word is chance, not an anchor."""
MIN_EDGE_SHARED = 3
"""Words the shared run beside such an edge must hold, for the edge to be compared."""


def quote_words(text: str) -> list[str]:
    """Words folded for comparing wordings: case, punctuation, acronym dots and the
    apostrophe's shape do not count; an ellipsis becomes :data:`GAP`, and so does a word
    an outlet censors (``f***ing``, ``b----``): its style book left letters out."""
    words = []
    for raw in _WORD.findall(_CENSORED.sub(" … ", text)):
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


def _one_quotation(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two wordings that share enough words, in order, to be one quotation."""
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    shared = sum(block.size for block in blocks)
    return shared >= MIN_SHARED and shared >= MIN_SHARED_SHARE * min(len(a), len(b))


def inner_changes(a: Sequence[str], b: Sequence[str]) -> list[tuple[list[str], list[str]]]:
    """Words changed inside the stretch two wordings share (none when they share too
    little to be one quotation): between their first and last shared word, or at an
    edge where one quote starts or stops on other words than the other quotes there."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    codes = matcher.get_opcodes()
    shared = sum(i2 - i1 for op, i1, i2, _, _ in codes if op == "equal")
    if shared < MIN_SHARED or shared < MIN_SHARED_SHARE * min(len(a), len(b)):
        return []
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
            changes.append((old, new))
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
    """One ``quote_wording`` discrepancy per linked quote worded differently inside."""
    found: list[Found] = []
    for group in linked_quotes(quotes):
        wordings = _wordings(group, corpus)
        pairs = [
            (x, y, changes)
            for x in range(len(wordings))
            for y in range(x + 1, len(wordings))
            if wordings[x].article != wordings[y].article
            and (changes := inner_changes(wordings[x].words, wordings[y].words))
        ]
        if not pairs:
            continue
        chosen: dict[str, int] = {}
        for x, y, _ in pairs:
            chosen.setdefault(wordings[x].article, x)
            chosen.setdefault(wordings[y].article, y)
        for n, w in enumerate(wordings):
            chosen.setdefault(w.article, n)
        values = tuple(
            DiscrepancyValue(
                wordings[n].article,
                corpus.article(wordings[n].article).sentence_at(wordings[n].start),
                wordings[n].text,
                " ".join(wordings[n].words),
                wordings[n].start,
                wordings[n].end,
            )
            for n in sorted(chosen.values())
        )
        x, y, changes = pairs[0]
        who = min(group, key=lambda q: (q.article, q.start)).speaker or "an unknown speaker"
        diff = word_diff(wordings[x].words, wordings[y].words)
        summary = f"{who} quoted in {len(values)} wordings: {clip(diff, 100)}"
        changed = sum(len(old) + len(new) for old, new in changes)
        confidence = max(0.5, 0.9 - 0.05 * max(0, changed - 2))
        found.append(Found("quote_wording", None, summary, values, confidence))
    return found + outlet_quotes(quotes, corpus)


def quote_credits(quotes: Sequence[Quote], corpus: Corpus) -> list[Found]:
    """One ``attribution`` discrepancy per remark two articles credit to two people.

    Only where each article names its speaker at the cue (``named``): a pronoun or the
    paragraph before may point to the wrong person in our reading, not in the reporter's.
    An organisation against a person is left out (the White House and its press
    secretary), and so are quotes too short to be one remark beyond doubt.
    """
    found: list[Found] = []
    seen: set[tuple[str, str]] = set()
    named = [q for q in quotes if q.named and q.speaker_id]
    for i, j in same_words(named):
        a, b = named[i], named[j]
        who_a, who_b = a.speaker_id or "", b.speaker_id or ""
        if who_a == who_b:
            continue
        if is_org(who_a) or is_org(who_b) or same_name(who_a, who_b):
            continue
        if not credited_alike(a, b) or (a.id, b.id) in seen:
            continue
        seen.add((a.id, b.id))
        values = tuple(
            DiscrepancyValue(
                q.article,
                corpus.article(q.article).sentence_at(q.start),
                q.text,
                q.speaker_id or "",
                q.start,
                q.end,
            )
            for q in (a, b)
        )
        summary = f"“{clip(a.text, 60)}” credited to {who_a} and to {who_b}"
        found.append(Found("attribution", None, summary, values, 0.8))
    return found


def fact_quote_wordings(
    groups: Sequence[Group], quotes: Sequence[Quote], corpus: Corpus
) -> list[Found]:
    """Short quotations of one fact worded differently ("a dangerous thing" against "a
    very dangerous thing"): too short for the quote links, so only where the aligner puts
    their sentences in one fact, by one speaker (or an unknown one), neither quoted
    unchanged by the other's article, not already linked (:func:`quote_wordings` has
    those), and changed by at most :data:`MAX_FACT_CHANGED` words. One discrepancy per
    fact."""
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
            DiscrepancyValue(
                q.article,
                corpus.article(q.article).sentence_at(q.start),
                q.text,
                " ".join(quote_words(q.text)),
                q.start,
                q.end,
            )
            for q in sorted(chosen.values(), key=lambda q: (q.article, q.start))
        )
        a, b, _ = pairs[0]
        who = a.speaker or b.speaker or "an unknown speaker"
        diff = word_diff(quote_words(a.text), quote_words(b.text))
        summary = f"{who} quoted in {len(values)} wordings: {clip(diff, 100)}"
        found.append(Found("quote_wording", group.id, summary, values, 0.6))
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
        if _TITLE.fullmatch(words):
            continue  # "The Godfather: Part II": a title's spelling is the names' business.
        quoted.append(
            Quote(f"{article}@{begin}", article, begin, begin + len(words), words, None, None, None)
        )
    return quoted


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
def _changes(a: str, b: str) -> list[tuple[list[str], list[str]]]:
    """:func:`inner_changes` of two quotes, skipped when they share too few words."""
    words_a, words_b = _folded(a), _folded(b)
    if sum((Counter(words_a) & Counter(words_b)).values()) < MIN_SHARED:
        return []  # Even in the best order, too few shared words.
    return inner_changes(words_a, words_b)


@lru_cache(maxsize=8_192)
def _unchanged(a: str, b: str) -> bool:
    """One quotation, worded alike."""
    words_a, words_b = _folded(a), _folded(b)
    return _one_quotation(words_a, words_b) and not inner_changes(words_a, words_b)


def linked_quotes(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """The sets of quotes ``same_as`` links (one remark as several articles quote it), in
    the order of their first quote."""
    by_id = {q.id: q for q in quotes}
    seen: set[str] = set()
    sets: list[list[Quote]] = []
    for quote in quotes:
        if quote.id in seen or not quote.same_as:
            continue
        linked, todo = [], [quote.id]
        while todo:
            qid = todo.pop()
            if qid in seen or qid not in by_id:
                continue
            seen.add(qid)
            linked.append(by_id[qid])
            todo.extend(by_id[qid].same_as)
        sets.append(linked)
    return sets
