"""Tokens with offsets, folded so that different wordings of one fact coincide.

Alignment compares what sentences *say*, not how they spell it: case, quote styles,
accents, ``1,000`` / ``1 thousand`` / ``one thousand``, ``4-year-old`` / ``four-year
old``, inflections (light stemming) and the synonyms news writers rotate through
(evacuated / fled / displaced) all fold to one key. Every token keeps the offsets of
its surface words so that differences can be coloured in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal, NamedTuple

from wordfreq import zipf_frequency

from tui.core.text.synonyms import IGNORED, IRREGULAR, SYNONYMS

TokenKind = Literal["word", "number"]

_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
"""Fractions one character writes (``3½``): halves, quarters and eighths, whose decimals
are short and exact (a third has no decimal to show or to parse back)."""
_NUMBER = (
    # A whole number and a half, quarter or eighth: "2 1/2", "2-1/2" (not "2013 1/2", a
    # date's "1/2/2013" or "1/2 3/4").
    r"(?<![\d/.,])\d{1,3}[ -](?:[1357]/8|[13]/4|1/2)(?![\d/])"
    r"|(?:\d{1,3}[ -]?)?[" + "".join(_VULGAR) + r"]"
    r"|\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
)
LEADING_NUMBER = re.compile(_NUMBER)
"""A number as written at the start of a text (:func:`number_value` reads it)."""
_TOKEN = re.compile(
    r"(?P<init>(?:[A-Za-z]\.){2,})"
    r"|(?P<ord>\d+(?:st|nd|rd|th)\b)"
    r"|(?P<num>" + _NUMBER + r")(?P<pct>\s?%)?"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_ANY_NUMBER = re.compile(
    r"\d|\b(?:" + "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def has_number(text: str) -> bool:
    """Whether ``text`` may state a number (a digit or a number word): a cheap test that
    spares tokenising the many sentences that state none."""
    return _ANY_NUMBER.search(text) is not None


_CONCEPT_OF = {stem: concept for concept, stems in SYNONYMS.items() for stem in stems}
"""Filled with the stems of the listed words too once :func:`stem` exists (below)."""

_SUFFIXES = (
    "ational", "ations", "ation", "ments", "ment", "ingly", "ings", "ing", "edly", "ness",
    "ions", "ion", "ives", "ive", "ies", "ied", "ers", "er", "ed", "ly", "es", "s",
)  # fmt: skip


class Token(NamedTuple):
    """One word or number of a text, folded, with offsets of its surface form.

    A named tuple rather than a frozen dataclass: a corpus has a million of them and
    tuples are built several times faster; they are just as immutable.
    """

    start: int
    end: int
    norm: str
    """Lower case, accents and quotes folded; numbers as their value (``76000``)."""
    key: str
    """What matching compares: the concept, stem, or number value."""
    kind: TokenKind = "word"
    value: float | None = None
    """The number's value, for numbers."""
    stop: bool = False
    capital: bool = False
    """The surface form starts with a capital letter."""


def fold_text(text: str) -> str:
    """Lower case without accents, with one style of quotes."""
    plain = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=262_144)
def _fold_word(surface: str) -> str:
    return fold_text(surface).replace("'", "")


