"""Name variants: transliterations fold together, places and their people do not."""

from __future__ import annotations

import pytest

from tui.core.text.names import cluster_names, find_names, fold, is_variant_spelling, same_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Syrskyii", "Sirski"),
        ("Syrskyj", "Syrskyii"),
        ("Oleksandr Syrskyj", "Oleksander Sirski"),
        ("Korenovo", "Korenewo"),
        ("Zelensky", "Zelenskyy"),
        ("President Volodymyr Zelenskyy", "Zelensky"),
        ("Kyiv", "Kiev"),
        ("Sudzha", "Sudscha"),
    ],
)
def test_transliteration_variants_are_one_name(a: str, b: str) -> None:
    assert same_name(a, b)
    assert is_variant_spelling(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia", "Russian"),
        ("Ukraine", "Ukrainian"),
        ("Kursk", "Kirov"),
        ("Belgorod", "Belarus"),
        ("Barack Obama", "Michelle Obama"),
        ("Charlie Kafoury", "Charlene Kafoury"),
        ("Hillary Rodham Clinton", "Bill Clinton"),
    ],
)
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert not same_name(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A word before the name that is no title we know, and surnames that "'" or "-"
        # split in two: one person, written more or less fully.
        ("Constable Tim Fanning", "Tim Fanning"),
        ("Cheryl Boone Isaacs", "Boone Isaacs"),
        ("Terry O'Neill", "O'Neill"),
        ("Douglas Holtz-Eakin", "Holtz-Eakin"),
    ],
)
def test_one_person_written_more_or_less_fully(a: str, b: str) -> None:
    assert same_name(a, b)
    assert not is_variant_spelling(a, b)


def test_same_spelling_is_not_a_variant() -> None:
    assert not is_variant_spelling("Vladimir Putin", "Putin")


def test_fold_strips_accents_and_possessives() -> None:
    assert fold("Visegrád") == fold("Visegrad")
    assert fold("Russia's") == fold("Russia")


def test_find_names_keeps_offsets_and_drops_sentence_openers() -> None:
    text = 'Military leaders met. Andriy Yermak, the chief of staff, said: "Air defense works."'
    mentions = find_names(text)
    assert [m.text for m in mentions] == ["Andriy Yermak"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_cluster_picks_the_most_complete_spelling() -> None:
    clusters = cluster_names(["Zelensky", "Zelenskyy", "President Volodymyr Zelenskyy", "Putin"])
    assert clusters["Zelensky"] == "Volodymyr Zelenskyy"
    assert clusters["Putin"] == "Putin"


def test_names_written_with_periods_stay_whole() -> None:
    found = [m.text for m in find_names("Rep. Brad Wenstrup, R-Ohio, met Bridget A. Brink.")]
    assert found == ["Rep. Brad Wenstrup", "Bridget A. Brink"]
    assert [m.text for m in find_names("The U.S. Capitol Police said so.")] == [
        "U.S. Capitol Police"
    ]


def test_suffixes_do_not_count_as_surnames() -> None:
    assert same_name("Donald Trump Jr.", "Donald Trump")
    assert same_name("George T. Conway III", "Mr. Conway")


def test_loose_matches_do_not_chain_across_a_big_corpus() -> None:
    clusters = cluster_names(
        ["Roger Williams", "Roberton Williams", "Calderón", "Thomas R. Carper"]
    )
    assert clusters["Roger Williams"] != clusters["Roberton Williams"]
    assert clusters["Calderón"] == "Calderón"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Korean", "Korenewo"),
        ("Perry", "Peoria"),
        ("Saul", "Samuel"),
        ("Mali", "Malia"),
        ("Judiciary", "Judicial"),
        ("Midwestern", "Midwesterners"),
    ],
)
def test_shared_starts_and_derivations_are_not_variants(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_weekdays_and_opening_verbs_are_not_part_of_a_name() -> None:
    found = [m.text for m in find_names("On Tuesday Ginsburg wrote. Calling Mr. Smith, he left.")]
    assert found == ["Ginsburg", "Mr. Smith"]


def test_words_run_together_by_a_scraped_page_are_no_name() -> None:
    text = "In Manchester, N.H.FlagShareLikeReplyMari Hayman 5pts. Mike McDonald met DCCameraGuy."
    found = [m.text for m in find_names(text)]
    assert found == ["Manchester", "N.H.", "Mike McDonald", "DCCameraGuy"]
