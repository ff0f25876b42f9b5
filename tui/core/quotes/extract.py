"""Direct quotes and tweets in the articles, who said them, and how outlets reword them.

Quotation marks are paired per paragraph: curly marks say which way they face, straight
ones are read from their neighbours and, failing that, alternate. News style lets a quote
run over several paragraphs, each opening with a mark and only the last closing; a quote
that never closes ends with its paragraph and is flagged. Short quoted phrases count as
speech only when a cue attributes them (``Putin ... call it a "major provocation"``), so
scare quotes and programme titles stay out.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import Match, SequenceMatcher
from functools import lru_cache, partial

from tui.core.models import (
    Article,
    Corpus,
    DiffKind,
    DiffSpan,
    Quote,
)
from tui.core.quotes.attribution import Attribution, Attributor
from tui.core.quotes.cues import transcript_label
from tui.core.quotes.lexicon import CUE_VERBS
from tui.core.quotes.speakers import canonical_speakers, one_person
from tui.core.text.names import strip_titles

OPENERS = "“„«‟"
CLOSERS = "”»"
MARKS = OPENERS + CLOSERS + '"'
SHORT_WORDS = 4
"""Quotes of this many words or fewer need a cue to count as speech."""
SAME_QUOTE_RATIO = 0.5
"""Word-level similarity above which two outlets' quotes are one quote reworded."""
MIN_CREDIT_WORDS = 6
"""Words a quote needs before another article's speaker for it is taken or compared."""
CREDIT_SHARE = 0.8
"""Share of the shorter quote's words the longer must give, in order, for that."""

_MARK = re.compile(f"[{MARKS}]")
_WORDS = re.compile(r"[\w’'\-]+")
_TAG = re.compile(r"</?[A-Za-z][\w\-]*(?:\s+[\w\-]+=(?:\"[^\"\n]*\"|'[^'\n]*'))*\s*/?>")
"""A markup tag whose attribute values are quoted (``<tweet id="7711">``)."""
_TITLE_SMALL = frozenset("a an the of and or in on at to for with by from & vs".split())
_TITLE_CONTEXT = re.compile(
    r"(?:\b(?:on|program|programme|show|episode of|told|host of|appearance on|with|in|of)\s*$)"
)


@dataclass(frozen=True, slots=True)
class _Span:
    """A pair of marks (or an unclosed run): ``open_at`` and ``close_end`` bound the marks."""

    open_at: int
    start: int
    end: int
    close_end: int
    unclosed: bool


def extract_quotes(corpus: Corpus) -> tuple[Quote, ...]:
    """Every direct quote and tweet of the corpus, in reading order, attributed and linked."""
    raw: list[tuple[int, Article, list[tuple[_Span, Attribution]]]] = []
    names: list[str] = []
    for index, article in enumerate(corpus.articles):
        spans = find_spans(article)
        attributor = Attributor(article, [(s.open_at, s.close_end) for s in spans])
        found = []
        for i, span in enumerate(spans):
            attribution = attributor.attribute(i)
            if is_speech(article.text, span, attribution):
                found.append((span, attribution))
                if attribution.speaker:
                    names.append(attribution.speaker)
        names.extend(attributor.people)
        names.extend(strip_titles(t.author) for t in article.tweets)
        raw.append((index, article, found))
    canonical = canonical_speakers(names)
    quotes: list[Quote] = []
    for index, article, found in raw:
        # Built once their order (and so their id) is known: ``replace`` is slow.
        items: list[tuple[tuple[int, int], partial[Quote]]] = []
        for span, attribution in found:
            speaker = attribution.speaker
            quote = partial(
                Quote,
                article=article.id,
                start=span.start,
                end=span.end,
                text=article.text[span.start : span.end],
                speaker=speaker,
                speaker_mention=attribution.mention,
                cue=attribution.cue,
                unclosed=span.unclosed,
                reason=None if speaker else attribution.reason,
                speaker_id=canonical.get(speaker, speaker) if speaker else None,
                named=attribution.named and speaker is not None,
            )
            items.append(((span.start, 1), quote))
        for tweet in article.tweets:
            author = strip_titles(tweet.author)
            signature = article.text[tweet.body_end : tweet.end]
            mention = re.sub(r"^.*?[—–]\s*", "", signature, flags=re.S).strip()
            tag = _TAG.match(article.text, tweet.start)  # ``<tweet id="...">`` is no wording
            body = tag.end() if tag and tag.end() < tweet.body_end else tweet.start
            quote = partial(
                Quote,
                article=article.id,
                start=body,
                end=tweet.body_end,
                text=article.text[body : tweet.body_end],
                speaker=author,
                speaker_mention=mention or tweet.author,
                cue="tweet",
                kind="tweet",
                speaker_id=canonical.get(author, author),
                named=True,
            )
            items.append(((tweet.start, 0), quote))  # A tweet lists before quotes inside it.
        items.sort(key=lambda item: item[0])
        quotes.extend(make(id=f"q{index}-{n}") for n, (_, make) in enumerate(items))
    pairs = same_words(quotes)  # Borrowing changes speakers, never words: found once.
    borrowed = borrow_speakers(quotes, pairs)
    return link_same_quotes(borrowed, [*pairs, *passage_links(borrowed, pairs)])


