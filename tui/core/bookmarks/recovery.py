"""Recovering from a corrupt bookmark store: keep the bad file, rescue what still reads."""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from tui.core.bookmarks.rows import COLUMNS


def move_aside(path: Path) -> Path:
    """Rename the bad file (and its WAL and shared-memory files) out of the way, keeping it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 2
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        # No such side file, or another instance moved it first.
        with suppress(FileNotFoundError):
            os.replace(source, Path(f"{target}{suffix}"))
    return target


def salvage(moved: Path, conn: sqlite3.Connection) -> int:
    """Copy whatever rows can still be read from the moved-aside file into the new store."""
    try:
        old = sqlite3.connect(f"{moved.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    try:
        rows = old.execute(f"SELECT {COLUMNS} FROM bookmarks ORDER BY id").fetchall()
    except sqlite3.Error:
        return 0
    finally:
        old.close()
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            f"INSERT OR IGNORE INTO bookmarks ({COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return 0  # The moved-aside file still has them.
    return len(rows)
