"""The ECB+ precision benchmark's judgements and scoring, offline: no ECB+ data needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import ecb_precision
from bench.judged_discrepancies import (
    JUDGEMENTS,
    VARIANT,
    VERDICTS,
    Item,
    judged_items,
    load_judgements,
    match,
    new_items,
    table,
    tally,
)
from bench.pair_data import LAST_DEV_TOPIC


@pytest.fixture(scope="module")
def judgements() -> dict[str, Any]:
    return load_judgements()


def _topic(name: str) -> int:
    """``12`` of the folder ``12_ecbplus`` or the article ``12_3ecbplus``."""
    return int(name.partition("_")[0])


def test_judgements_are_attributed_and_complete(judgements: dict[str, Any]) -> None:
    assert JUDGEMENTS.stat().st_size < 300_000
    assert "Cybulska and Vossen" in judgements["licence"]
    assert "CC BY 3.0" in judgements["licence"] or "Attribution 3.0" in judgements["licence"]
    assert "ours" in judgements["licence"]
    items = judgements["items"]
    assert len(items) == 283
    assert len(judgements["unsampled_quote_wordings"]) == 23
    assert sum(i["kind"] == "quote_wording" for i in items) == 40
    assert {i["verdict"] for i in items} <= set(VERDICTS)
    for item in items:
        assert item["reason"] and "\n" not in item["reason"]
        assert item["pattern"] in judgements["patterns"]


def test_no_held_out_topic_is_named(judgements: dict[str, Any]) -> None:
    rows = judgements["items"] + judgements["unsampled_quote_wordings"]
    assert {r["folder"] for r in rows} <= set(judgements["folders"])
    assert max(_topic(f) for f in judgements["folders"]) <= LAST_DEV_TOPIC
    articles = {v["article"] for r in rows for v in r["values"]}
    assert max(_topic(a) for a in articles) <= LAST_DEV_TOPIC


def test_values_keep_offsets_not_sentences(judgements: dict[str, Any]) -> None:
    for row in judgements["items"] + judgements["unsampled_quote_wordings"]:
        for v in row["values"]:
            assert 0 <= v["start"] <= v["end"]
            assert len(v["text"]) <= 81  # 80 characters and an ellipsis


def _output(d: dict[str, Any]) -> dict[str, Any]:
    """A ``discrepancies --json`` entry."""
    return {"confidence": 0.9, **d}


def test_an_identical_output_is_kept_and_another_is_new() -> None:
    value = {"article": "3_1ecb", "sentence": 4, "start": 10, "end": 13, "text": "two"}
    other = {"article": "3_2ecb", "sentence": 7, "start": 50, "end": 55, "text": "three"}
    elsewhere = {"article": "3_5ecb", "sentence": 2, "start": 0, "end": 4, "text": "four"}
    judged = Item("3_ecb", 0, "number", "two vs three", (value, other), verdict="TRUE")
    run = {
        "3_ecb": {
            "discrepancies": [
                _output({"id": 5, "kind": "number", "summary": "s", "values": [other, value]}),
                _output({"id": 6, "kind": "number", "summary": "s", "values": [elsewhere, value]}),
            ]
        }
    }
    new = new_items(run)
    match([judged], new)
    kept, unjudged = new
    assert kept.match is judged and judged.match is kept and kept.how == "exact"
    assert unjudged.match is None  # its pairs are neither a subset nor a superset: NEW
    counts = tally([judged], new)["number"]
    assert (counts["TRUE", "kept"], counts["TRUE", "total"], counts["NEW"]) == (1, 1, 1)
    lines = table([judged], new)
    assert any(line.startswith("number") and "1/1" in line for line in lines)
    assert any("the range is 50% (all NEW false) .. 100% (all NEW true)" in line for line in lines)


def test_fewer_values_in_the_same_sentences_match_by_fallback() -> None:
    a = {"article": "3_1ecb", "sentence": 4, "start": 10, "end": 13}
    b = {"article": "3_2ecb", "sentence": 7, "start": 50, "end": 55}
    c = {"article": "3_3ecb", "sentence": 1, "start": 0, "end": 3}
    judged = Item("3_ecb", 0, "date", "", (a, b, c), verdict="FALSE")
    moved = {**b, "start": 60, "end": 65}
    new = new_items(
        {
            "3_ecb": {
                "discrepancies": [{"id": 0, "kind": "date", "summary": "", "values": [a, moved]}]
            }
        }
    )
    match([judged], new)
    assert new[0].match is judged and new[0].how == "fallback"


def test_the_same_values_under_another_kind_are_the_judged_finding_relabelled() -> None:
    a = {"article": "3_1ecb", "sentence": 4, "start": 10, "end": 28}
    b = {"article": "3_2ecb", "sentence": 7, "start": 50, "end": 69}
    judged = Item("3_ecb", 0, "name", "", (a, b), verdict="TRUE")
    new = new_items(
        {"3_ecb": {"discrepancies": [{"id": 0, "kind": "place", "summary": "", "values": [b, a]}]}}
    )
    match([judged], new)
    assert new[0].match is judged and new[0].how == "fallback"
    counts = tally([judged], new)
    assert counts["name"]["TRUE", "kept"] == 1 and counts["place"]["NEW"] == 0
    variant = new_items(
        {"3_ecb": {"discrepancies": [{"id": 1, "kind": VARIANT, "summary": "", "values": [a, b]}]}}
    )
    match([Item("3_ecb", 0, "name", "", (a, b), verdict="FALSE")], variant)
    assert variant[0].match is None  # a variant claims no conflict: judged anew
    c = {"article": "3_3ecb", "sentence": 1, "start": 0, "end": 5}
    both = new_items(
        {
            "3_ecb": {
                "discrepancies": [
                    {"id": 0, "kind": "place", "summary": "", "values": [a, b]},
                    {"id": 1, "kind": "name", "summary": "", "values": [a, b, c]},
                ]
            }
        }
    )
    name = Item("3_ecb", 0, "name", "", (a, b), verdict="TRUE")
    match([name], both)
    assert both[1].match is name and both[0].match is None  # its own kind first


def test_the_judged_run_scores_as_itself(judgements: dict[str, Any]) -> None:
    originals = judged_items(judgements)
    run: dict[str, dict[str, Any]] = {f: {"discrepancies": []} for f in judgements["folders"]}
    for o in originals:
        run[o.folder]["discrepancies"].append(
            {"id": o.id, "kind": o.kind, "summary": o.summary, "values": list(o.values)}
        )
    new = new_items(run)
    match(originals, new)
    # Every one matches exactly; two identical ones (30_ecbplus#7, #8) may swap partners.
    assert all(n.how == "exact" for n in new)
    assert any(
        line.startswith("all") and "93/93  175/175" in line for line in table(originals, new)
    )


def test_skips_without_ecb_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KURSK_DATA", str(tmp_path))
    assert ecb_precision.main([]) == 0
    assert (
        capsys.readouterr().out.strip() == "ECB+ is not fetched (see bench/pair_data.py): skipped"
    )
