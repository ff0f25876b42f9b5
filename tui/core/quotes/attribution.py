"""Who said a quote: speech cues, and the names, pronouns and roles around them.

A rule-based attributor in the spirit of news quote extractors: look for a speech cue
right after the quote (``," Zelensky stated``), then before it in the same sentence
(``Schumer, D-N.Y., concluded, "...``, ``According to Mayor Klitschko, "...``), then
let the quote inherit from the sentence before it (paragraphs of quotes that follow a
named speaker). Pronouns and role phrases (``the Republican senator``) resolve to the
person the preceding sentences are about. Quoted words never serve as cues or names.
The mentions come from :mod:`tui.core.quotes.speakers`, the cue patterns from
:mod:`tui.core.quotes.cues`, the word lists from :mod:`tui.core.quotes.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from tui.core.models import Article
from tui.core.quotes import cues
from tui.core.quotes.lexicon import (
    CUE_NOUNS,
    DOCUMENTS,
    NAME_PREFIXES,
    PERSON_TITLES,
    PREPOSITIONS,
    ROLE_NOUNS,
)
from tui.core.quotes.resolve import Resolver
from tui.core.quotes.speakers import MASK, Mention, find_mentions
from tui.core.text.names import same_name, strip_titles

Rule = Literal[
    "label",
    "after",
    "before",
    "passive",
    "according",
    "dash",
    "noun",
    "context",
    "subject",
    "document",
    "none",
]


_NAMER = re.compile(
    r"\b(?:[Ww]hat|[Ww]hich)[ \t]+((?:(?!\b(?:[Ww]hat|[Ww]hich)\b)[^,;:!?\n·]){1,40}?)"
    r"[ \t]+(?:(?:has|had|have)[ \t]+)?"
    r"(?:[a-z]+ly[ \t]+)?\Z"
)
"""``what aides called`` / ``which he has long described as``: the namer before a naming verb."""
_AT_CUE = re.compile(r"(?:\s*\([^()·]{1,30}\))?(?:,[^,;:·\n]{1,80},)?[ \t]+(?:[a-z]+ly[ \t]+)?")
"""Between a subject and its cue: an optional party tag and appositive, an adverb."""
_NAMING_RULES = frozenset({"after", "before", "passive", "according", "dash"})
"""Rules that take the speaker from the quote's own sentence and its cue."""
_SUBJECT_PRONOUNS = frozenset("it they we i you".split())
NAMING_VERBS = frozenset(
    "call calls called dub dubs dubbed term terms termed label labels labeled labelled "
    "describe describes described brand brands branded characterize characterizes "
    "characterized".split()
)
"""Cues that give a label rather than report a statement (``what Trump called "a hoax"``)."""
_NAMING_TAIL = frozenset(
    "has had have long also once now often since sometimes still always already never first".split()
)
"""Words between a namer and its verb that are not the namer: "what aides have long called"."""
_PASSIVE_NAMING = frozenset("is was are were be been being".split())
"""A form of "be" between "what" and a naming verb makes it a passive that names no one
("what is now called", "what has long been called", "what have come to be called")."""
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "its"})
_DOCUMENT = r"(?P<text>[Tt]he\s+(?:[\w'’-]+\s+){0,3}?(?:" + "|".join(sorted(DOCUMENTS)) + r"))\b"
_DOCUMENT_CUE = (
    r"(?P<cue>says|said|states|stated|reads|read|notes|noted|adds|added|argues|argued"
    r"|concludes|concluded|continues|continued)\b"
)
_DOCUMENT_END = (
    r"(?=\s*(?:[,.;:!?)\]—–]|\Z)|\s+(?:which|that|from|by|released|issued|sent|signed|filed)\b)"
)
"""After "says the letter": the attribution ends ("," "." "which ..."), so the document
is the whole subject ("said the ruling party's secretary general" has none)."""
_DOCUMENT_AFTER = (
    re.compile(r"\s*,?\s*" + _DOCUMENT_CUE + r"\s+" + _DOCUMENT + _DOCUMENT_END),
    re.compile(r"\s*,?\s*" + _DOCUMENT + r"\s+" + _DOCUMENT_CUE),
)
_DOCUMENT_BEFORE = re.compile(_DOCUMENT + r"\s+" + _DOCUMENT_CUE + r"\s*[:,]?\s*\Z")
"""A document and a verb of saying right after a quote (``," says the letter``, ``," the
statement said``) or right before it (``The letter says: "``)."""
_CHAIN_WORDS = 3
"""Lower-case words between two names of a role chain ("Obama campaign manager Jim
Messina"); more only when the last is a role ("Microsoft security response communications
head Christopher Budd")."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker found for one quote, and how."""

    speaker: str | None
    """The speaker's fullest name in the article (not yet canonical across articles)."""
    mention: str | None
    cue: str | None
    rule: Rule
    reason: str | None = None
    named: bool = False
    """The speaker is a name at the cue of the quote's own sentence (not ``he``, not
    ``the senator``, not inherited)."""

    @property
    def explicit(self) -> bool:
        """Found from a cue of the quote's own sentence (not inherited from context)."""
        return self.rule not in ("context", "subject", "none")


