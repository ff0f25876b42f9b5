"""Messages between the reader's widgets and screens: small, and only data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from tui.core.analysis import Analysis
from tui.core.models import Corpus, Discrepancy, Quote

if TYPE_CHECKING:
    from tui.core.first_screen import FirstScreen


@dataclass(frozen=True, slots=True)
class Target:
    """Where a view asks the reader to go: a fact, or a place in an article."""

    fact: int | None = None
    """Position of the fact in the facts list."""
    article: str | None = None
    offset: int | None = None
    discrepancy: Discrepancy | None = None
    quote: Quote | None = None
    search: str | None = None
    """Words to mark in the panes (a search result)."""


@dataclass
class CorpusLoaded(Message):
    """The articles are read (the screen painted before they were)."""

    corpus: Corpus


@dataclass
class FirstScreenReady(Message):
    """The first story of a folder opened before, ahead of its articles and analysis."""

    first: FirstScreen


@dataclass
class AnalysisProgress(Message):
    """The alignment worker got further (0 to 1)."""

    fraction: float

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisProgress)


@dataclass
class AnalysisReady(Message):
    """The alignment worker finished."""

    analysis: Analysis


@dataclass
class FactClicked(Message):
    """A fact was clicked in the facts list."""

    fact: int


@dataclass
class PaneScrolled(Message):
    """The user scrolled a pane: the others follow it if the lock is on."""

    pane: int

    def can_replace(self, message: Message) -> bool:
        # A burst of wheel events collapses into the last position.
        return isinstance(message, PaneScrolled) and message.pane == self.pane


@dataclass
class PaneLaidOut(Message):
    """A pane wrapped its article again (new article or new width)."""

    pane: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, PaneLaidOut) and message.pane == self.pane


@dataclass
class PaneFocused(Message):
    """A pane got the focus (keys or mouse): it is the one `[`/`]` change."""

    pane: int


@dataclass
class SentenceClicked(Message):
    """A sentence was clicked in a pane: select the fact it belongs to."""

    pane: int
    sentence: int


@dataclass
class BookmarkRequested(Message):
    """`b` in a view: bookmark what it highlights (the view stays open)."""

    quote: Quote | None = None
    discrepancy: Discrepancy | None = None


@dataclass
class SourceRenamed(Message):
    """The user named a source (an empty name forgets it)."""

    article: str
    name: str
