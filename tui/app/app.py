"""The reader app: a thin shell around the main screen, its views and commands."""

from __future__ import annotations

import os
import threading
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.screen import Screen

from tui.app.messages import BookmarkRequested, SourceRenamed
from tui.app.reader import AnalyseSteps, ReaderScreen
from tui.core.analysis import Analysis, analyse_steps
from tui.core.background import GO_AT_LATEST, AnalysisChild, Session, Steps, reader_session
from tui.core.models import Corpus
from tui.core.settings import apply_names, load_settings, save_settings
from tui.core.text.corpus import Sources, corpus_fingerprint
from tui.errors import say

if TYPE_CHECKING:
    from tui.core.bookmarks.store import BookmarkStore


class ReaderApp(App[None]):
    """Compare news reports of one event, fact by fact."""

    TITLE = "kursk-reader"
    CSS_PATH = Path(__file__).with_name("reader.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self, corpus: Corpus, analyse: AnalyseSteps = analyse_steps, *, reading: int = 0
    ) -> None:
        """``reading``: how many files and links ``analyse`` reads first (the screen
        paints before they are parsed; ``corpus`` is then empty until they are)."""
        super().__init__()
        settings = load_settings()
        self.reading = reading
        self.corpus_key = ""
        """Names given to sources are kept per corpus, under this key (texts, not names)."""
        self._loaded_source: dict[str, str | None] = {}
        """Each article's outlet as its file gives it (a forgotten rename goes back to it)."""
        self.corpus = self.adopt(corpus) if corpus.articles else corpus
        self.analyse = analyse
        self.main: ReaderScreen | None = None
        """The reader screen, once made (it outlives the app's run for ``run_app``)."""
        self.bookmark_store: BookmarkStore | None = None
        self.crash_log: Path | None = None
        """Where the traceback of an unhandled exception was written, if one happened."""
        self.first_paint: Callable[[], None] | None = None
        """Called once the reader's screen is first drawn."""
        if settings.theme is not None and settings.theme in self.available_themes:
            self.theme = settings.theme
        self._sized: Size | None = None
        """The terminal size of the last resize event."""

    def adopt(self, corpus: Corpus, key: str | None = None) -> Corpus:
        """The articles as this reader shows them: with the names given to their sources.
        ``key``: the fingerprint of the corpus they begin (a first screen's articles)."""
        self.corpus_key = key or corpus_fingerprint(corpus)
        self._loaded_source = {a.id: a.source for a in corpus.articles}
        names = load_settings().names.get(self.corpus_key, {})
        self.corpus = apply_names(corpus, names)
        return self.corpus

    def get_default_screen(self) -> Screen[Any]:
        # The reader is the first screen: nothing blank is ever drawn before it.
        self.main = ReaderScreen(self.corpus, self.analyse, reading=self.reading, adopt=self.adopt)
        return self.main

    def on_ready(self) -> None:
        # The first frame is drawn.
        painted, self.first_paint = self.first_paint, None
        if painted is not None:
            painted()

    def on_resize(self, event: events.Resize) -> None:
        # At start-up the terminal driver reports the size the app already took; Textual
        # keeps such a resize pending and hands it to the screen at the next idle moment:
        # a second layout and paint of the whole screen (10-20 ms) as the first keys come.
        if event.size == self._sized:
            event.prevent_default()
        self._sized = event.size

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: object) -> None:
        try:
            save_settings(replace(load_settings(), theme=self.theme))
        except OSError as error:
            self.notify(f"The theme could not be saved: {error}", severity="warning", markup=False)

    def on_source_renamed(self, message: SourceRenamed) -> None:
        self.rename_source(message.article, message.name)

    def rename_source(self, article_id: str, name: str) -> None:
        """Name a source (kept for this corpus); an empty name goes back to the file's."""
        settings = load_settings().with_name(self.corpus_key, article_id, name)
        try:
            save_settings(settings)
        except OSError as error:
            self.notify(f"The name could not be saved: {error}", severity="warning", markup=False)
        given = settings.names.get(self.corpus_key, {}).get(article_id)
        source = given or self._loaded_source.get(article_id)
        articles = tuple(
            replace(a, source=source) if a.id == article_id else a for a in self.corpus.articles
        )
        self.corpus = replace(self.corpus, articles=articles)
        self.reader.use_corpus(self.corpus)

    def open_bookmark_store(self) -> None:
        """Open the bookmark store, once: when the analysis is on screen and its facts get
        their marks (``bookmarking.refresh_markers``), or sooner when a key needs it. Not at
        start-up: its imports (SQLite, rapidfuzz) and queries took 20-25 ms just as the first
        keys and facts came."""
        if self.bookmark_store is not None:
            return
        from tui.app import bookmarking  # noqa: PLC0415 (start-up: SQLite, rapidfuzz)

        bookmarking.open_bookmark_store(self)

    def on_bookmark_requested(self, message: BookmarkRequested) -> None:
        """`b` in the quotes or discrepancy view: the dialog opens over the view."""
        from tui.app import bookmarking  # noqa: PLC0415 (start-up: SQLite, rapidfuzz)

        bookmarking.bookmark(self.reader, quote=message.quote, discrepancy=message.discrepancy)

    def _handle_exception(self, error: Exception) -> None:
        # Textual prints the traceback once the screen is restored; keep it in a file too,
        # so the user can find it after the terminal scrolls, and exit non-zero.
        from tui.app.crash import write_crash_log  # noqa: PLC0415 (only after a crash)

        if self.crash_log is None:
            self.crash_log = write_crash_log(error)
        super()._handle_exception(error)

    def on_unmount(self) -> None:
        if self.bookmark_store is not None:
            self.bookmark_store.close()

    @property
    def reader(self) -> ReaderScreen:
        """The main screen (under any open view)."""
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                return screen
        raise LookupError("the reader screen is not mounted")

    @property
    def analysis(self) -> Analysis | None:
        """The alignment, quotes and discrepancies; None until the worker is done."""
        return self.reader.analysis

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReaderScreen):
            return
        # The palette lists the reader's own bindings: one list, never a copy to keep in step.
        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding) or not binding.tooltip:
                continue
            if binding.action.startswith("app."):
                continue  # Quit and the like: Textual's own system commands.
            key = binding.key_display or binding.key.split(",")[0]
            yield SystemCommand(
                binding.description,
                f"{binding.tooltip} ({key})",
                self._screen_action(screen, binding.action),
            )

    @staticmethod
    def _screen_action(screen: Screen[Any], action: str) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            await screen.run_action(action)

        return run


