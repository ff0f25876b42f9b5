"""The facts of each story, kept on disk: reopening a folder skips the aligner.

One SQLite file in the user cache folder. An entry is the facts of one story, keyed by
a hash of the analysis version, the aligner's parameters, the pair model and every
article of the story (id and text): a changed article re-analyses its story only, and
nothing stale can match. Entries are JSON, checked field by field when read; a damaged
one is ignored and rebuilt, never trusted, and a damaged file is replaced. The cache
holds at most ``max_bytes``: the entries used longest ago go first. Any failure of the
cache only costs the time to recompute.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import astuple
from pathlib import Path
from typing import Any

from tui.core.models import Article, DiffSpan, Group, Member
from tui.core.text.web import cache_root

ANALYSIS_VERSION = "facts-1"
"""Changed whenever the aligner's output for the same input changes."""
MAX_BYTES = 200_000_000
"""Default size limit of the cache file's entries."""
_DIFF_KINDS = frozenset({"shared", "own", "number", "entity"})


class FactCache:
    """Story facts by content key; every method is safe to call on a broken cache."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self._conn: sqlite3.Connection | None = None

    def key(self, articles: Sequence[Article], params: object, model: bytes) -> str:
        """The entry key of a story's facts under these parameters and this model."""
        digest = hashlib.sha256()
        for part in (ANALYSIS_VERSION, repr(params)):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(model).digest())
        for article in articles:
            digest.update(article.id.encode("utf-8", "surrogatepass") + b"\0")
            digest.update(article.text.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def get(self, key: str, articles: Sequence[Article]) -> tuple[Group, ...] | None:
        """The cached facts, or None (absent, damaged, or not about these articles)."""
        conn = self._connect()
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT facts FROM facts WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            groups = _decode(row[0], articles)
            if groups is None:
                conn.execute("DELETE FROM facts WHERE key = ?", (key,))
            else:
                conn.execute("UPDATE facts SET used = ? WHERE key = ?", (time.time(), key))
            conn.commit()
            return groups
        except sqlite3.Error:
            self._broken()
            return None

    def put(self, key: str, groups: Sequence[Group]) -> None:
        """Keep a story's facts; then trim the cache to its size limit."""
        conn = self._connect()
        if conn is None:
            return
        blob = json.dumps([_encode(g) for g in groups], separators=(",", ":"))
        try:
            conn.execute(
                "INSERT OR REPLACE INTO facts (key, facts, size, used) VALUES (?, ?, ?, ?)",
                (key, blob, len(blob), time.time()),
            )
            total = conn.execute("SELECT COALESCE(SUM(size), 0) FROM facts").fetchone()[0]
            if total > self.max_bytes:
                self._evict(conn, int(total))
            conn.commit()
        except sqlite3.Error:
            self._broken()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _evict(self, conn: sqlite3.Connection, total: int) -> None:
        """Drop the entries used longest ago until the cache is under its limit."""
        for key, size in conn.execute("SELECT key, size FROM facts ORDER BY used").fetchall():
            if total <= self.max_bytes:
                break
            conn.execute("DELETE FROM facts WHERE key = ?", (key,))
            total -= size

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=2.0)
            conn.execute(
                "CREATE TABLE IF NOT EXISTS facts ("
                "key TEXT PRIMARY KEY, facts TEXT NOT NULL, size INTEGER NOT NULL, "
                "used REAL NOT NULL)"
            )
            conn.commit()
        except (sqlite3.Error, OSError):
            self._broken()
            return None
        self._conn = conn
        return conn

    def _broken(self) -> None:
        """A damaged cache file is thrown away (it is only a cache); next time, a new one."""
        self.close()
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


def default_cache() -> FactCache:
    """The cache in the user cache folder, beside the fetched pages."""
    return FactCache(cache_root() / "facts.sqlite3")


def _encode(group: Group) -> list[Any]:
    return [
        group.label,
        group.score,
        [[m.article, m.sentence, [list(astuple(d)) for d in m.diff]] for m in group.members],
    ]


def _decode(blob: str, articles: Sequence[Article]) -> tuple[Group, ...] | None:
    """Groups from an entry, each field checked against the articles; None if anything is off."""
    sizes = {a.id: len(a.sentences) for a in articles}
    lengths = {a.id: len(a.text) for a in articles}
    try:
        data = json.loads(blob)
        groups = []
        for n, (label, score, members) in enumerate(data):
            if not isinstance(label, str) or not isinstance(score, int | float):
                return None
            built = []
            for article, sentence, diff in members:
                if article not in sizes or not isinstance(sentence, int):
                    return None
                if not 0 <= sentence < sizes[article]:
                    return None
                spans = []
                for start, end, kind in diff:
                    valid = isinstance(start, int) and isinstance(end, int)
                    if not valid or not 0 <= start <= end <= lengths[article]:
                        return None
                    if kind not in _DIFF_KINDS:
                        return None
                    spans.append(DiffSpan(start, end, kind))
                built.append(Member(article, sentence, tuple(spans)))
            groups.append(Group(n, label, float(score), tuple(built)))
        return tuple(groups)
    except (ValueError, TypeError):
        return None
