"""The grammar of speech cues: cue phrases, clause boundaries, transcript labels.

Patterns only, over text whose quotes are masked; :mod:`tui.core.quotes.attribution` decides
what they mean for a quote. Word lists live in :mod:`tui.core.quotes.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.quotes.lexicon import CUE_VERBS, LABEL_HEADINGS, PREPOSITIONS

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
CUE_PHRASE = re.compile(
    r"\b(?:put it|pointed out|went on|goes on|weighed in|(?:shot|fired|hit|pushed|snapped|wrote)"
    r" back|chimed in|followed up)\b"
)
SHARED_SUBJECT = re.compile(
    r"(?:,[ \t]+(?:while[ \t]+|before[ \t]+|after[ \t]+|by[ \t]+|upon[ \t]+)?[a-z]+ing"
    r"|[ \t]and[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+)\Z"
)
"""Before a cue: ``, saying`` or ``and said``, whose subject is the main clause's."""
SUBORDINATE = re.compile(
    r"[ \t\n]*(?:After|Before|When|While|As|If|Although|Though|Because|Since|Until|Once|In|At|On|"
    r"During|Asked|Speaking)\b"
)
CLAUSE_WORD = re.compile(r"\b(?:and|but|while|whereas|as|when|after|before)\s*$")
"""Between a quote and a name, a new clause starts: ``"...," and Trump said`` is Trump's own."""
CLOSING_CUE = re.compile(
    r"[ \t]+(?:[a-z]+ly[ \t]+)?([a-z]+)(?=[ \t]*(?:[.,;]|$|[ \t]+(?:on|in|at|to|during|as|while|"
    r"after|before|with|from|last|this|yesterday|today|back|in)\b))",
    re.M,
)
"""``Bush said.`` / ``Trump said on Monday``: a cue that closes a speaker-only sentence."""


@dataclass(frozen=True, slots=True)
class Tail:
    """A pattern of the words right before a position (it ends in ``\\Z``), searched there.

    Searched from the start of the text, each call cost the whole article. ``solid`` is the
    most non-blank characters a match holds: a window with more cannot lie inside a match
    that starts before it, so only a nearly blank window sends the search further back.
    """

    pattern: re.Pattern[str]
    solid: int

    def at(self, text: str, end: int) -> bool:
        """Whether the pattern matches ``text`` up to ``end``."""
        start = max(0, end - 2 * self.solid - 16)
        if self.pattern.search(text, start, end):  # ``\b`` still sees the character before.
            return True
        if start == 0 or len("".join(text[start:end].split())) > self.solid:
            return False
        return self.pattern.search(text, 0, end) is not None


AFTER_PREPOSITION = Tail(
    re.compile(r"\b(?:" + "|".join(sorted(PREPOSITIONS)) + r")\s+(?:the\s+)?\Z", re.IGNORECASE),
    solid=max(map(len, PREPOSITIONS)) + len("the"),
)
"""Text ending in a preposition: the name that follows is its object (``with the Star``)."""
NOUN_BEFORE = Tail(
    re.compile(
        r"(?:['’]s|s['’]|\b(?:the|his|her|their|its|our|a|an|this|that|these|those))[ \t]+\Z"
    ),
    solid=len("those"),
)
"""Before a cue word, makes it a noun: ``Obama's remarks``, ``their report``."""
ADDRESSEE_CUE = Tail(re.compile(r"\b(?:[Tt]old|[Tt]ells?|[Tt]elling)\Z"), solid=len("telling"))
"""Cues whose object is the one spoken to (``told HuffPost``), never the speaker."""
ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
DASH = re.compile(r"\s*(?:—|–|―|--)\s*")
LABEL = re.compile(
    r"\s*((?:MR|MRS|MS|DR|SEN|REP|GOV)?\.?\s*[A-Z][A-Z'’\-]+(?:[ \t]+[A-Z][A-Z'’\-]+){0,2}):\s+\S"
)


def transcript_label(quoted: str) -> str | None:
    """The label opening a quoted transcript turn, in title case (``Wallace``), or None."""
    match = LABEL.match(quoted)
    if match is None:
        return None
    label = " ".join(match.group(1).split())
    words = [w.strip(".").lower() for w in label.split()]
    if any(w in LABEL_HEADINGS for w in words) or len(label.replace(" ", "")) < 2:
        return None
    return " ".join(w.capitalize() for w in label.split())


def is_cue(text: str, word: str, at: int) -> bool:
    """A cue verb, or the first word of a cue phrase (``shot back``, ``went on``)."""
    return word.lower() in CUE_VERBS or bool(CUE_PHRASE.match(text, at))


def find_cues(window: str, *, nouns: bool = False) -> list[re.Match[str]]:
    """Cue verbs and phrases (``put it``) in a window, in order; with ``nouns``, also cue
    words used as nouns (``Obama's remarks``), which mark speech but have no subject."""
    found = [
        m
        for m in WORD.finditer(window)
        if m.group(0).lower() in CUE_VERBS and (nouns or not NOUN_BEFORE.at(window, m.start()))
    ]
    found += list(CUE_PHRASE.finditer(window))
    return sorted(found, key=lambda m: m.start())
