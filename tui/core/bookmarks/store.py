"""Bookmarks: what the user flagged to check or cite, kept in SQLite so it is never lost.

Each change is one SQLite transaction in a WAL database with a busy timeout, so a crash
loses at most the save in flight and two app instances both keep what they saved. A
corrupt file is moved aside (never overwritten) and a read-only folder still lets the app
read. A bookmark carries the text it marks, so it survives a changed corpus
(:mod:`tui.core.bookmarks.anchoring` finds it again).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from tui.core.bookmarks.model import (
    Anchor,
    Bookmark,
    BookmarkDraft,
    MarkedValue,
    SourceName,
    TargetKind,
    draft_for_discrepancy,
    draft_for_fact,
    draft_for_quote,
    parse_tags,
)
from tui.core.bookmarks.recovery import move_aside, salvage
from tui.core.bookmarks.rows import COLUMNS as _COLUMNS
from tui.core.bookmarks.rows import (
    RowError,
    bookmark_from_row,
    clean_draft,
    draft_row,
    dump_json,
    safe_text,
)
from tui.core.bookmarks.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    SchemaError,
    check,
    connect,
    memory_connection,
    migrate,
)
from tui.core.text.sanitize import sanitize, sanitize_line

__all__ = [
    "DATA_DIR_ENV",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "STORE_NAME",
    "Anchor",
    "Bookmark",
    "BookmarkDraft",
    "BookmarkStore",
    "MarkedValue",
    "ReadOnlyStoreError",
    "SourceName",
    "StoreError",
    "StoredBookmarks",
    "TargetKind",
    "UnavailableStoreError",
    "data_dir",
    "draft_for_discrepancy",
    "draft_for_fact",
    "draft_for_quote",
    "open_store",
    "parse_tags",
]

DATA_DIR_ENV = "KURSK_READER_DATA_DIR"
STORE_NAME = "bookmarks.sqlite3"
BUSY_TIMEOUT = 10.0
"""Seconds a writer waits for another instance's transaction before giving up."""

_MAX_ID = 2**63 - 1
"""SQLite's largest integer: a bigger id names no bookmark (and cannot be bound)."""

_CORRUPT_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB
_READONLY_CODES = frozenset({8, 14})  # SQLITE_READONLY, SQLITE_CANTOPEN


class StoreError(Exception):
    """A bookmark could not be saved; the message is one line for the user."""


class ReadOnlyStoreError(StoreError):
    """The store was opened read-only: reading works, saving does not."""


class UnavailableStoreError(StoreError):
    """The store exists but cannot be read (locked, not a file, an unknown schema)."""


@dataclass(frozen=True, slots=True)
class StoredBookmarks:
    """What the store holds: the bookmarks that read, and the rows that did not."""

    bookmarks: tuple[Bookmark, ...]
    skipped: tuple[str, ...] = ()
    """One line per row that is not a valid bookmark (``bookmark 7: tags is not a list``)."""


@dataclass(frozen=True, slots=True)
class _Opened:
    conn: sqlite3.Connection
    read_only: bool
    reason: str | None


