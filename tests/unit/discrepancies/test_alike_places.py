"""One place written as two near-identical names in one story."""

from __future__ import annotations

from tui.core.discrepancies.alike_places import alike_places
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text


def found(*texts: str) -> list[str]:
    articles = tuple(article_from_text(f"a{n}", text) for n, text in enumerate(texts))
    corpus = Corpus(articles)
    return [f.summary for f in alike_places(corpus, [[a.id for a in articles]])]


def test_two_towns_alike_for_one_event_are_a_place_discrepancy() -> None:
    (summary,) = found(
        "He said he had misspoken at a 2008 event in Norfolk where he said he served in Vietnam.",
        "He said to the group gathered in Norwalk in March 2008 that he served in Vietnam.",
    )
    assert "Norfolk / Norwalk" in summary


def test_alike_names_side_by_side_or_about_other_things_are_two_places() -> None:
    assert not found("Talks in Norfolk and in Norwalk went on in 2008 about Vietnam vets.")
    assert not found(
        "The mayor spoke in Norfolk about the harbour dredging plan.",
        "A fire broke out in Norwalk overnight, officials said.",
    )


def test_well_known_and_short_names_are_never_confused_so() -> None:
    assert not found(
        "Troops were deployed in Austria in 2008 under the Vienna accord.",
        "Troops were deployed in Australia in 2008 under the Vienna accord.",
    )
    assert not found(
        "Sanctions on oil were imposed in Iran in 2008 under the accord.",
        "Sanctions on oil were imposed in Iraq in 2008 under the accord.",
    )


def test_one_name_transliterated_two_ways_is_no_place_discrepancy() -> None:
    assert not found(
        "A missile struck an apartment block in Kharkiv on Tuesday, killing 11 civilians.",
        "A missile struck an apartment block in Kharkov on Tuesday, killing 11 civilians.",
    )
