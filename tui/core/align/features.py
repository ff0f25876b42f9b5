"""What matching knows about a sentence: folded keys and how much each one weighs.

Every sentence becomes a set of keys (concepts, stems, numbers, the words around a
number, pairs of neighbouring words, names with their transliteration variants merged),
each weighted by how rare it is in English (wordfreq), in this corpus (inverse sentence
frequency) and across its articles (the story's protagonists are everywhere). Long
sentences are also cut into clauses, matched on their own: one sentence, several facts.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Generator
from dataclasses import dataclass
from itertools import chain, pairwise

import numpy as np

from tui.core.align.params import AlignParams
from tui.core.progress import SENTENCE_BATCH
from tui.core.text.normalize import (
    NAME_RARITY,
    UNKNOWN_RARITY,
    Token,
    concept,
    content_tokens,
    rarity,
    stem,
    tokenize,
)
from tui.core.text.synonyms import PHRASES
from tui.core.text.variants import name_variants

QTY = "~#"
"""Prefix of the keys that pair a quantity with a neighbouring word."""
PAIR = "~+"
"""Prefix of the keys made of two neighbouring content words."""
DERIVED = "~"
"""Prefix shared by derived keys (quantity contexts, word pairs)."""
_CLAUSE_WORDS = frozenset("and but while which who whom whose although though after".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CLAUSE_BREAKS = frozenset(",;:()—–")
"""Punctuation between two words that ends a clause."""
_PARTICLES = frozenset(particle for _, particle in PHRASES)
_VAGUE = frozenset("more than over around about some least approximately up nearly almost".split())


@dataclass(slots=True)
class SentenceFeatures:
    """What matching knows about one sentence."""

    article: int
    """Index of the article in the corpus."""
    sentence: int
    offset: int
    """Start of the sentence in ``Article.text``: token offsets are relative to it."""
    kind: str
    text: str
    tokens: list[Token]
    keys: dict[str, Token]
    """Key -> its first content token in the sentence."""


def features(article: int, index: int, offset: int, kind: str, text: str) -> SentenceFeatures:
    """The features of one sentence (datelines carry no fact: no tokens)."""
    tokens = [] if kind == "dateline" else tokenize(text)
    return SentenceFeatures(article, index, offset, kind, text, tokens, _keys(tokens, text))


def clauses(
    f: SentenceFeatures, remap: dict[str, str], params: AlignParams
) -> list[SentenceFeatures]:
    """The clauses of a long sentence, as features of their own (kind ``clause``)."""
    if (
        f.kind not in ("text", "tweet")
        or len(content_tokens(f.tokens)) < params.clause_min_sentence
    ):
        return []
    pieces: list[list[Token]] = [[]]
    for prev, token in pairwise(f.tokens):
        pieces[-1].append(prev)
        if token.norm in _CLAUSE_WORDS or not _CLAUSE_BREAKS.isdisjoint(
            f.text[prev.end : token.start]
        ):
            pieces.append([])
    pieces[-1].append(f.tokens[-1])
    merged: list[list[Token]] = []
    for piece in pieces:
        if merged and len(content_tokens(piece)) < params.clause_min:
            merged[-1].extend(piece)
        else:
            merged.append(piece)
    if len(merged) > 1 and len(content_tokens(merged[0])) < params.clause_min:
        first = merged.pop(0)
        merged[0][:0] = first
    if len(merged) < 2:
        return []
    result = []
    for piece in merged:
        keys = {remap.get(k, k): t for k, t in _keys(piece, f.text).items()}
        keys = {k: t for k, t in keys.items() if k in f.keys}  # Weighted on sentences.
        result.append(
            SentenceFeatures(f.article, f.sentence, f.offset, "clause", f.text, piece, keys)
        )
    return result


def _keys(tokens: list[Token], text: str) -> dict[str, Token]:
    content = content_tokens(tokens)
    phrasal = _phrasal_keys(tokens, text)
    keyed = [phrasal.get(id(t), t.key) for t in content] if phrasal else [t.key for t in content]
    keys: dict[str, Token] = {}
    last = len(content) - 1
    for n, token in enumerate(content):
        if token.capital and n < last and _first_name(token, content[n + 1], text):
            continue  # "Volodymyr Zelenskyy" is one piece of evidence, not two.
        keys.setdefault(keyed[n], token)
    for n, token in enumerate(content):
        if (token.kind == "number" and (token.value or 0) > 10) or token.norm in _WEEKDAYS:
            # A quantity and the words around it: "76,000 residents were evacuated" and
            # "some 80,000 have fled" share "evacuate~#" though the numbers differ.
            for m in range(max(0, n - 3), min(last, n + 3) + 1):
                near = content[m]
                if near.kind == "word" and near.norm not in _WEEKDAYS and near.key not in _VAGUE:
                    keys.setdefault(QTY + keyed[m], token)
    words = [(t, k) for t, k in zip(content, keyed, strict=True) if t.kind == "word" and k in keys]
    for (left, left_key), (right, right_key) in pairwise(words):
        if right.start - left.end < 16:
            # Word pairs: "World War II", "state of emergency", "North Korean missile".
            keys.setdefault(f"{PAIR}{left_key} {right_key}", left)
    return keys


def _phrasal_keys(tokens: list[Token], text: str) -> dict[int, str]:
    """Verbs whose particle changes their meaning: "pulling out" is "withdraw" (by token id)."""
    found: dict[int, str] = {}
    for first, particle in pairwise(tokens):
        if particle.norm not in _PARTICLES:
            continue
        phrase = PHRASES.get((stem(first.norm), particle.norm))
        if phrase is not None and not text[first.end : particle.start].strip():
            found[id(first)] = concept(phrase)
    return found


def _first_name(token: Token, following: Token | None, text: str) -> bool:
    """A rare capitalised word directly followed by another: a first name or the like."""
    return (
        following is not None
        and token.capital
        and following.capital
        and following.kind == "word"
        and text[token.end : following.start].strip() == ""
        and rarity(token.norm) >= NAME_RARITY
        # "Preakness Stakes": a name followed by a common word is a name of its own.
        and rarity(following.norm) >= NAME_RARITY
    )


def merge_name_variants(
    feats: list[SentenceFeatures],
) -> Generator[float, None, dict[str, str]]:
    """Give transliteration variants of a name one key (Syrskyj / Sirski / Syrskyii).

    Yields progress (0..1); returns the key remapping (old key -> merged key).
    """
    surfaces: dict[str, str] = {}
    for n, f in enumerate(feats):
        for key, token in f.keys.items():
            if token.capital and token.kind == "word" and len(token.norm) >= 4:
                surfaces.setdefault(token.norm, key)
        if n % SENTENCE_BATCH == SENTENCE_BATCH - 1:
            yield 0.4 * n / len(feats)
    variants = name_variants(surfaces)
    yield 0.6
    remap = {surfaces[norm]: concept(canon) for norm, canon in variants.items()}
    for n, f in enumerate(feats):
        if n % SENTENCE_BATCH == SENTENCE_BATCH - 1:
            yield 0.6 + 0.4 * n / len(feats)
        if any(k in remap for k in f.keys):
            f.keys = {remap.get(k, k): t for k, t in f.keys.items()}
    return remap


def key_weights(
    feats: list[SentenceFeatures], params: AlignParams
) -> Generator[float, None, dict[str, float]]:
    """Weight of each key: rarity in English times rarity in this corpus.

    Yields progress (0..1); returns the weights, keys in the order they first appear.
    """
    # Counted in C (Counter over chains, set unions): a Python loop per (sentence, key)
    # was most of the time.
    df = Counter(chain.from_iterable(f.keys for f in feats))
    by_article: dict[int, set[str]] = defaultdict(set)
    first: dict[str, Token] = {}
    for f in reversed(feats):
        by_article[f.article].update(f.keys)
        first.update(f.keys)
    in_articles = Counter(chain.from_iterable(by_article.values()))
    yield 0.5
    n = len(feats) + 1
    # Inverse sentence frequency as a share of its maximum, so that thresholds mean the
    # same on five articles and on a thousand.
    scale = math.log(1.0 + n)
    articles = len(by_article)
    a_scale = math.log(1.0 + articles)
    idf = {count: math.log(1.0 + n / count) for count in set(df.values())}
    spread = {
        m: (math.log(1.0 + articles / m) / a_scale) ** params.article_spread
        for m in set(in_articles.values())
    }
    return {
        k: min(1.0, _token_rarity(first[k], k, params) / UNKNOWN_RARITY) ** 2
        * idf[count]
        / scale
        * spread[in_articles[k]]
        for k, count in df.items()
    }


def _token_rarity(token: Token, key: str, params: AlignParams) -> float:
    """Numbers are strong evidence, except small ones and years; so are their contexts."""
    value = token.value or 0.0
    if key.startswith(PAIR):
        return params.pair_rarity
    if key.startswith(QTY):
        # A count and its noun ("76,000 residents") is a fact; a year or a weekday next
        # to a word ("resigned on Friday") is only its date, which many facts share.
        if token.kind != "number":
            return params.qty_day_rarity
        return params.qty_date_rarity if 1900 <= value <= 2100 else 3.0
    if token.kind == "number":
        if value <= 10:
            return 1.0
        return 2.5 if not 1900 <= value <= 2100 else 1.5
    return rarity(token.norm)


@dataclass(frozen=True, slots=True)
class KeyIndex:
    """Every (sentence, key) of a list of features, flat, for numpy to count and sum over."""

    ids: dict[str, int]
    """Key -> key id."""
    names: list[str]
    """Key id -> key."""
    keys: np.ndarray
    """Key id of each entry: sentence by sentence, each in the order of its keys."""
    unit: np.ndarray
    """The sentence (index into the features) of each entry."""
    capital: np.ndarray
    """The entry's token is capitalised, and not as the first word of its sentence."""

    @classmethod
    def of(cls, feats: list[SentenceFeatures], key_ids: dict[str, int]) -> KeyIndex:
        keys: list[int] = []
        capital: list[bool] = []
        for f in feats:
            first = f.tokens[0].start if f.tokens else -1
            keys.extend([key_ids[k] for k in f.keys])
            capital.extend([t.capital and t.start != first for t in f.keys.values()])
        lengths = [len(f.keys) for f in feats]
        return cls(
            key_ids,
            sorted(key_ids, key=key_ids.__getitem__),
            np.array(keys, dtype=np.int64),
            np.repeat(np.arange(len(feats)), lengths),
            np.array(capital, dtype=bool),
        )


