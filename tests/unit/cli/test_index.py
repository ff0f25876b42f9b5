"""``kursk-reader index``: an archive's stories analysed as tasks, on Dask or locally."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Generator
from pathlib import Path

import pytest

from tests.conftest import TWO_STORIES
from tui.cli import main
from tui.core.analysis import Analysis, analyse
from tui.core.cache import FactCache
from tui.core.models import Corpus
from tui.core.progress import drain
from tui.core.text.corpus import article_from_text, load_corpus
from tui.reports.index import build_index, load_index

TEXTS = TWO_STORIES


def archive() -> Corpus:
    return Corpus(tuple(article_from_text(k, v) for k, v in TEXTS.items()))


def test_the_index_holds_every_story_with_its_facts(tmp_path: Path) -> None:
    out = tmp_path / "archive.kri"
    stories = build_index(archive(), out, workers=0)
    assert len(stories) == 2
    index = load_index(out)
    assert index.alignment.stories == stories
    flood = [g for g in index.groups if g.story == 0]
    assert flood and any(d.kind == "number" for d in index.discrepancies)
    assert {q.article for q in index.quotes} == {"flood-a", "flood-b"}


def test_serial_parallel_cached_and_index_runs_are_the_same(tmp_path: Path) -> None:
    serial = analyse(archive())
    assert analyse(archive(), jobs=2) == serial
    cache = FactCache(tmp_path / "cache.sqlite3")
    assert analyse(archive(), cache=cache) == serial
    assert analyse(archive(), cache=cache) == serial
    build_index(archive(), tmp_path / "local.kri", workers=0)
    assert load_index(tmp_path / "local.kri") == serial


def test_a_two_worker_local_cluster_gives_the_serial_result(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    cluster = tmp_path / "cluster.kri"
    build_index(archive(), cluster, workers=2)
    assert load_index(cluster) == analyse(archive())


def test_local_processes_give_the_serial_result() -> None:
    from tui.core.analysis import story_json
    from tui.reports.index import _run_locally

    parts = dict(enumerate(_parts()))
    assert dict(_run_locally(parts, 2)) == {sid: story_json(p) for sid, p in parts.items()}


def _parts() -> list[Corpus]:
    corpus = archive()
    return [
        Corpus((corpus.article("flood-a"), corpus.article("flood-b"))),
        Corpus((corpus.article("vote-a"), corpus.article("vote-b"))),
    ]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text)
    return folder


def test_the_command(tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "archive.kri"
    assert main(["index", "--jobs", "0", "--out", str(out), str(folder)]) == 0
    assert "indexed 4 articles in 2 stories" in capsys.readouterr().err
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 2
    assert main(["index", "--out", str(tmp_path), str(folder)]) == 1


@pytest.mark.parametrize("report", ["align", "discrepancies", "quotes", "sentences"])
@pytest.mark.parametrize("as_json", [True, False])
def test_reports_read_an_index_as_they_read_the_archive(
    tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str], report: str, as_json: bool
) -> None:
    out = tmp_path / "archive.kri"
    assert main(["index", "--jobs", "0", "--out", str(out), str(folder)]) == 0
    flags = ["--json"] if as_json else []
    capsys.readouterr()
    assert main([report, *flags, str(folder)]) == 0
    from_archive = capsys.readouterr().out
    assert main([report, *flags, str(out)]) == 0
    assert capsys.readouterr().out == from_archive
    assert from_archive.strip()


def test_the_reader_opens_an_index_without_analysing(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import app as app_module
    from tui.core import analysis as analysis_module

    out = tmp_path / "archive.kri"
    build_index(load_corpus([folder]), out, workers=0)
    opened: list[Analysis] = []

    def run_app(
        corpus: Corpus,
        *,
        analyse: Callable[[Corpus], Generator[float, None, Analysis]],
        in_child: bool = True,
        painted: Callable[[], None] | None = None,
    ) -> int:
        assert not in_child  # Nothing to analyse: no child process to fork.
        opened.append(drain(analyse(corpus)))
        return 0

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the index was analysed again")

    monkeypatch.setattr(app_module, "run_app", run_app)
    monkeypatch.setattr(analysis_module, "analyse_story_steps", never)
    assert main([str(out)]) == 0
    assert opened[0] == load_index(out)
    assert len(opened[0].alignment.stories) == 2  # The story picker has two to offer.


def _damaged(path: Path) -> None:
    build_index(archive(), path, workers=0)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE facts SET data = '{\"label\": 3}' WHERE id = 0")


def _newer(path: Path) -> None:
    build_index(archive(), path, workers=0)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'version'")


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")


def _truncated(path: Path) -> None:
    build_index(archive(), path, workers=0)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


@pytest.mark.parametrize(
    ("spoil", "says"),
    [
        (_damaged, "a damaged index"),
        (_newer, "newer kursk-reader"),
        (_foreign, "not a kursk-reader index"),
        (_truncated, "a damaged index"),
    ],
)
@pytest.mark.parametrize("command", [[], ["align", "--json"], ["quotes"]])
def test_a_bad_index_is_one_line_and_exit_1(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    spoil: Callable[[Path], None],
    says: str,
    command: list[str],
) -> None:
    bad = tmp_path / "bad.kri"
    spoil(bad)
    capsys.readouterr()
    assert main([*command, str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "Traceback" not in err


def test_one_fifo_is_not_read_as_an_index(tmp_path: Path) -> None:
    import subprocess
    import sys

    fifo = tmp_path / "pipe.kri"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "tui", "align", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1 and "not a regular file" in done.stderr


def test_a_crash_midway_leaves_no_half_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.reports import index as index_module

    out = tmp_path / "archive.kri"
    build_index(archive(), out, workers=0)
    before = out.read_bytes()
    calls: list[Corpus] = []
    original = index_module.story_json

    def second_fails(part: Corpus) -> str:
        calls.append(part)
        if len(calls) == 2:
            raise RuntimeError("worker lost")
        return original(part)

    monkeypatch.setattr(index_module, "story_json", second_fails)
    with pytest.raises(RuntimeError):
        build_index(archive(), out, workers=0)
    assert out.read_bytes() == before  # The old index stands, whole.
    assert [p.name for p in tmp_path.iterdir()] == ["archive.kri"]


@pytest.mark.parametrize("name", ["a#b.kri", "100%25.kri", "x?mode=rw.kri"])
def test_an_index_name_is_a_name_whatever_it_holds(
    tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out = tmp_path / name
    assert main(["index", "--jobs", "0", "--out", str(out), str(folder)]) == 0
    capsys.readouterr()
    assert main(["align", "--json", str(out)]) == 0
    assert '"stories"' in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["archive", name])


def test_an_unwritable_out_is_one_line_and_exit_1(
    tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "archive.kri"
    assert main(["index", "--jobs", "0", "--out", str(out), str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--out" in err and "Traceback" not in err
