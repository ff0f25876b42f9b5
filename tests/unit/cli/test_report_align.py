"""``kursk-reader align``: the JSON contract and the table."""

from __future__ import annotations

import json

import pytest

from tui.cli import main


def test_align_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"articles", "stories", "groups"}
    assert payload["stories"] == [
        {
            "id": 0,
            "label": payload["stories"][0]["label"],
            "articles": [a["id"] for a in payload["articles"]],
        }
    ]
    ids = {a["id"]: a for a in payload["articles"]}
    assert len(ids) == 5 and "sentences" in payload["articles"][0]
    assert [g["id"] for g in payload["groups"]] == list(range(len(payload["groups"])))
    for group in payload["groups"]:
        assert set(group) == {"id", "story", "label", "score", "members", "discrepancies"}
        assert group["story"] == 0
        for member in group["members"]:
            assert set(member) == {"article", "sentence", "diff"}
            sentence = ids[member["article"]]["sentences"][member["sentence"]]
            for d in member["diff"]:
                assert set(d) == {"start", "end", "kind"}
                assert d["kind"] in {"shared", "own", "number", "entity"}
                assert sentence["start"] <= d["start"] < d["end"] <= sentence["end"]
        for d in group["discrepancies"]:
            assert d["group"] == group["id"]


def test_align_table_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align"]) == 0
    assert "provocation" in capsys.readouterr().out
