"""UI test fixtures: a private data folder, a steady cursor, apps on the seeds."""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path

import pytest
from textual.widgets import Input

from tui.app.app import ReaderApp
from tui.core.analysis import Analysis, analyse
from tui.core.models import Corpus
from tui.core.text.corpus import load_corpus


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Bookmarks go to a fresh folder for every test."""
    folder = tmp_path / "reader-data"
    monkeypatch.setenv("KURSK_READER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make snapshots depend on timing."""

    def keep_visible(self: Input) -> None:
        self._cursor_visible = True

    monkeypatch.setattr(Input, "_toggle_cursor", keep_visible)


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The bundled seed articles, loaded once."""
    return load_corpus([])


@pytest.fixture(scope="session")
def seed_analysis(seeds: Corpus) -> Analysis:
    """The real analysis of the seeds, computed once for the whole session."""
    return analyse(seeds)


@pytest.fixture
def make_app(seeds: Corpus, seed_analysis: Analysis) -> Callable[..., ReaderApp]:
    """A reader on the seeds; its worker hands over the session's analysis."""

    def cached(corpus: Corpus) -> Generator[float, None, Analysis]:
        yield 0.5
        return seed_analysis

    def make(**kwargs: object) -> ReaderApp:
        kwargs.setdefault("analyse", cached)
        return ReaderApp(seeds, **kwargs)  # type: ignore[arg-type]

    return make