def topic_shares(
    feats: list[SentenceFeatures], index: KeyIndex, articles: int, params: AlignParams
) -> tuple[np.ndarray, np.ndarray]:
    """How much of each article a key runs through: its topic words ("Farenthold", "harassment").

    A key in most sentences of an article is the story's background there, not a fact;
    word pairs and quantity contexts inherit it from their words ("~#farenthold" next to
    the day of the resignation). Returns the sorted codes ``key * articles + article``
    of keys in at least ``params.topic_min`` of an article, and their shares.
    """
    derived = np.array([k[:1] == DERIVED for k in index.names], dtype=bool)
    article = np.array([f.article for f in feats], dtype=np.int64)
    clause = np.array([f.kind == "clause" for f in feats], dtype=bool)
    counted = ~clause[index.unit] & ~derived[index.keys]
    sentences = np.bincount(article[~clause], minlength=articles)
    codes, count = np.unique(
        index.keys[counted] * articles + article[index.unit[counted]], return_counts=True
    )
    share = count / (sentences[codes % articles] + params.topic_smooth)
    topical = share >= params.topic_min
    codes, share = codes[topical], share[topical]
    # Derived keys: the least share of their words, in each article where all are topical.
    ids = index.ids
    words: list[int] = []
    lengths: list[int] = []
    owners = np.flatnonzero(derived)
    for k in owners.tolist():
        key = index.names[k]
        parts = key[2:].split(" ") if key.startswith(PAIR) else [key[len(QTY) :]]
        words.extend([ids.get(word, -1) for word in parts])
        lengths.append(len(parts))
    # One row per derived key, its words' ids: -1 for a word that is no key (never
    # topical), -2 past its last word (no limit).
    size = np.array(lengths, dtype=np.int64)
    table = np.full((len(size), int(size.max(initial=1))), -2, dtype=np.int64)
    row = np.repeat(np.arange(len(size)), size)
    table[row, np.arange(len(row)) - np.repeat(np.cumsum(size) - size, size)] = words
    lo = np.searchsorted(codes, table[:, 0] * articles)
    hi = np.searchsorted(codes, (table[:, 0] + 1) * articles)
    hi[table[:, 0] < 0] = lo[table[:, 0] < 0]
    found = hi - lo
    row = np.repeat(np.arange(len(size)), found)
    at = np.repeat(lo, found) + np.arange(len(row)) - np.repeat(np.cumsum(found) - found, found)
    art = codes[at] % articles
    low = share[at]
    for j in range(1, table.shape[1]):
        word = table[row, j]
        other = share_of(codes, share, np.maximum(word, 0) * articles + art)
        low = np.minimum(low, np.where(word >= 0, other, np.where(word == -1, 0.0, np.inf)))
    inherited = low != 0
    codes = np.concatenate((codes, owners[row[inherited]] * articles + art[inherited]))
    share = np.concatenate((share, low[inherited]))
    order = np.argsort(codes)
    return codes[order], share[order]


