"""``kursk-reader bookmarks`` on damaged stores and hostile notes: one line, nothing lost."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from tests.unit.cli.test_bookmarks_cli import add_samples, run
from tui.core.bookmarks.memo import csv_cell, export_csv
from tui.core.bookmarks.store import STORE_NAME, Anchor, BookmarkDraft, open_store


def _break_store(data: Path, how: str) -> None:
    if how == "folder":
        (data / STORE_NAME).mkdir(parents=True)
        return
    add_samples()
    conn = sqlite3.connect(data / STORE_NAME)
    if how == "version":
        conn.execute("PRAGMA user_version = -3")
    else:
        conn.execute(
            "CREATE TRIGGER wipe AFTER UPDATE ON bookmarks BEGIN DELETE FROM bookmarks; END"
        )
    conn.commit()
    conn.close()


@pytest.mark.parametrize("how", ["folder", "version", "trigger"])
def test_an_unavailable_store_is_one_line_exit_1_and_no_export(
    how: str, tmp_path: Path, _private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _break_store(_private_data_dir, how)
    memo = tmp_path / "memo.md"
    memo.write_text("a good memo\n")
    for argv in (["list"], ["list", "--json"], ["export", "-o", str(memo)], ["export"]):
        code, out, err = run(capsys, *argv)
        assert code == 1, argv
        assert out == "" and "No bookmarks yet" not in out + err
        assert err.count("\n") == 1 and err.startswith(
            "kursk-reader: error: bookmarks are unavailable"
        )
    assert memo.read_text() == "a good memo\n"
    code, _, err = run(capsys, "delete", "1")
    assert code == 1 and err.count("\n") == 1


def test_a_malformed_row_is_skipped_with_a_warning(
    _private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_samples()
    conn = sqlite3.connect(_private_data_dir / STORE_NAME)
    conn.execute("UPDATE bookmarks SET tags = '{\"x\": [1]}' WHERE id = 1")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "list")
    assert code == 0 and "1 bookmarks" in out
    assert "warning: skipped bookmark 1: tags is not a JSON list" in err
    for fmt in ("md", "json", "csv"):
        code, out, _ = run(capsys, "export", "--format", fmt)
        assert code == 0 and "We will protect our people" in out


@pytest.mark.parametrize("bad_id", ["99999999999999999999", "0", "9223372036854775808"])
def test_a_huge_id_is_one_line(bad_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    add_samples()
    code, _, err = run(capsys, "delete", bad_id)
    assert code == 1 and err == (
        f"kursk-reader: error: no bookmark with id {bad_id} (see 'kursk-reader bookmarks list')\n"
    )


def test_export_refuses_the_store_and_says_so(
    _private_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_samples()
    before = (_private_data_dir / STORE_NAME).read_bytes()
    code, _, err = run(capsys, "export", "-o", str(_private_data_dir / STORE_NAME))
    assert code == 1 and err.count("\n") == 1 and "inside the bookmark data folder" in err
    assert (_private_data_dir / STORE_NAME).read_bytes() == before
    assert len(open_store()[0].list()) == 2


def test_export_through_a_symlink_says_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_samples()
    real = tmp_path / "real.md"
    link = tmp_path / "link.md"
    link.symlink_to(real)
    code, _, err = run(capsys, "export", "-o", str(link))
    assert code == 0 and link.is_symlink() and "Fact-check memo" in real.read_text()
    assert f"to {real} (through the link {link})" in err


def test_export_to_dev_null_keeps_the_device(capsys: pytest.CaptureFixture[str]) -> None:
    add_samples()
    code, _, _ = run(capsys, "export", "-o", "/dev/null")
    assert code == 0 and Path("/dev/null").is_char_device()


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cell_neutralises_formulas(start: str) -> None:
    assert csv_cell(f"{start}1+1") == f"'{start}1+1"
    assert csv_cell("1+1") == "1+1"


def test_every_csv_cell_is_neutralised(_private_data_dir: Path) -> None:
    store, _ = open_store()
    bookmark = store.add(
        BookmarkDraft(
            kind="fact",
            target="=cmd|' /C calc'!A0",
            label="+SUM(1,2)",
            anchors=(Anchor("-art", 0, 0, 5, "@text"),),
            fingerprint="=f",
            note='=HYPERLINK("http://evil")',
            tags=("-x",),
        )
    )
    rows = list(csv.reader(io.StringIO(export_csv([bookmark]))))
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert rows[1][2] == "'+SUM(1,2)" and rows[1][5] == '\'=HYPERLINK("http://evil")'
