"""Proper names and their spelling variants across outlets.

Outlets transliterate differently (Syrskyi / Syrskyj / Sirski, Korenovo / Korenewo,
Kyiv / Kiev, Zelensky / Zelenskyy). :func:`fold` maps a name to a key in which the
common transliteration differences vanish; Jaro-Winkler on those keys catches the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel, JaroWinkler
from wordfreq import zipf_frequency

SAME_NAME_THRESHOLD = 0.88
"""Jaro-Winkler similarity of folded surnames above which two spellings are one name."""
MIN_EDIT_SIMILARITY = 0.85
"""Indel similarity the folded words must also reach (Korenovo / Korenewo: 0.875)."""

TITLES = frozenset(
    "president prime minister commander chief commander-in-chief general gen mr mrs ms dr "
    "sen senator rep representative gov governor mayor ambassador secretary spokesman "
    "spokeswoman spokesperson minister chancellor king queen prince lt col colonel "
    "lieutenant sgt sergeant captain capt adm admiral ukrainian russian american us u.s. "
    "former vice deputy foreign defense defence army state the chairman chairwoman chair "
    "speaker leader house senate rev reverend judge justice attorney first lady".split()
)
"""Words that precede a person's name without being part of it."""

_INFLECTIONS = ("n", "an", "ian", "ns", "ans", "ians", "s", "es", "ese", "i", "is")
"""Endings that turn a place into its people or adjective: Russia / Russian is no variant."""

_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december".split()
)
"""Capitalised, but never the start of a name (``Tuesday Ginsburg`` is ``Ginsburg``)."""

_STOP = frozenset(
    "a an the this that these those he she it they we i you his her its their our "
    "but and or so yet in on at for from after before when while if as since there here "
    "what who why how where some many most all both each no not meanwhile however still "
    "also then now today yesterday last according despite although though even just "
    "one two three four five six seven eight nine ten".split()
)
"""Capitalised only because they open a sentence."""

_WORD = (
    r"(?:(?:Rep|Sen|Gov|Gen|Dr|Mr|Mrs|Ms|Lt|Col|Sgt|Rev|Capt|Adm|Maj|Prof|St)\."
    r"|(?:[A-Z]\.){2,}|[A-Z]\.|[A-Z][\w’'\-]*)"
)
"""One word of a name: a title abbreviation (``Rep.``), an initialism (``U.S.``), an
initial (``A.``) or a capitalised word."""
_NAME = re.compile(
    r"(?<![\w@])"
    + _WORD
    + r"(?:[ \t]+(?:(?:de|da|van|von|der|bin|al|la|le|of)[ \t]+)?"
    + _WORD
    + r")*"
)
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][a-z]*\.?$")
"""``R-Ohio``, ``D-Calif.``: a US party and state, not a name."""
_GLUED = re.compile(r"(?:[a-z][A-Z].*){3}")
"""Four words or more run together, three joins of a lower-case letter to a capital
(``FlagShareLikeReplyAni``, a scraped page's buttons before a commenter's name): page
residue, not a name; names and brands have fewer (``McDonald``, ``GlaxoSmithKline``)."""
NAME_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")
"""``Jr.``, ``III``: part of a name, but not its surname."""
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_INITIALS_END = re.compile(r"(?:\b[A-Z]\.)+$")
"""A name ending in initials (``U.S.``, ``John A.``) keeps its last period."""
_FOLD_WORD = re.compile(r"[a-z0-9]+")
_REPEATS = re.compile(r"(.)\1+")

_FOLD_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("kh", "h"),
    ("zh", "sh"),
    ("ks", "x"),
    ("ck", "k"),
    ("ie", "i"),
    ("w", "v"),
    ("j", "i"),
    ("y", "i"),
)