@lru_cache(maxsize=131_072)
def stem(word: str) -> str:
    """A light suffix-stripping stem: ``evacuated``, ``evacuation`` -> ``evacu``."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 4:
        return word[:-1] if word.endswith("s") and len(word) > 3 and word[-2] != "s" else word
    base = word
    for suffix in _SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            base = base[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "i"
            break
    if base.endswith("y") and len(base) > 4:
        base = base[:-1] + "i"
    if base.endswith("e") and len(base) > 4:
        base = base[:-1]
    if base.endswith("at") and len(base) > 5:
        base = base[:-2]  # After the final e: "relocate" and "relocated" both give "reloc".
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
        base = base[:-1]
    return base


_CONCEPT_OF.update(
    {stem(word): name for name, words in SYNONYMS.items() for word in words if len(word) > 3}
)


@lru_cache(maxsize=131_072)
def concept(word: str) -> str:
    """The matching key of a folded word: its synonym concept, else its stem."""
    if word in IRREGULAR:
        word = IRREGULAR[word]
    base = stem(word)
    found = _CONCEPT_OF.get(base) or _CONCEPT_OF.get(word)
    if found is None and len(base) >= 6:
        found = _CONCEPT_OF.get(base[:6]) if base[:6] in _CONCEPT_OF else None
    return found or base


MAX_RARITY = 4.0
"""Rarity of the rarest words in the frequency list."""
UNKNOWN_RARITY = 3.0
"""Rarity of a word unknown to the frequency list: a name or a typo, rare either way."""
RARE = 2.0
"""From this rarity a word carries meaning of its own (rarer than "said" or "people")."""
SPELLING_RARITY = 2.2
"""From this rarity a capitalised word may be a name whose spelling varies."""
NAME_RARITY = 2.5
"""From this rarity a capitalised word before another is a first name, not a title."""


@lru_cache(maxsize=131_072)
def rarity(word: str) -> float:
    """How much a shared word says about two sentences: rare words say more (0.2..4)."""
    zipf = zipf_frequency(word, "en") if word else 0.0
    if zipf == 0.0:
        return UNKNOWN_RARITY
    return max(0.2, min(MAX_RARITY, 6.5 - zipf))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, offsets into ``text``, number words merged.

    ``1,000``, ``1 thousand`` and ``one thousand`` all become one number token of value
    1000; ``4-year-old`` and ``four-year old`` both give ``4``, ``year``, ``old``.
    """
    raw: list[Token] = []
    add = raw.append
    stop_at = len(text) if end is None else end
    for match in _TOKEN.finditer(text, start, stop_at):
        group = match.lastgroup
        if group in {"word", "init"}:
            # Everything but the offsets depends on the spelling alone: built once per word.
            add(_new_token(Token, (*match.span(), *_word(match.group(), group == "init"))))
            continue
        s, e = match.span()
        if group == "ord":
            ordinal = match.group(0).lower()
            add(Token(s, e, ordinal, ordinal))
            continue
        digits = match.group("num")
        add(_number(s, s + len(digits), number_value(digits)))
        if group == "pct":
            add(Token(e - 1, e, "%", "percent"))
    return _merge_numbers(_compounds(raw, text), text)


def number_value(written: str) -> float:
    """The value of a number as :data:`LEADING_NUMBER` matches it: ``1,000``, ``2.5``,
    ``2 1/2``, ``2-1/2`` or ``3½`` ("2 1/2 years" is one number, not 2, 1 and 2)."""
    part = _VULGAR.get(written[-1])
    if part is not None:
        written = written[:-1].rstrip(" -")
    elif "/" in written:
        written, _, fraction = written.replace("-", " ").rpartition(" ")
        over, under = fraction.split("/")
        part = int(over) / int(under)
    return (float(written.replace(",", "")) if written else 0.0) + (part or 0.0)


_new_token = tuple.__new__
"""Builds a :class:`Token` from a tuple of all its fields, skipping the defaults' wrapper."""


STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "del": "delaware", "fla": "florida",
    "ga": "georgia", "ill": "illinois", "ind": "indiana", "kan": "kansas", "ky": "kentucky",
    "la": "louisiana", "md": "maryland", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "miss": "mississippi", "mo": "missouri", "mont": "montana",
    "neb": "nebraska", "nev": "nevada", "okla": "oklahoma", "ore": "oregon",
    "pa": "pennsylvania", "tenn": "tennessee", "tex": "texas", "vt": "vermont",
    "va": "virginia", "wash": "washington", "wis": "wisconsin", "wyo": "wyoming",
}  # fmt: skip
"""AP style's state abbreviations ("Corpus Christi, Tex."): the state, not a word."""


def _compounds(raw: list[Token], text: str) -> list[Token]:
    """Hyphenated compounds that English also writes solid ("fund-raiser" = "fundraiser"),
    and AP state abbreviations after a comma ("Corpus Christi, Tex.") as the state's name."""
    if "-" not in text and ", " not in text:
        return raw  # Neither a hyphen nor a comma: the common sentence, nothing to join.
    out: list[Token] = []
    for token in raw:
        prev = out[-1] if out else None
        if (
            prev is not None
            and token.start == prev.end + 1
            and text[prev.end] == "-"
            and token.kind == "word"
            and prev.kind == "word"
            and zipf_frequency(prev.norm + token.norm, "en") >= 2.0
        ):
            norm = prev.norm + token.norm
            out[-1] = Token(prev.start, token.end, norm, concept(norm), capital=prev.capital)
            continue
        if (
            token.capital
            and token.norm in STATE_ABBREVIATIONS
            and text[token.end : token.end + 1] == "."
            and text[max(0, token.start - 2) : token.start] == ", "
        ):
            state = STATE_ABBREVIATIONS[token.norm]
            out.append(Token(token.start, token.end, state, concept(state), capital=True))
            continue
        out.append(token)
    return out


