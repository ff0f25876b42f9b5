"""The screen paints before the articles are parsed: keys say what they wait for, the
articles arrive in the panes, a file that fails to parse is one line, never a crash, and
what the command prints once the reader closes."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Generator
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import ready

from tests.conftest import SEEDS
from tui.app.app import ReaderApp, exit_code
from tui.core.analysis import Analysis, analyse_steps
from tui.core.background import read_then_analyse
from tui.core.models import Corpus
from tui.core.text.corpus import Sources, find_sources, load_corpus


def reading_app(sources: Sources) -> ReaderApp:
    """The reader as the command line opens it (in a thread here, not a child process)."""
    reading = len(sources.files) + len(sources.urls)
    return ReaderApp(
        Corpus(()), lambda _: read_then_analyse(sources, analyse_steps), reading=reading
    )


async def test_keys_while_reading_say_so_and_the_articles_arrive(tmp_path: Path) -> None:
    release = threading.Event()
    sources = find_sources([])

    def held(_: Corpus) -> Generator[float | Corpus, None, Analysis]:
        yield 0.2
        release.wait(5)
        return (yield from read_then_analyse(sources, analyse_steps))

    app = ReaderApp(Corpus(()), held, reading=len(sources.files))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert app.reader.deck.panes == []
        assert "Reading 5 articles" in str(app.reader.facts.render_line(0).text)
        await pilot.press("j", "]", "p", "slash")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert sum("Still reading the articles" in m for m in messages) == 4
        assert app.screen is app.reader
        release.set()
        await ready(pilot)
        assert [pane.article.id for pane in app.reader.deck.panes] == [
            a.id for a in app.corpus.articles[:2]
        ]
        assert app.reader.current == 0
        assert app.analysis is not None and app.analysis.corpus is app.corpus


async def test_a_file_that_fails_to_parse_is_one_warning(tmp_path: Path) -> None:
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, tmp_path)
    (tmp_path / "only-code.md").write_text("```\nprint('no prose')\n```\n")
    app = reading_app(find_sources([tmp_path]))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        assert len(app.corpus.articles) == 3
        (warning,) = [n.message for n in app._notifications if n.severity == "warning"]
        assert warning.startswith("skipped ") and "only-code.md: no article text" in warning
        assert app.analysis is not None


async def test_when_no_file_parses_the_reader_says_why_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("```\nprint('no prose')\n```\n")
    app = reading_app(find_sources([tmp_path]))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        line = str(app.reader.facts.render_line(0).text)  # Cut to the list's width.
        assert line.startswith("No article could be read: ")
        assert app.reader.unreadable is not None
        assert "a.md: no article text" in app.reader.unreadable
        await pilot.press("j")  # A key now says there is nothing to read, not a traceback.
        await pilot.pause()
        assert any("No article could be read" in n.message for n in app._notifications)


async def read_and_quit(folder: Path) -> int:
    """Open the reader on a folder, quit once it is ready: the command's exit code."""
    sources = find_sources([folder])
    app = reading_app(sources)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+q")
    return exit_code(app, sources)


async def test_on_exit_the_files_warnings_are_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, tmp_path)
    (tmp_path / "only-code.md").write_text("```\nprint('no prose')\n```\n")
    assert await read_and_quit(tmp_path) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kursk-reader: warning: skipped ")
    assert "only-code.md: no article text" in line


async def test_on_exit_no_file_read_is_one_error_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text("```\nprint('no prose')\n```\n")
    assert await read_and_quit(tmp_path) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kursk-reader: error: ")
    assert "a.md: no article text" in line


async def test_on_exit_a_corpus_given_is_not_warned_about(
    capsys: pytest.CaptureFixture[str],
) -> None:
    corpus = replace(load_corpus([]), warnings=("its caller's to print",))
    app = ReaderApp(corpus, analyse_steps)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
    assert exit_code(app, corpus) == 0
    assert capsys.readouterr().err == ""
