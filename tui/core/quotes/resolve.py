"""Who a mention stands for: names made full, role phrases and pronouns resolved.

``Trump`` becomes the fullest name the article gives him; ``the senator`` the person an
appositive or a title names so; ``she`` the nearest earlier person who fits. Used by
:class:`tui.core.quotes.attribution.Attributor`, which decides which mention speaks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from tui.core.models import Article
from tui.core.quotes import cues
from tui.core.quotes.speakers import MASK, Mention, People, gender_fits
from tui.core.text.names import same_name

_COMMA_GAP = re.compile(r",\s+")
_APPOSITION_GAP = re.compile(r",\s*(?:[A-Z][\w.]*\s+){0,3}")
"""Between a name and someone's role set beside it: a comma, and titles of the role's
owner (``Susan Rice, President Barack Obama's national security adviser,``)."""
_APPOSITION_END = re.compile(r"\s*,")
"""After such a role: the comma that closes it (without one, the role is the subject:
``With Vladimir Putin, Trump's lawyer said``)."""


def _owned_apposition(resolver: Resolver, name: Mention, role: Mention) -> bool:
    """Someone's role in apposition to a person named before it, titles of its owner
    between them and a comma closing it."""
    return (
        bool(role.owner)
        and role.kind == "role"
        and name.kind == "name"
        and _APPOSITION_GAP.fullmatch(resolver.masked, name.end, role.start) is not None
        and _APPOSITION_END.match(resolver.masked, role.end) is not None
    )


def _owned_by(name: str, owner: str) -> bool:
    """``name`` is the owner of a role (``Reid`` of ``Reid's rep``): never its holder."""
    return bool(owner) and same_name(owner, name)


class Resolver:
    """Resolves the mentions of one article (its quotes masked)."""

    def __init__(self, article: Article, masked: str, events: list[Mention]) -> None:
        self.article = article
        self.masked = masked
        self.events = events
        self.role_links = self._role_links()
        self._starts = [e.start for e in events]
        self._titles_by_name: dict[str, frozenset[str]] = {}

    @cached_property
    def people(self) -> tuple[str, ...]:
        """Full names of the people the article names (two words or more)."""
        return tuple(
            dict.fromkeys(e.name for e in self.events if e.kind == "name" and e.entity == "person")
        )

    @cached_property
    def _people(self) -> People:
        return People(self.people)

    def alike(self, name: str) -> list[str]:
        """The people of the article whose names may be ``name`` (by surname initial)."""
        return self._people.alike(name)

    def fullest(self, name: str, titles: frozenset[str]) -> str:
        """The fullest name the article gives the person (``Trump``: ``Donald Trump``)."""
        return self._people.fullest(name, titles)

    def events_in(self, start: int, end: int) -> list[Mention]:
        """Mentions wholly inside ``[start, end)`` (the mentions are in text order)."""
        events = self.events[bisect_left(self._starts, start) : bisect_left(self._starts, end)]
        return [e for e in events if e.end <= end]

    def resolve(self, event: Mention) -> str | None:
        """The name a mention stands for (cached on the mention), or None."""
        if event.done:
            return event.resolved
        event.done = True
        if event.kind == "name":
            person = event.entity == "person"
            event.resolved = self.fullest(event.name, event.titles) if person else event.name
        elif event.kind == "role":
            # Someone's role (``Reid's rep``, ``her publicist``) is whoever an appositive
            # names, or someone who bore that title; never whoever the sentences before
            # are about, who is most often its owner.
            event.resolved = self._role_holder(event) or (
                self.antecedent(event.start, event.titles, titled_only=True, not_of=event.owner)
                if event.owner
                else self.antecedent(event.start, event.titles)
            )
        else:
            event.resolved = self.antecedent(event.start, frozenset(), event.text.lower())
        return event.resolved

    def antecedent(
        self,
        pos: int,
        titles: frozenset[str],
        pronoun: str = "",
        *,
        titled_only: bool = False,
        not_of: str = "",
    ) -> str | None:
        """The person the preceding sentences are about (their first eligible person).

        A role phrase (``the Republican senator``) wants a person who bore that title,
        nearby or anywhere earlier, before settling for whoever came last; with
        ``titled_only``, it never settles, and ``not_of`` (a role's owner) is never it.
        """
        passes = (titles,) if titled_only else (titles, frozenset()) if titles else (frozenset(),)
        for wanted in passes:
            checked = 0
            for sentence in reversed([s for s in self.article.sentences if s.start < pos]):
                events = self.events_in(sentence.start, min(pos, sentence.end))
                if not events and MASK in self.masked[sentence.start : sentence.end]:
                    continue  # All quotation: says nothing about who is talked about.
                checked += 1
                if checked > 5:
                    break
                # Whoever speaks in the sentence (``Barden says``) before whoever is named first.
                events.sort(key=lambda e: not self._speaks(e))
                for event in events:
                    if not (event.eligible and event.entity == "person" and event.start != pos):
                        continue
                    if wanted and (event.kind == "pronoun" or not wanted & self._titles_of(event)):
                        continue
                    name = self.resolve(event)
                    if name and not _owned_by(name, not_of) and gender_fits(name, pronoun):
                        return name
            if wanted:
                titled = [
                    e
                    for e in self.events
                    if e.end <= pos and e.kind == "name" and wanted & self._titles_of(e)
                ]
                holders = (self.resolve(e) for e in reversed(titled))
                found = next((h for h in holders if h and not _owned_by(h, not_of)), None)
                if found:
                    return found
        return self._gendered(pos, pronoun) if pronoun else None

    def _speaks(self, event: Mention) -> bool:
        """Followed by a speech cue (``Barden says``, ``Hale, a pollster, said``)."""
        after = cues.WORD.search(self.masked, event.end, event.end + 40)
        if after is None or not re.fullmatch(
            r"[ \t]+(?:[a-z]+ly[ \t]+)?", self.masked[event.end : after.start()]
        ):
            return False
        return cues.is_cue(self.masked, after.group(0), after.start())

    def _gendered(self, pos: int, pronoun: str) -> str | None:
        """Last resort for ``his``/``her``: the nearest earlier name of that gender."""
        for event in reversed([e for e in self.events if e.end <= pos][-8:]):
            if event.kind == "name" and event.entity == "person":
                name = self.resolve(event)
                if name and gender_fits(name, pronoun, strict=True):
                    return name
        return None

    def _role_links(self) -> list[tuple[Mention, Mention]]:
        """``the inspector general, Michael E. Horowitz`` / ``Aitan Goelman, Mr. Strzok's lawyer``."""
        links = []
        for a, b in zip(self.events, self.events[1:], strict=False):
            if not (
                _COMMA_GAP.fullmatch(self.masked, a.end, b.start) or _owned_apposition(self, a, b)
            ):
                continue
            if a.kind == "role" and b.kind == "name" and b.entity == "person":
                links.append((a, b))
            elif (
                a.kind == "name"
                and a.entity == "person"
                and b.kind == "role"
                and not cues.AFTER_PREPOSITION.at(self.masked, a.start)
            ):
                links.append((b, a))  # Not ``In an interview with X, the mayor said``.
        return links

    def _role_holder(self, role: Mention) -> str | None:
        """The person an appositive elsewhere in the article gives that role to."""
        head = role.text.split()[-1].lower()
        words = {w.lower().strip(".,’'s") for w in role.text.split()}
        best, best_score = None, 0
        for link_role, person in self.role_links:
            if link_role.text.split()[-1].lower() != head:
                continue
            if link_role is role:
                return self.resolve(person)
            score = len(words & {w.lower().strip(".,’'s") for w in link_role.text.split()})
            if score > best_score:
                best, best_score = person, score
        return self.resolve(best) if best else None

    def _titles_of(self, event: Mention) -> frozenset[str]:
        """The titles the article gives the person a mention stands for, under any spelling."""
        name = self.resolve(event) if event.kind != "pronoun" else None
        if not name:
            return frozenset()
        if name not in self._titles_by_name:
            self._titles_by_name[name] = frozenset(
                title
                for other, titles in self._titled.items()
                if same_name(other, name)
                for title in titles
            )
        return self._titles_by_name[name]

    @cached_property
    def _titled(self) -> dict[str, frozenset[str]]:
        """Each name the article gives a title (``Sen.``, ``the mayor``), with those titles."""
        titled: dict[str, frozenset[str]] = {}
        for event in self.events:
            if event.kind == "name" and event.titles:
                titled[event.name] = titled.get(event.name, frozenset()) | event.titles
        return titled