def find_spans(article: Article) -> list[_Span]:
    """Quote spans of an article: paired marks, multi-paragraph runs, unclosed runs."""
    text = uk_quotes_as_double(article.text)
    spans: list[_Span] = []
    chain: list[tuple[int, int]] = []  # (open mark, paragraph end) of an unclosed run
    paragraphs = [p for p in article.paragraphs if p.end > p.start]
    in_tags = {i for tag in _TAG.finditer(text) for i in range(tag.start(), tag.end())}
    for n, para in enumerate(paragraphs):
        open_at: int | None = None
        skip_to = -1
        if chain:
            first = _first_visible(text, para.start, para.end)
            if first < para.end and text[first] in OPENERS + '"':
                open_at = first
                if transcript_label(text[first + 1 : para.end]):
                    spans.extend(_unclosed(text, chain))  # A new transcript turn.
                    chain = []
            else:
                spans.extend(_unclosed(text, chain))
                chain = []
        for mark in _MARK.finditer(text, para.start, para.end):
            pos = mark.start()
            if pos in in_tags:
                continue  # ``<tweet id="...">``: markup, not speech.
            if (open_at is not None and pos == open_at) or pos < skip_to:
                continue
            facing = _facing(text, pos, para.start, para.end)
            if open_at is not None and _spaced_close(text, pos, para.end):
                facing = "close"
            if open_at is None:
                if facing != "close" or _first_visible(text, para.start, para.end) == pos:
                    open_at = pos
                continue
            if facing == "open" and text[pos - 1].isspace():
                nested = _nested_end(text, pos, para.end)
                if nested is not None:
                    skip_to = nested  # “... his own “Russian lawyer meeting” emails,” he said
                    continue
                chain.append((open_at, pos))  # A new quote opens: the old one never closed.
                spans.extend(_unclosed(text, chain))
                chain, open_at = [], pos
                continue
            if chain:
                start = chain[0][0]
                spans.append(_make(text, start, pos + 1, unclosed=False))
                chain = []
            else:
                spans.append(_make(text, open_at, pos + 1, unclosed=False))
            open_at = None
        if open_at is not None:
            chain.append((open_at, para.end))
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is None or nxt.kind == "heading":
                spans.extend(_unclosed(text, chain))
                chain = []
    if chain:
        spans.extend(_unclosed(text, chain))
    return [s for s in spans if s.end > s.start]


_UK_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\S)", re.MULTILINE)
_DOUBLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[“\"](?=\S)", re.MULTILINE)


