"""``kursk-reader quotes``: the JSON contract and the table grouped by speaker."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEEDS
from tui.cli import main
from tui.core.text.corpus import load_corpus

KEYS = {"id", "article", "start", "end", "text", "speaker", "speaker_mention", "cue", "kind"}
KEYS |= {"unclosed", "same_as", "speaker_id", "named"}


def test_cli_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"quotes"}
    corpus = load_corpus([SEEDS])
    for quote in payload["quotes"]:
        expected = KEYS | ({"reason"} if quote["speaker"] is None else set())
        assert set(quote) - {"speaker_from"} == expected
        assert isinstance(quote["named"], bool)
        assert quote["kind"] in ("direct", "tweet")
        text = corpus.article(quote["article"]).text
        assert text[quote["start"] : quote["end"]] == quote["text"]
    assert any(q["reason"] for q in payload["quotes"] if q["speaker"] is None)


def test_cli_table_groups_by_speaker(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes"]) == 0
    out = capsys.readouterr().out
    assert "Volodymyr Zelenskyy" in out and "Unattributed" in out
