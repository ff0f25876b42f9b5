"""Discrepancies found in the seeds, and the ``discrepancies --json`` contract."""

from __future__ import annotations

import pytest

from tui.core.analysis import analyse
from tui.core.discrepancies.numbers import unit_of
from tui.core.models import Alignment
from tui.core.text.corpus import load_corpus
from tui.core.text.normalize import tokenize


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return analyse(load_corpus([])).alignment


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


def test_every_number_date_attribution_has_a_group(seeds: Alignment) -> None:
    for d in seeds.discrepancies:
        if d.kind != "entity_variant":
            assert d.group is not None and d.id in seeds.groups[d.group].discrepancies


def test_units() -> None:
    tokens = [t for t in tokenize("more than 76,000 residents were evacuated") if not t.stop]
    assert unit_of(tokens, 0) == "people"
    tokens = [t for t in tokenize("over 1 thousand square km") if not t.stop]
    assert unit_of(tokens, 0) == "area"
    tokens = [t for t in tokenize("over 1,000 Russian soldiers") if not t.stop]
    assert unit_of(tokens, 0) == "troops"  # The noun counts, not the adjective.
