"""Fit the pair model, and measure it against the old engine and IDF cosine.

Run from the repository root (the public data fetched under ``KURSK_DATA``, see
``bench/pair_data.py``)::

    python -m bench.train_pair_model            # cross-validate, print the table
    python -m bench.train_pair_model --write    # ... then refit on everything, write the model

Training data: ECB+ topics 1-35 (two sentences of different documents of one sub-topic
that share an action chain report the same event; topics 36-45 are held out and never
read), MSRP train (``msr_paraphrase_test.txt`` is held out), the seeds' gold and the BASIL
gold events in ``tests/data``. The five blind BASIL events
(``gold_alignment_basil_blind.json``) are never trained on: they are only scored.

Cross-validation is by group (an ECB+ topic, a BASIL event, the seeds, a fifth of MSRP),
five folds; each set's figures come from the folds that held it out. Baselines are taken
at their best threshold on that set, which flatters them; so is the model, for the same
footing, and on news also at its one shipped threshold. Then calibration: per decile of the
held-out probabilities, mean predicted against observed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.pair_data import load_ecb_docs, load_msrp_train
from tui.core.align.model import MODEL_FILE, PairModel, fit
from tui.core.align.pairs import FEATURES
from tui.core.align.params import DEFAULT_PARAMS
from tui.core.align.pipeline import evidence_steps
from tui.core.models import Corpus
from tui.core.progress import drain
from tui.core.text.corpus import article_from_text, load_corpus

DATA = Path("tests/data")
BASIL = Path("../shared/corpora/basil")
FOLDS = 5
DATA_VERSIONS = {
    "cltl/ECB-parser": "eba7c4d1caa758816bcee3139bdd4e6688dee00d",
    "cltl/ecbPlus": "3aa071e12fd08fc0705b16bb1841e7a9c5c22420",
    "a389965626/Sick-": "1c9d2289d3b36ec71592e51828257e7a81b48028",
}
"""Commits of the public data the shipped model was fitted on."""
NEWS_SETS = ("seeds", "basil")


@dataclass
class LabelledPairs:
    """Evidence rows of labelled pairs, and which of them the aligner would consider."""

    name: str
    group: str
    rows: np.ndarray
    labels: np.ndarray
    candidate: np.ndarray


def _from_corpus(
    name: str, group: str, corpus: Corpus, labels: dict[frozenset[tuple[str, int]], int]
) -> LabelledPairs:
    """Every cross-article pair of the corpus; unlisted pairs are negatives."""
    index: dict[tuple[str, int], int] = {}
    for article in corpus.articles:
        for sentence in article.sentences:
            index[(article.id, sentence.index)] = len(index)
    everything = drain(evidence_steps(corpus, DEFAULT_PARAMS))
    candidates = set(everything.pairs)
    keys = list(index)
    wanted: list[tuple[int, int]] = []
    y: list[int] = []
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a[0] == b[0]:
                continue
            label = labels.get(frozenset((a, b)), 0)
            if label < 0:
                continue  # Unsure: left out.
            wanted.append((index[a], index[b]))
            y.append(label)
    found = drain(evidence_steps(corpus, DEFAULT_PARAMS, pairs=wanted))
    mask = np.array([p in candidates for p in wanted], dtype=bool)
    return LabelledPairs(name, group, found.rows, np.array(y), mask)


def _gold_labels(pairs: Iterable[dict]) -> dict[frozenset[tuple[str, int]], int]:  # type: ignore[type-arg]
    value = {"same": 1, "unsure": -1}
    return {
        frozenset(
            ((p["a"]["article"], p["a"]["sentence"]), (p["b"]["article"], p["b"]["sentence"]))
        ): value.get(p["label"], 0)
        for p in pairs
    }


def news_sets(blind: bool = False) -> list[LabelledPairs]:
    """The seeds and the BASIL gold events (or the blind ones), one corpus per event."""
    sets: list[LabelledPairs] = []
    if not blind:
        seeds = json.loads((DATA / "gold_alignment.json").read_text())
        sets.append(_from_corpus("seeds", "seeds", load_corpus([]), _gold_labels(seeds["pairs"])))
        basil = json.loads((DATA / "gold_alignment_basil.json").read_text())
        for event in basil["basil_events"]:
            mine = [p for p in basil["pairs"] if p["a"]["article"].startswith(event)]
            for p in mine:
                for end in ("a", "b"):
                    p[end] = {**p[end], "article": p[end]["article"].split("/", 1)[1]}
            corpus = load_corpus([BASIL / event])
            sets.append(_from_corpus("basil", f"basil:{event}", corpus, _gold_labels(mine)))
        held = json.loads((DATA / "gold_alignment_basil_heldout.json").read_text())
        event = held["basil_events"][0]
        sets.append(
            _from_corpus(
                "basil", f"basil:{event}", load_corpus([BASIL / event]), _gold_labels(held["pairs"])
            )
        )
        return sets
    doc = json.loads((DATA / "gold_alignment_basil_blind.json").read_text())
    for event, labelled in doc["events"].items():
        corpus = load_corpus([BASIL / event])
        sets.append(
            _from_corpus("blind", f"blind:{event}", corpus, _gold_labels(labelled["pairs"]))
        )
    return sets


def ecb_sets() -> list[LabelledPairs]:
    """ECB+ topics 1-35: each topic's documents as one corpus, each sentence a paragraph."""
    docs = load_ecb_docs()
    if not docs:
        return []
    by_topic: dict[int, list] = {}  # type: ignore[type-arg]
    for doc in docs:
        by_topic.setdefault(doc.topic, []).append(doc)
    sets = []
    for topic, mine in sorted(by_topic.items()):
        articles, where = [], {}
        for doc in mine:
            annotated = {s.number: s for s in doc.annotated}
            numbers = sorted(annotated)
            if not numbers:
                continue
            text = "\n\n".join(annotated[n].text for n in numbers)
            article = article_from_text(doc.doc_id, text)
            starts = [0]
            for n in numbers[:-1]:
                starts.append(starts[-1] + len(annotated[n].text) + 2)
            for n, start in zip(numbers, starts, strict=True):
                sentence = article.sentence_at(start)
                where[(doc.doc_id, sentence)] = (doc.subtopic, annotated[n].chains)
            articles.append(article)
        corpus = Corpus(tuple(articles))
        labels: dict[frozenset[tuple[str, int]], int] = {}
        keys = list(where)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if a[0] != b[0]:
                    (sub_a, chains_a), (sub_b, chains_b) = where[a], where[b]
                    labels[frozenset((a, b))] = int(sub_a == sub_b and bool(chains_a & chains_b))
        # Only annotated sentences are labelled: every other pair is left out.
        index = {(a.id, s.index) for a in corpus.articles for s in a.sentences}
        for key in index - set(where):
            for other in index:
                if other[0] != key[0]:
                    labels[frozenset((key, other))] = -1
        sets.append(_from_corpus("ecb+", f"ecb:{topic}", corpus, labels))
    return sets