def share_of(codes: np.ndarray, share: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The share of each wanted ``key * articles + article`` code (0 when it is not topical)."""
    if not len(codes) or not len(wanted):
        return np.zeros(len(wanted))
    at = np.minimum(np.searchsorted(codes, wanted), len(codes) - 1)
    return np.where(codes[at] == wanted, share[at], 0.0)


_OPEN = '“"'
_CLOSE = "”"
_MARK = re.compile('[“"”]')
"""A quotation mark, opening or closing (found by the regex engine, not a loop per character)."""


def quoted_runs(f: SentenceFeatures, params: AlignParams) -> set[tuple[str, ...]]:
    """Runs of ``params.quote_run`` folded words inside quotation marks (one opened earlier counts)."""
    text = f.text
    marks = [m.start() for m in _MARK.finditer(text)]
    spans: list[tuple[int, int]] = []
    start = 0 if marks and text[marks[0]] in _CLOSE else None
    for i in marks:
        if start is None:
            start = i
        else:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    runs: set[tuple[str, ...]] = set()
    for lo, hi in spans:
        words = [t.norm for t in f.tokens if lo <= t.start and t.end <= hi]
        runs.update(
            tuple(words[n : n + params.quote_run]) for n in range(len(words) - params.quote_run + 1)
        )
    return runs


def quote_pairs(feats: list[SentenceFeatures], params: AlignParams) -> set[tuple[int, int]]:
    """Sentences of different articles quoting the same words: one fact, however framed.

    "mocking Grassley as a “farmer from Iowa who never went to law school”" and the
    quote itself share little else; a shared run of quoted words is still strong evidence.
    """
    where: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for n, f in enumerate(feats):
        if f.kind != "clause":
            for run in quoted_runs(f, params):
                where[run].add(n)
    pairs: set[tuple[int, int]] = set()
    for found in where.values():
        if 1 < len(found) <= params.quote_max_df:
            ordered = sorted(found)
            pairs.update(
                (a, b)
                for i, a in enumerate(ordered)
                for b in ordered[i + 1 :]
                if feats[a].article != feats[b].article
            )
    return pairs