class BookmarkStore:
    """The bookmarks on disk; every method reads or writes the database itself."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only: bool = False,
        reason: str | None = None,
        warning: str | None = None,
        unavailable: str | None = None,
    ) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self.path = path
        """The database file."""
        self.read_only = read_only
        """Saving raises :class:`ReadOnlyStoreError` when true."""
        self.reason = reason
        """Why the store is read-only, one line."""
        self.warning = warning
        """What the user should be told about opening the store (corruption, read-only)."""
        self.unavailable = unavailable
        """Why an existing store cannot be read at all; reading then raises, never
        answers "no bookmarks" (an empty answer would look like lost bookmarks)."""

    @classmethod
    def open(cls, folder: Path | None = None) -> BookmarkStore:
        """Open (or create) the store; problems end up in ``warning``, never raised."""
        return open_store(folder)[0]

    def list(self) -> tuple[Bookmark, ...]:
        """Every valid bookmark, oldest first, as on disk now (other instances' included)."""
        return self.read().bookmarks

    def read(self) -> StoredBookmarks:
        """Every bookmark that reads, and a line for each stored row that does not."""
        self._check_available()
        with self._lock:
            try:
                rows = self._conn.execute(
                    f"SELECT {_COLUMNS} FROM bookmarks ORDER BY rowid"
                ).fetchall()
            except sqlite3.Error as error:
                raise StoreError(f"cannot read bookmarks from {self.path}: {error}") from None
        bookmarks: list[Bookmark] = []
        skipped: list[str] = []
        for row in rows:
            try:
                bookmarks.append(bookmark_from_row(row))
            except RowError as error:
                skipped.append(f"skipped bookmark {_row_name(row[0])}: {error}")
        return StoredBookmarks(tuple(bookmarks), tuple(skipped))

    def _check_available(self) -> None:
        if self.unavailable is not None:
            raise UnavailableStoreError(f"bookmarks are unavailable: {self.unavailable}")

    def get(self, bookmark_id: int) -> Bookmark:
        """One bookmark (``KeyError`` if there is none with that id)."""
        self._check_available()
        if not 0 < bookmark_id <= _MAX_ID:
            raise KeyError(bookmark_id)
        with self._lock:
            try:
                row = self._conn.execute(
                    f"SELECT {_COLUMNS} FROM bookmarks WHERE id = ?", (bookmark_id,)
                ).fetchone()
            except sqlite3.Error as error:
                raise StoreError(f"cannot read bookmarks from {self.path}: {error}") from None
        if row is None:
            raise KeyError(bookmark_id)
        try:
            return bookmark_from_row(row)
        except RowError as error:
            raise StoreError(f"bookmark {bookmark_id} is damaged: {error}") from None

    def add(self, draft: BookmarkDraft) -> Bookmark:
        """Save a new bookmark in one transaction and return it with its id."""
        now = _now()
        draft = clean_draft(draft)
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO bookmarks (kind, target, label, anchors, dvalues, details, note, "
                "tags, created, updated, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                draft_row(draft, now),
            )
            new_id = cursor.lastrowid
        assert new_id is not None
        return Bookmark.from_draft(new_id, draft, created=now, updated=now)

    def update_note(self, bookmark_id: int, note: str, tags: Sequence[str]) -> Bookmark:
        """Replace a bookmark's note and tags; ``KeyError`` if it was deleted meanwhile."""
        now = _now()
        clean = parse_tags(sanitize(" ".join(tags)))
        if not 0 < bookmark_id <= _MAX_ID:
            raise KeyError(bookmark_id)
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE bookmarks SET note = ?, tags = ?, updated = ? WHERE id = ?",
                (safe_text(sanitize(note)), safe_text(dump_json(list(clean))), now, bookmark_id),
            )
            if cursor.rowcount == 0:
                raise KeyError(bookmark_id)
        return self.get(bookmark_id)

    def delete(self, bookmark_id: int) -> None:
        """Remove one bookmark; ``KeyError`` if there is none with that id."""
        if not 0 < bookmark_id <= _MAX_ID:
            self._check_available()
            raise KeyError(bookmark_id)
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
            if cursor.rowcount == 0:
                raise KeyError(bookmark_id)

    def close(self) -> None:
        """Close the connection (SQLite then folds the WAL back into the file)."""
        with self._lock:
            self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; ``BEGIN IMMEDIATE`` takes the write lock up front (no deadlock)."""
        self._check_available()
        if self.read_only:
            raise ReadOnlyStoreError(f"bookmarks are read-only: {self.reason}")
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise StoreError(f"cannot save bookmark in {self.path}: {error}") from None
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise StoreError(f"cannot save bookmark in {self.path}: {error}") from None
                raise


def data_dir() -> Path:
    """The folder holding the store: ``$KURSK_READER_DATA_DIR`` or the platform's data dir."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("kursk-reader")