def msrp_set() -> list[LabelledPairs]:
    """MSRP train: every sentence a one-sentence article of one big corpus."""
    examples = load_msrp_train()
    if not examples:
        return []
    texts: dict[str, int] = {}
    for e in examples:
        texts.setdefault(e.a, len(texts))
        texts.setdefault(e.b, len(texts))
    corpus = Corpus(tuple(article_from_text(f"m{n}", t) for t, n in texts.items()))
    first = {a.id: i for i, a in enumerate(corpus.articles)}
    offset, starts = 0, {}
    for article in corpus.articles:
        starts[article.id] = offset
        offset += len(article.sentences)
    pairs = [(starts[f"m{texts[e.a]}"], starts[f"m{texts[e.b]}"]) for e in examples]
    pairs = [(min(a, b), max(a, b)) for a, b in pairs]
    del first
    found = drain(evidence_steps(corpus, DEFAULT_PARAMS, pairs=pairs))
    rows = found.rows.copy()
    # One-sentence "articles": being both leads says nothing here.
    rows[:, FEATURES.index("both_leads")] = 0.0
    labels = np.array([e.label for e in examples])
    groups = [
        f"msrp:{int(hashlib.sha1(e.group.encode()).hexdigest(), 16) % FOLDS}" for e in examples
    ]
    sets = []
    for g in sorted(set(groups)):
        mask = np.array([x == g for x in groups])
        sets.append(
            LabelledPairs("msrp", g, rows[mask], labels[mask], np.ones(mask.sum(), dtype=bool))
        )
    return sets


