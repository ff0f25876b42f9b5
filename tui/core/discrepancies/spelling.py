"""Names several articles spell differently: one entity written two ways.

The clusters come from :func:`tui.core.text.variants.name_variants`. A cluster is a
``name`` discrepancy (Reince Priebus / Preibus, Zelensky / Zelenskyy, Kyiv / Kiev) when
the text says the spellings are one entity: they stand beside the same name word
(``Reince``), or in one fact in the same place of a name. Otherwise, and when they differ
only in house style (accents, apostrophes, British spelling: Peña / Pena, Technicolour /
Technicolor), it is an ``entity_variant``, shown to a reader checking spellings but not a
disagreement: two people named Colin and Colvin (a first name and a surname) look alike
without being one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from tui.core.discrepancies.tokens import sentence_names
from tui.core.models import Corpus, DiscrepancyKind, DiscrepancyValue, Group
from tui.core.text import names
from tui.core.text.normalize import american
from tui.core.text.variants import name_variants

SENTENCE_BATCH = 3_000
"""Sentences searched for names between two progress reports."""


@dataclass(frozen=True, slots=True)
class Variant:
    """One name's spellings, the group they share (if any) and a readable summary."""

    group: int | None
    summary: str
    values: tuple[DiscrepancyValue, ...]
    kind: DiscrepancyKind = "entity_variant"
    """``name`` when the text says the spellings are one entity (module docstring)."""


@dataclass(slots=True)
class _Spelling:
    """Where a spelling is first seen in each article, and the name words it stands beside."""

    first_in: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    """Article id -> (sentence index, start, end) of the spelling's first use there."""
    count: int = 0
    beside: set[str] = field(default_factory=set)
    """Name words right before or after it in a mention, titles off."""
    places: set[str] = field(default_factory=set)
    """Its place in the names it is part of: ``first``, ``last`` or ``alone``."""
    sentences: set[tuple[str, int]] = field(default_factory=set)


def entity_variant_steps(
    corpus: Corpus, groups: Sequence[Group]
) -> Generator[float, None, list[Variant]]:
    """Names spelled differently across (or within) articles, yielding progress (0..1)."""
    total = sum(len(a.sentences) for a in corpus.articles) or 1
    done = 0
    seen: dict[str, _Spelling] = {}
    for article in corpus.articles:
        for sentence in article.sentences:
            done += 1
            if done % SENTENCE_BATCH == 0:
                yield 0.8 * done / total
            if sentence.kind == "dateline":
                continue
            for mention in sentence_names(sentence.text):
                parts = list(re.finditer(r"[^\W\d_][\w'’-]*", mention.text))
                # A curly and a straight apostrophe are typography, not two spellings.
                # "Saints'", "'Deep Throat''": a possessive or a closing quote, no spelling.
                words = [names.bare_word(part.group(0).replace("’", "'")) for part in parts]
                named = [n for n, w in enumerate(words) if w.lower().strip(".") not in names.TITLES]
                for n, (part, word) in enumerate(zip(parts, words, strict=True)):
                    spelling = seen.setdefault(word, _Spelling())
                    if article.id not in spelling.first_in:
                        at = sentence.start + mention.start + part.start()
                        spelling.first_in[article.id] = (sentence.index, at, at + len(word))
                    spelling.count += 1
                    spelling.sentences.add((article.id, sentence.index))
                    if n in named:
                        k = named.index(n)
                        spelling.beside.update(words[m] for m in named[max(0, k - 1) : k + 2])
                        spelling.beside.discard(word)
                        spelling.places.add(
                            "alone" if len(named) == 1 else "first" if k == 0 else "last"
                        )
    counts = {word: spelling.count for word, spelling in seen.items()}
    variants = name_variants(seen)
    yield 0.9
    clusters: dict[str, list[str]] = defaultdict(list)
    for word, canon in variants.items():
        clusters[canon].append(word)
    # The spelling most used in the corpus names the cluster.
    clusters = {max(ws, key=lambda w: (counts[w], len(w))): ws for ws in clusters.values()}
    # Union-find can chain (Mali ~ Malia ~ Malloy): keep spellings close to the main one.
    clusters = {
        canon: kept
        for canon, ws in clusters.items()
        if len(
            kept := [
                w
                for w in ws
                if Indel.normalized_similarity(names.fold(w), names.fold(canon)) >= 0.8
            ]
        )
        > 1
    }
    where: dict[tuple[str, int], list[int]] = defaultdict(list)
    for group in groups:
        for m in group.members:
            where[(m.article, m.sentence)].append(group.id)
    order = {a.id: n for n, a in enumerate(corpus.articles)}
    found = []
    for canon, words in clusters.items():
        words.sort(key=lambda w: min((order[a], at[0]) for a, at in seen[w].first_in.items()))
        one = _one_entity(words, seen, variants, where)
        kind: DiscrepancyKind = "name" if one else "entity_variant"
        # Every article's first use of each spelling; a name discrepancy states each
        # source's spelling, a variant the name it spells.
        values = tuple(
            sorted(
                (
                    DiscrepancyValue(article, index, w, w if one else canon, start, end)
                    for w in words
                    for article, (index, start, end) in seen[w].first_in.items()
                ),
                key=lambda v: (order[v.article], v.sentence, v.start),
            )
        )
        summary = f"{' / '.join(words)}: one name, spelled differently"
        found.append(Variant(_side_by_side(values, where), summary, values, kind))
    found.sort(key=lambda f: (order[f.values[0].article], f.values[0].sentence))
    return found


def _side_by_side(
    values: Sequence[DiscrepancyValue], facts: dict[tuple[str, int], list[int]]
) -> int | None:
    """The fact holding most of the values among those that show two spellings at least,
    where a reader sees them side by side."""
    held: dict[int, list[str]] = defaultdict(list)
    for v in values:
        for fact in facts.get((v.article, v.sentence), ()):
            held[fact].append(v.text)
    shown = [f for f in held if len(set(held[f])) > 1]
    return min(shown, key=lambda f: (-len(held[f]), -len(set(held[f])), f), default=None)


def _one_entity(
    words: Sequence[str],
    seen: dict[str, _Spelling],
    variants: dict[str, str],
    facts: dict[tuple[str, int], list[int]],
) -> bool:
    """Two spellings that differ beyond house style and that the text makes one entity:
    beside the same name word, or in one fact in the same place of a name."""
    for n, a in enumerate(words):
        for b in words[n + 1 :]:
            if _house_style(a) == _house_style(b):
                continue
            beside_a = {variants.get(w, w) for w in seen[a].beside}
            beside_b = {variants.get(w, w) for w in seen[b].beside}
            if beside_a & beside_b:
                return True
            facts_a = {g for at in seen[a].sentences for g in facts.get(at, ())}
            facts_b = {g for at in seen[b].sentences for g in facts.get(at, ())}
            if facts_a & facts_b and seen[a].places & seen[b].places:
                return True
    return False


def _house_style(word: str) -> str:
    """A spelling without what house styles change: accents, apostrophes, case and British
    spelling (Technicolour / Technicolor)."""
    plain = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return american("".join(c for c in plain if not unicodedata.combining(c)).casefold())