def open_store(
    folder: Path | None = None, *, timeout: float = BUSY_TIMEOUT
) -> tuple[BookmarkStore, str | None]:
    """Open the store, never raising: the warning (one line or ``None``) says what went wrong.

    A corrupt file is moved aside as ``<name>.corrupt-<timestamp>`` and a new store started;
    an unwritable folder or file gives a read-only store; a folder that cannot even be
    created gives an empty read-only store in memory. A store that exists but cannot be
    read (locked past ``timeout``, a folder, an unknown schema, a trigger or view the app
    did not create) is *unavailable*: left untouched, and reading it raises.
    """
    folder = data_dir() if folder is None else folder
    path = folder / STORE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = f"cannot create {folder} ({error.strerror or error})"
        return _memory_store(path, reason), f"bookmarks are read-only: {reason}"
    warning = None
    try:
        opened = _open_file(path, timeout)
    except (sqlite3.Error, OSError) as error:
        if isinstance(error, SchemaError) or (
            getattr(error, "sqlite_errorcode", None) not in _CORRUPT_CODES
        ):
            reason = (
                str(error) if isinstance(error, SchemaError) else f"cannot open {path} ({error})"
            )
            store = _memory_store(path, reason, unavailable=True)
            return store, f"bookmarks are unavailable: {reason}"
        try:
            moved = move_aside(path)
        except OSError as failure:
            reason = (
                f"{path} is corrupt ({error}) and cannot be moved aside "
                f"({failure.strerror or failure})"
            )
            return _memory_store(path, reason), f"bookmarks are read-only: {reason}"
        try:
            opened = _open_file(path, timeout)
        except (sqlite3.Error, OSError) as again:
            reason = f"cannot start a new store at {path} ({again})"
            return _memory_store(path, reason), f"bookmarks are read-only: {reason}"
        recovered = salvage(moved, opened.conn)
        warning = (
            f"bookmark store {path} was corrupt ({error}): moved aside to {moved.name}, "
            f"started a new store"
            + (f" with {recovered} recovered bookmark(s)" if recovered else "")
        )
    if opened.read_only:
        warning = f"bookmarks are read-only: {opened.reason}"
    store = BookmarkStore(
        opened.conn, path, read_only=opened.read_only, reason=opened.reason, warning=warning
    )
    return store, warning


def _open_file(path: Path, timeout: float = BUSY_TIMEOUT) -> _Opened:
    """Open for writing, or read-only when the file or folder refuses writes.

    Opening takes the write lock only to create or migrate the store: another instance
    in the middle of a save does not stop this one from reading.
    """
    if path.exists() and not path.is_file():
        raise SchemaError(f"{path} is not a file")
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return _open_read_only(path, f"{path.parent} is not writable", timeout)
    conn = connect(str(path), timeout)
    try:
        version = _prepare(conn, timeout, path)
        if version > SCHEMA_VERSION:
            conn.close()
            return _open_read_only(
                path,
                f"{path} was written by a newer kursk-reader (schema {version}, "
                f"this one knows {SCHEMA_VERSION})",
                timeout,
            )
        if version < SCHEMA_VERSION:
            migrate(conn)
    except sqlite3.OperationalError as error:
        conn.close()
        if error.sqlite_errorcode in _READONLY_CODES:
            return _open_read_only(path, f"cannot write to {path} ({error})")
        raise
    except BaseException:
        conn.close()
        raise
    return _Opened(conn, read_only=False, reason=None)


def _prepare(conn: sqlite3.Connection, timeout: float, path: Path) -> int:
    """Switch to WAL if needed and check the file; returns its schema version.

    When several instances open a new store at once, SQLite can answer "database is
    locked" to the journal-mode switch without waiting on the busy timeout: retry.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            version = check(conn, path)
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            return version
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _open_read_only(path: Path, reason: str, timeout: float = BUSY_TIMEOUT) -> _Opened:
    """Read what is there: through the WAL when SQLite can, else the main file alone.

    An older schema is upgraded in a private in-memory copy, so it still reads.
    """
    if not path.exists():
        return _Opened(memory_connection(), read_only=True, reason=reason)
    uri = path.resolve().as_uri()
    last: sqlite3.Error | None = None
    for mode in ("mode=ro", "immutable=1"):
        conn = connect(f"{uri}?{mode}", timeout, uri=True)
        try:
            version = check(conn, path)
        except SchemaError:
            conn.close()
            raise
        except sqlite3.Error as error:
            conn.close()
            last = error
            continue
        if mode == "immutable=1" and Path(f"{path}-wal").exists():
            reason += "; the latest saves, still in the write-ahead log, cannot be read here"
        if version < SCHEMA_VERSION:
            copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            conn.backup(copy)
            conn.close()
            migrate(copy)
            conn = copy
        return _Opened(conn, read_only=True, reason=reason)
    assert last is not None
    raise last


def _memory_store(path: Path, reason: str, *, unavailable: bool = False) -> BookmarkStore:
    state = "unavailable" if unavailable else "read-only"
    return BookmarkStore(
        memory_connection(),
        path,
        read_only=True,
        reason=reason,
        warning=f"bookmarks are {state}: {reason}",
        unavailable=reason if unavailable else None,
    )


def _row_name(row_id: object) -> str:
    return str(row_id) if isinstance(row_id, int) else f"with id {sanitize_line(repr(row_id))[:40]}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
