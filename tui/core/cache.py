"""The analysis of each story, kept on disk: reopening a folder analyses nothing again.

One SQLite file in the user cache folder. An entry is a story's facts, quotes and
discrepancies (:mod:`tui.core.codec`), keyed by a hash of the analysis version, the
aligner's parameters, the pair model and every article of the story (id, metadata, text
and segmentation): a changed article re-analyses its story only, and nothing stale can
match. The split of a corpus into stories is one entry too, keyed by all its articles.
The cache stores text; what it returns is checked by the codec, and a damaged entry is
dropped and rebuilt, never trusted; a damaged file is replaced. The cache holds at most
``max_bytes``: the entries used longest ago go first. Any failure of the cache only
costs the time to recompute.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from functools import cache, partial
from pathlib import Path
from typing import TypeVar

from tui.core.models import Article
from tui.core.text.corpus import ArticleFile
from tui.core.text.html import HTML_SUFFIXES
from tui.core.text.web import cache_root

T = TypeVar("T")

ANALYSIS_VERSION = "story-11"
"""Changed whenever the format of the entries changes; the analysis's source digest is
part of every analysis key too (:func:`analysis_digest`), so changed code is never served
old results (facts-1: facts only)."""
MAX_BYTES = 200_000_000
"""Default size limit of the cache file's entries."""
COMMIT_EVERY = 2.0
"""Seconds between commits: one commit (a disk sync) per entry cost more than reading it."""


class FactCache:
    """Story analyses by content key; every method is safe to call on a broken cache."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self._conn: sqlite3.Connection | None = None
        self._committed = 0.0
        self._off = False
        """Set when another process holds the file: this run does without the cache."""

    @staticmethod
    def key(kind: str, parts: Iterable[bytes | str]) -> str:
        """The key of an entry of ``kind`` made from these parts (article digests, params)."""
        digest = hashlib.sha256(f"{ANALYSIS_VERSION}\0{kind}\0".encode())
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()

    def get(self, key: str) -> str | None:
        """The entry's text, or None; the caller decodes it and drops it if damaged."""
        conn = self._connect()
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT data FROM entries WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            conn.execute("UPDATE entries SET used = ? WHERE key = ?", (time.time(), key))
            self._commit_now_and_then(conn)
            return row[0] if isinstance(row[0], str) else None
        except sqlite3.Error as error:
            self._failed(error)
            return None

    def read(self, key: str | None, decode: Callable[[str], T | None]) -> T | None:
        """The entry under ``key`` as ``decode`` reads it, or None: absent, or damaged
        (``decode`` gave None), and then dropped to be rebuilt, never trusted."""
        if key is None or (blob := self.get(key)) is None:
            return None
        found = decode(blob)
        if found is None:
            self.drop(key)
        return found

    def drop(self, key: str) -> None:
        """Forget a damaged entry."""
        conn = self._connect()
        if conn is None:
            return
        try:
            conn.execute("DELETE FROM entries WHERE key = ?", (key,))
            self._commit_now_and_then(conn)
        except sqlite3.Error as error:
            self._failed(error)

    def put(self, key: str, data: str) -> None:
        """Keep an entry (trimmed to the size limit at the next commit)."""
        conn = self._connect()
        if conn is None:
            return
        try:
            conn.execute(
                "INSERT OR REPLACE INTO entries (key, data, size, used) VALUES (?, ?, ?, ?)",
                (key, data, len(data), time.time()),
            )
            self._commit_now_and_then(conn)
        except sqlite3.Error as error:
            self._failed(error)

    def flush(self) -> None:
        """Trim the cache to its size limit and commit: the end of an analysis."""
        if self._conn is None:
            return
        try:
            self._commit(self._conn)
        except sqlite3.Error as error:
            self._failed(error)

    def close(self) -> None:
        self.flush()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _commit_now_and_then(self, conn: sqlite3.Connection) -> None:
        if time.monotonic() - self._committed >= COMMIT_EVERY:
            self._commit(conn)

    def _commit(self, conn: sqlite3.Connection) -> None:
        if conn.in_transaction:
            total = conn.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()[0]
            if total > self.max_bytes:
                self._evict(conn, int(total))
            conn.commit()
        self._committed = time.monotonic()

    def _evict(self, conn: sqlite3.Connection, total: int) -> None:
        """Drop the entries used longest ago until the cache is under its limit."""
        for key, size in conn.execute("SELECT key, size FROM entries ORDER BY used").fetchall():
            if total <= self.max_bytes:
                break
            conn.execute("DELETE FROM entries WHERE key = ?", (key,))
            total -= size

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        if self._off:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=2.0)
            conn.execute("DROP TABLE IF EXISTS facts")  # facts-1 entries: never read again
            conn.execute(
                "CREATE TABLE IF NOT EXISTS entries ("
                "key TEXT PRIMARY KEY, data TEXT NOT NULL, size INTEGER NOT NULL, "
                "used REAL NOT NULL)"
            )
            conn.commit()
        except sqlite3.Error as error:
            self._failed(error)
            return None
        except OSError:
            self._broken()
            return None
        self._conn = conn
        self._committed = time.monotonic()
        return conn

    def _failed(self, error: sqlite3.Error) -> None:
        """A cache another process holds (locked, busy) is left whole and unused for this
        run; a damaged one is thrown away."""
        message = str(error).lower()
        if isinstance(error, sqlite3.OperationalError) and (
            "locked" in message or "busy" in message
        ):
            self._off = True
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None
            return
        self._broken()

    def _broken(self) -> None:
        """A damaged cache file is thrown away (it is only a cache); next time, a new one."""
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


