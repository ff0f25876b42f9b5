"""Pairwise precision/recall/F1 of the alignment on hand-labelled gold sets.

Two sets: the five seed articles (``gold_alignment.json``; pairs touching article 004
are a held-out check, thresholds were tuned on the others) and two BASIL events read
together as one six-article corpus (``gold_alignment_basil.json``; never tuned on,
skipped when the corpora are absent), plus one more BASIL event labelled before any
tuning for BASIL precision (``gold_alignment_basil_heldout.json``, never tuned on: the
honest held-out figure). Every cross-article sentence pair not labelled
``same`` counts as different, except the ``unsure`` ones (left out). Reproduce the
figures with ``python -m tests.unit.test_alignment_quality``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from itertools import combinations
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from tui.core.align.pipeline import align
from tui.core.models import Corpus
from tui.core.text.corpus import load_corpus
from tui.core.text.normalize import fold_text

DATA = Path(__file__).parents[2] / "data"
GOLD = DATA / "gold_alignment.json"
GOLD_BASIL = DATA / "gold_alignment_basil.json"
GOLD_BASIL_HELD_OUT = DATA / "gold_alignment_basil_heldout.json"
BASIL = Path(__file__).parents[3].parent / "shared/corpora/basil"
HELD_OUT = "004_"

Pair = frozenset[tuple[str, int]]
Keep = Callable[[Pair], bool]


def _corpus(path: Path) -> Corpus:
    """The corpus a gold file was labelled on: the seeds, or its BASIL events together."""
    events = json.loads(path.read_text()).get("basil_events")
    return load_corpus([BASIL / e for e in events]) if events else load_corpus([])


@cache
def load_gold(path: Path = GOLD) -> dict[Pair, str]:
    doc = json.loads(path.read_text())
    corpus = _corpus(path)
    labels: dict[Pair, str] = {}
    for p in doc["pairs"]:
        ends = []
        for end in (p["a"], p["b"]):
            sentence = corpus.article(end["article"]).sentences[end["sentence"]]
            assert sentence.text == end["text"], f"gold out of date at {end}"
            ends.append((end["article"], end["sentence"]))
        labels[frozenset(ends)] = p["label"]
    return labels


@cache
def predicted_pairs(path: Path = GOLD) -> set[Pair]:
    pairs: set[Pair] = set()
    for group in align(_corpus(path)):
        for a, b in combinations(group.members, 2):
            if a.article != b.article:
                pairs.add(frozenset([(a.article, a.sentence), (b.article, b.sentence)]))
    return pairs


def prf(
    pred: set[Pair], gold: dict[Pair, str], keep: Keep = lambda p: True
) -> tuple[float, float, float]:
    tp = sum(1 for p in pred if keep(p) and gold.get(p) == "same")
    fp = sum(1 for p in pred if keep(p) and gold.get(p, "different") == "different")
    fn = sum(1 for p, v in gold.items() if keep(p) and v == "same" and p not in pred)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def held_out(pair: Pair) -> bool:
    return any(article.startswith(HELD_OUT) for article, _ in pair)


def baseline_token_sort(path: Path = GOLD) -> tuple[float, float, float, int]:
    """Plain ``fuzz.token_sort_ratio`` on folded sentences, best threshold (an upper bound)."""
    gold = load_gold(path)
    corpus = _corpus(path)
    sents = [(a.id, s.index, fold_text(s.text)) for a in corpus.articles for s in a.sentences]
    scored = [
        (fuzz.token_sort_ratio(x[2], y[2]), frozenset([(x[0], x[1]), (y[0], y[1])]))
        for x, y in combinations(sents, 2)
        if x[0] != y[0]
    ]
    best = (0.0, 0.0, 0.0, 0)
    for threshold in range(20, 95, 2):
        pred = {p for s, p in scored if s >= threshold}
        p, r, f = prf(pred, gold)
        if f > best[2]:
            best = (p, r, f, threshold)
    return best


needs_basil = pytest.mark.skipif(not BASIL.is_dir(), reason="BASIL corpora not present")


def test_gold_quality_floors() -> None:
    precision, recall, f1 = prf(predicted_pairs(), load_gold())
    # Floors a little below the measured figures (P 0.89, R 0.58, F1 0.70 at commit time).
    assert precision >= 0.8
    assert recall >= 0.5
    assert f1 >= 0.65


def test_held_out_is_not_much_worse() -> None:
    _, _, f1 = prf(predicted_pairs(), load_gold(), held_out)
    assert f1 >= 0.6


def test_beats_plain_token_sort_ratio() -> None:
    _, _, f1 = prf(predicted_pairs(), load_gold())
    assert f1 > baseline_token_sort()[2]


@needs_basil
def test_basil_check_set() -> None:
    """Not tuned on: a floor well below the measured figures, to catch regressions only."""
    precision, _, f1 = prf(predicted_pairs(GOLD_BASIL), load_gold(GOLD_BASIL))
    # Measured P 0.76, R 0.59, F1 0.67 (topic words discounted except between leads).
    assert precision >= 0.65
    assert f1 >= 0.6


@needs_basil
def test_basil_held_out_event() -> None:
    """Labelled before tuning and never tuned on: a floor under the measured figures."""
    precision, _, f1 = prf(predicted_pairs(GOLD_BASIL_HELD_OUT), load_gold(GOLD_BASIL_HELD_OUT))
    # Measured P 1.00, R 0.41, F1 0.59 (quoted words, headline/lead pairs): paraphrases
    # still missed. The lead rule's weight threshold (0.7 of 0.5/0.7/0.9) was chosen as the
    # one lowering no precision on any set, this one included, so it is not wholly unseen.
    assert precision >= 0.8
    assert f1 >= 0.5


def _report() -> None:
    sets: list[tuple[str, Path, list[tuple[str, Keep]]]] = [
        (
            "seeds",
            GOLD,
            [
                ("all", lambda p: True),
                ("tuned on (not 004)", lambda p: not held_out(p)),
                ("held out (004)", held_out),
            ],
        ),
    ]
    if BASIL.is_dir():
        sets.append(("basil (2 events)", GOLD_BASIL, [("all", lambda p: True)]))
        sets.append(("basil held out (1 event)", GOLD_BASIL_HELD_OUT, [("all", lambda p: True)]))
    for title, path, splits in sets:
        gold = load_gold(path)
        pred = predicted_pairs(path)
        n_same = sum(1 for v in gold.values() if v == "same")
        print(f"{title}: {n_same} same-fact pairs, {len(gold) - n_same} other labelled pairs")
        for name, keep in splits:
            p, r, f = prf(pred, gold, keep)
            print(f"{name:>20}: P={p:.2f} R={r:.2f} F1={f:.2f}")
        p, r, f, t = baseline_token_sort(path)
        print(f"{'token_sort_ratio':>20}: P={p:.2f} R={r:.2f} F1={f:.2f} (best threshold {t})")


if __name__ == "__main__":
    _report()
