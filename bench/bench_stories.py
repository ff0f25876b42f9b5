"""How well articles are grouped into stories: purity and adjusted Rand index.

Run from the repository root::

    python -m bench.bench_stories     # BASIL's 100 event folders; ECB+ topics 1-35 if fetched

BASIL: 300 articles, one story per event folder. ECB+ (topics 1-35 only; 36-45 are held
out): each topic holds two similar but different events (two earthquakes, two arrests),
so its two subtopics are two stories; ECB+ documents carry no date, which makes them the
harder test. Both skip cleanly when their data is absent.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from math import comb

from bench.pair_data import load_ecb_docs
from tui.core.models import Corpus
from tui.core.stories import find_stories
from tui.core.text.corpus import article_from_text, load_corpus

BASIL = "../shared/corpora/basil"


def adjusted_rand(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """Agreement of two partitions, 0 for chance and 1 for identical (Hubert and Arabie)."""
    pairs = sum(comb(v, 2) for v in Counter(zip(truth, found, strict=True)).values())
    a = sum(comb(v, 2) for v in Counter(truth).values())
    b = sum(comb(v, 2) for v in Counter(found).values())
    expected = a * b / max(1, comb(len(truth), 2))
    top = (a + b) / 2
    return 1.0 if top == expected else (pairs - expected) / (top - expected)


def purity(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """Share of articles whose cluster's majority story is their own."""
    clusters: dict[Hashable, list[Hashable]] = {}
    for t, f in zip(truth, found, strict=True):
        clusters.setdefault(f, []).append(t)
    return sum(Counter(v).most_common(1)[0][1] for v in clusters.values()) / len(truth)


def score(name: str, corpus: Corpus, truth: dict[str, Hashable]) -> dict[str, float]:
    """Cluster the corpus and compare with the gold stories."""
    started = time.perf_counter()
    stories = find_stories(corpus)
    seconds = time.perf_counter() - started
    found = {a: s.id for s in stories for a in s.articles}
    ids = [a.id for a in corpus.articles]
    t, f = [truth[i] for i in ids], [found[i] for i in ids]
    row = {
        "articles": len(ids),
        "gold": len(set(t)),
        "found": len(stories),
        "purity": purity(t, f),
        "inverse purity": purity(f, t),
        "ARI": adjusted_rand(t, f),
        "seconds": seconds,
    }
    print(
        f"{name:<22} {row['articles']:>5} {row['gold']:>5} {row['found']:>6} "
        f"{row['purity']:>7.3f} {row['inverse purity']:>8.3f} {row['ARI']:>6.3f} {seconds:>6.2f}"
    )
    return row


def main() -> int:
    print(
        f"{'set':<22} {'docs':>5} {'gold':>5} {'found':>6} {'purity':>7} {'inverse':>8} {'ARI':>6} {'s':>6}"
    )
    try:
        basil = load_corpus([BASIL])
    except Exception:
        print("BASIL: not present, skipped")
    else:
        score("BASIL (100 events)", basil, {a.id: a.id.split("/")[0] for a in basil.articles})
    docs = load_ecb_docs()
    if not docs:
        print("ECB+: not fetched, skipped")
        return 0
    articles = tuple(article_from_text(d.doc_id, d.body) for d in docs if d.body)
    truth: dict[str, Hashable] = {d.doc_id: d.story for d in docs}
    score("ECB+ 1-35 (all at once)", Corpus(articles), truth)
    aris = []
    for topic in sorted({d.topic for d in docs}):
        mine = tuple(
            a
            for a, d in zip(articles, [d for d in docs if d.body], strict=True)
            if d.topic == topic
        )
        found = {a: s.id for s in find_stories(Corpus(mine)) for a in s.articles}
        aris.append(adjusted_rand([truth[a.id] for a in mine], [found[a.id] for a in mine]))
    print(f"ECB+ per topic (two similar events each): mean ARI {sum(aris) / len(aris):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