def uk_quotes_as_double(text: str) -> str:
    """An article quoting in British style (‘single’ marks, “double” ones nested) as if it
    quoted with double marks, one character for one, so offsets hold.

    Only when the article opens fewer double quotes than single ones: then every ‘ opening a word is
    a quotation mark, and the first ’ after it that closes a word (not the apostrophe of
    "don’t") ends it; its nested “double” marks become single ones.
    """
    if "‘" not in text or not _UK_OPEN.search(text):
        return text
    if len(_DOUBLE_OPEN.findall(text)) >= len(_UK_OPEN.findall(text)):
        return text  # Double quotes are this article's own marks.
    chars = list(text)
    for i, char in enumerate(chars):
        if char in "“”":
            chars[i] = "‘" if char == "“" else "’"
    opened: int | None = None
    for i, char in enumerate(text):
        if char == "\n" and opened is not None and text[i + 1 : i + 2] == "\n":
            opened = None  # Quotes are paired within a paragraph.
        if char == "‘" and _UK_OPEN.match(text, i):
            chars[i] = "“"
            opened = i
        elif char == "’" and opened is not None:
            after = text[i + 1 : i + 2]
            if not after or not after.isalnum():
                chars[i] = "”"
                opened = None
    return "".join(chars)


def is_speech(text: str, span: _Span, attribution: Attribution) -> bool:
    """Long quotes are speech; short ones only with a cue of their own, and never titles."""
    inner = text[span.start : span.end]
    words = _WORDS.findall(inner)
    if not words:
        return False
    if _looks_like_title(text, span, words):
        return False
    if len(words) > SHORT_WORDS or re.search(r"[.!?…]\s+\S", inner):
        return True
    if len(words) > 1 and inner[0].isupper() and inner.rstrip()[-1] in ".!?…":
        return True  # A whole sentence (``"This isn't funny anymore."``) is no scare quote.
    return attribution.explicit


def quote_wording(a: Quote, b: Quote) -> tuple[tuple[DiffSpan, ...], tuple[DiffSpan, ...]]:
    """Word-level differences between two wordings, as spans into each article's text."""
    words_a = [(m.start() + a.start, m.end() + a.start) for m in _WORDS.finditer(a.text)]
    words_b = [(m.start() + b.start, m.end() + b.start) for m in _WORDS.finditer(b.text)]
    keys_a = [_norm(a.text[s - a.start : e - a.start]) for s, e in words_a]
    keys_b = [_norm(b.text[s - b.start : e - b.start]) for s, e in words_b]
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    spans_a: list[DiffSpan] = []
    spans_b: list[DiffSpan] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        kind: DiffKind = "shared" if tag == "equal" else "own"
        if i2 > i1:
            spans_a.append(DiffSpan(words_a[i1][0], words_a[i2 - 1][1], kind))
        if j2 > j1:
            spans_b.append(DiffSpan(words_b[j1][0], words_b[j2 - 1][1], kind))
    return tuple(spans_a), tuple(spans_b)


