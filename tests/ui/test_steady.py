"""Screens are laid out once per size: a resize to the size a screen has is dropped, a real
one is not; the reader's breakpoint classes are set as it composes, and follow every
resize, even one made under a modal screen."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator

import pytest
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen

from tui.app.app import ReaderApp, _after_first_paint
from tui.app.reader import ReaderScreen
from tui.app.steady import breakpoint_classes
from tui.core.models import Corpus

App = Callable[..., ReaderApp]


def count_layouts(screen: Screen[None]) -> list[int]:
    """How many times the screen is laid out from now on (a one-item list, updated)."""
    laid_out = [0]

    def seen(_: object) -> None:
        laid_out[0] += 1

    screen.screen_layout_refresh_signal.subscribe(screen, seen)
    return laid_out


async def test_a_resize_to_the_same_size_is_dropped_a_real_one_is_not(make_app: App) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.reader
        laid_out = count_layouts(screen)
        screen.post_message(events.Resize(Size(160, 48), Size(160, 48)))
        await pilot.pause()
        assert laid_out[0] == 0
        await pilot.resize_terminal(80, 16)
        await pilot.pause()
        assert laid_out[0] >= 1
        assert {"-narrow", "-short"} <= screen.classes
        assert not {"-wide", "-tall"} & screen.classes


async def test_a_resize_under_a_modal_screen_sets_the_breakpoints_below(make_app: App) -> None:
    """The help, on top, lays the reader out for the new size: the reader's own resize
    then finds the size it has, and is dropped, but not its breakpoint classes."""
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.reader
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is not screen
        await pilot.resize_terminal(80, 16)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert {"-narrow", "-short"} <= screen.classes
        assert not {"-wide", "-tall"} & screen.classes


@pytest.mark.parametrize(
    ("width", "height", "classes"),
    [
        (160, 48, {"-wide", "-tall"}),
        (109, 17, {"-narrow", "-short"}),
        (110, 18, {"-wide", "-tall"}),
    ],
)
async def test_breakpoints_as_textual_sets_them(
    make_app: App, width: int, height: int, classes: set[str]
) -> None:
    """Textual's own resize handler gives the same classes as ``breakpoint_classes``."""
    app = make_app()
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        screen = app.reader
        found = breakpoint_classes(screen, Size(width, height))
        assert {name for name, on in found.items() if on} == classes
        screen.remove_class(*found)
        await Screen._on_resize(screen, events.Resize(Size(width, height), Size(width, height)))
        assert {name for name in found if name in screen.classes} == classes


async def test_the_screen_is_composed_with_its_breakpoints(make_app: App) -> None:
    app = make_app()
    composed: list[frozenset[str]] = []
    compose = ReaderScreen.compose

    def spy(screen: ReaderScreen):  # type: ignore[no-untyped-def]
        result = list(compose(screen))
        composed.append(frozenset(screen.classes))
        return result

    ReaderScreen.compose = spy  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(80, 16)):
            pass
    finally:
        ReaderScreen.compose = compose  # type: ignore[method-assign]
    assert {"-narrow", "-short"} <= composed[0]


async def test_the_app_passes_on_no_resize_of_the_size_it_has(make_app: App) -> None:
    """The terminal driver reports at start the size the app already took: Textual would
    hand it to the screen at the next idle moment, before the screen was laid out."""
    dispatched: list[events.Resize] = []

    def seen(message: Message) -> None:
        if isinstance(message, events.Resize):
            dispatched.append(message)

    app = make_app()
    async with app.run_test(size=(160, 48), message_hook=seen) as pilot:
        await pilot.pause()
        same = events.Resize(Size(160, 48), Size(160, 48))
        app.post_message(same)
        await pilot.pause()
        await pilot.pause()
        assert sum(e is same for e in dispatched) == 1  # The app's, never the screen's.
        bigger = events.Resize(Size(100, 30), Size(100, 30))
        app.post_message(bigger)
        await pilot.pause(0.05)
        assert sum(e is bigger for e in dispatched) == 2  # Handed on to the screen.


async def test_the_first_frame_is_announced_once(make_app: App) -> None:
    """run_app lets the analysis process start its work there (AnalysisChild.go)."""
    app = make_app()
    calls: list[int] = []
    app.first_paint = lambda: calls.append(1)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
    assert calls == [1]


def test_the_analysis_process_is_read_from_the_first_paint_on() -> None:
    """A cached analysis waits in the pipe before the first frame: reading it then (the
    articles' unpickling holds the interpreter) delayed that frame."""
    calls: list[str] = []

    class Child:
        def go(self) -> None:
            calls.append("go")

        def steps(self, corpus: Corpus | None = None) -> Generator[float, None, None]:
            calls.append("read")
            yield 1.0

    first_paint, steps = _after_first_paint(Child(), reading=True)  # type: ignore[arg-type]
    worker = threading.Thread(target=lambda: next(steps(Corpus(()))))
    worker.start()
    worker.join(0.2)
    assert calls == []
    first_paint()
    worker.join()
    assert calls == ["go", "read"]
