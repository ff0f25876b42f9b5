"""Sentence segmentation tuned to pasted news text.

A focused rule-based splitter rather than a general one: news pasted from the web
carries tweets with their signatures, headings without full stops, ``U.S.`` and
``km.`` mid-sentence, and quotes that never close. Every sentence keeps exact offsets
into the text it came from (``text[start:end] == sentence.text``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.models import Paragraph, Sentence, SentenceKind, Tweet

MAX_SENTENCE_CHARS = 1_000
"""Longer runs without a full stop are cut at a space so that no segment is huge."""

_TITLES = frozenset(
    "mr mrs ms dr prof sen rep gov gen lt col capt sgt adm maj cmdr rev st ft mt pres "
    "atty supt sens reps messrs hon amb cpl pvt brig lieut gens".split()
)
"""Abbreviations that precede a name: never the end of a sentence."""

_MIDDLE = frozenset(
    "no nos vs v approx est dept univ ave blvd rd fig vol pp ca cf al "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
"""Abbreviations that are followed by more of the same sentence (``Aug. 6``, ``No. 2``)."""

_CAN_END = frozenset("inc corp co ltd jr sr etc".split())
"""Abbreviations that may end a sentence: split only before a sentence starter."""

_STARTERS = frozenset(
    "the a an he she it they we i you his her its their our this that these those "
    "but and or so yet in on at for from after before when while if as since "
    "there here what who why how where some many most all both each one two no not "
    "meanwhile however still also then now today yesterday last".split()
)
"""Words that usually open a sentence: after ``U.S.`` they mean the sentence ended."""

_BOUNDARY = re.compile(r"(?:\.\.\.|…|[.!?])+[\"'”’»)\]]*(?=\s)")
_INITIALISM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")
_BULLET = re.compile(r"[-*•]\s+")
_DATELINE = re.compile(
    r"(?i)(?:date[d]?|published|updated)[:\s]+"
    r"(\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{1,2}, \d{4})(?=\s|$)"
)
_TWEET_SIGNATURE = re.compile(
    r"(?:pic\.twitter\.com/\S+\s*)?[—–]\s*(?P<author>[^\n()—–]{1,80}?)\s*"
    r"\(@(?P<handle>\w{1,20})\)\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})"
)
_PIC_LINK = re.compile(r"\s*(?:pic\.twitter\.com/\S+\s*)+$")
_QUOTE_MARK = re.compile(r'["“”]')
_CUE_AFTER = re.compile(r"\s+[a-z]")
_LINE = re.compile(r"[^\n]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NEXT_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph span handed to the segmenter by a parser that already knows it."""

    start: int
    end: int
    kind: str = "text"


@dataclass(frozen=True, slots=True)
class Segmentation:
    """What the segmenter found in one text."""

    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    tweets: tuple[Tweet, ...]
    date: str | None


def segment(text: str, blocks: Sequence[Block] | None = None) -> Segmentation:
    """Split ``text`` into paragraphs and sentences.

    ``blocks`` are paragraph spans from a parser (Markdown); without them, paragraphs
    are lines, or blank-line separated blocks when the text is hard-wrapped.
    """
    spans = list(blocks) if blocks is not None else split_paragraphs(text)
    tweets = find_tweets(text)
    protected = [(_signature_start(text, t), t.end) for t in tweets]
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    date: str | None = None
    for block in spans:
        start, end = _strip(text, block.start, block.end)
        if start >= end:
            continue
        heading = block.kind == "heading" or (
            not _inside_tweet(start, tweets) and _looks_like_heading(text[start:end])
        )
        index = len(paragraphs)
        paragraphs.append(Paragraph(index, start, end, "heading" if heading else "text"))
        if heading:
            sentences.append(
                Sentence(len(sentences), index, start, end, text[start:end], "heading")
            )
            continue
        if date is None and index <= 1 and (match := _DATELINE.match(text, start, end)):
            date = _iso_date(match.group(1))
            sentences.append(
                Sentence(len(sentences), index, start, match.end(), match.group(0), "dateline")
            )
            start, _ = _strip(text, match.end(), end)
        bullet = _BULLET.match(text, start, end)
        if bullet and bullet.end() < end:
            start = bullet.end()
        for s, e in _split_sentences(text, start, end, protected):
            kind: SentenceKind = "tweet" if _inside_tweet(s, tweets) else "text"
            sentences.append(Sentence(len(sentences), index, s, e, text[s:e], kind))
    return Segmentation(tuple(paragraphs), tuple(sentences), tuple(tweets), date)


def split_paragraphs(text: str) -> list[Block]:
    """Paragraphs of plain text: each line, unless the text is hard-wrapped."""
    lines = [
        (m.start(), m.end()) for m in _LINE.finditer(text) if text[m.start() : m.end()].strip()
    ]
    if not _is_hard_wrapped(text, lines):
        return [Block(s, e) for s, e in lines]
    blocks: list[Block] = []
    start = 0
    for match in _BLANK_LINE.finditer(text):
        blocks.append(Block(start, match.start()))
        start = match.end()
    blocks.append(Block(start, len(text)))
    return blocks


