"""The reader's start: a wrong path is one line before the app; a few plain-text files are
parsed at once, anything more after the first paint; the analysis process starts first."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.cli import PARSE_AT_ONCE_BYTES, main
from tui.core.background import AnalysisChild
from tui.core.models import Corpus
from tui.core.text.corpus import Sources


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Corpus | Sources]:
    from tui.app import app as app_module

    calls: list[Corpus | Sources] = []

    def run_app(corpus: Corpus | Sources, **kwargs: object) -> int:
        calls.append(corpus)
        return 0

    monkeypatch.setattr(app_module, "run_app", run_app)
    return calls


def test_the_seeds_are_parsed_before_the_reader_opens(opened: list[Corpus | Sources]) -> None:
    assert main([]) == 0
    (corpus,) = opened
    assert isinstance(corpus, Corpus) and len(corpus.articles) == 5


def test_markdown_and_bigger_folders_are_parsed_after_the_first_paint(
    tmp_path: Path, opened: list[Corpus | Sources]
) -> None:
    (tmp_path / "md").mkdir()
    (tmp_path / "md" / "a.md").write_text("# Title\n\nA sentence here.\n")
    (tmp_path / "big").mkdir()
    text = next(SEEDS.glob("*.txt")).read_text()
    for n in range(PARSE_AT_ONCE_BYTES // len(text) + 1):
        (tmp_path / "big" / f"{n}.txt").write_text(text)
    assert main([str(tmp_path / "md")]) == 0
    assert main([str(tmp_path / "big")]) == 0
    assert all(isinstance(s, Sources) for s in opened) and len(opened) == 2


def test_a_wrong_path_is_one_line_before_the_reader(
    tmp_path: Path, opened: list[Corpus | Sources], capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.md").write_text("  \n")
    assert main([str(tmp_path / "nowhere")]) == 1
    assert main([str(tmp_path / "empty.md")]) == 1
    assert opened == []
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].endswith("nowhere: no such file or folder")
    assert lines[1].endswith("empty.md: file is empty")


def test_the_warnings_of_files_parsed_at_once_are_printed_when_the_reader_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.app import app as app_module

    seed = sorted(SEEDS.glob("*.txt"))[0]
    (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "blank.txt").write_text("   \n")
    printed_before: list[str] = []

    def run_app(corpus: Corpus | Sources, **kwargs: object) -> int:
        printed_before.append(capsys.readouterr().err)
        return 0

    monkeypatch.setattr(app_module, "run_app", run_app)
    assert main([str(tmp_path)]) == 0
    assert printed_before == [""]  # On exit, like the files parsed after the first paint.
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kursk-reader: warning: ") and "blank.txt" in line


def test_the_analysis_process_is_forked_before_the_reader_and_handed_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forked before Textual's imports, it reads the articles meanwhile; the reader takes
    it over."""
    from tui.app import app as app_module

    if not hasattr(os, "fork") or threading.active_count() != 1:
        pytest.skip("the reader forks only without fork-unsafe threads; other tests left some")

    (tmp_path / "a.md").write_text("# Title\n\nA sentence here. And another one.\n")
    read: list[Corpus] = []

    def run_app(corpus: Corpus | Sources, **kwargs: object) -> int:
        child = kwargs["child"]
        assert isinstance(child, AnalysisChild) and isinstance(corpus, Sources)
        child.go()  # As the first paint does.
        read.extend(step for step in child.steps() if isinstance(step, Corpus))
        return 0

    monkeypatch.setattr(app_module, "run_app", run_app)
    assert main(["read", "--no-cache", str(tmp_path)]) == 0
    assert [[a.id for a in c.articles] for c in read] == [["a"]]
