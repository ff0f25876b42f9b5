"""Discrepancies found in the seeds, and the ``discrepancies --json`` contract."""

from __future__ import annotations

import pytest

from tui.core.analysis import analyse
from tui.core.discrepancies.facts import value_conflicts
from tui.core.discrepancies.numbers import unit_of
from tui.core.models import Alignment, Corpus, Group, Member, Quote
from tui.core.progress import drain
from tui.core.text.corpus import article_from_text, load_corpus
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


def _two_articles() -> tuple[Corpus, tuple[Group, ...], tuple[Quote, ...]]:
    a = article_from_text("a", 'Putin called the incursion "a major provocation" on Monday.')
    b = article_from_text(
        "b", 'The Kremlin called the incursion a "large-scale provocation" on Monday.'
    )
    group = Group(0, "", 1.0, (Member("a", 0), Member("b", 0)))
    quotes = tuple(
        Quote(
            f"q{n}",
            art.id,
            art.text.index(words),
            art.text.index(words) + len(words),
            words,
            who,
            who,
            None,
        )
        for n, (art, words, who) in enumerate(
            [
                (a, "a major provocation", "Vladimir Putin"),
                (b, "large-scale provocation", "Kremlin"),
            ]
        )
    )
    return Corpus((a, b)), (group,), quotes


def test_attribution_takes_the_quote_extractors_speakers() -> None:
    corpus, groups, quotes = _two_articles()
    (found,) = [
        f for f in drain(value_conflicts(corpus, groups, quotes)) if f.kind == "attribution"
    ]
    assert {v.value.split(":")[0] for v in found.values} == {"Vladimir Putin", "Kremlin"}
    for v in found.values:
        assert corpus.article(v.article).text[v.start : v.end] == v.text


def test_no_attribution_without_two_known_speakers() -> None:
    corpus, groups, _ = _two_articles()
    assert not [f for f in drain(value_conflicts(corpus, groups, ())) if f.kind == "attribution"]


def test_every_value_of_the_seeds_points_at_its_words(seeds: Alignment) -> None:
    corpus = load_corpus([])
    for d in seeds.discrepancies:
        assert 0.0 <= d.confidence <= 1.0
        for v in d.values:
            assert corpus.article(v.article).text[v.start : v.end] == v.text, (d.kind, v)
