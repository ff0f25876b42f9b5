"""``kursk-reader index``: an archive's stories analysed as tasks, on Dask or locally."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text
from tui.reports.index import build_index, read_index

TEXTS = {
    "flood-a": "Flooding forced 12,000 residents of Dorvale to evacuate on Monday after the "
    "Linn river burst its banks. The Dorvale mayor praised volunteers who filled sandbags. "
    '"We will not leave anyone behind," the mayor said.',
    "vote-a": "The Marwick council voted on Monday to close two libraries to save money. "
    "Volunteers had kept the Marwick libraries open on weekends, the mayor said.",
    "flood-b": "About 15,000 people fled Dorvale on Monday as the Linn river flooded the town. "
    "Volunteers filled sandbags through the night, the Dorvale mayor said. "
    '"We will leave no one behind," the mayor told reporters.',
    "vote-b": "Marwick councillors approved the closure of two libraries on Monday. Volunteers "
    "had kept the Marwick libraries open at weekends, said the mayor.",
}


def archive() -> Corpus:
    return Corpus(tuple(article_from_text(k, v) for k, v in TEXTS.items()))


def test_the_index_holds_every_story_with_its_facts(tmp_path: Path) -> None:
    out = tmp_path / "archive.kri"
    stories = build_index(archive(), out, workers=0)
    assert len(stories) == 2
    index = read_index(out)
    assert [s["articles"] for s in index["stories"]] == [list(s.articles) for s in stories]
    flood = index["stories"][0]
    assert flood["facts"] and any(d["kind"] == "number" for d in flood["discrepancies"])
    assert {q["article"] for q in flood["quotes"]} == {"flood-a", "flood-b"}


def test_a_two_worker_local_cluster_gives_the_serial_result(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    serial, cluster = tmp_path / "serial.kri", tmp_path / "cluster.kri"
    build_index(archive(), serial, workers=0)
    build_index(archive(), cluster, workers=2)
    assert read_index(cluster) == read_index(serial)


def test_local_processes_give_the_serial_result() -> None:
    from tui.reports.index import _run_locally, analyse_story

    parts = dict(enumerate(_parts()))
    assert dict(_run_locally(parts, 2)) == {sid: analyse_story(p) for sid, p in parts.items()}


def _parts() -> list[Corpus]:
    corpus = archive()
    return [
        Corpus((corpus.article("flood-a"), corpus.article("flood-b"))),
        Corpus((corpus.article("vote-a"), corpus.article("vote-b"))),
    ]


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text)
    out = tmp_path / "archive.kri"
    assert main(["index", "--jobs", "0", "--out", str(out), str(folder)]) == 0
    assert "indexed 4 articles in 2 stories" in capsys.readouterr().err
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 2
    assert main(["index", "--out", str(tmp_path), str(folder)]) == 1


def test_not_an_index(tmp_path: Path) -> None:
    from tui.errors import InputError

    bad = tmp_path / "bad.kri"
    bad.write_text("nothing")
    with pytest.raises(InputError):
        read_index(bad)
