"""A store someone else edited: bad rows, planted triggers, an unreadable file, a lock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tui.core.bookmarks.store import (
    SCHEMA_VERSION,
    STORE_NAME,
    Anchor,
    BookmarkDraft,
    StoreError,
    UnavailableStoreError,
    open_store,
)

REPO = Path(__file__).resolve().parents[3]


def draft(n: int, note: str = "") -> BookmarkDraft:
    return BookmarkDraft(
        kind="fact",
        target=str(n),
        label=f"fact {n}",
        anchors=(Anchor("a", n, 0, 10, f"sentence {n}"),),
        fingerprint="f" * 16,
        note=note or f"note {n}",
        tags=("t",),
    )


def saved(data: Path, count: int = 3) -> Path:
    store, warning = open_store(data)
    assert warning is None
    for n in range(1, count + 1):
        store.add(draft(n))
    store.close()
    return data / STORE_NAME


def execute(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        ("UPDATE bookmarks SET tags = '{\"a\": 1}' WHERE id = 2", "tags is not a JSON list"),
        ("UPDATE bookmarks SET tags = '[1, 2]' WHERE id = 2", "tags is not a list of text"),
        ("UPDATE bookmarks SET anchors = '\"text\"' WHERE id = 2", "anchors is not a JSON list"),
        ("UPDATE bookmarks SET anchors = '[[1]]' WHERE id = 2", "not an anchor"),
        (
            'UPDATE bookmarks SET anchors = \'[{"article": 1, "sentence": 0, "start": 0,'
            ' "end": 1, "text": "x"}]\' WHERE id = 2',
            "anchor article is not text",
        ),
        ("UPDATE bookmarks SET details = '[]' WHERE id = 2", "details is not a JSON dict"),
        (
            "UPDATE bookmarks SET details = '{\"speaker\": 5}' WHERE id = 2",
            "details speaker is not text",
        ),
        ("UPDATE bookmarks SET label = X'4142' WHERE id = 2", "label is not text"),
        ("UPDATE bookmarks SET note = zeroblob(4) WHERE id = 2", "note is not text"),
        (
            'UPDATE bookmarks SET dvalues = \'[{"article": "a", "sentence": "1",'
            ' "text": "x", "value": "1"}]\' WHERE id = 2',
            "value sentence is not a number",
        ),
        ("UPDATE bookmarks SET tags = '{' WHERE id = 2", "tags is not valid JSON"),
        (
            "UPDATE bookmarks SET details = '" + "[" * 100_000 + "]" * 100_000 + "' WHERE id = 2",
            "details is nested too deeply",
        ),
    ],
)
def test_a_malformed_row_is_skipped_and_reported(
    _private_data_dir: Path, statement: str, reason: str
) -> None:
    path = saved(_private_data_dir)
    execute(path, statement)
    store, _ = open_store()
    stored = store.read()
    assert [b.id for b in stored.bookmarks] == [1, 3]
    assert len(stored.skipped) == 1
    assert stored.skipped[0].startswith("skipped bookmark 2: ") and reason in stored.skipped[0]
    assert [b.id for b in store.list()] == [1, 3]
    with pytest.raises(StoreError, match="bookmark 2 is damaged"):
        store.get(2)


def test_controls_in_stored_text_are_placeholders_on_read(_private_data_dir: Path) -> None:
    path = saved(_private_data_dir, 1)
    execute(
        path,
        "UPDATE bookmarks SET note = 'a' || char(27) || ']52;c;eA==' || char(7) || char(10) || 'b',"
        " label = 'l' || char(27) || '[2J' WHERE id = 1",
    )
    store, _ = open_store()
    (bookmark,) = store.list()
    assert bookmark.note == "a␛]52;c;eA==␇\nb"
    assert bookmark.label == "l␛[2J"


def test_a_note_typed_with_controls_is_saved_sanitised(_private_data_dir: Path) -> None:
    store, _ = open_store()
    added = store.add(draft(1, note="x\x1b[31my\u202ez\ttab\nline"))
    assert added.note == "x␛[31my␦z\ttab\nline"
    assert store.list() == (added,)
    edited = store.update_note(1, "\x1b]0;t\x07", ["a\x1bb"])
    assert edited.note == "␛]0;t␇" and edited.tags == ("a␛b",)


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE TRIGGER wipe AFTER INSERT ON bookmarks BEGIN DELETE FROM bookmarks; END",
        "CREATE VIEW everything AS SELECT * FROM bookmarks",
        "CREATE TABLE other (x)",
    ],
)
def test_a_planted_trigger_or_view_is_refused_and_nothing_is_lost(
    _private_data_dir: Path, statement: str
) -> None:
    path = saved(_private_data_dir)
    execute(path, statement)
    store, warning = open_store()
    assert store.unavailable is not None
    assert warning is not None and "did not create" in warning and "\n" not in warning
    with pytest.raises(UnavailableStoreError):
        store.list()
    with pytest.raises(UnavailableStoreError):
        store.add(draft(9))
    store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 3
    conn.close()


def test_defensive_settings_are_on(_private_data_dir: Path) -> None:
    store, _ = open_store()
    assert store._conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    if hasattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE"):
        assert store._conn.getconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE)  # type: ignore[attr-defined]


def test_a_folder_where_the_store_should_be_is_unavailable(_private_data_dir: Path) -> None:
    (_private_data_dir / STORE_NAME).mkdir(parents=True)
    store, warning = open_store()
    assert store.unavailable is not None and warning is not None
    assert "unavailable" in warning
    with pytest.raises(UnavailableStoreError):
        store.list()


@pytest.mark.parametrize("version", [-1, -7])
def test_an_unknown_schema_version_is_unavailable(_private_data_dir: Path, version: int) -> None:
    path = saved(_private_data_dir)
    execute(path, f"PRAGMA user_version = {version}")
    store, warning = open_store()
    assert warning is not None and "unknown schema version" in warning
    with pytest.raises(UnavailableStoreError):
        store.list()


def test_a_current_version_without_our_columns_is_unavailable(_private_data_dir: Path) -> None:
    path = _private_data_dir / STORE_NAME
    _private_data_dir.mkdir()
    execute(path, "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY)", "PRAGMA user_version = 2")
    store, warning = open_store()
    assert warning is not None and "column" in warning
    with pytest.raises(UnavailableStoreError):
        store.list()


def _hold_write_lock(path: Path, exclusive: bool) -> subprocess.Popen[str]:
    code = f"""
        import sqlite3, sys, time
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        if {exclusive!r}:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("INSERT INTO bookmarks (kind, target, label, anchors, created, "
                     "fingerprint) VALUES ('fact', 'x', 'x', '[]', 'now', 'f')")
        print("locked", flush=True)
        time.sleep(30)
    """
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_reading_needs_no_write_lock(_private_data_dir: Path) -> None:
    path = saved(_private_data_dir)
    proc = _hold_write_lock(path, exclusive=False)
    try:
        started = time.monotonic()
        store, warning = open_store(timeout=5)
        assert warning is None
        assert len(store.list()) == 3  # Another instance's save in flight: read what is saved.
        assert time.monotonic() - started < 2
        store.close()
    finally:
        proc.kill()
        proc.wait()


def test_a_store_locked_for_reading_too_is_unavailable_not_empty(_private_data_dir: Path) -> None:
    path = saved(_private_data_dir)
    proc = _hold_write_lock(path, exclusive=True)
    try:
        store, warning = open_store(timeout=0.2)
        assert store.unavailable is not None
        assert warning is not None and "locked" in warning and "\n" not in warning
        with pytest.raises(UnavailableStoreError):
            store.list()
    finally:
        proc.kill()
        proc.wait()


def test_huge_ids_name_no_bookmark(_private_data_dir: Path) -> None:
    saved(_private_data_dir, 1)
    store, _ = open_store()
    for bad in (10**20, -(10**20), 0, -1):
        with pytest.raises(KeyError):
            store.delete(bad)
        with pytest.raises(KeyError):
            store.get(bad)
    assert len(store.list()) == 1


def test_schema_version_constant_matches_the_checked_columns() -> None:
    assert SCHEMA_VERSION == 4  # 3: corrections, 4: links
