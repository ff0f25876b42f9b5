"""A person's age as two articles give it: one person, two ages, no time between."""

from __future__ import annotations

from tui.core.discrepancies.ages import age_conflicts
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text


def conflicts(*texts: str, dates: tuple[str | None, ...] = ()) -> list[set[str]]:
    articles = tuple(
        article_from_text(
            f"a{n}", text, meta={"date": dates[n]} if n < len(dates) and dates[n] else {}
        )
        for n, text in enumerate(texts)
    )
    corpus = Corpus(articles)
    found = age_conflicts(corpus, [[a.id for a in articles]])
    for f in found:
        assert f.kind == "number"
        for v in f.values:
            assert corpus.article(v.article).text[v.start : v.end] == v.text
    return [{v.value for v in f.values} for f in found]


def test_one_person_given_two_ages_is_a_discrepancy() -> None:
    assert conflicts(
        "Sixty-year-old Mary Ellen Harper was arrested on Friday in Dayton.",
        "Police said Mary Ellen Harper, 61, was arrested on Friday.",
    ) == [{"60", "61"}]


def test_the_time_between_two_articles_explains_two_ages() -> None:
    arrest = "Police arrested Jose Luis Ochoa, 27, on Friday."
    trial = "A jury convicted Jose Luis Ochoa, 29, of murder."
    assert conflicts(arrest, trial, dates=("2005-07-26", "2007-03-20")) == []
    assert conflicts(arrest, trial, dates=("2005-07-26", "2005-07-28")) == [{"27", "29"}]
    # One article's date unknown: a birthday may lie between.
    assert conflicts(arrest, trial, dates=("2005-07-26", None)) == []


def test_two_people_of_one_surname_are_two_ages() -> None:
    assert (
        conflicts(
            "Mark Vinar, 43, fell while his brother watched.",
            "His brother Miles Vinar, 38, saw Mark Vinar fall.",
        )
        == []
    )


def test_a_place_before_a_person_has_no_age() -> None:
    assert (
        conflicts(
            "A 35-year-old New Bedford man, Gary Gomes, was arrested. New Bedford police spoke.",
            "A 36-year-old New Bedford woman was hurt. New Bedford police spoke.",
        )
        == []
    )


def test_a_surname_alone_takes_the_age_only_when_one_person_bears_it() -> None:
    both = "Gary Gomes and Kathryn Gomes lived there. Gomes, 35, was arrested."
    assert conflicts(both, "Gary Gomes, 36, was arrested on Tuesday.") == []
    one = "Gary Gomes lived there. Gomes, 35, was arrested."
    assert conflicts(one, "Gary Gomes, 36, was arrested on Tuesday.") == [{"35", "36"}]


def test_counts_things_and_supporters_are_no_ages() -> None:
    stated = "Bernie Sanders, 74, spoke in Ohio on Monday."
    for other in (
        "Hillary Clinton leads Bernie Sanders, 72,428 to 71,153, in votes.",
        "A 71-year-old Sanders volunteer, Bernie Sanders said, spoke.",
        "A 73-year-old court file on Bernie Sanders was opened.",
    ):
        assert conflicts(stated, other) == [], other
    assert conflicts(stated, "Bernie Sanders, 72, spoke in Ohio.") == [{"74", "72"}]


def test_an_attackers_age_is_not_the_victims_and_a_generation_is_one_surname() -> None:
    assert (
        conflicts(
            "A 40-year-old stabbed John Smith outside a bar on Friday.",
            "John Smith, 45, was stabbed outside a bar.",
        )
        == []
    )
    assert conflicts("John Smith Jr., 30, was hurt.", "John Doe Jr., 35, was hurt.") == []
    assert conflicts("John Smith Jr., 30, was hurt.", "John Smith, 33, was hurt.") == [{"30", "33"}]


def test_an_adjective_in_ed_before_the_name_keeps_the_age_the_persons() -> None:
    assert conflicts(
        "The 24-year-old accused gunman James Holmes appeared in court.",
        "James Holmes, 25, appeared in court.",
    ) == [{"24", "25"}]
