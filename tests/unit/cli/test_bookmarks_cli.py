"""``kursk-reader bookmarks list|export|delete`` and the exports' contents."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.bookmarks.export_file import write_atomic
from tui.core.bookmarks.memo import export_markdown
from tui.core.bookmarks.store import (
    STORE_NAME,
    Anchor,
    BookmarkDraft,
    MarkedValue,
    open_store,
)


def add_samples() -> None:
    store, _ = open_store()
    store.add(
        BookmarkDraft(
            kind="discrepancy",
            target="3",
            label="evacuated: 76,000 vs 121,000",
            anchors=(
                Anchor("nyt", 1, 61, 140, "Officials said 76,000 residents had been evacuated."),
                Anchor("fox", 1, 60, 130, "More than 121,000 people have left the area."),
            ),
            values=(
                MarkedValue("nyt", 1, "76,000", "76000"),
                MarkedValue("fox", 1, "121,000", "121000"),
            ),
            fingerprint="0123456789abcdef",
            discrepancy_kind="number",
        ).with_note("Ask the governor's office.\nFox cites the governor too.", ["evac", "#toll"])
    )
    store.add(
        BookmarkDraft(
            kind="quote",
            target="nyt:q1",
            label="governor: “We will protect our people,”",
            anchors=(Anchor("nyt", 2, 141, 200, '"We will protect our people," he said.'),),
            fingerprint="0123456789abcdef",
            speaker="governor",
            quote_text="We will protect our people,",
        )
    )
    store.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["bookmarks", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_empty_and_full(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0 and "No bookmarks yet" in out
    add_samples()
    code, out, _ = run(capsys, "list")
    assert code == 0 and "evacuated" in out and "#evac" in out
    code, out, _ = run(capsys, "list", "--json")
    data = json.loads(out)
    assert [b["id"] for b in data] == [1, 2]
    assert data[0]["values"][0] == {"article": "nyt", "sentence": 1, "text": "76,000",
                                    "value": "76000"}  # fmt: skip
    assert data[0]["tags"] == ["evac", "toll"]


def test_markdown_memo_reads_as_a_fact_check(capsys: pytest.CaptureFixture[str]) -> None:
    add_samples()
    code, out, _ = run(capsys, "export", "--format", "md")
    assert code == 0
    assert out.startswith("# Fact-check memo\n")
    assert "## 1. Discrepancy (number): evacuated: 76,000 vs 121,000" in out
    assert "> Officials said **76,000** residents had been evacuated." in out
    assert "- **fox** — value **121,000**" in out
    assert "> Ask the governor's office.\n> Fox cites the governor too." in out
    assert "**Quote:** governor said “We will protect our people,”" in out
    assert "**Note:** _none_" in out


def test_json_and_csv_exports_to_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_samples()
    target = tmp_path / "memo.json"
    code, out, err = run(capsys, "export", "--format", "json", "-o", str(target))
    assert code == 0 and out == "" and "exported 2 bookmarks" in err
    payload = json.loads(target.read_text())
    assert payload["version"] == 1 and len(payload["bookmarks"]) == 2
    target = tmp_path / "memo.csv"
    assert run(capsys, "export", "--format", "csv", "-o", str(target))[0] == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert rows[0]["values"] == "nyt=76,000; fox=121,000"
    assert rows[0]["note"].splitlines() == [
        "Ask the governor's office.",
        "Fox cites the governor too.",
    ]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "-o", str(tmp_path / "missing" / "memo.md"))
    assert code == 1 and err.count("\n") == 1 and err.startswith("kursk-reader: error: ")
    code, _, err = run(capsys, "export", "-o", str(tmp_path))
    assert code == 1 and "is a folder" in err


def test_a_failed_export_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "memo.md"
    target.write_text("previous memo\n")

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(target, export_markdown([]))
    assert target.read_text() == "previous memo\n"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]


def test_delete(capsys: pytest.CaptureFixture[str]) -> None:
    add_samples()
    code, _, err = run(capsys, "delete", "1")
    assert code == 0 and "deleted bookmark 1" in err
    code, _, err = run(capsys, "delete", "1")
    assert code == 1 and err == (
        "kursk-reader: error: no bookmark with id 1 (see 'kursk-reader bookmarks list')\n"
    )
    store, _ = open_store()
    assert [b.id for b in store.list()] == [2]


def test_unusable_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("KURSK_READER_DATA_DIR", str(blocker / "data"))
    code, _, err = run(capsys, "delete", "3")
    lines = err.splitlines()
    assert code == 1 and len(lines) == 2
    assert lines[0].startswith("kursk-reader: warning: bookmarks are read-only")
    assert lines[1].startswith("kursk-reader: error: bookmarks are read-only")
    data = tmp_path / "data"
    data.mkdir()
    (data / STORE_NAME).write_bytes(b"this is not SQLite at all" * 100)
    monkeypatch.setenv("KURSK_READER_DATA_DIR", str(data))
    code, out, err = run(capsys, "list")
    assert code == 0 and "No bookmarks yet" in out
    assert err.count("\n") == 1 and "was corrupt" in err and "moved aside" in err


def test_memo_names_outlets_and_titles(basil: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.core.bookmarks.store import draft_for_fact
    from tui.core.models import Group, Member
    from tui.core.text.corpus import load_corpus

    event = sorted(p for p in basil.iterdir() if p.is_dir())[0]
    corpus = load_corpus([event])
    first, second = corpus.articles[:2]
    group = Group(1, "opening", 1.0, (Member(first.id, 1), Member(second.id, 1)))
    store, _ = open_store()
    saved = store.add(draft_for_fact(group, corpus))
    store.close()
    assert [n.outlet for n in saved.sources] == [first.source, second.source]
    code, out, _ = run(capsys, "export")
    assert code == 0
    assert f"- **{first.source}** · _{first.title}_ ({first.date})" in out
