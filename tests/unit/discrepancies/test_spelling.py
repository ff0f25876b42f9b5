"""Discrepancies found in the seeds, and the ``discrepancies --json`` contract."""

from __future__ import annotations

import pytest

from tui.core.analysis import analyse
from tui.core.models import Alignment
from tui.core.text.corpus import load_corpus


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return analyse(load_corpus([])).alignment


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