def article_digest(article: Article) -> bytes:
    """Everything of an article the analysis reads: id, metadata, text, segmentation."""
    digest = hashlib.sha256()
    for field in (article.id, article.title, article.date, article.source, article.url):
        digest.update(repr(field).encode("utf-8", "surrogatepass") + b"\0")
    digest.update(article.text.encode("utf-8", "surrogatepass") + b"\0")
    layout = (
        [(s.start, s.end, s.paragraph, s.kind) for s in article.sentences],
        [(p.start, p.end, p.kind) for p in article.paragraphs],
        article.tweets,
    )
    digest.update(repr(layout).encode("utf-8", "surrogatepass"))
    return digest.digest()


PARSER_SOURCES = ("tui.core.text", "tui.core.models", "markdown_it", "mdit_py_plugins", "yaml")
"""What parsing an article depends on, besides its bytes and the Python version (whose
``unicodedata`` drives sanitising): the loader's own code, and the Markdown, front-matter
and YAML parsers (their ``__init__`` names their version)."""


class ParsedArticles:
    """Articles parsed before, keyed by their file's bytes, id and path, and the parser's
    own source: reopening a folder skips Markdown and segmentation. Entries are read back
    through the codec, checked and sanitised like any text read; a damaged one is parsed
    again. Saved web pages are not kept (their extraction depends on trafilatura)."""

    def __init__(self, cache: FactCache) -> None:
        self.cache = cache

    def get(self, file: ArticleFile) -> tuple[Article, list[str]] | None:
        return self.cache.read(self._key(file), partial(_parsed, file.article_id))

    def put(self, file: ArticleFile, article: Article, warnings: Sequence[str]) -> None:
        from tui.core.codec import article_data, dumps  # noqa: PLC0415 (start-up)

        key = self._key(file)
        if key is not None:
            self.cache.put(key, dumps({"article": article_data(article), "warnings": warnings}))

    @staticmethod
    def _key(file: ArticleFile) -> str | None:
        parser = parser_digest()
        if parser is None or file.path.suffix.lower() in HTML_SUFFIXES:
            return None
        parts: list[bytes | str] = [parser, sys.version, file.article_id, str(file.path), file.data]
        return FactCache.key("article", parts)


def _parsed(article_id: str, blob: str) -> tuple[Article, list[str]] | None:
    """An article parsed before, and its warnings, read back and checked."""
    from tui.core.codec import Damaged, decode_article  # noqa: PLC0415 (start-up)

    try:
        data = json.loads(blob)
        article = decode_article(data["article"])
        warnings = _lines(data["warnings"])
    except (Damaged, ValueError, TypeError, KeyError, RecursionError):
        return None
    return (article, warnings) if article.id == article_id else None


def _lines(value: object) -> list[str]:
    """Warnings read back: a list of text, or ``TypeError`` (a string would give one
    warning per character)."""
    from tui.core.text.sanitize import sanitize_line  # noqa: PLC0415 (start-up)

    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise TypeError("warnings are a list of text")
    return [sanitize_line(w) for w in value]


def parser_digest() -> bytes | None:
    """A digest of the parser's source files (None when one cannot be read: no cache)."""
    return source_digest(PARSER_SOURCES)


def analysis_digest() -> bytes | None:
    """A digest of the whole analysis's source: every module of ``tui.core`` and the pair
    model (None when one cannot be read: no cache)."""
    return source_digest(("tui.core",))


@cache
def source_digest(names: tuple[str, ...]) -> bytes | None:
    """A digest of modules' source files, found without importing them; a package of
    ``tui`` counts with every file in it (code and data), another package by its
    ``__init__`` (where its version is written)."""
    digest = hashlib.sha256()
    try:
        for name in names:
            spec = importlib.util.find_spec(name)
            if spec is None or spec.origin is None:
                return None
            origin = Path(spec.origin)
            whole = name.startswith("tui.") and origin.name == "__init__.py"
            files = [origin]
            if whole:
                files = sorted(f for f in origin.parent.rglob("*") if f.suffix in (".py", ".json"))
            for path in files:
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except (OSError, ImportError, ValueError):
        return None
    return digest.digest()


def default_cache() -> FactCache:
    """The cache in the user cache folder, beside the fetched pages."""
    return FactCache(cache_root() / "facts.sqlite3")