@lru_cache(maxsize=262_144)
def _word(surface: str, initialism: bool) -> tuple[str, str, TokenKind, float | None, bool, bool]:
    """A word's token fields after its offsets, computed once per spelling: (norm, key,
    kind, value, stop, capital); a number word ("two") is a number token."""
    norm = _fold_word(surface)
    if initialism:
        norm = IRREGULAR.get(norm.replace(".", ""), norm.replace(".", ""))
    elif norm.endswith("s") and surface[-2:] in ("'s", "’s"):
        norm = norm[:-1]
    if norm in _UNITS:
        value = float(_UNITS[norm])
        return format_number(value), "#" + format_number(value), "number", value, False, False
    capital = surface[:1].isupper()
    if norm in _SCALES:
        return norm, norm, "word", float(_SCALES[norm]), False, capital
    return norm, concept(norm), "word", None, norm in IGNORED, capital


def content_tokens(tokens: list[Token]) -> list[Token]:
    """Tokens that carry meaning: not stop words, not one-letter leftovers."""
    return [t for t in tokens if t.kind == "number" or (not t.stop and len(t.norm) > 1)]


def format_number(value: float) -> str:
    """``76000.0`` -> ``76000``, ``1.5`` -> ``1.5``: the comparable form of a number."""
    return str(int(value)) if value == int(value) else f"{value:g}"


def readable_number(value: float) -> str:
    """``76000`` -> ``76,000``; ``5700000000`` -> ``5.7 billion``; years stay ``2023``."""
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if value >= scale:
            return f"{value / scale:g} {word}"
    if value != int(value):
        return f"{value:g}"
    return str(int(value)) if 1900 <= value <= 2100 else f"{int(value):,}"


def _number(start: int, end: int, value: float) -> Token:
    text = _format_cached(value)
    return Token(start, end, text, "#" + text, "number", value)


@lru_cache(maxsize=4_096)
def _format_cached(value: float) -> str:
    return format_number(value)


def _merge_numbers(raw: list[Token], text: str) -> list[Token]:
    """Join ``1`` + ``thousand``, ``twenty`` + ``five``, ``two`` + ``hundred`` + ``thousand``."""
    out: list[Token] = []
    for token in raw:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "number"
            and prev.value is not None
            and (token.kind == "number" or token.value is not None)
            and _adjacent(text, prev.end, token.start, scale=token.norm in _SCALES)
        ):
            if token.kind == "word" and token.value is not None and token.norm in _SCALES:
                # A scale word multiplies what precedes it ("1 thousand", "two million").
                out[-1] = _number(prev.start, token.end, prev.value * token.value)
                continue
            if token.kind == "number" and _compound(prev, token, text):
                out[-1] = _number(prev.start, token.end, prev.value + (token.value or 0.0))
                continue
        if token.kind == "word" and token.value is not None:
            # A bare scale word ("hundreds", "thousand") is a word, not a number.
            out.append(Token(token.start, token.end, token.norm, token.key, capital=token.capital))
            continue
        out.append(token)
    return out


def _compound(prev: Token, token: Token, text: str) -> bool:
    """``twenty-five``: a tens word followed by a units word, both spelled out."""
    a, b = prev.value or 0.0, token.value or 0.0
    spelled = text[prev.start].isalpha() and text[token.start].isalpha()
    return spelled and 20 <= a < 100 and a % 10 == 0 and 0 < b < 10


def _adjacent(text: str, end: int, start: int, *, scale: bool = False) -> bool:
    """Nothing but a space or hyphen between two number words; before a scale word also a
    closing quote mark ("we're asking for $5.6” billion": the quotation closes inside it)."""
    gap = text[end:start]
    return len(gap) <= 2 and gap.strip(" -\u00a0" + ("”\"’'" if scale else "")) == ""


_BRITISH = (
    (re.compile(r"(?<=\w\w)is(e|es|ed|ing|ation|ations)\Z"), r"iz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|able|ite|ites|ful)?\Z"), r"or\1"),
    (re.compile(r"(?<=\w[^aeiou\W])re(s)?\Z"), r"er\1"),
    (re.compile(r"(?<=\w\w[fc])ence\Z"), "ense"),
)
"""British spellings an American style book writes otherwise (realised / realized,
colour / color, centre / center, defence / defense): one word, two house styles."""


def american(word: str) -> str:
    """A British spelling as an American style book writes it (:data:`_BRITISH`)."""
    if word.endswith("'s"):
        return american(word[:-2]) + "'s"  # "the centre's" / "the center's"
    for pattern, replacement in _BRITISH:
        word, changed = pattern.subn(replacement, word)
        if changed:
            break
    return word