def same_words(quotes: Sequence[Quote], *, excerpts: bool = True) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of quotes in two articles worded (nearly) alike,
    whoever each article says spoke: one remark as two outlets quote it, or (``excerpts``)
    one outlet quotes an excerpt of it that the other quotes whole (:func:`excerpt_of`).

    Only pairs sharing a word of four letters or more are compared, and only when the
    shared words could reach the threshold, so a corpus of thousands of quotes stays fast.
    """
    keys = [quote_keys(q.text) for q in quotes]
    counts = [Counter(k) for k in keys]
    index: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        for word in set(key):
            if len(word) >= 4:
                index.setdefault(word, []).append(i)
    pairs = []
    for i, a in enumerate(quotes):
        candidates = {j for w in set(keys[i]) if len(w) >= 4 for j in index[w] if j > i}
        for j in sorted(candidates):
            b = quotes[j]
            if a.article == b.article or a.kind != b.kind:
                continue
            size = len(keys[i]) + len(keys[j])
            shorter = min(len(keys[i]), len(keys[j]))
            shared = shared_words(counts[i], counts[j])
            if (
                excerpts
                and shorter >= MIN_CREDIT_WORDS
                and shared >= CREDIT_SHARE * shorter
                and excerpt_of(keys[i], keys[j], ellipsis_cuts(a.text), ellipsis_cuts(b.text))
            ):
                pairs.append((i, j))
                continue
            threshold = SAME_QUOTE_RATIO if shorter > SHORT_WORDS else 0.8
            if 2 * shorter < threshold * size:
                continue  # One is too long for the other: even all its words would not do.
            if 2 * shared < threshold * size:
                continue  # Even in the best order, too few shared words.
            if SequenceMatcher(None, keys[i], keys[j], autojunk=False).ratio() >= threshold:
                pairs.append((i, j))
    return pairs


OVERLAP_GAP = 4
"""Words inside a shared stretch that one wording has and the other lacks ("has been, in
many cases, a race to the bottom"), at most, for the stretch to stay one."""
OVERLAP_SHARE = 0.6
"""Part of each wording's stretch that the other shares, at least."""
LINK_WORDS = 3
"""Words of four letters or more two quotes must share before they are compared as
passages of one remark (the rest are too common to find candidates by)."""


def passage_links(
    quotes: Sequence[Quote], known: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` of quotes with one speaker id in two articles that quote passages
    of one remark, where neither is an excerpt of the other (:func:`same_words` has those,
    ``known``, which are left out):

    - one outlet's quote starts on words the other's ends with ("has been a race to the
      bottom. We have seen nastiness" / "I think the GOP race has been, in many cases, a
      race to the bottom"): :data:`MIN_CREDIT_WORDS` shared words at least;
    - one outlet stitches passages with an ellipsis, and one of them, of
      :data:`MIN_CREDIT_WORDS` words or more, is an excerpt of the other's quote
      ("critical...the issuing of permits is put on hold...").

    Links only: a speaker is never borrowed over them, for a stock phrase can end two
    people's remarks."""
    keys = [quote_keys(q.text) for q in quotes]
    taken = set(known)
    by_speaker: dict[str, list[int]] = {}
    for i, q in enumerate(quotes):
        if q.speaker_id and len(keys[i]) >= MIN_CREDIT_WORDS:
            by_speaker.setdefault(q.speaker_id, []).append(i)
    pairs = []
    for mine in by_speaker.values():
        index: dict[str, list[int]] = {}
        for i in mine:
            for word in set(keys[i]):
                if len(word) >= 4:
                    index.setdefault(word, []).append(i)
        for i in mine:
            counts = Counter(j for w in set(keys[i]) if len(w) >= 4 for j in index[w] if j > i)
            for j in sorted(j for j, n in counts.items() if n >= LINK_WORDS):
                a, b = quotes[i], quotes[j]
                if a.article == b.article or a.kind != b.kind or (i, j) in taken:
                    continue
                if _end_to_start(keys[i], keys[j]) or _stitched(a, b, keys[i], keys[j]):
                    pairs.append((i, j))
    return pairs


def _stitched(a: Quote, b: Quote, keys_a: Sequence[str], keys_b: Sequence[str]) -> bool:
    """A passage an ellipsis cuts out of one is an excerpt of the other."""
    for text, keys, other in ((a.text, keys_a, keys_b), (b.text, keys_b, keys_a)):
        cuts = ellipsis_cuts(text)
        bounds = [0, *sorted(cuts), len(keys)]
        if cuts and any(
            _excerpt(keys[x:y], other, frozenset())
            for x, y in itertools.pairwise(bounds)
            if y - x >= MIN_CREDIT_WORDS and y - x < len(other)
        ):
            return True
    return False


def _end_to_start(a: Sequence[str], b: Sequence[str]) -> bool:
    """A stretch the two share that one starts with and the other ends with
    (:func:`passage_links`): two windows on one remark that overlap."""
    blocks = [
        x for x in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if x.size
    ]
    stretches: list[list[Match]] = []
    for block in blocks:
        last = stretches[-1][-1] if stretches else None
        if (
            last is not None
            and block.a - (last.a + last.size) <= OVERLAP_GAP
            and block.b - (last.b + last.size) <= OVERLAP_GAP
        ):
            stretches[-1].append(block)
        else:
            stretches.append([block])
    for found in stretches:
        stretch = anchored(found)
        if not stretch:
            continue
        shared = sum(x.size for x in stretch)
        a_start, a_end = stretch[0].a, stretch[-1].a + stretch[-1].size
        b_start, b_end = stretch[0].b, stretch[-1].b + stretch[-1].size
        if shared < MIN_CREDIT_WORDS:
            continue
        if shared < OVERLAP_SHARE * (a_end - a_start) or shared < OVERLAP_SHARE * (b_end - b_start):
            continue
        # One starts where the other ends: a shared ending ("... make America great
        # again") is two remarks that close alike, not one remark.
        if (a_start <= 1 and b_end >= len(b) - 1) or (b_start <= 1 and a_end >= len(a) - 1):
            return True
    return False


def anchored(blocks: Sequence[Match]) -> Sequence[Match]:
    """Shared blocks of two wordings without lone words at either end: one word shared
    beyond a change is chance, not an anchor ("other than [by] name")."""
    start, end = 0, len(blocks)
    while start < end and blocks[start].size == 1:
        start += 1
    while end > start and blocks[end - 1].size == 1:
        end -= 1
    return blocks[start:end]


EXCERPT_SPREAD = 1.5
"""How far, in words, an excerpt's words may spread in the longer quote, against its own
length: "I want to thank" and "the American people" sixty words apart are no excerpt."""


def excerpt_of(
    a: Sequence[str],
    b: Sequence[str],
    cuts_a: frozenset[int] = frozenset(),
    cuts_b: frozenset[int] = frozenset(),
) -> bool:
    """The shorter wording is an excerpt of the longer: at least :data:`MIN_CREDIT_WORDS`
    words, nearly all of them (:data:`CREDIT_SHARE`) found in the longer in order and close
    together (:data:`EXCERPT_SPREAD`). "to differentiate between us and the administration
    coming in January" is an excerpt of a forty-word answer however little of it it quotes.
    ``cuts_a``/``cuts_b``: where each wording marks words left out (:func:`ellipsis_cuts`);
    the words skipped there do not count in the spread ("I don't believe that's what we're
    here to do ... We're not here to serve the earth"). Two wordings of one length are
    tried both ways, so the answer does not depend on their order."""
    if len(a) == len(b):
        return _excerpt(a, b, cuts_a) or _excerpt(b, a, cuts_b)
    return _excerpt(a, b, cuts_a) if len(a) < len(b) else _excerpt(b, a, cuts_b)


def _excerpt(short: Sequence[str], long: Sequence[str], cuts: frozenset[int]) -> bool:
    """:func:`excerpt_of`, the shorter wording given."""
    if len(short) < MIN_CREDIT_WORDS:
        return False
    matcher = SequenceMatcher(None, short, long, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if sum(block.size for block in blocks) < CREDIT_SHARE * len(short):
        return False
    spread = blocks[-1].b + blocks[-1].size - blocks[0].b
    for before, after in itertools.pairwise(blocks):
        if any(before.a < cut <= after.a for cut in cuts):
            spread -= after.b - (before.b + before.size)  # Left out where the ellipsis says.
    return spread <= EXCERPT_SPREAD * len(short)


ELLIPSIS = r"\.\.\.|…"
"""How a quote marks words left out: three dots or the one character, with or without
spaces around ("west...the")."""
_ELLIPSIS = re.compile(ELLIPSIS)


@lru_cache(maxsize=16_384)
def ellipsis_cuts(text: str) -> frozenset[int]:
    """Where a quote marks words left out: the indices, in :func:`quote_keys`, of the words
    right after each ellipsis."""
    cuts, words, read = set(), 0, 0
    for match in _ELLIPSIS.finditer(text):
        words += len(_WORDS.findall(text, read, match.start()))  # A running count: linear.
        read = match.start()
        if match.start():
            cuts.add(words)
    return frozenset(cuts)


def link_same_quotes(
    quotes: Sequence[Quote], pairs: Sequence[tuple[int, int]]
) -> tuple[Quote, ...]:
    """Fill ``same_as``: one speaker's quote in two articles with (nearly) the same words.
    ``pairs``: :func:`same_words` of these quotes. One speaker may be written in full by one
    outlet and plainly by another (Theodore J. Boutrous Jr. / Theodore Boutrous)."""
    links: dict[str, list[str]] = {q.id: [] for q in quotes}
    for i, j in pairs:
        a, b = quotes[i], quotes[j]
        if a.speaker_id and b.speaker_id and not one_person(a.speaker_id, b.speaker_id):
            continue
        links[a.id].append(b.id)
        links[b.id].append(a.id)
    return tuple(
        q if q.same_as == tuple(links[q.id]) else replace(q, same_as=tuple(links[q.id]))
        for q in quotes
    )


def credited_alike(a: Quote, b: Quote) -> bool:
    """Two quotes long enough and close enough to be one remark beyond doubt: at least
    :data:`MIN_CREDIT_WORDS` words, the shorter's words nearly all in the longer, in order
    (an excerpt counts; a shared catchphrase such as "act of terror" does not)."""
    return excerpt_of(
        quote_keys(a.text), quote_keys(b.text), ellipsis_cuts(a.text), ellipsis_cuts(b.text)
    )


@lru_cache(maxsize=16_384)
def quote_keys(text: str) -> tuple[str, ...]:
    """A quote's words as the links compare them, read once per text."""
    return tuple(_norm(w) for w in _WORDS.findall(text))


def borrow_speakers(quotes: Sequence[Quote], pairs: Sequence[tuple[int, int]]) -> list[Quote]:
    """A quote whose article only points to its speaker (``she told MSNBC``, a role, the
    paragraph before) or names none takes the speaker another article names at the cue
    for the same words, when every article that names one names the same person.

    Reporters resolve their own pronouns; ours can pick the wrong antecedent (Pelosi's
    words given to Tlaib, whom the sentence before named). ``speaker_from`` keeps which
    article the speaker came from, so the reader can show it. ``pairs``: :func:`same_words`.
    """
    result = list(quotes)
    named: dict[int, set[int]] = {}
    for i, j in pairs:
        a, b = quotes[i], quotes[j]
        if a.named != b.named and credited_alike(a, b):
            weak, strong = (i, j) if b.named else (j, i)
            named.setdefault(weak, set()).add(strong)
    for weak, sources in named.items():
        speakers = {quotes[s].speaker_id for s in sources}
        quote = quotes[weak]
        if len(speakers) != 1 or quote.speaker_id in speakers:
            continue  # Named two ways (an attribution discrepancy), or already agreed.
        source = quotes[min(sources)]
        result[weak] = replace(
            quote,
            speaker=source.speaker_id,
            speaker_id=source.speaker_id,
            speaker_from=source.article,
            reason=None,
        )
    return result


def shared_words(a: Counter[str], b: Counter[str]) -> int:
    """Words two quotes share, each as often as both have it."""
    if len(a) > len(b):
        a, b = b, a
    return sum(min(n, b[word]) for word, n in a.items() if word in b)


def _facing(text: str, pos: int, start: int, end: int) -> str:
    """``open``, ``close`` or ``either``, from the mark and its neighbours."""
    char = text[pos]
    if char in OPENERS:
        return "open"
    if char in CLOSERS:
        return "close"
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    opens = (before.isspace() or before in "([{—–-/:") and not after.isspace()
    closes = (not before.isspace()) and (after.isspace() or after in ".,;:!?)]}—–-")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


_SPACED_CLOSE = re.compile(
    r'"(?:(?P<first>[a-z]+(?:ed|id|ld|ote|s))\s+(?=[A-Z]|(?:the|an?)\s)'
    r"|(?:(?:[A-Z][\w.'’-]*\s+){1,4}|(?:he|she|they)\s+|(?:the|an?)\s+(?:[a-z]+\s+){1,2})"
    r'(?P<verb>[a-z]+)\b)[^"“”]{0,60}?[.,:](?!\s*"\s)'
)
"""A straight mark, then an attribution ending within a short phrase: a verb in the past
or in -s and the speaker ("said Michael Hutchins, executive director"; not '"report the
truth,'), or the speaker (the capitalised words of a name, a pronoun, "the" and a noun)
and a verb ("Harmon said.", "he told the Timaru Herald.", "the officer said,"); not a
quotation nested inside, whose own closing mark follows ('"Obama said no to the plan,"
and')."""


def _spaced_close(text: str, pos: int, end: int) -> bool:
    """A straight mark that closes the open quote though a space stands before it and
    none after, as text rejoined from tokens has it ('... the factor, "King said.'): after
    a comma, a full stop, "?" or "!" and a space, an attribution with a verb of saying
    follows."""
    if text[pos] != '"' or pos < 2 or not text[pos - 1].isspace() or text[pos - 2] not in ",.?!":
        return False
    after = _SPACED_CLOSE.match(text, pos, end)
    return after is not None and (after.group("first") or after.group("verb")) in CUE_VERBS


def _nested_end(text: str, pos: int, end: int) -> int | None:
    """End of a double-quoted phrase nested in an open quote, if the outer one goes on.

    Nested when its closing mark is followed by another closing mark before any new
    opening one; otherwise the outer quote was simply never closed.
    """
    marks = [i for i in range(pos + 1, end) if text[i] in MARKS]
    closers = [i for i in marks if _facing(text, i, pos, end) != "open"]
    if len(closers) < 2:
        return None
    after = [i for i in marks if i > closers[0]]
    if after and after[0] == closers[1]:
        return closers[0] + 1
    return None


def _make(text: str, open_at: int, close_end: int, *, unclosed: bool) -> _Span:
    start = open_at + 1
    end = close_end if unclosed else close_end - 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return _Span(open_at, start, end, close_end, unclosed)


def _unclosed(text: str, chain: list[tuple[int, int]]) -> list[_Span]:
    """A run that never closed: one flagged quote per paragraph, each ending there."""
    spans = []
    for open_at, para_end in chain:
        end = para_end
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        spans.append(_make(text, open_at, end, unclosed=True))
    return spans


def _first_visible(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _looks_like_title(text: str, span: _Span, words: list[str]) -> bool:
    """``"Fox & Friends"``, ``"Face the Nation"``: a short capitalised name after ``on``."""
    if len(words) > 8:
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL or w == words[0]]
    if not all(w[0].isupper() or w[0].isdigit() for w in content):
        return False
    before = text[max(0, span.open_at - 30) : span.open_at]
    after = text[span.close_end : span.close_end + 20]
    if re.match(r"\s*(?:show|program|programme|host|interview|episode)\b", after):
        return True
    if re.search(r"[:,]\s*$", before) or re.match(r"\s*,?\s*(?:he|she|they)\s", after):
        return False  # ``He said, "Yes."``: a one-word quote, not a title.
    return bool(_TITLE_CONTEXT.search(before)) or len(words) > 1


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def clip(text: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, cut with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
