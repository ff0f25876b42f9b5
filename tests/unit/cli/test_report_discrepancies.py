"""Discrepancies found in the seeds, and the ``discrepancies --json`` contract."""

from __future__ import annotations

import json

import pytest

from tui.cli import main


def test_discrepancies_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["discrepancies", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"discrepancies"}
    found = payload["discrepancies"]
    assert [d["id"] for d in found] == list(range(len(found)))
    for d in found:
        assert set(d) == {"id", "kind", "group", "summary", "confidence", "values"}
        assert d["kind"] in {
            "number",
            "date",
            "place",
            "name",
            "attribution",
            "entity_variant",
            "quote_wording",
        }
        assert 0.0 <= d["confidence"] <= 1.0
        for v in d["values"]:
            assert set(v) == {"article", "sentence", "text", "value", "start", "end"}


def test_discrepancies_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["discrepancies"]) == 0
    assert "76,000" in capsys.readouterr().out