NICKNAMES: Mapping[str, frozenset[str]] = {
    "albert": frozenset({"al"}),
    "alexander": frozenset({"alex", "sasha"}),
    "andrew": frozenset({"andy", "drew"}),
    "anthony": frozenset({"tony"}),
    "benjamin": frozenset({"ben", "bibi"}),
    "charles": frozenset({"chuck", "charlie"}),
    "christopher": frozenset({"chris"}),
    "daniel": frozenset({"dan", "danny"}),
    "david": frozenset({"dave"}),
    "deborah": frozenset({"deb", "debbie"}),
    "donald": frozenset({"don"}),
    "douglas": frozenset({"doug"}),
    "edward": frozenset({"ted", "ed", "eddie", "ned"}),
    "elizabeth": frozenset({"liz", "beth", "betsy"}),
    "francis": frozenset({"frank"}),
    "frederick": frozenset({"fred"}),
    "gerald": frozenset({"jerry", "gerry"}),
    "gregory": frozenset({"greg"}),
    "harold": frozenset({"hal"}),
    "henry": frozenset({"hank"}),
    "jacob": frozenset({"jake"}),
    "james": frozenset({"jim", "jimmy"}),
    "jeffrey": frozenset({"jeff"}),
    "jennifer": frozenset({"jen", "jenny"}),
    "john": frozenset({"jack", "johnny"}),
    "jonathan": frozenset({"jon"}),
    "joseph": frozenset({"joe"}),
    "joshua": frozenset({"josh"}),
    "katherine": frozenset({"kate", "kathy", "katie"}),
    "kenneth": frozenset({"ken"}),
    "lawrence": frozenset({"larry"}),
    "margaret": frozenset({"maggie", "meg", "peggy"}),
    "matthew": frozenset({"matt"}),
    "michael": frozenset({"mike"}),
    "mitchell": frozenset({"mitch"}),
    "nathaniel": frozenset({"nate", "nat"}),
    "nicholas": frozenset({"nick"}),
    "patricia": frozenset({"pat", "patty"}),
    "peter": frozenset({"pete"}),
    "philip": frozenset({"phil"}),
    "randall": frozenset({"randy"}),
    "raymond": frozenset({"ray"}),
    "rebecca": frozenset({"becky"}),
    "richard": frozenset({"rick", "dick", "rich"}),
    "robert": frozenset({"bob", "rob", "bobby"}),
    "ronald": frozenset({"ron"}),
    "samuel": frozenset({"sam"}),
    "sandra": frozenset({"sandi", "sandy"}),
    "stephen": frozenset({"steve"}),
    "steven": frozenset({"steve"}),
    "susan": frozenset({"sue"}),
    "theodore": frozenset({"ted", "teddy"}),
    "thomas": frozenset({"tom", "tommy"}),
    "timothy": frozenset({"tim"}),
    "victoria": frozenset({"vicky", "tori"}),
    "vincent": frozenset({"vince"}),
    "walter": frozenset({"walt"}),
    "william": frozenset({"bill", "will", "billy"}),
    "zachary": frozenset({"zack", "zach"}),
}
"""Formal first name -> its usual short forms: one person (Dick Durbin is Richard J. Durbin)."""


def same_first_name(a: str, b: str) -> bool:
    """One first name: equal, an initial, one a short form or nickname of the other."""
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b or len(a) == 1 or len(b) == 1:
        return True
    if a.startswith(b) or b.startswith(a):
        return True  # Chris / Christopher
    return is_nickname(a, b)


def is_nickname(a: str, b: str) -> bool:
    """One first name a short form of the other, however either is spelled or folded."""
    return frozenset({fold(a), fold(b)}) in _folded_nicknames()


@lru_cache(maxsize=1)
def _folded_nicknames() -> frozenset[frozenset[str]]:
    """Each formal name with each of its short forms, folded as :func:`same_name` reads them."""
    return frozenset(
        frozenset({fold(formal), fold(short)})
        for formal, shorts in NICKNAMES.items()
        for short in shorts
    )


@dataclass(frozen=True, slots=True)
class NameMention:
    """A capitalised name in a text, with its offsets and folded key."""

    start: int
    end: int
    text: str
    key: str


