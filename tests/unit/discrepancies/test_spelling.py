"""Discrepancies found in the seeds, and the ``discrepancies --json`` contract."""

from __future__ import annotations

import pytest

from tui.core.analysis import analyse
from tui.core.discrepancies.spelling import entity_variant_steps
from tui.core.models import Alignment, Corpus
from tui.core.progress import drain
from tui.core.text.corpus import article_from_text, load_corpus


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return analyse(load_corpus([])).alignment


def test_one_entity_spelled_two_ways_is_a_name_discrepancy(seeds: Alignment) -> None:
    kinds = {frozenset(v.text for v in d.values): d.kind for d in seeds.discrepancies}
    # Beside the same first name (Oleksandr / Oleksander Syrskyi / Sirski): one person.
    assert kinds[frozenset({"Syrskyii", "Syrskyj", "Sirski"})] == "name"
    assert kinds[frozenset({"Zelenskyy", "Zelensky"})] == "name"
    # Never in one fact, never beside one name: a variant to check, not a disagreement.
    assert kinds[frozenset({"Kyiv", "Kiev"})] == "entity_variant"
    assert kinds[frozenset({"Korenovo", "Korenewo"})] == "entity_variant"


def _kinds(*texts: str) -> dict[frozenset[str], str]:
    corpus = Corpus(tuple(article_from_text(f"a{n}", text) for n, text in enumerate(texts)))
    return {
        frozenset(v.text for v in f.values): f.kind for f in drain(entity_variant_steps(corpus, ()))
    }


def test_beside_the_same_name_word_is_one_person() -> None:
    kinds = _kinds(
        "Wisconsin Republican Party Chairman Reince Priebus is in the race.",
        "Wisconsin GOP Chairman Reince Preibus is said to be in the race.",
    )
    assert kinds == {frozenset({"Priebus", "Preibus"}): "name"}


def test_a_first_name_and_a_surname_that_look_alike_are_two_people() -> None:
    kinds = _kinds(
        "Former Secretary of State Colin Powell spoke on Monday.",
        "The reporter Mark Colvin said the speech was short.",
    )
    assert kinds == {frozenset({"Colin", "Colvin"}): "entity_variant"}


def test_accents_and_apostrophes_are_house_style() -> None:
    kinds = _kinds(
        "Former President Enrique Peña Nieto spoke.",
        "Former President Enrique Pena Nieto spoke again.",
    )
    assert kinds == {frozenset({"Peña", "Pena"}): "entity_variant"}


def test_a_british_and_an_american_spelling_are_house_style() -> None:
    kinds = _kinds(
        "She starred in films shot by Technicolor Studios for the studio.",
        "She starred in films shot by Technicolour Studios for the studio.",
    )
    assert kinds == {frozenset({"Technicolor", "Technicolour"}): "entity_variant"}


def test_a_curly_and_a_straight_apostrophe_are_one_spelling() -> None:
    kinds = _kinds(
        "Terry O'Neill, the president of the group, spoke on Monday.",
        "Terry O’Neill, the group's president, spoke again.",
    )
    assert kinds == {}


def test_a_plural_possessive_or_a_closing_quote_is_no_spelling() -> None:
    kinds = _kinds(
        "The New Orleans Saints placed Reggie Bush on injured reserve on Wednesday.",
        "He was hurt in the Saints' loss to Chicago, and Mark Felt, 'Deep Throat'' died.",
        "Mark Felt, known as 'Deep Throat,' died on Friday.",
    )
    assert kinds == {}


def test_the_hyphen_of_a_compound_whose_end_is_shared_is_no_spelling() -> None:
    kinds = _kinds(
        "Bernie Sanders endorsed Tim Canova in late May.",
        "Canova cast himself as a Sanders- and Elizabeth Warren-style progressive.",
    )
    assert kinds == {}
