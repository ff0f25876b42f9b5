"""Discrepancies found in the seeds, and the ``discrepancies --json`` contract."""

from __future__ import annotations

import json

import pytest

from tui.cli import main
from tui.core.align import align
from tui.core.corpus import load_corpus
from tui.core.discrepancies import unit_of
from tui.core.models import Alignment
from tui.core.normalize import tokenize
from tui.core.variants import name_variants


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return align(load_corpus([]))


def values(alignment: Alignment, kind: str) -> list[set[str]]:
    return [{v.value for v in d.values} for d in alignment.discrepancies if d.kind == kind]


def test_evacuees_disagree(seeds: Alignment) -> None:
    assert {"76000", "80000", "200000"} in values(seeds, "number")


def test_controlled_area_disagrees(seeds: Alignment) -> None:
    area = [v for v in values(seeds, "number") if "1050" in v]
    assert area and {"1050", "1000", "800"} <= area[0]
    assert "40" not in area[0]  # "an additional 40 square km" is an increment.


def test_start_day_disagrees(seeds: Alignment) -> None:
    assert {"tuesday", "wednesday"} in values(seeds, "date")


def test_provocation_attribution(seeds: Alignment) -> None:
    found = [d for d in seeds.discrepancies if d.kind == "attribution"]
    texts = {v.text.lower() for d in found for v in d.values}
    assert any("major provocation" in t for t in texts)
    assert any("large-scale provocation" in t for t in texts)
    speakers = {v.value.split(":")[0] for d in found for v in d.values}
    assert any("Putin" in s for s in speakers) and "Kremlin" in speakers


def test_name_variants_are_variants_not_disagreements(seeds: Alignment) -> None:
    variants = [
        {v.text for v in d.values} for d in seeds.discrepancies if d.kind == "entity_variant"
    ]
    assert {"Syrskyii", "Syrskyj", "Sirski"} in variants
    assert {"Korenovo", "Korenewo"} in variants
    assert {"Kyiv", "Kiev"} in variants
    for d in seeds.discrepancies:
        if d.kind != "entity_variant":
            assert not {"Syrskyj", "Korenewo"} & {v.text for v in d.values}


def test_every_number_date_attribution_has_a_group(seeds: Alignment) -> None:
    for d in seeds.discrepancies:
        if d.kind != "entity_variant":
            assert d.group is not None and d.id in seeds.groups[d.group].discrepancies


def test_name_variants_keep_places_and_peoples_apart() -> None:
    merged = name_variants(
        ["Russia", "Russian", "Korean", "Korenovo", "Korenewo", "Sirski", "Syrskyj"]
    )
    assert "Russia" not in merged and "Korean" not in merged
    assert merged["Korenovo"] == merged["Korenewo"]
    assert merged["Sirski"] == merged["Syrskyj"]


def test_units() -> None:
    tokens = [t for t in tokenize("more than 76,000 residents were evacuated") if not t.stop]
    assert unit_of(tokens, 0) == "people"
    tokens = [t for t in tokenize("over 1 thousand square km") if not t.stop]
    assert unit_of(tokens, 0) == "area"
    tokens = [t for t in tokenize("over 1,000 Russian soldiers") if not t.stop]
    assert unit_of(tokens, 0) == "troops"  # The noun counts, not the adjective.


def test_discrepancies_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["discrepancies", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"discrepancies"}
    found = payload["discrepancies"]
    assert [d["id"] for d in found] == list(range(len(found)))
    for d in found:
        assert set(d) == {"id", "kind", "group", "summary", "values"}
        assert d["kind"] in {"number", "date", "attribution", "entity_variant"}
        for v in d["values"]:
            assert set(v) == {"article", "sentence", "text", "value"}


def test_discrepancies_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["discrepancies"]) == 0
    assert "76,000" in capsys.readouterr().out
