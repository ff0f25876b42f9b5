"""The pair model: a logistic regression that turns pair evidence into a probability.

Fitted on public labelled data (ECB+ topics 1-35, MSRP train) and the project's own gold
by ``python -m bench.train_pair_model``, which writes ``pair_model.json`` beside this
module with the training data it used. A probability, not a score: the threshold means
the same on every corpus, and the reader can show it as the confidence of a fact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from tui.core.align.pairs import FEATURES

MODEL_FILE = Path(__file__).with_name("pair_model.json")


@dataclass(frozen=True)
class PairModel:
    """Standardised logistic regression over :data:`tui.core.align.pairs.FEATURES`."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float
    """Probability from which a pair is taken to report the same fact."""
    about: dict[str, Any]
    """What it was trained on, and its cross-validated figures."""

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """P(same fact) for each row of evidence."""
        if not len(rows):
            return np.zeros(0)
        z = ((rows - self.mean) / self.scale) @ self.weights + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": self.weights.round(6).tolist(),
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
            "about": self.about,
        }


def fit(
    rows: np.ndarray,
    labels: np.ndarray,
    *,
    sample_weight: np.ndarray | None = None,
    l2: float = 1.0,
    threshold: float = 0.5,
    about: dict[str, Any] | None = None,
) -> PairModel:
    """Fit by Newton's method (a few iterations: the features are few and scaled)."""
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale < 1e-9] = 1.0
    x = np.hstack([(rows - mean) / scale, np.ones((len(rows), 1))])
    y = labels.astype(np.float64)
    s = np.ones(len(rows)) if sample_weight is None else sample_weight
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (s * (p - y)) + penalty * w
        hessian = (x * (s * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return PairModel(mean, scale, w[:-1], float(w[-1]), threshold, about or {})


@cache
def shipped_model() -> PairModel:
    """The model shipped with the package."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE.name} was fitted on other features; refit it")
    return PairModel(
        np.array(data["mean"]),
        np.array(data["scale"]),
        np.array(data["weights"]),
        float(data["bias"]),
        float(data["threshold"]),
        data.get("about", {}),
    )
