"""The reader's start: a wrong path is one line before the app; the files are parsed after
the first paint; the analysis process starts first."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.cli import main
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


def test_every_set_is_parsed_after_the_first_paint(
    tmp_path: Path, opened: list[Corpus | Sources]
) -> None:
    """The seeds too: the first frame says it is reading, and comes 20-50 ms sooner than
    with the articles laid out in it."""
    (tmp_path / "md").mkdir()
    (tmp_path / "md" / "a.md").write_text("# Title\n\nA sentence here.\n")
    assert main([]) == 0
    assert main([str(tmp_path / "md")]) == 0
    assert main([str(SEEDS)]) == 0
    assert [len(s.files) for s in opened if isinstance(s, Sources)] == [5, 1, 5]


def test_the_collector_waits_for_the_first_paint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up makes objects that all live on: no collection until the first frame is
    drawn (``painted``), then they are frozen and the collector runs again."""
    from tui.app import app as app_module

    seen: list[bool] = []

    def run_app(corpus: Corpus | Sources, **kwargs: object) -> int:
        seen.append(gc.isenabled())
        painted = kwargs["painted"]
        assert callable(painted)
        painted()
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(app_module, "run_app", run_app)
    monkeypatch.setattr(gc, "freeze", lambda: None)  # Not the whole test session's heap.
    assert gc.isenabled()
    assert main([str(SEEDS)]) == 0
    assert seen == [False, True]
    assert gc.isenabled()
    gc.disable()  # A caller that keeps the collector off gets it back off.
    try:
        assert main([str(SEEDS)]) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


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


FORKED_EARLY = """
import sys
from tui.app import app as app_module
from tui.cli import main
from tui.core.background import AnalysisChild
from tui.core.models import Corpus
from tui.core.text.corpus import Sources

read = []

def run_app(corpus, **kwargs):
    child = kwargs["child"]
    assert isinstance(child, AnalysisChild) and isinstance(corpus, Sources)
    child.go()  # As the first paint does.
    read.extend(step for step in child.steps() if isinstance(step, Corpus))
    return 0

app_module.run_app = run_app
assert main(["read", "--no-cache", sys.argv[1]]) == 0
print([[a.id for a in c.articles] for c in read])
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the reader forks only where it can")
def test_the_analysis_process_is_forked_before_the_reader_and_handed_to_it(
    tmp_path: Path,
) -> None:
    """Forked before Textual's imports, it reads the articles meanwhile; the reader takes
    it over. In a fresh interpreter: the command line forks only while its process has
    one thread, and earlier tests leave threads in this one."""
    (tmp_path / "a.md").write_text("# Title\n\nA sentence here. And another one.\n")
    env = {**os.environ, "KURSK_READER_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", FORKED_EARLY, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[['a']]"


def test_the_reader_draws_up_to_120_frames_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual draws a frame period after the screen falls idle: at 60 a second each
    step of a change waited 17 ms. A user's own setting wins."""
    from tui.app import app as app_module

    seen: list[str | None] = []

    def run_app(corpus: Corpus | Sources, **kwargs: object) -> int:
        seen.append(os.environ.get("TEXTUAL_FPS"))
        return 0

    monkeypatch.setattr(app_module, "run_app", run_app)
    monkeypatch.setenv("TEXTUAL_FPS", "60")  # Recorded as it was: restored after the test.
    monkeypatch.delenv("TEXTUAL_FPS")
    assert main([str(SEEDS)]) == 0
    monkeypatch.setenv("TEXTUAL_FPS", "30")
    assert main([str(SEEDS)]) == 0
    assert seen == ["120", "30"]
