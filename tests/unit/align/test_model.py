"""The pair model: fitting, probabilities, the shipped weights."""

from __future__ import annotations

import numpy as np

from tui.core.align.model import fit, shipped_model
from tui.core.align.pairs import FEATURES


def test_fit_separates_a_simple_problem_and_gives_probabilities() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3))
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(int)
    model = fit(x, y, l2=0.1)
    p = model.probability(x)
    assert ((p >= 0.5) == (y == 1)).mean() > 0.95
    assert p.min() >= 0.0 and p.max() <= 1.0
    assert model.weights[0] > model.weights[1] > abs(model.weights[2])


def test_sample_weights_count() -> None:
    x = np.array([[0.0], [0.0], [1.0], [1.0]])
    y = np.array([0, 1, 0, 1])
    heavy = fit(x, y, sample_weight=np.array([1.0, 9.0, 1.0, 9.0]), l2=0.0)
    assert heavy.probability(np.array([[0.5]]))[0] > 0.8


def test_the_shipped_model_matches_the_features_and_says_what_it_was_trained_on() -> None:
    model = shipped_model()
    assert len(model.weights) == len(FEATURES)
    assert 0.0 < model.threshold < 1.0
    about = model.about
    assert "ecb+" in about["trained_on"] and "msrp" in about["trained_on"]
    assert "python -m bench.train_pair_model --write" in about["refit"]
    assert model.probability(np.zeros((0, len(FEATURES)))).shape == (0,)
