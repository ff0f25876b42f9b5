"""Names: one person spelled two ways, kept apart from nicknames and look-alikes."""

from __future__ import annotations

from tui.core.discrepancies.naming import (
    misspelled_first,
    misspelled_last,
    name_conflicts,
    plural_slips,
)
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text


def test_first_name_spellings() -> None:
    assert misspelled_first("Jon", "John")
    assert not misspelled_first("Chris", "Christopher")  # a short form
    assert not misspelled_first("Ted", "Edward")  # a nickname
    assert not misspelled_first("Sandi", "Sandra")
    assert not misspelled_first("Chuck", "Charles")
    assert not misspelled_first("Bill", "Hillary")  # two people


def test_surname_typos_not_endings_or_words() -> None:
    assert misspelled_last("Thompson", "Thomson")
    assert not misspelled_last("Arabia", "Arabian")
    assert not misspelled_last("Parties", "Partiers")


def test_full_names_only_and_every_spelling_located() -> None:
    a = article_from_text("a", "Jon Thompson said the conduct was unbecoming. Colin Powell spoke.")
    b = article_from_text("b", "John Thompson called it unbecoming. Colvin Smith disagreed.")
    corpus = Corpus((a, b))
    (found,) = name_conflicts(corpus, [["a", "b"]])
    assert found.kind == "name"
    assert {v.value for v in found.values} == {"Jon Thompson", "John Thompson"}
    for v in found.values:
        assert corpus.article(v.article).text[v.start : v.end] == v.text


def test_middle_names_initials_and_suffixes_are_one_name() -> None:
    a = article_from_text("a", "Hillary Clinton and Michael Grimm and Cesar Sayoc met.")
    b = article_from_text(
        "b", "Hillary Rodham Clinton and Michael G. Grimm and Cesar Sayoc Jr. met."
    )
    assert not name_conflicts(Corpus((a, b)), [["a", "b"]])


def test_a_plural_slip_inside_a_long_name_is_one_name_written_two_ways() -> None:
    fox = article_from_text(
        "fox",
        "Lerner served at the Federal Elections Commission. Bopp said she had done it at the "
        "Federal Election Commission. The House and Senate Intelligence Committees met. "
        "The Senate Intelligence Committee spoke.",
    )
    corpus = Corpus((fox,))
    (found,) = plural_slips(corpus, [["fox"]])
    assert found.kind == "name"
    assert {v.value for v in found.values} == {
        "Federal Elections Commission",
        "Federal Election Commission",
    }
    for v in found.values:
        assert fox.text[v.start : v.end] == v.text
