"""Facts aligned across articles: which sentences of different reports say the same thing.

Three stages, each sized for tens of thousands of sentences:

1. *Features*: every sentence becomes a set of folded keys (concepts, stems, numbers,
   names with their transliteration variants merged), each weighted by how rare the word
   is in English (wordfreq) and in this corpus (inverse sentence frequency).
2. *Candidates and scores*: only sentences sharing a rare key are compared (blocking on an
   inverted index, as passim blocks on rare n-grams), and the shared weight is summed in
   numpy; the score mixes cosine and overlap so that a long sentence carrying several
   facts still matches a short one carrying one of them.
3. *Grouping over the whole corpus*: strong pairs seed groups; a sentence joins a group
   only when it is linked to most of its members, so one weak pair cannot chain two
   facts together, and a sentence may sit in several groups (one per fact it carries).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Generator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from tui.core.discrepancies import find_discrepancies, name_variants
from tui.core.models import Alignment, Corpus, DiffKind, DiffSpan, Group, Member
from tui.core.normalize import (
    Token,
    concept,
    content_tokens,
    rarity,
    readable_number,
    tokenize,
)

ACCEPT = 0.15
"""Pair score from which two sentences of different articles report the same fact."""
LINK = 0.12
"""Weaker score that lets a sentence join a group it is linked to almost entirely."""
MIN_SHARED = 1.0
"""Least shared evidence (summed key weights): two common words never make a fact."""
SAME_ARTICLE_MARGIN = 0.15
"""A fact repeated inside one article needs a stronger match to join its group."""
ARTICLE_SPREAD = 0.5
"""How much a key found in every article is discounted (the story's protagonists)."""
PAIR_RARITY = 2.0
"""Rarity given to a word pair: a phrase is rarer than its words."""
HEADING_FACTOR = 0.85
"""Headings are short and generic: they align, but with a discount."""
AFFINITY = 12
JOIN_SHARE = 0.67
"""Share of a group's members (in other articles) a newcomer must be linked to."""
CLAUSE_MIN_SENTENCE = 12
"""Sentences with this many content words are also matched clause by clause."""
CLAUSE_MIN = 4
"""Fewest content words in a clause (shorter pieces join their neighbour)."""
CLAUSE_FACTOR = 0.9
"""A clause match counts a little less than a whole-sentence match."""
PER_ARTICLE = 1
"""Most sentences one article may put in one group."""
SMALL_CORPUS = 3
AFFINITY_FLOOR = 0.5
AFFINITY_SHARE = 0.3
"""Share of an article's best partner's support at which another partner counts fully."""
"""Score factor of a pair whose two articles share no other strong pair."""
"""Up to this many articles, all are taken to report one story (no affinity discount)."""
"""Strong pairs two articles need before each of their pairs counts in full."""
BLOCK_MIN_WEIGHT = 0.1
"""Keys lighter than this (common words) do not generate candidates (they still score)."""
PREFILTER = 0.7
"""Share of ``LINK`` the rare (blocking) keys alone must reach before exact scoring."""
BLOCK_MAX_DF = 120
"""Keys in more sentences than this do not generate candidates (they still score)."""
BATCH = 2_000


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


@dataclass(frozen=True, slots=True)
class PairScore:
    """A scored candidate pair of sentences (indices into the features list)."""

    a: int
    b: int
    score: float
    shared: float
    names_only: bool = False
    """Only names (and phrases of names) are shared: kept for closely related articles."""


def align(corpus: Corpus) -> Alignment:
    """Align the corpus in one go (the CLI's way; the app drives :func:`align_steps`)."""
    steps = align_steps(corpus)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: Alignment = done.value
            return result


def align_steps(corpus: Corpus) -> Generator[float, None, Alignment]:
    """Align the corpus, yielding progress (0..1) between batches of work."""
    feats: list[SentenceFeatures] = []
    total = sum(len(a.sentences) for a in corpus.articles) or 1
    done = 0
    for a_index, article in enumerate(corpus.articles):
        for sentence in article.sentences:
            feats.append(
                _features(a_index, sentence.index, sentence.start, sentence.kind, sentence.text)
            )
            done += 1
            if done % BATCH == 0:
                yield 0.4 * done / total
    remap = _merge_name_variants(feats)
    yield 0.45
    weights = _key_weights(feats)
    # Long sentences carry several facts: their clauses are matched too, on their own.
    units = list(feats)
    owner = list(range(len(feats)))
    for n, f in enumerate(feats):
        for clause in clauses(f, remap):
            units.append(clause)
            owner.append(n)
    pairs: list[PairScore] = []
    for progress, batch in _score_pairs(units, weights):
        pairs.extend(batch)
        yield 0.45 + 0.4 * progress
    pairs = _by_sentence(pairs, owner, units)
    pairs = _with_article_affinity(feats, pairs)
    members = group_sentences(feats, pairs)
    yield 0.9
    scores = {(p.a, p.b): p.score for p in pairs}
    groups: list[Group] = []
    for start in range(0, len(members), BATCH // 4):
        groups.extend(_build_groups(corpus, feats, weights, members, scores, start=start))
        yield 0.9 + 0.05 * min(1.0, (start + BATCH // 4) / len(members))
    known = {(corpus.articles[f.article].id, f.sentence): f.tokens for f in feats}
    discrepancies, by_group = find_discrepancies(corpus, groups, known)
    groups = [
        Group(g.id, g.label, g.score, g.members, tuple(by_group.get(g.id, ()))) for g in groups
    ]
    yield 1.0
    return Alignment(tuple(groups), tuple(discrepancies))


def _features(article: int, index: int, offset: int, kind: str, text: str) -> SentenceFeatures:
    tokens = [] if kind == "dateline" else tokenize(text)
    return SentenceFeatures(article, index, offset, kind, text, tokens, _keys(tokens, text))


def clauses(f: SentenceFeatures, remap: dict[str, str]) -> list[SentenceFeatures]:
    """The clauses of a long sentence, as features of their own (kind ``clause``)."""
    content = content_tokens(f.tokens)
    if len(content) < CLAUSE_MIN_SENTENCE or f.kind not in ("text", "tweet"):
        return []
    pieces: list[list[Token]] = [[]]
    for prev, token in pairwise(f.tokens):
        pieces[-1].append(prev)
        gap = f.text[prev.end : token.start]
        if any(c in gap for c in ",;:()—–") or token.norm in _CLAUSE_WORDS:
            pieces.append([])
    pieces[-1].append(f.tokens[-1])
    merged: list[list[Token]] = []
    for piece in pieces:
        if merged and len(content_tokens(piece)) < CLAUSE_MIN:
            merged[-1].extend(piece)
        else:
            merged.append(piece)
    if len(merged) > 1 and len(content_tokens(merged[0])) < CLAUSE_MIN:
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
    keys: dict[str, Token] = {}
    for n, token in enumerate(content):
        following = content[n + 1] if n + 1 < len(content) else None
        if _first_name(token, following, text):
            continue  # "Volodymyr Zelenskyy" is one piece of evidence, not two.
        keys.setdefault(token.key, token)
    for n, token in enumerate(content):
        if (token.kind == "number" and (token.value or 0) > 10) or token.norm in _WEEKDAYS:
            # A quantity and the words around it: "76,000 residents were evacuated" and
            # "some 80,000 have fled" share "evacuate~#" though the numbers differ.
            for near in content[max(0, n - 3) : n + 4]:
                if near.kind == "word" and near.norm not in _WEEKDAYS and near.key not in _VAGUE:
                    keys.setdefault(QTY + near.key, token)
    words = [t for t in content if t.kind == "word" and t.key in keys]
    for left, right in pairwise(words):
        if right.start - left.end < 16:
            # Word pairs: "World War II", "state of emergency", "North Korean missile".
            keys.setdefault(f"{PAIR}{left.key} {right.key}", left)
    return keys


QTY = "~#"
"""Prefix of the keys that pair a quantity with a neighbouring word."""
PAIR = "~+"
"""Prefix of the keys made of two neighbouring content words."""
DERIVED = "~"
"""Prefix shared by derived keys (quantity contexts, word pairs)."""
_CLAUSE_WORDS = frozenset("and but while which who whom whose although though after".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_VAGUE = frozenset("more than over around about some least approximately up nearly almost".split())


def _first_name(token: Token, following: Token | None, text: str) -> bool:
    """A rare capitalised word directly followed by another: a first name or the like."""
    return (
        following is not None
        and token.capital
        and following.capital
        and following.kind == "word"
        and text[token.end : following.start].strip() == ""
        and rarity(token.norm) >= 2.5
    )


def _merge_name_variants(feats: list[SentenceFeatures]) -> dict[str, str]:
    """Give transliteration variants of a name one key (Syrskyj / Sirski / Syrskyii)."""
    surfaces: dict[str, str] = {}
    for f in feats:
        for key, token in f.keys.items():
            if token.capital and token.kind == "word" and len(token.norm) >= 4:
                surfaces.setdefault(token.norm, key)
    variants = name_variants(surfaces)
    remap = {surfaces[norm]: concept(canon) for norm, canon in variants.items()}
    for f in feats:
        if any(k in remap for k in f.keys):
            f.keys = {remap.get(k, k): t for k, t in f.keys.items()}
    return remap


def _key_weights(feats: list[SentenceFeatures]) -> dict[str, float]:
    """Weight of each key: rarity in English times rarity in this corpus."""
    df: dict[str, int] = defaultdict(int)
    in_articles: dict[str, set[int]] = defaultdict(set)
    rare: dict[str, float] = {}
    for f in feats:
        for key, token in f.keys.items():
            df[key] += 1
            in_articles[key].add(f.article)
            if key not in rare:
                rare[key] = _token_rarity(token, key)
    n = len(feats) + 1
    # Inverse sentence frequency as a share of its maximum, so that thresholds mean the
    # same on five articles and on a thousand.
    scale = math.log(1.0 + n)
    articles = len({f.article for f in feats})
    a_scale = math.log(1.0 + articles)
    weights = {}
    for k, count in df.items():
        spread = (math.log(1.0 + articles / len(in_articles[k])) / a_scale) ** ARTICLE_SPREAD
        weights[k] = min(1.0, rare[k] / 3.0) ** 2 * math.log(1.0 + n / count) / scale * spread
    return weights


def _token_rarity(token: Token, key: str) -> float:
    """Numbers are strong evidence, except small ones and years; so are their contexts."""
    value = token.value or 0.0
    if key.startswith(PAIR):
        return PAIR_RARITY
    if key.startswith(QTY):
        return 3.0
    if token.kind == "number":
        if value <= 10:
            return 1.0
        return 2.5 if not 1900 <= value <= 2100 else 1.5
    return rarity(token.norm)


def _score_pairs(
    feats: list[SentenceFeatures], weights: dict[str, float]
) -> Generator[tuple[float, list[PairScore]], None, None]:
    """Score the pairs sharing a blocking key; yields (progress, pairs above ``LINK``).

    Everything is summed in numpy: rare (blocking) keys make the candidates, the other
    keys found in at most ``BLOCK_MAX_DF`` sentences add their weight to candidates
    they share; keys in more sentences than that are everywhere and count for nothing.
    """
    key_ids = {k: i for i, k in enumerate(weights)}
    w = np.array(list(weights.values()), dtype=np.float64)
    postings: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in f.keys:
            postings[key_ids[key]].append(i)
    totals = np.zeros(len(feats))
    for k, posting in postings.items():
        totals[posting] += w[k]
    derived = np.array([k[:1] == DERIVED for k in weights], dtype=bool)
    named = _name_keys(feats, key_ids, len(weights))
    n = len(feats)
    scoring = [k for k, p in postings.items() if 1 < len(p) <= BLOCK_MAX_DF]
    blocking = [k for k in scoring if w[k] >= BLOCK_MIN_WEIGHT]
    cand, partial, plain, content = _sum_over(
        blocking, postings, w=w, derived=derived, named=named, n=n
    )
    yield 0.3, []
    if len(cand):
        others = [k for k in scoring if w[k] < BLOCK_MIN_WEIGHT]
        extra = _sum_over(others, postings, w=w, derived=derived, named=named, n=n)
        if len(extra[0]):
            at = np.searchsorted(cand, extra[0])
            at[at == len(cand)] = 0
            hit = cand[at] == extra[0]
            partial = partial + np.bincount(at[hit], weights=extra[1][hit], minlength=len(cand))
            plain = plain + np.bincount(at[hit], weights=extra[2][hit], minlength=len(cand))
            content = content + np.bincount(at[hit], weights=extra[3][hit], minlength=len(cand))
    yield 0.6, []
    ia, ib = cand // n, cand % n
    score = partial / (1.8 * np.maximum(totals[ia] * totals[ib], 1e-9) ** 0.25)
    art = np.array([f.article for f in feats])
    heading = np.array([f.kind == "heading" for f in feats], dtype=bool)
    score = np.where(heading[ia] | heading[ib], score * HEADING_FACTOR, score)
    score = np.where(art[ia] == art[ib], score - SAME_ARTICLE_MARGIN, score)
    # One shared word (and its contexts) is a coincidence; so is a weak overlap.
    keep = (plain >= 2) & (partial >= 0.6 * MIN_SHARED) & (score >= LINK)
    batch = [
        PairScore(a, b, sc, sh, not c)
        for a, b, sc, sh, c in zip(
            ia[keep].tolist(),
            ib[keep].tolist(),
            score[keep].tolist(),
            partial[keep].tolist(),
            (content[keep] > 0).tolist(),
            strict=True,
        )
    ]
    yield 1.0, batch


def _sum_over(
    keys: list[int],
    postings: dict[int, list[int]],
    *,
    w: np.ndarray,
    derived: np.ndarray,
    named: np.ndarray,
    n: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For every pair of sentences sharing some of ``keys``: shared weight and counts."""
    chunks: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    for k in keys:
        p = np.array(postings[k], dtype=np.int64)
        a, b = _upper_pairs(len(p))
        chunks.append(p[a] * n + p[b])
        owners.append(np.full(len(a), k, dtype=np.int64))
    if not chunks:
        empty = np.zeros(0)
        return np.zeros(0, dtype=np.int64), empty, empty, empty
    pairs, inverse = np.unique(np.concatenate(chunks), return_inverse=True)
    key = np.concatenate(owners)
    del chunks, owners
    plain = ~derived[key]
    shared = np.bincount(inverse, weights=w[key], minlength=len(pairs))
    plains = np.bincount(inverse, weights=plain, minlength=len(pairs))
    contents = np.bincount(inverse, weights=plain & ~named[key], minlength=len(pairs))
    return pairs, shared, plains, contents


def _name_keys(feats: list[SentenceFeatures], key_ids: dict[str, int], size: int) -> np.ndarray:
    """Keys mostly written with a capital where no sentence starts: names and titles."""
    capital = np.zeros(size)
    seen = np.zeros(size)
    for f in feats:
        first = f.tokens[0].start if f.tokens else -1
        for key, token in f.keys.items():
            if key[:1] != DERIVED:
                i = key_ids[key]
                seen[i] += 1
                capital[i] += token.capital and token.start != first
    return np.asarray(capital * 2 > seen)


@lru_cache(maxsize=512)
def _upper_pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of a posting list of that size; sizes repeat a lot."""
    a, b = np.triu_indices(size, 1)
    return a, b


def _by_sentence(
    pairs: list[PairScore], owner: list[int], units: list[SentenceFeatures]
) -> list[PairScore]:
    """Pairs of sentences from pairs of sentences or clauses: the best score wins."""
    best: dict[tuple[int, int], PairScore] = {}
    for p in pairs:
        a, b = sorted((owner[p.a], owner[p.b]))
        if a == b:
            continue
        score = p.score
        if units[p.a].kind == "clause" or units[p.b].kind == "clause":
            score *= CLAUSE_FACTOR
        old = best.get((a, b))
        if old is None or score > old.score:
            best[(a, b)] = PairScore(a, b, score, p.shared, p.names_only)
    return [p for p in best.values() if p.score >= LINK]


def _with_article_affinity(
    feats: list[SentenceFeatures], pairs: list[PairScore]
) -> list[PairScore]:
    """Discount pairs from articles that share little compared with their best partners.

    Reports of one event match on many sentences; a few strong pairs between two
    articles whose real partners share far more are usually coincidences of wording
    (the same senator's title, the same boilerplate), so they need more.
    """
    if len({f.article for f in feats}) <= SMALL_CORPUS:
        return [p for p in pairs if not p.names_only]
    strong: dict[tuple[int, int], int] = defaultdict(int)
    best: dict[int, int] = defaultdict(int)
    for p in pairs:
        if p.score >= ACCEPT:
            strong[(feats[p.a].article, feats[p.b].article)] += 1
    for (x, y), support in strong.items():
        best[x] = max(best[x], support)
        best[y] = max(best[y], support)
    kept = []
    for p in pairs:
        x, y = feats[p.a].article, feats[p.b].article
        support = strong[(x, y)]
        related = support / max(1, min(best[x], best[y]))
        closeness = max(min(1.0, support / AFFINITY), min(1.0, related / AFFINITY_SHARE))
        if p.names_only and closeness < 1.0:
            continue  # "Senate Minority Leader Chuck Schumer" in two unrelated stories.
        if closeness >= 1.0:
            kept.append(p)
        else:
            factor = AFFINITY_FLOOR + (1 - AFFINITY_FLOOR) * closeness
            kept.append(PairScore(p.a, p.b, p.score * factor, p.shared, p.names_only))
    return kept


def pair_score(shared: float, total_a: float, total_b: float) -> float:
    """Shared evidence, only gently normalised by length (roughly 0..1).

    Full cosine punishes the long sentences that carry several facts; raw shared weight
    favours them. The fourth root of the product sits in between (tuned on the gold set).
    """
    if shared <= 0 or total_a <= 0 or total_b <= 0:
        return 0.0
    return float(shared / (1.8 * (total_a * total_b) ** 0.25))


def group_sentences(feats: list[SentenceFeatures], pairs: list[PairScore]) -> list[list[int]]:
    """Groups of feature indices: strong pairs seed them, members must link to most others."""
    link: dict[int, dict[int, float]] = defaultdict(dict)
    for p in pairs:
        link[p.a][p.b] = p.score
        link[p.b][p.a] = p.score
    groups: list[set[int]] = []
    where: dict[int, list[int]] = defaultdict(list)
    strong = sorted(
        (p for p in pairs if p.score >= ACCEPT and p.shared >= MIN_SHARED),
        key=lambda p: -p.score,
    )
    for p in strong:
        ga, gb = where[p.a], where[p.b]
        if set(ga) & set(gb):
            continue
        placed = False
        for gi in sorted({*ga, *gb}, key=lambda g: -len(groups[g])):
            group = groups[gi]
            newcomer = p.b if p.a in group else p.a
            # Links inside one article are not required: reports rarely repeat a fact.
            others = [m for m in group if feats[m].article != feats[newcomer].article]
            if len(group) - len(others) >= PER_ARTICLE:
                continue  # An article states a fact once or twice, not in every paragraph.
            linked = sum(1 for m in others if m in link[newcomer])
            if others and linked >= math.ceil(JOIN_SHARE * len(others)):
                group.add(newcomer)
                where[newcomer].append(gi)
                placed = True
                break
        if not placed:
            groups.append({p.a, p.b})
            where[p.a].append(len(groups) - 1)
            where[p.b].append(len(groups) - 1)
    result: list[list[int]] = []
    holding: dict[int, list[int]] = defaultdict(list)
    for group in sorted(groups, key=len, reverse=True):
        if len({feats[i].article for i in group}) < 2:
            continue
        first = min(group)
        if any(group <= set(result[r]) for r in holding[first]):
            continue  # Already inside a larger group.
        for i in group:
            holding[i].append(len(result))
        result.append(sorted(group, key=lambda i: (feats[i].article, feats[i].sentence)))
    result.sort(key=lambda g: (feats[g[0]].article, feats[g[0]].sentence, len(g)))
    return result


def _build_groups(
    corpus: Corpus,
    feats: list[SentenceFeatures],
    weights: dict[str, float],
    members: list[list[int]],
    scores: dict[tuple[int, int], float],
    *,
    start: int,
) -> list[Group]:
    """Groups ``start`` to ``start + BATCH // 4`` with their labels, scores and diffs."""
    groups: list[Group] = []
    for gid, group in enumerate(members[start : start + BATCH // 4], start):
        inner = [
            scores[(a, b)] for i, a in enumerate(group) for b in group[i + 1 :] if (a, b) in scores
        ]
        score = round(min(1.0, sum(inner) / len(inner)), 3) if inner else 0.0
        built = tuple(
            Member(
                corpus.articles[feats[i].article].id,
                feats[i].sentence,
                diff_spans(feats[i], [feats[j] for j in group if j != i]),
            )
            for i in group
        )
        groups.append(Group(gid, group_label(feats, weights, group), score, built))
    return groups


def group_label(feats: list[SentenceFeatures], weights: dict[str, float], group: list[int]) -> str:
    """The group's most informative shared words, in the first member's own spelling."""
    counts: dict[str, set[int]] = defaultdict(set)
    for i in group:
        for key in feats[i].keys:
            counts[key].add(feats[i].article)
    shared = [k for k, arts in counts.items() if len(arts) > 1 and not k.startswith(DERIVED)]
    shared.sort(key=lambda k: -weights.get(k, 0.0) * len(counts[k]))
    words: list[str] = []
    for key in shared[:4]:
        for i in group:
            token = feats[i].keys.get(key)
            if token is not None:
                surface = _surface(feats[i], token)
                if surface.lower() not in (w.lower() for w in words):
                    words.append(surface)
                break
    return " · ".join(words) if words else "(similar wording)"


def _surface(f: SentenceFeatures, token: Token) -> str:
    """The word as the article spells it (``Kyiv``, not ``kyiv``), without a possessive."""
    if token.kind != "word":
        return _number_surface(token)
    word = f.text[token.start : token.end]
    for suffix in ("'s", "’s"):
        word = word.removesuffix(suffix)
    name = not _sentence_initial(f, token) or rarity(token.norm) >= 3.0
    return word if token.capital and name else word.lower()


def _number_surface(token: Token) -> str:
    return readable_number(token.value or 0.0)


def diff_spans(f: SentenceFeatures, others: list[SentenceFeatures]) -> tuple[DiffSpan, ...]:
    """Colour each content token of a member: shared with another member, or its own.

    Numbers and names get their own kinds (they are what discrepancies are about);
    neighbouring tokens of one kind merge into one span, stop words stay uncoloured.
    """
    elsewhere: set[str] = set()
    for o in others:
        elsewhere.update(o.keys)
    key_of = {id(t): k for k, t in f.keys.items()}
    spans: list[tuple[int, int, DiffKind]] = []
    for token in f.tokens:
        if token.stop or (token.kind == "word" and len(token.norm) < 2):
            continue
        kind: DiffKind
        if token.kind == "number":
            kind = "number"
        elif token.capital and rarity(token.norm) >= 2.0 and not _sentence_initial(f, token):
            kind = "entity"
        else:
            kind = "shared" if key_of.get(id(token), token.key) in elsewhere else "own"
        if spans and spans[-1][2] == kind and not _words_between(f.text, spans[-1][1], token.start):
            spans[-1] = (spans[-1][0], token.end, kind)
        else:
            spans.append((token.start, token.end, kind))
    return tuple(DiffSpan(f.offset + s, f.offset + e, k) for s, e, k in spans)


def _sentence_initial(f: SentenceFeatures, token: Token) -> bool:
    return bool(f.tokens) and f.tokens[0] is token


def _words_between(text: str, end: int, start: int) -> bool:
    """Spans merge across spaces and punctuation, not across (stop) words."""
    return any(c.isalnum() for c in text[end:start])