@lru_cache(maxsize=65_536)
def fold(name: str) -> str:
    """Key in which transliteration variants coincide: ``Syrskyj`` -> ``sirski``."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    plain = _POSSESSIVE.sub("", plain.strip())
    words = []
    for raw in _FOLD_WORD.findall(plain):
        word = raw
        for old, new in _FOLD_RULES:
            word = word.replace(old, new)
        words.append(_REPEATS.sub(r"\1", word))
    return " ".join(words)


_TRAILING_MARKS = re.compile(r"(?:['’]s?)+$")


def bare_word(word: str) -> str:
    """A name word without what follows it in print: a possessive ("Saints'",
    "Reid's") or a closing quote mark ("'Deep Throat''")."""
    return _TRAILING_MARKS.sub("", word)


def strip_titles(name: str) -> str:
    """``President Volodymyr Zelenskyy`` -> ``Volodymyr Zelenskyy``."""
    words = _POSSESSIVE.sub("", name.strip()).split()
    while len(words) > 1 and words[0].lower().strip(".") in TITLES:
        words.pop(0)
    return " ".join(words)


def same_name(a: str, b: str) -> bool:
    """Whether two names can be the same entity spelled differently.

    Surnames must match after folding (or fuzzily, above the threshold); first names,
    when both are given, must agree too. ``Russia`` / ``Russian`` are not variants.
    """
    ta = fold(NAME_SUFFIX.sub("", strip_titles(a))).split()
    tb = fold(NAME_SUFFIX.sub("", strip_titles(b))).split()
    if not ta or not tb:
        return False
    if not _similar_word(ta[-1], tb[-1]):
        return False
    if len(ta) > 1 and len(tb) > 1:
        # A word before the name that is no title we know ("Constable Tim Fanning",
        # "Cheryl Boone Isaacs" / "Boone Isaacs"): either first name among the other's.
        return any(_one_first(x, y) for x in ta[:-1] for y in tb[:1]) or any(
            _one_first(x, y) for x in ta[:1] for y in tb[:-1]
        )
    return True


def _one_first(a: str, b: str) -> bool:
    """Two folded given names of one person: an initial and its name, alike, a nickname."""
    if a[0] == b[0] and (len(a) == 1 or len(b) == 1):
        return True
    return _similar_word(a, b, 0.9) or is_nickname(a, b)


def is_variant_spelling(a: str, b: str) -> bool:
    """Two different spellings of one name (not the same string, not an inflection)."""
    last_a = strip_titles(a).split()[-1:]
    last_b = strip_titles(b).split()[-1:]
    if [w.lower() for w in last_a] == [w.lower() for w in last_b]:
        return False
    return same_name(a, b)


def find_names(text: str, start: int = 0, end: int | None = None) -> list[NameMention]:
    """Capitalised name spans in ``text[start:end]`` (sentence-opening words dropped)."""
    mentions: list[NameMention] = []
    for match in _NAME.finditer(text, start, len(text) if end is None else end):
        s, e = match.start(), match.end()
        words = match.group(0).split()
        while words and (
            words[0].lower().strip(".") in _STOP
            or words[0].lower() in _CALENDAR
            or (len(words) > 1 and words[0].endswith("ing") and opens_sentence(text, s))
        ):
            s = text.index(words[1], s) if len(words) > 1 else e
            words.pop(0)
        if not words or (len(words) == 1 and opens_sentence(text, s) and is_common_word(words[0])):
            continue
        if _PARTY_TAG.match(words[-1]) and len(words) == 1:
            continue
        if any(_GLUED.search(word) for word in words):
            continue
        surface = text[s:e]
        if surface[-1:] == "." and not _INITIALS_END.search(surface):
            surface = surface.rstrip(".")
        surface = _POSSESSIVE.sub("", surface).rstrip("-")  # "a Sanders- and Warren-style"
        e = s + len(surface)
        key = fold(surface)
        if key and len(key) > 1:
            mentions.append(NameMention(s, e, surface, key))
    return mentions


def cluster_names(names: Iterable[str]) -> dict[str, str]:
    """Map every name to the most complete spelling of its cluster of variants."""
    unique = sorted(set(names))
    parent = {n: n for n in unique}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    by_initial: dict[str, list[str]] = {}
    for name in unique:
        words = fold(strip_titles(name)).split()
        if words:
            by_initial.setdefault(words[-1][:1], []).append(name)
    members: dict[str, list[str]] = {n: [n] for n in unique}
    for bucket in by_initial.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                ra, rb = root(a), root(b)
                # Complete link: every pair across the two clusters must match, so that
                # loose matches never chain (Roger Williams ~ Roberton Williams ~ ...).
                if ra != rb and all(same_name(x, y) for x in members[ra] for y in members[rb]):
                    parent[ra] = rb
                    members[rb].extend(members.pop(ra))
    clusters = {r: m for r, m in members.items() if root(r) == r}
    result: dict[str, str] = {}
    for group in clusters.values():
        best = max(group, key=lambda n: (len(strip_titles(n).split()), len(n), n))
        for member in group:
            result[member] = strip_titles(best)
    return result


def opens_sentence(text: str, offset: int) -> bool:
    """At the start of a sentence or of a quotation, where any word is capitalised."""
    before = text[max(0, offset - 3) : offset].rstrip(" \t")
    return not before or before[-1] in ".!?:\n\"'“‘("


@lru_cache(maxsize=65_536)
def is_common_word(word: str) -> bool:
    """An everyday English word (``Military``), capitalised only by its position."""
    return zipf_frequency(word.lower(), "en") >= 4.0


def _similar_word(a: str, b: str, threshold: float = SAME_NAME_THRESHOLD) -> bool:
    """Folded words that are one spelled two ways: close by Jaro-Winkler *and* edit distance.

    Jaro-Winkler alone rewards a shared start (Perry / Peoria, Korean / Korenovo); a
    prefix is a derivation (Midwestern / Midwesterners), not a transliteration.
    """
    if a == b:
        return True
    if a[:1] != b[:1] or _is_inflection(a, b) or a.startswith(b) or b.startswith(a):
        return False
    return (
        float(JaroWinkler.similarity(a, b)) >= threshold
        and float(Indel.normalized_similarity(a, b)) >= MIN_EDIT_SIMILARITY
    )


def _is_inflection(a: str, b: str) -> bool:
    """``rusia``/``rusian``, ``ukraine``/``ukrainian``: a place and its people."""
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short) :] in _INFLECTIONS:
        return True
    stem = short[:-1]
    return short[-1:] in "aeiou" and long.startswith(stem) and long[len(stem) :] in _INFLECTIONS
