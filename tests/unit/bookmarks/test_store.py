"""The bookmark store under faults: crashes mid-save, two writers, garbage, read-only, old schema."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.bookmarks.rows import safe_text
from tui.core.bookmarks.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    STORE_NAME,
    Anchor,
    BookmarkDraft,
    BookmarkStore,
    ReadOnlyStoreError,
    open_store,
)

REPO = Path(__file__).resolve().parents[3]

CHILD_PRELUDE = """
import sys, time
from tui.core.bookmarks.store import Anchor, BookmarkDraft, open_store

time.sleep(max(0.0, START - time.time()))  # Several children can start together.

def draft(n, who="child"):
    return BookmarkDraft(
        kind="fact", target=str(n), label=f"{who} fact {n}",
        anchors=(Anchor("a", n, 0, 10, f"sentence {n} of {who}"),),
        fingerprint="f" * 16, note=f"{who} note {n}", tags=(who,),
    )

store, warning = open_store()
assert warning is None, warning
"""


def draft(n: int, who: str = "test") -> BookmarkDraft:
    return BookmarkDraft(
        kind="fact",
        target=str(n),
        label=f"{who} fact {n}",
        anchors=(Anchor("a", n, 0, 10, f"sentence {n} of {who}"),),
        fingerprint="f" * 16,
        note=f"{who} note {n}",
        tags=(who,),
    )


def child(code: str, data_dir: Path, start: float = 0.0) -> subprocess.Popen[str]:
    """A real Python process opening the store (same package, same data folder) at ``start``."""
    env = {**os.environ, "KURSK_READER_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO)}
    prelude = CHILD_PRELUDE.replace("START", repr(start))
    return subprocess.Popen(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_add_list_update_delete_round_trip(_private_data_dir: Path) -> None:
    store, warning = open_store()
    assert warning is None and not store.read_only
    assert store.path == _private_data_dir / STORE_NAME
    first = store.add(draft(1).with_note("  check this  ", ["#Toll", "evac,toll"]))
    assert (first.note, first.tags) == ("check this", ("Toll", "evac", "toll"))
    assert first.created == first.updated and first.created.endswith("+00:00")
    second = store.add(draft(2))
    assert store.list() == (first, second)
    edited = store.update_note(first.id, "new note", ("x",))
    assert (edited.note, edited.tags, edited.id) == ("new note", ("x",), first.id)
    assert first.note == "check this"  # Frozen: the old object is unchanged.
    with pytest.raises(FrozenInstanceError):
        first.note = "mutated"  # type: ignore[misc]
    store.delete(second.id)
    with pytest.raises(KeyError):
        store.delete(second.id)
    with pytest.raises(KeyError):
        store.update_note(second.id, "gone", ())
    third = store.add(draft(3))
    assert third.id > second.id  # Ids are never reused: a deleted id stays dead.
    store.close()
    reopened = BookmarkStore.open()
    assert [b.id for b in reopened.list()] == [first.id, third.id]
    assert reopened.get(first.id) == edited


def test_sigkill_in_the_middle_of_a_save_loses_only_that_save(_private_data_dir: Path) -> None:
    """The child is frozen inside the 6th save (INSERT done, COMMIT not) and SIGKILLed."""
    proc = child(
        """
        import time
        saves = 0
        def trace(statement):
            global saves
            if statement == "COMMIT":
                saves += 1
                if saves == 6:
                    print("mid-save", flush=True)
                    time.sleep(60)
        for n in range(1, 6):
            store.add(draft(n))
        store._conn.set_trace_callback(trace)
        for n in range(1, 6):
            store._conn.execute("BEGIN IMMEDIATE"); store._conn.execute("COMMIT")  # 5 no-ops
        store.add(draft(6))
        """,
        _private_data_dir,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "mid-save", proc.stderr.read() if proc.stderr else ""
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    path = _private_data_dir / STORE_NAME
    assert Path(f"{path}-wal").exists()  # The crash left the write-ahead log behind.
    store, warning = open_store()
    assert warning is None
    assert [b.label for b in store.list()] == [f"child fact {n}" for n in range(1, 6)]
    assert integrity(path) == "ok"
    assert store.add(draft(7)).id == 6  # The store carries on after the crash.


def test_sigkill_at_random_moments_never_loses_a_finished_save(_private_data_dir: Path) -> None:
    rng = random.Random(6)
    confirmed: list[int] = []
    for _ in range(4):
        proc = child(
            """
            n = 0
            while True:
                n += 1
                saved = store.add(draft(n, "loop"))
                print(saved.id, flush=True)
            """,
            _private_data_dir,
        )
        assert proc.stdout is not None
        confirmed.append(int(proc.stdout.readline()))  # At least one save in each run.
        time.sleep(rng.uniform(0.01, 0.2))
        proc.send_signal(signal.SIGKILL)
        # Read through the same buffered stream as readline() above: communicate() would
        # read the pipe underneath it and miss the lines readline() had read ahead.
        out = proc.stdout.read()
        proc.wait(timeout=10)
        confirmed.extend(int(line) for line in out.split())
    store, warning = open_store()
    assert warning is None
    ids = {b.id for b in store.list()}
    assert set(confirmed) <= ids  # Every save the child saw finish is there...
    assert len(ids - set(confirmed)) <= 4  # ...and at most the one in flight per kill besides.
    assert integrity(store.path) == "ok"


def test_two_processes_saving_at_once_both_keep_theirs(_private_data_dir: Path) -> None:
    open_store()[0].close()  # Create the schema first so both children only write.
    start = time.time() + 1.0
    code = """
    for n in range(40):
        store.add(draft(n, WHO))
    print("done", flush=True)
    """
    procs = [
        child(code.replace("WHO", repr(who)), _private_data_dir, start) for who in ("one", "two")
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    store, _ = open_store()
    bookmarks = store.list()
    for who in ("one", "two"):
        mine = [b for b in bookmarks if b.tags == (who,)]
        assert [b.note for b in mine] == [f"{who} note {n}" for n in range(40)]
    assert len({b.id for b in bookmarks}) == 80


def test_a_garbage_file_is_moved_aside_and_reported(_private_data_dir: Path) -> None:
    _private_data_dir.mkdir(parents=True)
    path = _private_data_dir / STORE_NAME
    garbage = bytes(random.Random(1).randrange(256) for _ in range(5000))
    path.write_bytes(garbage)
    store, warning = open_store()
    assert warning is not None and "\n" not in warning
    assert "corrupt" in warning and "moved aside" in warning and "new store" in warning
    aside = list(_private_data_dir.glob(f"{STORE_NAME}.corrupt-*"))
    assert len(aside) == 1 and aside[0].name in warning
    assert aside[0].read_bytes() == garbage  # Kept byte for byte, never overwritten.
    assert not store.read_only and store.list() == ()
    assert store.add(draft(1)).id == 1
    store.close()
    assert open_store()[1] is None  # The new store is healthy next time.


def test_a_damaged_page_is_moved_aside_and_readable_rows_recovered(_private_data_dir: Path) -> None:
    store, _ = open_store()
    for n in range(3):
        store.add(draft(n))
    store.close()
    path = _private_data_dir / STORE_NAME
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) >= 2 * page
    data[page : page + 8] = b"\x0d\x00\x00\x00\xff\xff\xff\xff"  # Break the table's root page.
    path.write_bytes(bytes(data))
    store, warning = open_store()
    assert warning is not None and "moved aside" in warning and "\n" not in warning
    assert list(_private_data_dir.glob(f"{STORE_NAME}.corrupt-*"))
    assert not store.read_only
    store.add(draft(9))


def test_rows_that_still_read_are_recovered_into_the_new_store(_private_data_dir: Path) -> None:
    """An index is broken, the table is intact: the new store gets every bookmark back."""
    store, _ = open_store()
    for n in range(5):
        store.add(draft(n))
    store._conn.execute("CREATE INDEX by_note ON bookmarks(note)")
    store.close()
    path = _private_data_dir / STORE_NAME
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'by_note'").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[root * 4096 - 60 : root * 4096] = b"z" * 60
    path.write_bytes(bytes(data))
    store, warning = open_store()
    assert warning is not None and "with 5 recovered bookmark(s)" in warning
    assert [b.note for b in store.list()] == [f"test note {n}" for n in range(5)]
    assert list(_private_data_dir.glob(f"{STORE_NAME}.corrupt-*"))


def test_a_data_folder_that_cannot_be_created_gives_a_read_only_store(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store, warning = open_store(blocker / "data")
    assert store.read_only and warning is not None and "read-only" in warning
    assert str(blocker) in warning and "\n" not in warning
    assert store.list() == ()
    with pytest.raises(ReadOnlyStoreError, match="read-only"):
        store.add(draft(1))


READ_ONLY_CHILD = """
import sys
from tui.core.bookmarks.store import ReadOnlyStoreError, open_store
from tui.core.bookmarks.store import Anchor, BookmarkDraft
store, warning = open_store()
print(store.read_only, "|", warning, "|", [b.note for b in store.list()], flush=True)
try:
    store.add(BookmarkDraft("fact", "1", "x", (Anchor("a", 0, 0, 1, "x"),), "f"))
