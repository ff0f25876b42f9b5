"""The main screen: the facts list, the panes and the status line.

It owns the reactive current fact and binds it into the list, the deck of panes and the
status line; views (quotes, discrepancies, search, bookmarks) answer with a ``Target``.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Generator
from dataclasses import replace
from types import ModuleType
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from tui.app.commands import FactsProvider
from tui.app.keys import READER_BINDINGS
from tui.app.messages import (
    AnalysisProgress,
    AnalysisReady,
    CorpusLoaded,
    FactClicked,
    FirstScreenReady,
    SentenceClicked,
    Target,
)
from tui.app.screens.scope import SCOPE_FROM
from tui.app.steady import breakpoint_classes, same_size
from tui.app.targets import conflict_order, target_marks, target_note
from tui.app.widgets.deck import PaneDeck
from tui.app.widgets.fact_list import FactList
from tui.app.widgets.footer import KeyFooter
from tui.app.widgets.status import StatusLine
from tui.core.analysis import Analysis
from tui.core.background import AnalysisFailed, Session
from tui.core.models import Corpus, Discrepancy, Group, Quote
from tui.core.text.corpus import CorpusError

if TYPE_CHECKING:
    from tui.core.bookmarks.corrections import Correction
    from tui.core.first_screen import Totals

AnalyseSteps = Callable[[Corpus], Session | Generator[float, None, Analysis]]
"""Progress, the corpus if the screen opened before it was read, then its analysis."""
SHOWN_WARNINGS = 3
"""Warnings about the files shown one by one; past them, one line says how many more."""
COLLECT_AFTER = 0.1
"""Seconds after the analysis is drawn that its objects are collected and frozen."""
SHOWN_AT_LATEST = 0.5
"""Seconds after the analysis arrives by which its bookmarks' marks are drawn, if the
screen was not laid out again sooner (it always is, as the facts are drawn)."""
FIRST_SCREEN_WAIT = 0.3
"""Seconds the analysis worker leaves the interpreter to the first screen's drawing at
most, before it reads the rest (unpickling 300 articles as the first story was drawn
delayed it by tens of milliseconds)."""


def _begins(whole: Corpus, first: Corpus) -> bool:
    """The articles a first screen showed are the first of the whole corpus, unchanged
    (their ids and texts: the user's source names may differ)."""
    head = whole.articles[: len(first.articles)]
    return len(head) == len(first.articles) and all(
        a.id == b.id and a.text == b.text for a, b in zip(head, first.articles, strict=True)
    )


def _collect_and_freeze() -> None:
    """The analysis lives as long as the app: keep the collector from walking its hundreds
    of thousands of objects again and again (pauses of 100+ ms on BASIL)."""
    gc.collect()
    gc.freeze()


def reader_tools() -> ModuleType:
    """The tools module, imported on first use (it imports the views)."""
    from tui.app import reader_tools as tools  # noqa: PLC0415 (start-up)

    return tools


def _bookmarks_provider() -> type[Provider]:
    """The bookmarks palette provider, imported when the palette first opens."""
    from tui.app.bookmark_commands import BookmarksProvider  # noqa: PLC0415 (start-up)

    return BookmarksProvider


class ReaderScreen(Screen[None]):
    """Facts on the left (on top when narrow), articles side by side, status below."""

    # Screen declares these as plain attributes, so mypy refuses a ClassVar here.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (18, "-tall")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        FactsProvider,
        _bookmarks_provider,
    }

    analysis: reactive[Analysis | None] = reactive(None, init=False, repaint=False)
    current: reactive[int] = reactive(-1, init=False, repaint=False)
    """Position of the current fact in ``analysis.groups`` (-1: none)."""
    scroll_lock: reactive[bool] = reactive(True, init=False, repaint=False)
    progress: reactive[float] = reactive(0.0, init=False, repaint=False)
    bookmarked: reactive[frozenset[int]] = reactive(frozenset(), init=False, repaint=False)
    """Ids of the groups that carry a bookmark."""
    note: reactive[str] = reactive("", init=False, repaint=False)
    dismissed: reactive[frozenset[int]] = reactive(frozenset(), init=False, repaint=False)
    """Ids of the discrepancies the user dismissed (`x`): no longer a `≠` in the list."""
    totals: reactive[Totals | None] = reactive(None, init=False, repaint=False)
    """While the first screen is shown (its first story only): the whole analysis's
    totals, for the status line. None once the whole analysis is at hand."""

    def __init__(
        self,
        corpus: Corpus,
        analyse_steps: AnalyseSteps,
        *,
        reading: int = 0,
        adopt: Callable[[Corpus, str | None], Corpus] | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.analyse_steps = analyse_steps
        self.reading = reading
        """How many files and links are being read (0: ``corpus`` holds the articles)."""
        self.adopt = adopt
        """What the app makes of the articles once read (the names given to sources)."""
        self.unreadable: str | None = None
        """Why no article could be read, when none could."""
        self.current_discrepancy: Discrepancy | None = None
        """Set when the user came through `n`/`N` or the discrepancy view."""
        self.current_quote: Quote | None = None
        """Set when the user came from the quotes view."""
        self.base_analysis: Analysis | None = None
        """The alignment as computed, before the reader's links and unlinks."""
        self.corrections: dict[int, Correction] = {}
        """Discrepancy id -> what the user said about it (dismissed, or which source is right)."""
        self.filter_words = ""
        """The facts filter (`F`); `j`/`k` move among the facts it shows."""
        self._shown_pending = False
        """An analysis arrived whose bookmarks' marks are not drawn yet."""
        self._watching_layout = False
        self._first_drawn = threading.Event()
        """Set once the first screen is drawn: the worker reads the rest from then on."""

    def compose(self) -> ComposeResult:
        # The breakpoint classes Textual sets at the first resize, set now: the screen is
        # styled once with them, not restyled whole (about 10 ms) as its first keys arrive.
        self.update_classes(breakpoint_classes(self, self.app.size), update=False)
        with Horizontal(id="main"):
            yield FactList(self.corpus, reading=self.reading, id="facts").data_bind(
                ReaderScreen.current,
                ReaderScreen.analysis,
                ReaderScreen.bookmarked,
                ReaderScreen.progress,
                ReaderScreen.dismissed,
            )
            yield PaneDeck(self.corpus, id="deck").data_bind(
                ReaderScreen.current,
                ReaderScreen.analysis,
                ReaderScreen.scroll_lock,
                ReaderScreen.bookmarked,
            )
        yield StatusLine(self.corpus, reading=self.reading, id="status").data_bind(
            ReaderScreen.current,
            ReaderScreen.analysis,
            ReaderScreen.scroll_lock,
            ReaderScreen.progress,
            ReaderScreen.note,
            ReaderScreen.bookmarked,
            ReaderScreen.totals,
        )
        yield KeyFooter()

    def on_resize(self, event: events.Resize) -> None:
        same_size(self, event)

    def on_mount(self) -> None:
        if self.deck.panes:
            self.deck.panes[0].view.focus()
        self._update_shown()
        self.run_analysis()

    @property
    def deck(self) -> PaneDeck:
        return self.query_one(PaneDeck)

    @property
    def facts(self) -> FactList:
        return self.query_one(FactList)

    # -- analysis in a worker ---------------------------------------------------------

    @work(thread=True, exclusive=True, group="align", exit_on_error=False)
    def run_analysis(self) -> None:
        """Align in a thread: the screen is drawn and usable meanwhile."""
        worker = get_current_worker()
        # The corpus is loaded for good: moving it out of the collector's sight keeps
        # full collections during alignment short (they were the longest pauses).
        gc.freeze()
        steps = self.analyse_steps(self.corpus)
        shown = -1.0
        while True:
            if worker.is_cancelled:
                steps.close()  # A child process analysing is stopped here.
                return
            try:
                step = next(steps)
            except StopIteration as stop:
                result: Analysis = stop.value
                break
            if isinstance(step, Corpus):
                self.post_message(CorpusLoaded(step))
                shown = -1.0  # The analysis's progress starts from 0.
            elif not isinstance(step, (int, float)):  # A folder opened before: its first story.
                self.post_message(FirstScreenReady(step))
                self._first_drawn.wait(FIRST_SCREEN_WAIT)
            elif step - shown >= 0.01:
                shown = step
                self.post_message(AnalysisProgress(step))
        if not worker.is_cancelled:
            self.post_message(AnalysisReady(result))

    def on_first_screen_ready(self, message: FirstScreenReady) -> None:
        """The first story, drawn while the rest is read: its facts in their places, the
        whole analysis's totals in the status line. Keys that need the rest say so."""
        if self.analysis is not None or self.corpus.articles:
            self._first_drawn.set()  # The rest came first (or the articles were given).
            return
        first = message.first.analysis
        key = message.first.fingerprint
        corpus = self.adopt(first.corpus, key) if self.adopt else first.corpus
        self.reading = 0
        self.totals = message.first.totals
        self.use_corpus(corpus)
        self.analysis = replace(first, corpus=corpus)
        self.select(0, bring=False)
        self._after_layout()  # The worker reads on once this is drawn (or after a wait).

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        # The articles live as long as the app: out of the collector's sight, a full
        # collection never walks them again while keys are pressed.
        gc.freeze()
        if self.totals is not None and not _begins(message.corpus, self.corpus):
            # The first screen came from a cache entry that is not of these articles:
            # never trusted; the facts wait for the whole analysis.
            self.totals = self.analysis = None
            self.current = -1
        corpus = self.adopt(message.corpus, None) if self.adopt else message.corpus
        self.reading = 0
        self.progress = 0.0
        self.use_corpus(corpus)
        warnings = message.corpus.warnings
        for warning in warnings[:SHOWN_WARNINGS]:
            self.notify(warning, severity="warning", timeout=8, markup=False)
        if len(warnings) > SHOWN_WARNINGS:
            more = len(warnings) - SHOWN_WARNINGS
            self.notify(f"…and {more} more (printed when you quit)", severity="warning", timeout=8)

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        self.progress = message.fraction

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        analysis = message.analysis
        if analysis.corpus is not self.corpus:  # The names given to sources, before or since.
            analysis = replace(analysis, corpus=self.corpus)
        self.base_analysis = analysis
        self.totals = None
        self.analysis = analysis
        if message.analysis.groups and self.current < 0:
            self.select(0, bring=False)
        # Once the facts are drawn (35-75 ms sooner): the bookmarks' marks, then the
        # collector. The next layout of the screen draws them (a callback after refresh
        # could run first: the widgets ask for their layout through messages).
        self._shown_pending = True
        self._after_layout()
        self.set_timer(SHOWN_AT_LATEST, self._analysis_shown)

    def _after_layout(self) -> None:
        """Call :meth:`_drawn` after the screen's next layout (once, however often asked)."""
        if not self._watching_layout:
            self._watching_layout = True
            self.screen_layout_refresh_signal.subscribe(self, self._laid_out)

    def _laid_out(self, _: object) -> None:
        self.screen_layout_refresh_signal.unsubscribe(self)
        self._watching_layout = False
        self.call_later(self._drawn)

    def _drawn(self) -> None:
        self._first_drawn.set()
        self._analysis_shown()

    def _analysis_shown(self) -> None:
        if not self._shown_pending:
            return
        self._shown_pending = False
        from tui.app import bookmarking  # noqa: PLC0415 (start-up: SQLite, rapidfuzz)

        bookmarking.refresh_markers(self)  # Opens the store the first time.
        # A moment later: a collection holds the interpreter throughout (13 ms on the
        # seeds, 40 on BASIL), and the terminal's writer thread, which has the facts'
        # frame to write, would wait for it.
        self.set_timer(COLLECT_AFTER, _collect_and_freeze)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "align" and event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, CorpusError):  # Every file failed to parse: one line.
                self.reading = 0
                self.unreadable = str(error)
                self.facts.failed = f"No article could be read: {error}"
                self.note = "no article could be read (see the facts list)"
                self.notify(self.facts.failed, severity="error", timeout=10, markup=False)
                return
            self.totals = None  # A first story shown stays, as all there is: no more to wait for.
            named = isinstance(error, AnalysisFailed)  # Its message names the error already.
            why = str(error) if named else f"{type(error).__name__}: {error}"
            self.facts.failed = f"Alignment failed: {why}"
            self.note = "alignment failed (see the facts list); the articles are still readable"
            self.notify(f"Alignment failed: {error}", severity="error", timeout=10)

    # -- the current fact -------------------------------------------------------------

    @property
    def current_group(self) -> Group | None:
        """The selected fact."""
        if self.analysis is None or not 0 <= self.current < len(self.analysis.groups):
            return None
        return self.analysis.groups[self.current]

    def select(
        self,
        fact: int,
        *,
        note: str = "",
        hold: int | None = None,
        discrepancy: Discrepancy | None = None,
        bring: bool = True,
    ) -> None:
        """Make a fact current: its articles come into the panes (those of ``discrepancy``'s
        conflicting values first), every pane moves to its sentence, level with the others.

        ``hold``: a pane that stays where it is (the one clicked); the others come to it.
        ``bring=False`` (the first fact, selected on start-up): the panes keep the articles
        the reader opened with, unless none of them reports the fact.
        """
        if self.analysis is None or not self.analysis.groups:
            return
        fact = max(0, min(fact, len(self.analysis.groups) - 1))
        self.current_discrepancy = None
        self.current_quote = None
        self.note = note
        for pane in self.deck.panes:
            pane.mark()
        if discrepancy is None and self.analysis.fact_discrepancies[fact]:
            discrepancy = self.analysis.fact_discrepancies[fact][0]
        keep = () if hold is None else (hold,)
        first = conflict_order(discrepancy, self.analysis.groups[fact])
        self.deck.show_fact_articles(fact, first, keep, bring=bring)
        self._update_shown()
        if hold is not None:
            self.deck.hold(hold)
        if fact == self.current:
            self.deck.level()
        self.current = fact

    def select_group(self, group_id: int) -> None:
        """Select a fact by its ``Group.id`` (bookmarks, palette, tests)."""
        if self.analysis is not None and group_id in self.analysis.group_position:
            self.select(self.analysis.group_position[group_id])

    def goto(self, target: Target | None) -> None:
        """Go where a view asked: a fact, or a place in an article."""
        if target is None:
            return
        if target.fact is not None:
            self.select(target.fact, note=target_note(target), discrepancy=target.discrepancy)
        elif target.article is not None:
            self.note = target_note(target)
            self.current_discrepancy = self.current_quote = None
            pane = self.deck.show_article(target.article)
            self._update_shown()
            self.deck.place(pane, target.offset or 0)
        self.current_discrepancy = target.discrepancy
        self.current_quote = target.quote
        quote_id = target.quote.id if target.quote else None
        marks = target_marks(target, self.corpus)
        for pane in self.deck.panes:
            pane.mark(target.search, quote_id, marks)

    def _update_shown(self) -> None:
        self.facts.shown = tuple(self.deck.positions)

    def on_fact_clicked(self, message: FactClicked) -> None:
        self.select(message.fact)

    def on_sentence_clicked(self, message: SentenceClicked) -> None:
        panes = self.deck.panes
        if self.analysis is None or not 0 <= message.pane < len(panes):
            return
        key = (panes[message.pane].article.id, message.sentence)
        facts = self.analysis.sentence_groups.get(key, ())
        if facts:
            # Clicking the current fact's sentence again cycles through its other facts.
            later = [f for f in facts if f > self.current] if self.current in facts else []
            self.select((later or list(facts))[0], hold=message.pane)

    # -- actions ----------------------------------------------------------------------

    def action_next_fact(self) -> None:
        self._step_fact(1)

    def action_previous_fact(self) -> None:
        self._step_fact(-1)

    def _step_fact(self, step: int) -> None:
        if self.totals is not None and self.analysis is not None:  # The first story only.
            target = self.current + step
            if 0 <= target < len(self.analysis.groups):
                self.select(target)
            elif target > 0:
                self._loaded()  # Says that the other stories are still being read.
            return
        if not self._ready():  # Say what the key waits for, rather than nothing.
            return
        visible = self.facts.listed
        if visible is None:
            target = self.current + step
            self.select(target if target >= 0 else 0)
            return
        if not visible:
            return
        later = [p for p in visible if (p - self.current) * step > 0]
        if later:
            self.select(later[0] if step > 0 else later[-1])
        elif self.current not in visible:
            self.select(visible[0])

    def action_filter_facts(self) -> None:
        if not self._ready():
            return
        from tui.app.screens.fact_filter import FactFilterScreen  # noqa: PLC0415 (start-up)

        self.app.push_screen(FactFilterScreen(self.filter_words, self.filter_facts))

    def filter_facts(self, words: str) -> int:
        """Show only the facts matching ``words`` (none: every fact); how many are shown."""
        from tui.app.fact_filter import fact_filter  # noqa: PLC0415 (start-up)

        assert self.analysis is not None
        self.filter_words = words
        visible = fact_filter(self.analysis, words, self.bookmarked, self.facts.gist)
        self.facts.listed = visible
        return len(self.analysis.groups) if visible is None else len(visible)

    def action_next_discrepancy(self) -> None:
        self._discrepancy_step(1)

    def action_previous_discrepancy(self) -> None:
        self._discrepancy_step(-1)

    def _discrepancy_step(self, step: int) -> None:
        analysis = self.analysis
        if analysis is None or self.totals is not None:
            self._ready()  # Says the analysis is still running.
            return
        total = len(analysis.groups)
        for distance in range(1, total + 1):
            fact = (self.current + step * distance) % total
            found = [
                d
                for d in analysis.fact_discrepancies[fact]
                if getattr(self.corrections.get(d.id), "kind", "") != "dismissed"
            ]
            if found:
                self.goto(Target(fact=fact, discrepancy=found[0]))
                self.show_correction()
                return
        self.notify("No discrepancy found between these articles.")

    def action_focus_pane(self, step: int) -> None:
        self.deck.focus_pane(step)

    def action_cycle_article(self, step: int) -> None:
        if not self._loaded():
            return
        self.deck.cycle(step)
        self._update_shown()

    def action_add_pane(self) -> None:
        if not self._loaded():
            return
        if not self.deck.add_pane():
            self.notify("No room for another pane (or every article is shown).")
        self._update_shown()

    def action_remove_pane(self) -> None:
        if not self._loaded():
            return
        if not self.deck.remove_pane():
            self.notify("The last pane stays.")
        self._update_shown()

    def use_analysis(self, analysis: Analysis) -> None:
        """The alignment changed under the reader (a link): keep the current fact."""
        group = self.current_group
        self.analysis = analysis
        if group is not None and group.id in analysis.group_position:
            self.current = -1
            self.select(analysis.group_position[group.id])

    def use_corpus(self, corpus: Corpus) -> None:
        """The articles, read at last, or the same under new names (a source renamed):
        every widget shows them."""
        self.corpus = corpus
        self.facts.use_corpus(corpus)
        self.deck.use_corpus(corpus)
        self.query_one(StatusLine).use_corpus(corpus)
        self._update_shown()
        if self.analysis is not None:
            self.analysis = replace(self.analysis, corpus=corpus)
        if self.base_analysis is not None:
            self.base_analysis = replace(self.base_analysis, corpus=corpus)

    # -- tools (tui/app/reader_tools.py) --------------------------------------------------

    def action_rename_source(self) -> None:
        if not self._loaded():
            return
        reader_tools().rename_source(self)

    def action_pick_article(self) -> None:
        if not self._loaded():
            return
        reader_tools().pick_article(self)

    def action_only_here(self) -> None:
        reader_tools().only_here(self)

    def action_matches(self) -> None:
        reader_tools().matches(self)

    def action_unlink(self) -> None:
        if not self._loaded():
            return
        reader_tools().unlink(self)

    def action_copy(self) -> None:
        if not self._loaded():
            return
        reader_tools().copy(self)

    def action_compare(self) -> None:
        reader_tools().compare(self)

    def action_pin(self) -> None:
        if not self._loaded():
            return
        pinned = self.deck.toggle_pin()
        self.notify("Pane pinned to its article" if pinned else "Pane unpinned", timeout=1.5)

    def action_toggle_lock(self) -> None:
        self.scroll_lock = not self.scroll_lock
        self.notify(f"Scroll lock {'on' if self.scroll_lock else 'off'}", timeout=1.5)

    def action_toggle_facts(self) -> None:
        facts = self.facts
        visible = facts.display
        facts.set_class(visible, "-hidden")
        facts.set_class(not visible, "-shown")

    def action_quotes(self) -> None:
        if self._ready():
            from tui.app.screens.quotes import QuotesScreen  # noqa: PLC0415 (start-up)

            assert self.analysis is not None
            self.app.push_screen(QuotesScreen(self.analysis, self._scope()), self.goto)

    def action_discrepancies(self) -> None:
        if self._ready():
            from tui.app.screens.discrepancies import (  # noqa: PLC0415 (start-up)
                DiscrepanciesScreen,
            )

            assert self.analysis is not None
            names = {a.id: a.source or a.id for a in self.corpus.articles}
            verdicts = {d: c.describe(names) for d, c in self.corrections.items()}
            screen = DiscrepanciesScreen(
                self.analysis, self.current_discrepancy, self._scope(), verdicts
            )
            self.app.push_screen(screen, self.goto)

    def action_dismiss_discrepancy(self) -> None:
        if not self._loaded():
            return
        from tui.app import bookmarking  # noqa: PLC0415 (start-up: SQLite, rapidfuzz)

        bookmarking.correct(self, "dismissed")

    def action_check_discrepancy(self) -> None:
        if not self._loaded():
            return
        from tui.app import bookmarking  # noqa: PLC0415 (start-up: SQLite, rapidfuzz)

        bookmarking.correct(self, "checked")

    def show_correction(self) -> None:
        """Say in the status line what the user decided about the current discrepancy."""
        discrepancy = self.current_discrepancy
        correction = self.corrections.get(discrepancy.id) if discrepancy else None
        if correction is not None:
            names = {a.id: a.source or a.id for a in self.corpus.articles}
            self.note = f"✓ {correction.describe(names)}"

    def action_search(self) -> None:
        if not self._loaded():
            return
        from tui.app.screens.search import SearchScreen  # noqa: PLC0415 (start-up)

        self.app.push_screen(SearchScreen(self.corpus, self.analysis), self.goto)

    def action_stories(self) -> None:
        if not self._ready():
            return
        assert self.analysis is not None
        stories = self.analysis.alignment.stories
        if len(stories) <= 1:
            self.notify("These articles report one story.")
            return
        from tui.app.screens.stories import StoriesScreen  # noqa: PLC0415 (start-up)

        group = self.current_group
        current = group.story if group is not None else None
        self.app.push_screen(StoriesScreen(self.analysis, current), self.goto)

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen  # noqa: PLC0415 (start-up)

        self.app.push_screen(HelpScreen(self))

    def action_bookmark(self) -> None:
        from tui.app import bookmarking  # noqa: PLC0415 (start-up: SQLite, rapidfuzz)

        if self._ready():
            bookmarking.bookmark(self)

    def action_export_memo(self) -> None:
        if not self._loaded():
            return
        from tui.app import bookmarking  # noqa: PLC0415 (start-up: SQLite, rapidfuzz)

        bookmarking.export_memo(self)

    def action_bookmarks(self) -> None:
        if not self._loaded():
            return
        from tui.app import bookmarking  # noqa: PLC0415 (start-up: SQLite, rapidfuzz)

        bookmarking.open_bookmarks(self)

    def _scope(self) -> frozenset[str] | None:
        """With a big corpus, views start with the articles on screen and the fact's."""
        if len(self.corpus.articles) <= SCOPE_FROM:
            return None
        shown = {pane.article.id for pane in self.deck.panes}
        if (group := self.current_group) is not None:
            shown.update(m.article for m in group.members)
        return frozenset(shown)

    def _ready(self) -> bool:
        """The analysis is at hand (else say what the key waits for)."""
        if not self._loaded():
            return False
        if self.analysis is None:
            self.notify(f"Still aligning the articles ({self.progress:.0%})…")
            return False
        return True

    def _loaded(self) -> bool:
        """The articles are at hand (else say what the key waits for)."""
        if self.totals is not None:
            self.notify("Still reading the other stories (the first one is shown)…")
            return False
        if self.reading:
            self.notify(f"Still reading the articles ({self.progress:.0%})…")
            return False
        if not self.corpus.articles:
            self.notify("No article could be read.")
            return False
        return True
