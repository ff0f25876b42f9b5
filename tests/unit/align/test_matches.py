"""Possible matches: a sentence's likeliest partners in each other article."""

from __future__ import annotations

import json

import pytest

from tui.cli import main
from tui.core.align import possible_matches
from tui.core.text.corpus import load_corpus

EVACUATED = "000_853be78dae701b95"


def test_every_other_article_gets_its_best_candidates_in_order() -> None:
    corpus = load_corpus([])
    found = possible_matches(corpus, EVACUATED, 5, per_article=2)
    assert set(found) == {a.id for a in corpus.articles} - {EVACUATED}
    for article, matches in found.items():
        assert 0 < len(matches) <= 2
        assert all(m.article == article for m in matches)
        probabilities = [m.probability for m in matches]
        assert probabilities == sorted(probabilities, reverse=True)
        assert all(0.0 <= p <= 1.0 for p in probabilities)


def test_unknown_article_or_sentence() -> None:
    corpus = load_corpus([])
    with pytest.raises(KeyError):
        possible_matches(corpus, "nope", 0)
    with pytest.raises(IndexError):
        possible_matches(corpus, EVACUATED, 999)


def test_match_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["match", "--json", f"{EVACUATED}:5"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["article"] == EVACUATED and payload["sentence"] == 5
    assert "76,000" in payload["text"]
    for matches in payload["matches"].values():
        for m in matches:
            assert set(m) == {"sentence", "text", "probability", "same_fact"}


@pytest.mark.parametrize("target", ["nocolon", f"{EVACUATED}:x", "missing:3", f"{EVACUATED}:999"])
def test_bad_targets_are_one_line_and_exit_1(
    target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["match", target]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error" in err
