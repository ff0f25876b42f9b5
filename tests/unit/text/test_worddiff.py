"""The word diff of two tellings: same, added and removed runs, each side's own words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.text.worddiff import similarity, word_diff


def test_changed_words_are_removed_then_added() -> None:
    runs = word_diff("The attack began on Tuesday, officials said.", "The attack began Wednesday.")
    assert runs == [
        ("same", "The attack began"),
        ("removed", "on Tuesday, officials said."),
        ("added", "Wednesday."),
    ]


def test_case_and_punctuation_do_not_count() -> None:
    assert word_diff("Kursk, Russia", "kursk Russia.") == [("same", "kursk Russia.")]
    assert similarity("Kursk, Russia", "kursk Russia.") == 1.0


@given(st.text(max_size=80), st.text(max_size=80))
def test_each_side_is_rebuilt_from_its_runs(reference: str, other: str) -> None:
    runs = word_diff(reference, other)
    assert " ".join(t for op, t in runs if op != "removed").split() == other.split()
    removed_and_same = " ".join(t for op, t in runs if op != "added").split()
    assert len(removed_and_same) == len(reference.split())