def fold_of(group: str) -> int:
    if group.startswith("msrp:"):
        return int(group.split(":")[1])
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % FOLDS


def weights_for(sets: list[LabelledPairs]) -> np.ndarray:
    """Each public source weighs the same; news gold four times as much (it is the target)."""
    sources = {s.name for s in sets}
    total = {name: sum(len(s.labels) for s in sets if s.name == name) for name in sources}
    parts = []
    for s in sets:
        share = (4.0 if s.name in NEWS_SETS else 1.0) / len(sources)
        parts.append(np.full(len(s.labels), share * 10_000 / max(1, total[s.name])))
    return np.concatenate(parts)


DOMAINS = ("news", "ecb+", "msrp")
"""The kinds of data: news alignment (seeds, BASIL) and each public set."""


def _domain(name: str) -> str:
    return "news" if name in NEWS_SETS else name


def train_domains(sets: list[LabelledPairs], threshold: float = 0.5) -> dict[str, PairModel]:
    """Fit with a shared and a per-domain copy of every feature; keep shared + news.

    ECB+ and MSRP pairs were chosen to be half or more positive and to overlap in
    wording (the engine fires on paraphrase candidates of both labels), news sentence
    pairs are a few percent positive: one weight per feature would learn neither
    ("frustratingly easy" domain adaptation, Daume 2007). Each row carries the shared
    features, a copy in its own domain's columns and its domain's intercept; the model
    used on news is the shared weights plus the news copy (each domain's likewise).
    """
    rows = np.vstack([_augment(s.rows[s.candidate], s.name) for s in sets])
    labels = np.concatenate([s.labels[s.candidate] for s in sets])
    weight = np.concatenate(
        [w[s.candidate] for s, w in zip(sets, _split(weights_for(sets), sets), strict=True)]
    )
    model = fit(rows, labels, sample_weight=weight, threshold=threshold, l2=100)
    raw = model.weights / model.scale
    bias = model.bias - float(raw @ model.mean)
    k = len(FEATURES)
    models = {}
    for at, domain in enumerate(DOMAINS):
        weights = raw[:k] + raw[k * (1 + at) : k * (2 + at)]
        intercept = bias + float(raw[k * (1 + len(DOMAINS)) + at])
        models[domain] = PairModel(np.zeros(k), np.ones(k), weights, intercept, threshold, {})
    return models


def train(sets: list[LabelledPairs], threshold: float = 0.5) -> PairModel:
    """The model for news alignment."""
    return train_domains(sets, threshold)["news"]


def _augment(rows: np.ndarray, name: str) -> np.ndarray:
    """[shared | news copy | ecb+ copy | msrp copy | domain indicators]."""
    k, d = rows.shape[1], len(DOMAINS)
    out = np.zeros((len(rows), k * (1 + d) + d))
    out[:, :k] = rows
    at = DOMAINS.index(_domain(name))
    out[:, k * (1 + at) : k * (2 + at)] = rows
    out[:, k * (1 + d) + at] = 1.0
    return out