except ReadOnlyStoreError as error:
    print("refused |", error)
"""


def run_read_only(data: Path) -> tuple[str, str, str, str]:
    """Make ``data`` read-only and run READ_ONLY_CHILD on it, unprivileged.

    Root ignores permissions, so as root the child runs without CAP_DAC_OVERRIDE.
    """
    command = [sys.executable, "-c", READ_ONLY_CHILD]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        command = [setpriv, "--bounding-set=-dac_override", "--inh-caps=-dac_override", *command]
    for item in data.iterdir():
        item.chmod(0o444)
    data.chmod(0o555)
    try:
        env = {**os.environ, "KURSK_READER_DATA_DIR": str(data), "PYTHONPATH": str(REPO)}
        result = subprocess.run(
            command, check=False, env=env, capture_output=True, text=True, timeout=60
        )
    finally:
        data.chmod(0o755)
        for item in data.iterdir():
            item.chmod(0o644)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    read_only, warning, notes = (part.strip() for part in first.split("|"))
    assert read_only == "True"
    assert "\n" not in warning and "read-only" in warning and str(data) in warning
    assert second.startswith("refused |") and "read-only" in second
    return read_only, warning, notes, second


def test_a_read_only_folder_reads_bookmarks_and_refuses_saves_clearly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store, _ = open_store(data)
    store.add(draft(1).with_note("kept", []))
    store.close()
    _, _, notes, _ = run_read_only(data)
    assert notes == "['kept']"


def test_a_read_only_folder_after_a_crash_still_reads_the_log(_private_data_dir: Path) -> None:
    """Saves still in the WAL (never checkpointed: the writer was killed) are read."""
    proc = child(
        """
        for n in range(3):
            store.add(draft(n))
        print("saved", flush=True)
        import time; time.sleep(60)
        """,
        _private_data_dir,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "saved"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert Path(f"{_private_data_dir / STORE_NAME}-wal").stat().st_size > 0
    _, _, notes, _ = run_read_only(_private_data_dir)
    assert notes == str([f"child note {n}" for n in range(3)])


def test_an_old_schema_in_a_read_only_folder_still_reads(_private_data_dir: Path) -> None:
    _private_data_dir.mkdir(parents=True)
    conn = sqlite3.connect(_private_data_dir / STORE_NAME)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO bookmarks (kind, target, label, anchors, note, created, fingerprint) "
        "VALUES ('fact', '4', 'old fact', '[]', 'old note', '2025-01-02T03:04:05+00:00', 'abc')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    _, _, notes, _ = run_read_only(_private_data_dir)
    assert notes == "['old note']"


def test_a_corrupt_file_in_a_read_only_folder_is_left_alone(_private_data_dir: Path) -> None:
    _private_data_dir.mkdir(parents=True)
    path = _private_data_dir / STORE_NAME
    path.write_bytes(b"garbage " * 1000)
    _, warning, notes, _ = run_read_only(_private_data_dir)
    assert "corrupt" in warning and "cannot be moved aside" in warning and notes == "[]"
    assert path.read_bytes() == b"garbage " * 1000


def test_a_store_from_an_older_schema_is_migrated_in_place(_private_data_dir: Path) -> None:
    _private_data_dir.mkdir(parents=True)
    path = _private_data_dir / STORE_NAME
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO bookmarks (kind, target, label, anchors, note, created, fingerprint) "
        "VALUES ('fact', '4', 'old fact', ?, 'old note', '2025-01-02T03:04:05+00:00', 'abc')",
        ('[{"article": "a", "sentence": 1, "start": 5, "end": 9, "text": "word"}]',),
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store, warning = open_store()
    assert warning is None and not store.read_only
    (old,) = store.list()
    assert (old.label, old.note, old.tags, old.values) == ("old fact", "old note", (), ())
    assert old.updated == old.created == "2025-01-02T03:04:05+00:00"
    assert old.anchors == (Anchor("a", 1, 5, 9, "word"),)
    assert store.update_note(old.id, "new", ["t"]).tags == ("t",)
    version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION


def test_a_store_from_a_newer_version_is_opened_read_only(_private_data_dir: Path) -> None:
    store, _ = open_store()
    store.add(draft(1))
    store.close()
    conn = sqlite3.connect(_private_data_dir / STORE_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    store, warning = open_store()
    assert store.read_only and warning is not None and "newer kursk-reader" in warning
    assert len(store.list()) == 1
    with pytest.raises(ReadOnlyStoreError):
        store.delete(1)


def test_a_writer_waits_for_another_instances_transaction(_private_data_dir: Path) -> None:
    store, _ = open_store()
    proc = child(
        """
        import time
        store._conn.execute("BEGIN IMMEDIATE")
        print("locked", flush=True)
        time.sleep(1.0)
        store._conn.execute("COMMIT")
        """,
        _private_data_dir,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    saved = store.add(draft(1))  # Blocks until the other instance commits, then succeeds.
    proc.wait(timeout=10)
    assert store.list() == (saved,)


def test_several_instances_creating_the_store_at_once(_private_data_dir: Path) -> None:
    """First launch of several app instances at the same moment: one schema, every save kept."""
    start = time.time() + 1.0
    code = """
    store.add(draft(N, "launch"))
    print("ok", flush=True)
    """
    procs = [child(code.replace("N", str(n)), _private_data_dir, start) for n in range(4)]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0 and out.strip() == "ok", err
    store, warning = open_store()
    assert warning is None
    assert sorted(b.target for b in store.list()) == ["0", "1", "2", "3"]
    version = sqlite3.connect(store.path).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION


texts = st.text(max_size=60)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    label=texts,
    note=texts,
    tags=st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=8)),
    anchor_text=texts,
    start=st.integers(0, 10**6),
)
def test_whatever_is_typed_round_trips_or_is_made_storable(
    _private_data_dir: Path, label: str, note: str, tags: list[str], anchor_text: str, start: int
) -> None:
    store, _ = open_store()
    try:
        draft_ = BookmarkDraft(
            kind="quote",
            target="q",
            label=label,
            anchors=(Anchor("a", 0, start, start + len(anchor_text), anchor_text),),
            fingerprint="f",
            quote_text=anchor_text,
        ).with_note(note, tags)
        saved = store.add(draft_)
        (loaded,) = [b for b in store.list() if b.id == saved.id]
        if all(safe_text(t) == t for t in (label, note, anchor_text)):
            assert loaded == saved
        else:
            assert loaded.id == saved.id  # Stored with ``?`` for unencodable characters.
        store.delete(saved.id)
    finally:
        store.close()
