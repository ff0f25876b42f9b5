"""Numbers as the ranges their words allow, and the slot (what they count) they fill.

A value is an interval: ``48`` is [48, 48]; ``43,000`` may round 43,350, so [42,000, 44,000];
``about 17,000`` and ``nearly 30`` widen or close it on one side; ``more than 120,000`` is
[120,000, 240,000]; ``46 to 57`` is [46, 57]; ``in his 50s`` is [50, 59]. Two sources
disagree only when their intervals are disjoint, so rounding and hedging are never
conflicts. A single-digit round number (``80,000``, ``1,000``) stated flatly is taken at its
word: outlets that round further say so ("about 80,000").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.text.normalize import LEADING_NUMBER, Token, number_value

APPROXIMATE = frozenset("about around roughly approximately some estimated nearly".split())
"""Hedges that put the value within a rounding unit either side."""
BELOW = frozenset("nearly almost under".split())
"""Hedges that put the true value at most the stated one, within half its rounding unit
or a tenth ("nearly 30" = 29, "almost 50" is no 40)."""
ABOVE = frozenset("more over least upwards exceeding exceeded topped".split())
"""Hedges that put the true value at least the stated one ("more than", "at least")."""
CAPPED = frozenset("less fewer up most many".split())
"""Hedges that cap the value ("up to five years", "less than", "at most", "as many as")."""
HEDGES = APPROXIMATE | BELOW | ABOVE | CAPPED | frozenset("than least close just".split())
TRUNCATED = 0.999
"""A truncated value stops short of the next unit: $43 million for 43,885,310, not 44."""
_SCALE = re.compile(r"(?i)\b(thousand|million|billion|trillion)\b")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_RANGE_WORDS = frozenset({"to", "and", "through"})
_BETWEEN = re.compile(r"(?i)\bbetween\s+\$?\s*\Z")
_CHANGE = re.compile(r"(?i)\b(?:from|by)\s+\$?\s*\Z")
_RANGE = re.compile(r"\s*(?:to|-|–|and|through)\s*\$?\s*$")


@dataclass(frozen=True, slots=True)
class Amount:
    """One stated value: the interval it allows, and how it was hedged."""

    value: float
    low: float
    high: float
    hedge: str = ""
    unit: float = 0.0
    """The place of its last significant digit (:func:`rounding_unit`)."""

    def agrees(self, other: Amount) -> bool:
        """The two intervals meet: the sources may state the same value. Two plain values
        written to the same place ($5.6 billion, $5.7 billion; 76,000, 77,000) disagree
        whenever they differ: each writer rounded to that place, and got another value.
        So do two caps so written: each states the most there can be. Two floors never
        disagree."""
        if not self.hedge and not other.hedge and self.unit == other.unit:
            return self.value == other.value
        if self.hedge in CAPPED and other.hedge in CAPPED and self.unit == other.unit:
            return self.value == other.value  # "as many as 1.5 million" / "up to 1.6 million"
        if self.hedge in ABOVE and other.hedge in ABOVE:
            return True  # Two floors ("at least 56", "at least 118") are both true above both.
        return self.low <= other.high and other.low <= self.high


def rounding_unit(surface: str, value: float) -> float:
    """The place of the last significant digit: 1,000 for ``43,000``, 0.1M for ``13.6 million``."""
    scale = _SCALE.search(surface)
    digits = re.sub(r"[^\d.]", "", surface.split(maxsplit=1)[0] if scale else surface)
    if scale:
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        return _SCALES[scale.group(1).lower()] / float(10**decimals)
    if not digits or "." in digits or value != int(value) or value == 0:
        return 0.0
    zeros = len(digits) - len(digits.rstrip("0"))
    return float(10**zeros) if zeros else 0.0


def significant_digits(value: float, unit: float) -> int:
    """How many digits are stated before the rounding place (2 for ``43,000``)."""
    return len(str(round(value / unit))) if unit else 99


def amount(
    surface: str, value: float, hedge: str = "", upper: float | None = None, decade: bool = False
) -> Amount:
    """The interval a value allows, given its surface form and the hedge word before it."""
    unit = rounding_unit(surface, value)
    if upper is not None and upper > value:
        return Amount(value, value, upper, "range")
    if decade and unit == 10:
        return Amount(value, value, value + 9, "decade")  # "in his 50s"
    slack = unit if significant_digits(value, unit) >= 2 else 0.0
    if hedge in BELOW:
        return Amount(value, value - max(unit / 2, 0.1 * value), value, hedge, unit)
    if hedge in APPROXIMATE:
        wide = unit or 0.05 * value
        return Amount(value, value - wide, value + wide, hedge, unit)
    if hedge in ABOVE:
        return Amount(value, value, value + max(unit, value), hedge, unit)
    if hedge in CAPPED:
        return Amount(value, 0.0, value, hedge, unit)
    # Rounded (up to half a unit below) or truncated (up to just under a unit above).
    return Amount(value, value - slack / 2, value + slack * TRUNCATED, hedge, unit)


def hedge_before(tokens: list[Token], index: int) -> str:
    """The hedge word just before a number ("more than", "about", "at least")."""
    window = tokens[max(0, index - 3) : index]
    for n in range(len(window) - 1, -1, -1):
        token = window[n]
        if token.kind == "number":
            break
        if token.norm == "many" and not (
            n and window[n - 1].norm == "as" == _norm_at(window, n + 1)
        ):
            continue  # "many of the 50 states" caps nothing; "as many as 1.5 million" does.
        if token.norm in APPROXIMATE | BELOW | ABOVE | CAPPED:
            return token.norm
    return ""


def _norm_at(tokens: list[Token], n: int) -> str:
    return tokens[n].norm if n < len(tokens) else ""


def range_end(text: str, tokens: list[Token], index: int) -> float | None:
    """The upper value of ``X to Y`` / ``X-Y`` / ``between X and Y``, if one follows."""
    following = index + 1
    if following < len(tokens) and tokens[following].norm in _RANGE_WORDS:
        following += 1  # "46 to 57": the word is a token of its own.
        before = text[max(0, tokens[index].start - 12) : tokens[index].start]
        if tokens[index + 1].norm == "and" and not _BETWEEN.search(before):
            return None  # "2 died and 3 ...": a range only "between X and Y".
        if _CHANGE.search(before):
            return None  # "rose from 46 to 57", "up by 12 to 57": a change, not a range.
    if following >= len(tokens) or tokens[following].kind != "number":
        return None
    between = text[tokens[index].end : tokens[following].start]
    upper = tokens[following].value
    if following > index + 1 and (upper is None or tokens[index].value is None):
        return None
    if following > index + 1 and upper is not None and upper <= (tokens[index].value or 0):
        return None  # "fell 30 to 20": written with a word, a range goes up.
    return upper if _RANGE.fullmatch(between) else None


def scaled_like(low: float, high: float, high_surface: str) -> float:
    """A range's lower end in its upper end's scale: "$5-6 million" is 5 million to 6
    million, not 5 dollars to 6 million."""
    stated = LEADING_NUMBER.match(high_surface)
    if stated is None or not _SCALE.search(high_surface):
        return low
    written = number_value(stated.group(0))
    if written <= 0:
        return low  # "from 3 billion to 0 billion": nothing to scale by.
    scale = high / written
    return low * scale if low * scale <= high else low