def run_app(
    corpus: Corpus | Sources,
    *,
    headless: bool = False,
    analyse: Steps = analyse_steps,
    in_child: bool = True,
    cache: bool = True,
    child: AnalysisChild | None = None,
    painted: Callable[[], None] | None = None,
) -> int:
    """Run the reader until the user quits; returns the exit code (1 after a crash, or
    when no article could be read).

    Given ``Sources`` (files read, not parsed), the screen paints at once; the articles
    are parsed, then given the default analysis (with the cache unless ``cache`` is
    False), where they cannot delay it. That is a child process forked before Textual
    starts its threads, so keys answer from the first paint on; without ``fork``
    (Windows), or with ``in_child`` False (a corpus whose analysis is at hand, read from
    an index), a thread. ``child``: that process, forked already (by the command line,
    before Textual's imports), running the session ``Sources`` call for. ``painted``:
    called once the first frame is drawn. The warnings about the files are printed again
    on exit.
    """
    if isinstance(corpus, Sources):
        sources = corpus
        app = ReaderApp(
            Corpus(()),
            lambda _: reader_session(sources, cache=cache),
            reading=len(sources.files) + len(sources.urls),
        )
    else:
        app = ReaderApp(corpus, analyse)
    if child is None and in_child and hasattr(os, "fork") and threading.active_count() == 1:
        session = app.analyse
        start = app.corpus
        child = AnalysisChild.start(lambda: session(start), wait=GO_AT_LATEST)
    if child is not None:
        app.first_paint, app.analyse = _after_first_paint(child, reading=bool(app.reading))
    if painted is not None:
        app.first_paint = _both(app.first_paint, painted)
    try:
        app.run(headless=headless)
    finally:
        if child is not None:
            child.stop()  # Quit before the analysis finished: it is not needed any more.
    return exit_code(app, corpus)


def _both(first: Callable[[], None] | None, then: Callable[[], None]) -> Callable[[], None]:
    """One first-paint callback calling ``first`` (if any), then ``then``."""

    def both() -> None:
        try:
            if first is not None:
                first()
        finally:
            then()

    return both


def _after_first_paint(
    child: AnalysisChild, *, reading: bool
) -> tuple[Callable[[], None], Callable[[Corpus], Session]]:
    """What the first paint calls, and the reader's steps: the child's analysis proper
    starts then (the two would share the cores), and its frames are read then too. A
    cached analysis is in the pipe before the first frame: unpickling its articles (20-40
    ms, holding the interpreter) as the frame was drawn delayed it. Each waits
    ``GO_AT_LATEST`` at most."""
    painted = threading.Event()

    def first_paint() -> None:
        child.go()
        painted.set()

    def steps(corpus: Corpus) -> Session:
        painted.wait(GO_AT_LATEST)
        # While reading, the screen's corpus is an empty stand-in: the child's articles
        # come first, else the session failed (an error line, not an empty analysis).
        return (yield from child.steps(None if reading else corpus))

    return first_paint, steps


def exit_code(app: ReaderApp, given: Corpus | Sources) -> int:
    """What the command says once the reader closed, and its exit code: the warnings
    about the files read (a corpus given is its caller's to warn about), a crash, or
    that no file could be read (exit 1)."""
    code = app.return_code or 0
    read = bool(app.corpus.articles)
    if isinstance(given, Sources):
        for warning in app.corpus.warnings if read else given.skipped():
            say("warning", warning)
    if code:
        where = f"details in {app.crash_log}" if app.crash_log else "no crash log could be written"
        say("error", f"the reader crashed; {where}")
    elif not read and app.main is not None and app.main.unreadable:
        say("error", app.main.unreadable)
        return 1
    return code
