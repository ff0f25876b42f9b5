"""The store's schema: its migrations, and the check that a file holds only what the app made.

A store file can be edited by anything. A trigger, view or table the app did not create
could rewrite or delete every bookmark on the next save, so such a file is refused, not
used, and connections run with ``trusted_schema`` off (and SQLite's defensive mode where
the Python build offers it).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.core.text.sanitize import sanitize_line

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the first schema.
    (
        """CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('fact', 'discrepancy', 'quote')),
            target TEXT NOT NULL,
            label TEXT NOT NULL,
            anchors TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            fingerprint TEXT NOT NULL
        )""",
    ),
    # 2: tags, an update time, the discrepancy's values and what kind of target it is.
    (
        "ALTER TABLE bookmarks ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE bookmarks ADD COLUMN updated TEXT NOT NULL DEFAULT ''",
        "UPDATE bookmarks SET updated = created WHERE updated = ''",
        "ALTER TABLE bookmarks ADD COLUMN dvalues TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE bookmarks ADD COLUMN details TEXT NOT NULL DEFAULT '{}'",
    ),
    # 3: corrections of the machine: a discrepancy dismissed, or checked (which source is
    # right), with a note; kept with the values' words to be found again on reload.
    (
        """CREATE TABLE corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('dismissed', 'checked')),
            summary TEXT NOT NULL,
            dvalues TEXT NOT NULL DEFAULT '[]',
            verdict TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            fingerprint TEXT NOT NULL
        )""",
    ),
    # 4: sentences the reader linked to a fact, or unlinked from it (by their words).
    (
        """CREATE TABLE links (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('link', 'unlink')),
            anchor_article TEXT NOT NULL,
            anchor_text TEXT NOT NULL,
            article TEXT NOT NULL,
            text TEXT NOT NULL,
            created TEXT NOT NULL,
            fingerprint TEXT NOT NULL
        )""",
    ),
)
"""Migration ``n`` brings ``PRAGMA user_version`` from ``n`` to ``n + 1``; append, never edit."""
SCHEMA_VERSION = len(MIGRATIONS)
BOOKMARK_COLUMNS_VERSION = 2
"""From this version on, the bookmarks table has every column below."""

_EXPECTED_COLUMNS = frozenset(
    "id kind target label anchors note created fingerprint tags updated dvalues details".split()
)
"""The columns the migrations create; a store missing one is not ours to read."""


class SchemaError(sqlite3.DatabaseError):
    """The file is a database, but not a store this app made: refused, left untouched."""


def connect(database: str, timeout: float, *, uri: bool = False) -> sqlite3.Connection:
    """A connection that does not run code planted in the schema (defensive mode)."""
    conn = sqlite3.connect(
        database, timeout=timeout, isolation_level=None, check_same_thread=False, uri=uri
    )
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if defensive is not None:  # Python 3.12+: no writable_schema, no corrupting pragmas.
        conn.setconfig(defensive, True)  # type: ignore[attr-defined,unused-ignore]
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def check(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version, after SQLite's quick check (raises on a corrupt file) and a
    check that the schema is the app's own (:class:`SchemaError` otherwise)."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    check_schema(conn, path, version)
    result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        problems = [line for line in str(result).splitlines() if not line.startswith("***")]
        first = problems[0] if problems else str(result)
        more = f" and {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
        error = sqlite3.DatabaseError(f"integrity check failed: {first}{more}")
        error.sqlite_errorcode = 11
        raise error
    return version


def check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse what the app did not create: a trigger or view can rewrite or delete every
    bookmark on the next save, and SQLite would run it on the app's behalf."""
    if version < 0:
        raise SchemaError(f"{path} has an unknown schema version ({version})")
    objects = conn.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    for kind, name, table in objects:
        if (kind, name) in (
            ("table", "bookmarks"),
            ("table", "sqlite_sequence"),
            ("table", "corrections"),
            ("table", "links"),
        ):
            continue
        if kind == "index" and table in ("bookmarks", "corrections", "links"):
            continue  # An index only speeds reads up (and runs no code: trusted_schema off).
        raise SchemaError(
            f"{path} has a {kind} {sanitize_line(str(name))[:40]!r} that kursk-reader did "
            "not create; refusing to use it (move the file aside to start afresh)"
        )
    tables = {name for kind, name, _ in objects if kind == "table"}
    if version >= 1 and "bookmarks" not in tables:
        raise SchemaError(f"{path} has schema version {version} but no bookmarks table")
    for table, since in (("corrections", 3), ("links", 4)):
        if version >= since and table not in tables:
            raise SchemaError(f"{path} has schema version {version} but no {table} table")
    if version >= BOOKMARK_COLUMNS_VERSION:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(bookmarks)")}
        missing = sorted(_EXPECTED_COLUMNS - columns)
        if missing:
            raise SchemaError(f"{path} has no {', '.join(missing)} column(s) in bookmarks")


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the missing migrations, each with its version bump in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])  # Re-read under lock.
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def memory_connection() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(conn)
    return conn