def find_tweets(text: str) -> list[Tweet]:
    """Tweets pasted inline: their signature, and the paragraphs back to their start."""
    tweets: list[Tweet] = []
    floor = 0
    for sig in _TWEET_SIGNATURE.finditer(text):
        para_start = max(text.rfind("\n", floor, sig.start()) + 1, floor)
        # Walk back over paragraphs pasted with two or more blank lines: same tweet.
        while para_start > floor:
            gap_start = para_start
            while gap_start > floor and text[gap_start - 1].isspace():
                gap_start -= 1
            if text.count("\n", gap_start, para_start) < 3 or gap_start == floor:
                break
            para_start = max(text.rfind("\n", floor, gap_start) + 1, floor)
        start, _ = _strip(text, para_start, sig.start())
        body_end = sig.start()
        if pic := _PIC_LINK.search(text, start, sig.start()):
            body_end = pic.start()
        sig_text = sig.group(0)
        if sig_text.startswith("pic.twitter.com"):
            body_end = min(body_end, sig.start())
        body_end = _strip(text, start, body_end)[1]
        author = sig.group("author").strip()
        tweets.append(
            Tweet(start, sig.end(), body_end, author, sig.group("handle"), sig.group("date"))
        )
        floor = sig.end()
    return tweets


def _signature_start(text: str, tweet: Tweet) -> int:
    """Where the link-and-signature tail of a tweet begins: no sentence ends inside it."""
    return tweet.body_end


def _inside_tweet(offset: int, tweets: Sequence[Tweet]) -> bool:
    return any(t.start <= offset < t.end for t in tweets)


def _split_sentences(
    text: str, start: int, end: int, protected: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    protected = [*protected, *_cued_quotes(text, start, end)]
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.end()
        nxt = _next_visible(text, cut, end)
        if nxt >= end or any(a <= nxt <= b for a, b in protected):
            continue
        if not _is_boundary(text, cursor, match.start(), match.group(0), nxt):
            continue
        spans.append((cursor, cut))
        cursor = nxt
    if cursor < end:
        spans.append((cursor, end))
    result: list[tuple[int, int]] = []
    for s, e in spans:
        result.extend(_cap_length(text, s, e))
    return result


def _cued_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Short quotes followed by their cue (``"What? A circus?" he said``) stay whole."""
    spans = []
    opened = -1
    for match in _QUOTE_MARK.finditer(text, start, end):
        mark = match.group(0)
        if mark == "“" or (mark == '"' and opened < 0):
            opened = match.start()
        elif opened >= 0:
            close = match.end()
            if close - opened < 400 and _CUE_AFTER.match(text, close, end):
                spans.append((opened + 1, close))
            opened = -1
    return spans


def _is_boundary(text: str, sent_start: int, term_start: int, terminator: str, nxt: int) -> bool:
    following = text[nxt]
    if following.islower():
        return False
    core = terminator.rstrip("\"'”’»)]")
    if core != ".":
        return True  # ?, !, ..., …: the next sentence starts with a capital or a quote.
    before = text[max(sent_start, term_start - 24) : term_start + 1]
    word_match = _WORD_BEFORE.search(before)
    if word_match is None:
        return True
    word = word_match.group(1)
    lower = word.lower()
    next_word = _NEXT_WORD.match(text, nxt, nxt + 30)
    starter = next_word is not None and next_word.group(0).lower() in _STARTERS
    if _INITIALISM.search(before):
        return starter
    if len(word) == 1 and word.isupper():
        return False  # An initial: "Bridget A. Brink".
    if lower in _TITLES or lower in _MIDDLE:
        return False
    if lower in _CAN_END:
        return starter
    return True


def _next_visible(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _cap_length(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind(sep, start + 1, limit) for sep in (" ", "\n", "\t"))
        cut = cut if cut > start else limit
        spans.append(_strip(text, start, cut))
        start = _next_visible(text, cut, end)
    if start < end:
        spans.append((start, end))
    return [(s, e) for s, e in spans if s < e]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _looks_like_heading(block: str) -> bool:
    """A short single line with no closing punctuation reads as a heading."""
    if "\n" in block or len(block) > 120 or len(block.split()) > 16:
        return False
    if not (block[0].isupper() or block[0].isdigit()) or re.search(r"[.!?…] ", block):
        return False
    return block[-1] not in ".!?:;,\"'”’)…-—"


def _is_hard_wrapped(text: str, lines: Sequence[tuple[int, int]]) -> bool:
    """Lines of similar width that run on into the next line: wrapped prose."""
    if len(lines) < 4 or not _BLANK_LINE.search(text):
        return False
    lengths = [e - s for s, e in lines]
    widest = max(lengths)
    if widest > 100:
        return False
    run_on = sum(
        1
        for (s, e), (ns, _) in itertools.pairwise(lines)
        if text[e - 1] not in '.!?"”' and not text[e:ns].count("\n") > 1
    )
    return run_on >= len(lines) // 3


_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),
        1,
    )
}


def _iso_date(value: str) -> str:
    """``2024-08-11`` stays; ``August 11, 2024`` becomes ``2024-08-11``."""
    match = re.match(r"([A-Za-z]+)\.? (\d{1,2}), (\d{4})", value)
    if not match:
        return value
    month = next(
        (n for name, n in _MONTHS.items() if name.startswith(match.group(1).lower()[:3])), 0
    )
    if not month:
        return value
    return f"{match.group(3)}-{month:02d}-{int(match.group(2)):02d}"