def _split(values: np.ndarray, sets: list[LabelledPairs]) -> list[np.ndarray]:
    out, at = [], 0
    for s in sets:
        out.append(values[at : at + len(s.labels)])
        at += len(s.labels)
    return out


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC by ranks (ties share their rank)."""
    positives = labels.sum()
    negatives = len(labels) - positives
    if not positives or not negatives:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float(
        (ranks[labels == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives)
    )


def prf(predicted: np.ndarray, labels: np.ndarray) -> tuple[float, float, float]:
    tp = float((predicted & (labels == 1)).sum())
    p = tp / max(1, predicted.sum())
    r = tp / max(1, (labels == 1).sum())
    return p, r, 2 * p * r / max(1e-9, p + r)


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float, float, float]:
    """(threshold, P, R, F1) at the threshold with the best F1."""
    best = (0.0, 0.0, 0.0, 0.0)
    for t in np.unique(np.quantile(scores, np.linspace(0, 1, 201))):
        p, r, f = prf(scores >= t, labels)
        if f > best[3]:
            best = (float(t), p, r, f)
    return best


Table = dict[str, dict[str, float]]
Reliability = dict[str, list[tuple[float, float, int]]]


def calibration(probability: np.ndarray, labels: np.ndarray) -> list[tuple[float, float, int]]:
    """Per decile of predicted probability: mean prediction, observed rate, pairs.

    A calibrated model's two columns agree; held-out predictions say whether the
    probability the reader shows means what it says.
    """
    if not len(probability):
        return []
    edges = np.unique(np.quantile(probability, np.linspace(0, 1, 11)))
    bins = np.clip(np.searchsorted(edges, probability, side="right") - 1, 0, len(edges) - 2)
    found = []
    for b in range(max(1, len(edges) - 1)):
        inside = bins == b
        if inside.any():
            found.append(
                (float(probability[inside].mean()), float(labels[inside].mean()), int(inside.sum()))
            )
    return found


def evaluate(sets: list[LabelledPairs], blind: list[LabelledPairs]) -> tuple[Table, Reliability]:
    """Cross-validated probabilities per set: the table of figures, and calibration."""
    predictions: dict[int, np.ndarray] = {}
    for fold in range(FOLDS):
        training = [s for s in sets if fold_of(s.group) != fold]
        models = train_domains(training)
        for n, s in enumerate(sets):
            if fold_of(s.group) == fold:
                model = models[_domain(s.name)]
                predictions[n] = np.where(s.candidate, model.probability(s.rows), 0.0)
    news = [n for n, s in enumerate(sets) if s.name in NEWS_SETS]
    threshold, *_ = best_threshold(
        np.concatenate([predictions[n] for n in news]),
        np.concatenate([sets[n].labels for n in news]),
    )
    final = train(sets, threshold)
    for s in blind:
        predictions[len(sets) + blind.index(s)] = np.where(
            s.candidate, final.probability(s.rows), 0.0
        )
    everything = [*sets, *blind]
    table: dict[str, dict[str, float]] = {}
    reliability: dict[str, list[tuple[float, float, int]]] = {}
    for name in dict.fromkeys(s.name for s in everything):
        members = [n for n, s in enumerate(everything) if s.name == name]
        labels = np.concatenate([everything[n].labels for n in members])
        probability = np.concatenate([predictions[n] for n in members])
        rows = np.vstack([everything[n].rows for n in members])
        row: dict[str, float] = {"pairs": len(labels), "same": int(labels.sum())}
        for label, scores in (
            ("idf cosine", rows[:, FEATURES.index("idf_cosine")]),
            ("old engine", rows[:, FEATURES.index("engine")]),
        ):
            _, p, r, f = best_threshold(scores, labels)
            row.update(
                {
                    f"{label} P": p,
                    f"{label} R": r,
                    f"{label} F1": f,
                    f"{label} AUC": auc(scores, labels),
                }
            )
        # At its best threshold on the set, on the same footing as the baselines; news is
        # also scored at the one shipped threshold (a public set has its own domain model).
        _, p, r, f = best_threshold(probability, labels)
        row.update(
            {"model P": p, "model R": r, "model F1": f, "model AUC": auc(probability, labels)}
        )
        if name in NEWS_SETS or name == "blind":
            p, r, f = prf(probability >= threshold, labels)
            row.update({"shipped P": p, "shipped R": r, "shipped F1": f})
        table[name] = row
        reliability[name] = calibration(probability[probability > 0], labels[probability > 0])
    table["_threshold"] = {"value": threshold}
    return table, reliability


def print_table(table: Table) -> None:
    print(
        f"model threshold (best F1 on the news gold, cross-validated): {table['_threshold']['value']:.3f}"
    )
    columns = ("IDF cosine (best t)", "old engine (best t)", "pair model (best t)")
    print(f"{'set':<7} {'pairs':>7} {'same':>5} | " + " | ".join(f"{m:^25}" for m in columns))
    print(
        f"{'':<7} {'':>7} {'':>5} | "
        + " | ".join(f"{'P':>5} {'R':>5} {'F1':>5} {'AUC':>5}  " for _ in range(3))
        + f"| shipped t: {'P':>4} {'R':>5} {'F1':>5}"
    )
    for name, row in table.items():
        if name.startswith("_"):
            continue
        cells = []
        for m in ("idf cosine", "old engine", "model"):
            cells.append(
                f"{row[m + ' P']:5.2f} {row[m + ' R']:5.2f} {row[m + ' F1']:5.2f} {row[m + ' AUC']:5.2f}  "
            )
        shipped = (
            f"| {'':11}{row['shipped P']:4.2f} {row['shipped R']:5.2f} {row['shipped F1']:5.2f}"
            if "shipped F1" in row
            else ""
        )
        print(
            f"{name:<7} {int(row['pairs']):>7} {int(row['same']):>5} | "
            + " | ".join(cells)
            + shipped
        )


def print_reliability(reliability: Reliability) -> None:
    """Deciles of the held-out probabilities (candidates only): predicted vs observed."""
    print("calibration, held-out folds, by decile of P(same fact): mean predicted / observed")
    for name, deciles in reliability.items():
        cells = " ".join(f"{p:.2f}/{o:.2f}" for p, o, _ in deciles)
        print(f"{name:<7} {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write", action="store_true", help="refit on everything and write the model"
    )
    parser.add_argument(
        "--sources", default="seeds,basil,ecb+,msrp", help="training sources (comma-separated)"
    )
    args = parser.parse_args(argv)
    wanted = set(args.sources.split(","))
    sets = (
        news_sets()
        + (ecb_sets() if "ecb+" in wanted else [])
        + (msrp_set() if "msrp" in wanted else [])
    )
    sets = [s for s in sets if s.name in wanted]
    blind = news_sets(blind=True)
    names = sorted({s.name for s in sets})
    print(f"training sets: {', '.join(names)} ({sum(len(s.labels) for s in sets)} pairs)")
    table, reliability = evaluate(sets, blind)
    print_table(table)
    print_reliability(reliability)
    if args.write:
        threshold = table["_threshold"]["value"]
        model = train(sets, threshold)
        about = {
            "trained_on": {
                "ecb+": "topics 1-35 (cltl/ECB-parser @ "
                + DATA_VERSIONS["cltl/ECB-parser"]
                + ", cltl/ecbPlus @ "
                + DATA_VERSIONS["cltl/ecbPlus"]
                + "); same sub-topic and a shared action chain",
                "msrp": "msr_paraphrase_train.txt (a389965626/Sick- @ "
                + DATA_VERSIONS["a389965626/Sick-"]
                + ")",
                "seeds": "tests/data/gold_alignment.json",
                "basil": "tests/data/gold_alignment_basil.json, gold_alignment_basil_heldout.json",
            },
            "sets": names,
            "pairs": int(sum(len(s.labels) for s in sets)),
            "cross_validated": {
                k: {m: round(v, 3) for m, v in row.items()}
                for k, row in table.items()
                if not k.startswith("_")
            },
            "refit": "python -m bench.train_pair_model --write",
        }
        model = PairModel(
            model.mean, model.scale, model.weights, model.bias, round(threshold, 3), about
        )
        MODEL_FILE.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
