"""Facts over the whole corpus: groups of sentences from different articles, labelled.

Strong pairs seed groups; a sentence joins a group only when it is linked to most of
its members, so one weak pair cannot chain two facts together, and a sentence may sit in
several groups (one per fact it carries). Each group gets a score, a label (its most
informative shared words) and, per member, the spans the UI colours.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from tui.core.align.features import DERIVED, SentenceFeatures
from tui.core.align.params import AlignParams
from tui.core.align.scoring import PairScore
from tui.core.models import Corpus, DiffKind, DiffSpan, Group, Member
from tui.core.text.normalize import RARE, UNKNOWN_RARITY, Token, rarity, readable_number


def group_sentences(
    feats: list[SentenceFeatures], pairs: list[PairScore], accept: float, params: AlignParams
) -> list[list[int]]:
    """Groups of feature indices: pairs from ``accept`` seed them, members link to most others.

    ``pairs`` are every link worth counting (the model's probabilities from its link
    share of ``accept``); a sentence may join several groups, one per fact it carries.
    """
    link: dict[int, dict[int, float]] = defaultdict(dict)
    for p in pairs:
        link[p.a][p.b] = p.score
        link[p.b][p.a] = p.score
    groups: list[set[int]] = []
    where: dict[int, list[int]] = defaultdict(list)
    strong = sorted(
        (p for p in pairs if p.score >= accept and p.shared >= params.min_shared),
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
            if len(group) - len(others) >= params.per_article:
                continue  # An article states a fact once or twice, not in every paragraph.
            linked = sum(1 for m in others if m in link[newcomer])
            if others and linked >= math.ceil(params.join_share * len(others)):
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
    result = _merge_near_duplicates(feats, result, params)
    result.sort(key=lambda g: (feats[g[0]].article, feats[g[0]].sentence, len(g)))
    return result


def _merge_near_duplicates(
    feats: list[SentenceFeatures], groups: list[list[int]], params: AlignParams
) -> list[list[int]]:
    """One group per fact: overlapping groups whose members all pair up already become one.

    A group keeps one sentence per article, so an article that states a fact twice
    splits it into near-identical groups (000:4 and 000:14 each with 002:9 and 002:10);
    the reader should see the fact once. Groups merge only when every cross-article pair
    of the union is already a pair of some group: the pairs stay the same, no chaining.
    """
    covered: set[tuple[int, int]] = set()
    for group in groups:
        covered.update((a, b) for a in group for b in group if a < b)
    merged: list[set[int]] = []
    holding: dict[int, list[int]] = defaultdict(list)
    for group in groups:
        members = set(group)
        near = sorted({g for i in members for g in holding[i]})
        if any(members <= merged[g] for g in near):
            continue
        for g in near:
            union = members | merged[g]
            if _mergeable(feats, union, covered, params):
                for i in members - merged[g]:
                    holding[i].append(g)
                merged[g] = union
                break
        else:
            for i in members:
                holding[i].append(len(merged))
            merged.append(members)
    return [sorted(g, key=lambda i: (feats[i].article, feats[i].sentence)) for g in merged]


def _mergeable(
    feats: list[SentenceFeatures],
    union: set[int],
    covered: set[tuple[int, int]],
    params: AlignParams,
) -> bool:
    """Every cross-article pair is known, and no article repeats itself too often."""
    per_article: dict[int, int] = defaultdict(int)
    for i in union:
        per_article[feats[i].article] += 1
    if max(per_article.values()) > params.merge_per_article:
        return False
    return all(
        (a, b) in covered
        for a in union
        for b in union
        if a < b and feats[a].article != feats[b].article
    )


def build_groups(
    corpus: Corpus,
    feats: list[SentenceFeatures],
    weights: dict[str, float],
    members: list[list[int]],
    scores: dict[tuple[int, int], float],
    *,
    start: int,
    stop: int,
) -> list[Group]:
    """Groups ``start`` to ``stop`` with their labels, scores and diffs."""
    groups: list[Group] = []
    for gid, group in enumerate(members[start:stop], start):
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
    name = not _sentence_initial(f, token) or rarity(token.norm) >= UNKNOWN_RARITY
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
        elif token.capital and rarity(token.norm) >= RARE and not _sentence_initial(f, token):
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
    return _ALNUM.search(text, end, start) is not None


_ALNUM = re.compile(r"[^\W_]")
"""A letter or digit: what ``str.isalnum`` accepts (a word character but ``_``)."""
