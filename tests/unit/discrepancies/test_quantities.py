"""Numbers as ranges: rounding and hedges are never conflicts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.discrepancies.quantities import Amount, amount, hedge_before, rounding_unit
from tui.core.text.normalize import tokenize


def parse(text: str, hedge: str = "") -> tuple[float, float]:
    """The interval of the first number in ``text``."""
    token = next(t for t in tokenize(text) if t.kind == "number")
    assert token.value is not None
    stated = amount(text[token.start : token.end], token.value, hedge)
    return stated.low, stated.high


def agree(a: str, b: str, hedge_a: str = "", hedge_b: str = "") -> bool:
    """What the number rules decide (:meth:`Amount.agrees`)."""
    return stated(a, hedge_a).agrees(stated(b, hedge_b))


def test_rounding_unit() -> None:
    assert rounding_unit("43,000", 43_000) == 1_000
    assert rounding_unit("13.6 million", 13_600_000) == 100_000
    assert rounding_unit("141 million", 141_000_000) == 1_000_000
    assert rounding_unit("48", 48) == 0
    assert rounding_unit("5,587.75", 5_587.75) == 0


def test_hedges_are_consistent() -> None:
    assert agree("120,000", "120,000", "more")  # "more than 120,000" vs "120,000"
    assert agree("17,000", "17,240", "about")
    assert agree("30", "29", "nearly")
    assert agree("10,000", "10,977.74", "over")
    assert agree("44 million", "43,885,310", "nearly")


def test_rounded_and_truncated_values_are_consistent() -> None:
    assert agree("$43,000", "$43,350")
    assert agree("$43 million", "$43,885,310")  # truncated
    assert agree("$15 million", "$14,959,450")
    assert agree("$13.6 million", "$13,625,777")


def test_real_disagreements() -> None:
    assert not agree("$5,687.75", "$5,587.75")
    assert not agree("48", "47")
    assert not agree("141 million", "139 million", "roughly")
    assert not agree("140,937,785", "139 million")
    assert not agree("76,000", "80,000")  # a flat single-digit round number is taken at its word


def stated(text: str, hedge: str = "") -> Amount:
    token = next(t for t in tokenize(text) if t.kind == "number")
    assert token.value is not None
    return amount(text[token.start : token.end], token.value, hedge)


def test_plain_values_written_to_the_same_place_disagree_when_they_differ() -> None:
    assert not stated("$5.6 billion").agrees(stated("$5.7 billion"))
    assert not stated("76,000").agrees(stated("77,000"))
    assert stated("5.6 billion").agrees(stated("5.6 billion"))
    assert stated("5.6 billion").agrees(stated("5.65 billion"))  # one place finer
    assert stated("17,000").agrees(stated("17,240"))
    assert stated("76,000", "about").agrees(stated("77,000"))  # hedged: a range


def test_only_as_many_as_caps_a_value() -> None:
    def hedge(text: str) -> str:
        tokens = tokenize(text)
        index = next(n for n, t in enumerate(tokens) if t.kind == "number")
        return hedge_before(tokens, index)

    assert hedge("a lawsuit involving as many as 1.5 million women") == "many"
    assert hedge("many of the 1,500 workers") == ""
    assert hedge("in many of the 50 states") == ""


def test_two_caps_written_to_the_same_place_disagree_when_they_differ() -> None:
    assert not stated("as many as 1.5 million", "many").agrees(stated("1.6 million", "up"))
    assert stated("1.5 million").agrees(stated("up to 1.6 million", "up"))  # within the cap
    assert stated("1.5 million", "up").agrees(stated("1.5 million", "many"))


def test_two_floors_never_disagree() -> None:
    assert amount("56", 56, "least").agrees(amount("118", 118, "least"))
    assert amount("100,000", 100_000, "more").agrees(amount("120,000", 120_000, "more"))
    assert not amount("56", 56, "most").agrees(amount("118", 118))  # a cap is no floor


def test_nearly_stays_within_half_a_rounding_unit() -> None:
    assert amount("30", 30, "nearly").agrees(amount("29", 29))
    assert not amount("50", 50, "almost").agrees(amount("40", 40))
    assert amount("50", 50, "almost").agrees(amount("46", 46))


def test_money_and_number_words_fold() -> None:
    assert parse("$5.6 million") == parse("5,600,000 dollars")
    assert parse("one thousand") == parse("1,000")


def test_ranges_and_decades() -> None:
    assert amount("46 to 57", 46, upper=57).high == 57
    assert amount("50", 50, decade=True).high == 59  # "in his 50s"


@given(
    st.integers(min_value=1, max_value=10**9),
    st.sampled_from(["", "about", "more", "nearly", "up"]),
)
def test_a_value_agrees_with_itself(value: int, hedge: str) -> None:
    stated = amount(f"{value:,}", value, hedge)
    assert stated.low <= value <= stated.high
    assert stated.agrees(stated)


@given(st.integers(min_value=0, max_value=10**12))
def test_parsing_a_formatted_number_twice_changes_nothing(value: int) -> None:
    once = next(t for t in tokenize(f"{value:,} people") if t.kind == "number")
    again = next(t for t in tokenize(f"{once.value:,.0f} people") if t.kind == "number")
    assert once.value == again.value == value