class Attributor:
    """Attributes the quotes of one article (given as quote-mark spans, in text order)."""

    def __init__(self, article: Article, spans: Sequence[tuple[int, int]]) -> None:
        self.article = article
        self.text = article.text
        self.spans = list(spans)
        chars = list(self.text)
        for start, end in self.spans:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = MASK
        self.masked = "".join(chars)
        self.events = find_mentions(self.masked)
        self.resolver = Resolver(article, self.masked, self.events)
        self.results: list[Attribution] = []

    # ------------------------------------------------------------------ public
    @property
    def people(self) -> tuple[str, ...]:
        """Full names of the people the article names (two words or more)."""
        return self.resolver.people

    def attribute(self, index: int) -> Attribution:
        """Speaker of quote ``index``; call in text order (context uses earlier results)."""
        start, end = self.spans[index]
        result = (
            self._label(start, end)
            or self._after(start, end)
            or self._before(start)
            or self._dash(end)
            or self._context(start)
            or self._topic(start, end)
            or self._document(start, end)
            or self._speakerless_cue(start)
            or Attribution(None, None, None, "none", "no speech cue or speaker near the quote")
        )
        self.results.append(result)
        return result

    # ------------------------------------------------------------------ rules
    def _label(self, start: int, end: int) -> Attribution | None:
        """``"WALLACE: Let's start ..."``: a transcript turn names its speaker."""
        label = cues.transcript_label(self.text[start + 1 : end])
        if label is None:
            return None
        words = label.split()
        title = words[0].lower().rstrip(".")
        titles = frozenset({title}) if len(words) > 1 and title in PERSON_TITLES else frozenset()
        name = " ".join(words[1:]) if titles else label
        return Attribution(self.resolver.fullest(name, titles), label, ":", "label", named=True)

    def _after(self, start: int, end: int) -> Attribution | None:
        """``"...," Zelensky stated`` / ``," said Trump`` / ``," the senator said``."""
        inner = self.text[start + 1 : end - 1].rstrip()
        s_end = self._sentence_end(end)
        after = self.masked[end:s_end]
        lead = re.match(r"\s*,?\s*", after)
        assert lead is not None
        if inner[-1:] in ".!?…" and after[lead.end() : lead.end() + 1].isupper():
            # The quote closed its sentence: ``!" Bush said.``; unless its own sentence
            # named its speaker ('Kelly said there was "nothing ..." Cerar concurred').
            return self._before(start) or self._closing(end)
        comma = inner.rstrip(" '’‘")[-1:] in ",?!…—–-" or "," in after[: lead.end()]
        words = list(cues.WORD.finditer(self.masked, end, s_end))[:24]
        for n, word in enumerate(words):
            if not cues.is_cue(self.masked, word.group(0), word.start()):
                continue
            between = [
                e
                for e in self._events_in(end, word.start())
                if e.eligible or e.entity != "other"  # not ``Mexican-born``
            ]
            gap = self.masked[end : between[0].start if between else word.start()]
            inverted = n == 0 and not between and comma  # ``," said Trump``, not ``" suggests``
            if inverted or (n > 0 and re.search(r",\s*$", self.masked[end : word.start()])):
                nxt = self._inverted_subject(word.end(), s_end)  # ``" in 2008, said Paul Beck``
                if nxt is not None:
                    return self._found(nxt, word.group(0), "after")
            if between and cues.CLAUSE_WORD.search(gap):
                return None  # ``"..." and Tom Hale says``: his cue is for his own words.
            if between and len(cues.WORD.findall(gap)) <= 2:
                return self._found(self._chain_end(between), word.group(0), "after")
            for event in reversed(between):  # ``," one of the women, Maureen Maloney, said``
                # Not ``took a swipe at CNN, saying``: the object of ``at`` says nothing.
                if (
                    event.eligible
                    and event.entity in ("person", "org")
                    and re.fullmatch(r",?\s*", self.masked[event.end : word.start()])
                ):
                    return self._found(event, word.group(0), "after")
            return None
        return None

    def _closing(self, end: int) -> Attribution | None:
        """``"... coming!" Bush said.``: a new sentence that is only a speaker and a cue."""
        para_end = self._paragraph(end)[1]
        events = self._events_in(end, para_end)
        if not events or not re.fullmatch(r"\s*", self.masked[end : events[0].start]):
            return None
        subject = self._chain_end(events)
        cue = cues.CLOSING_CUE.match(self.masked, subject.end)
        if cue is None or not cues.is_cue(self.masked, cue.group(1), cue.start(1)):
            return None
        return self._found(subject, cue.group(1), "after")

    def _before(self, start: int) -> Attribution | None:
        """A cue earlier in the quote's sentence: its subject (or agent, or source)."""
        s_start = self._sentence_start(start)
        window = self.masked[s_start:start]
        found = cues.find_cues(window)
        accord = list(cues.ACCORDING.finditer(window))
        if accord and (not found or accord[-1].start() > found[-1].start()):
            a_end = s_start + accord[-1].end()
            event = next(iter(self._events_in(a_end, start)), None)
            if event and re.fullmatch(r"(?:the\s+)?", self.masked[a_end : event.start]):
                return self._found(event, "according to", "according")
        for n, cue in reversed(list(enumerate(found))):
            v, v_end = s_start + cue.start(), s_start + cue.end()
            namer = _NAMER.search(self.masked, s_start, v)
            if (
                namer
                and cue.group(0).lower() in NAMING_VERBS
                and n == len(found) - 1
                # ``what it called``: ``it`` is, as a rule, the sentence's subject.
                and namer.group(1).lower() not in _SUBJECT_PRONOUNS
            ):
                return self._namer(namer.start(1), namer.end(1), cue.group(0))
            agent = re.match(r"\s+by\s+", self.masked[v_end:start])
            if agent and cue.group(0).endswith(("ed", "id", "ld")):
                event = next(iter(self._events_in(v_end + agent.end(), start)), None)
                if event and event.start == v_end + agent.end():
                    return self._found(event, cue.group(0), "passive")
            subject = None
            if cue.group(0).endswith("ing"):
                subject = self._ing_subject(s_start, v)  # ``with Gorka noting``
            if subject is None and cues.SHARED_SUBJECT.search(self.masked, s_start, v_end):
                if n > 0:
                    continue  # ``Nefzi said, adding``: the earlier cue has the subject.
                subject = self._main_subject(s_start, v)
            subject = subject or self._subject(s_start, v)
            if subject is not None:
                return self._found(subject, cue.group(0), "before", at=v)
        label = self._colon_label(s_start, start)
        if label is not None:
            return self._found(label, ":", "before")
        noun = re.search(
            r"(\w+(?:['’]s)?)\s+(?:\w+\s+)?(" + "|".join(CUE_NOUNS) + r")\s*[:,]\s*$", window
        )
        if noun and noun.group(1).lower() in ("his", "her"):
            pronoun = "he" if noun.group(1).lower() == "his" else "she"
            name = self.resolver.antecedent(s_start + noun.start(1), frozenset(), pronoun)
            if name:
                return Attribution(name, noun.group(1), noun.group(2), "noun")
        if noun:
            owner = self._subject(s_start, s_start + noun.end(1))
            if owner is not None:
                return self._found(owner, noun.group(2), "noun")
        return None

    def _namer(self, start: int, end: int, cue: str) -> Attribution:
        """``what aides called "orphan districts"``: the label is the namer's, not the
        sentence subject's; a namer with no name (``aides``) leaves the speaker unknown,
        and is kept as the mention (another article may credit the label to someone)."""
        events = [e for e in self._events_in(start, end) if e.entity in ("person", "org")]
        if events:
            return self._found(events[-1], cue, "before")
        words = self.masked[start:end].split()
        while words and (
            words[-1].lower() in _NAMING_TAIL or (words[-1].islower() and words[-1].endswith("ly"))
        ):
            words.pop()  # "what his aides have long called": the aides.
        who = " ".join(words)
        if not words or _PASSIVE_NAMING & set(who.lower().split()):
            return Attribution(None, None, cue, "before", "named so, no one named")
        return Attribution(None, who, cue, "before", f"named so by “{who}”, no one named")

    def _speakerless_cue(self, start: int) -> Attribution | None:
        """A cue with no one to name (``the US paper wrote``): unknown, but still speech."""
        s_start = self._sentence_start(start)
        found = cues.find_cues(self.masked[s_start:start], nouns=True)
        if not found:
            return None
        cue = found[-1].group(0)
        return Attribution(None, None, cue, "before", f"no one named says “{cue}”")

    def _colon_label(self, s_start: int, start: int) -> Mention | None:
        """``More from Jones: "..."``: a name and a colon right before the quote."""
        events = self._events_in(s_start, start)
        last = events[-1] if events else None
        if last is None or last.kind != "name" or last.entity not in ("person", "org"):
            return None
        if not last.eligible:
            return None  # ``a blunt message to Trump: "..."``: whom it was said to.
        return last if re.fullmatch(r"\s*:\s*", self.masked[last.end : start]) else None

    def _document(self, start: int, end: int) -> Attribution | None:
        """``"...," says the letter`` / ``The letter says: "..."``: a text, not a person,
        holds the words; the speaker stays unknown and the mention says which text."""
        s_end = self._sentence_end(end)
        after = (pattern.match(self.masked, end, s_end) for pattern in _DOCUMENT_AFTER)
        found = next((m for m in after if m), None) or _DOCUMENT_BEFORE.search(
            self.masked, self._sentence_start(start), start
        )
        if found is None:
            return None
        text = found.group("text")
        return Attribution(None, text, found.group("cue"), "document", f"a document: “{text}”")

    def _dash(self, end: int) -> Attribution | None:
        """``"..." — Name`` at the end of a sentence."""
        dash = cues.DASH.match(self.masked, end)
        if dash is None:
            return None
        event = next(iter(self._events_in(dash.end(), self._sentence_end(end))), None)
        if event and event.start == dash.end():
            return self._found(event, self.masked[end : dash.end()].strip(), "dash")
        return None

    def _inverted_subject(self, v_end: int, s_end: int) -> Mention | None:
        """The subject after ``said``: the last name of ``Obama campaign manager Jim Messina``."""
        # The sentence may end early, at a title's period (``said Del. Ann Lee``).
        events = self._events_in(v_end, max(s_end, min(self._paragraph(v_end)[1], v_end + 80)))
        if not events:
            return None
        gap = [w.lower() for w in cues.WORD.findall(self.masked[v_end : events[0].start])]
        role = len(gap) <= 4 and bool(gap) and (gap[-1] in ROLE_NOUNS or gap[-1] in NAME_PREFIXES)
        full = events[0].kind == "name" and events[0].entity == "person" and len(gap) <= 3
        if (len(gap) > 1 and not role and not full) or PREPOSITIONS & set(gap):
            return None  # ``wrote on Twitter``: a medium, not the writer.
        if len(gap) > 1 and _DETERMINERS & set(gap) and not role:
            return None  # ``said the base chief known as Bob``: a description, not a name.
        if cues.ADDRESSEE_CUE.at(self.masked, v_end):
            return None  # ``told HuffPost``: whom it was said to.
        return self._chain_end(events)

    def _chain_end(self, events: list[Mention]) -> Mention:
        """``Obama campaign manager Jim Messina``: the name at the end of a role chain."""
        subject = events[0]
        for event in events[1:]:
            gap = self.masked[subject.end : event.start]
            words = gap.split()
            named = event.kind == "name" and event.entity == "person"
            if subject.kind == "role" and named and re.fullmatch(r",?\s+", gap):
                subject = event  # ``Trump's adviser Jason Miller``
                continue
            if not re.fullmatch(r"\s+(?:[a-z\-]+\s+){1,5}", gap) or PREPOSITIONS & set(words):
                break
            if len(words) > _CHAIN_WORDS and words[-1] not in ROLE_NOUNS:
                break  # Only a role ends a long run before a name ("... communications head").
            if "and" in words or "or" in words:
                break
            subject = event
        return subject

    def _context(self, start: int) -> Attribution | None:
        """No cue of its own: the speaker of the sentence before (quote or speech cue)."""
        s_start = self._sentence_start(start)
        for i in range(len(self.results) - 1, -1, -1):
            if s_start <= self.spans[i][0] and self.results[i].explicit:
                found = self.results[i]  # ``"...," said X, D-N.Y. "But ..."``: same sentence.
                return Attribution(found.speaker, found.mention, None, "context")
        if self.masked[s_start:start].strip(f" \t\n{MASK}"):
            return None  # Words precede the quote in its sentence, none of them a cue.
        prev = self._sentence_before(s_start)
        if prev is None:
            return None
        p_start, p_end = prev
        for i in range(len(self.results) - 1, -1, -1):
            q_start, q_end = self.spans[i]
            if q_start < p_end and q_end > p_start and self.results[i].speaker:
                found = self.results[i]
                return Attribution(found.speaker, found.mention, None, "context")
        window = self.masked[p_start:p_end]
        for cue in reversed(cues.find_cues(window)):
            subject = self._subject(p_start, p_start + cue.start())
            if subject is not None:
                found = self._found(subject, None, "context")
                return found if found.speaker else None
        return self._paragraph_speaker(start)

    def _paragraph_speaker(self, start: int) -> Attribution | None:
        """``"Oh gosh," Woolson said. They lie far away. "That's a tough area."``.

        The last speaker of the quote's paragraph, unless a sentence in between is about
        someone else (its first eligible person is another name).
        """
        para_start = self._paragraph(start)[0]
        for i in range(len(self.results) - 1, -1, -1):
            q_start, q_end = self.spans[i]
            if q_start < para_start:
                return None
            found = self.results[i]
            if not (found.explicit and found.speaker):
                continue
            others = [
                e
                for e in self._events_in(q_end, start)
                if e.eligible and e.kind == "name" and e.entity == "person"
            ]
            if any(self.resolver.resolve(e) != found.speaker for e in others):
                return None
            return Attribution(found.speaker, found.mention, None, "context")
        return None

    def _topic(self, start: int, end: int) -> Attribution | None:
        """A long quote inside a sentence without a cue (``X produced "..."``): its subject."""
        if len(cues.WORD.findall(self.text[start:end])) < 6:
            return None
        s_start = self._sentence_start(start)
        subject = self._main_subject(s_start, start)  # Not ``thanked Obama for "..."``.
        if subject is None or subject.entity not in ("person", "org"):
            return None
        found = self._found(subject, None, "subject")
        return found if found.speaker else None

    # ------------------------------------------------------------------ helpers
    def _found(
        self, event: Mention, cue: str | None, rule: Rule, *, at: int | None = None
    ) -> Attribution:
        """The speaker a mention stands for; ``at``: where its cue starts, if after it."""
        name = self.resolver.resolve(event)
        if name is None:
            return Attribution(None, event.text, cue, rule, f"could not tell who “{event.text}” is")
        named = (
            rule in _NAMING_RULES
            and event.kind == "name"
            and (at is None or _AT_CUE.fullmatch(self.masked, event.end, at) is not None)
            and self._one_person(event, name)
        )
        return Attribution(name, event.text, cue, rule, named=named)

    def _one_person(self, event: Mention, name: str) -> bool:
        """A name that can be no one else in the article: a full name or an organisation,
        and a surname that no two people here share (``Trump``: Donald or Melania)."""
        if event.entity == "org":
            return True
        if len(name.split()) < 2:
            return False
        if len(strip_titles(event.name).split()) > 1:
            return True
        firsts = {
            p.split()[0]
            for p in self.resolver.alike(event.name)
            if " " in p and same_name(p, event.name)
        }
        return len(firsts) <= 1

    def _subject(self, s_start: int, v: int) -> Mention | None:
        """The subject of a verb at ``v``: the nearest eligible person or organisation."""
        before = self._events_in(s_start, v)
        last = before[-1] if before else None
        if (
            last is not None
            and last.entity in ("person", "org")
            and last.kind != "role"
            and re.fullmatch(r"[ \t]+(?:[a-z]+ly[ \t]+)?", self.masked[last.end : v])
            and not cues.AFTER_PREPOSITION.at(self.masked, last.start)
        ):
            return last  # ``an act that Mayor Bill de Blasio described as``
        candidates = [e for e in before if e.eligible]
        for wanted in ("person", "org"), ("other",):
            for event in reversed(candidates):
                if event.entity in wanted:
                    return event
        for event in reversed(candidates):  # ``Moscow warned``, not ``the US paper wrote``
            if re.fullmatch(r"[ \t]+(?:[a-z]+ly[ \t]+)?", self.masked[event.end : v]):
                return event
        return None

    def _ing_subject(self, s_start: int, v: int) -> Mention | None:
        """``with Gorka noting`` / ``Trump reportedly yelling``: the name just before."""
        events = self._events_in(s_start, v)
        last = events[-1] if events else None
        if last is None or last.entity not in ("person", "org"):
            return None
        adjacent = re.fullmatch(r"[ \t]+(?:[a-z]+ly[ \t]+)?", self.masked[last.end : v])
        return last if adjacent else None

    def _main_subject(self, s_start: int, v: int) -> Mention | None:
        """``Trump attacked Clinton ..., saying``: a participle's subject is the sentence's.

        Its first eligible person or organisation, after any opening subordinate clause
        (``After Brown criticized Clinton, Hillary ...``).
        """
        opening = cues.SUBORDINATE.match(self.masked, s_start)
        if opening is not None:
            comma = self.masked.find(",", opening.end(), v)
            s_start = comma + 1 if comma >= 0 else s_start
        for event in self._events_in(s_start, v):
            if event.eligible and event.entity in ("person", "org"):
                return event
        return None

    def _events_in(self, start: int, end: int) -> list[Mention]:
        return self.resolver.events_in(start, end)

    def _sentence_start(self, pos: int) -> int:
        for sentence in self.article.sentences:
            if sentence.start <= pos < max(sentence.end, sentence.start + 1):
                return sentence.start
        return self._paragraph(pos)[0]

    def _sentence_end(self, pos: int) -> int:
        """End of the sentence holding ``pos`` (a closing mark may end its sentence)."""
        for sentence in self.article.sentences:
            if sentence.start <= pos <= sentence.end and pos < sentence.end:
                return sentence.end
        return min(self._paragraph(pos)[1], pos + 300)

    def _sentence_before(self, s_start: int) -> tuple[int, int] | None:
        before = [s for s in self.article.sentences if s.end <= s_start and s.kind == "text"]
        return (before[-1].start, before[-1].end) if before else None

    def _paragraph(self, pos: int) -> tuple[int, int]:
        for para in self.article.paragraphs:
            if para.start <= pos <= para.end:
                return para.start, para.end
        return pos, pos
