"""``kursk-reader index ARCHIVE... --out INDEX``: every story of an archive, analysed once.

The archive is split into stories (:mod:`tui.core.stories`: only articles sharing rare
words are compared, and never across more than a few days, so the cost grows with the
archive, not its square); each story is one task, analysed whole (facts, quotes,
discrepancies) where it runs and sent back as JSON. Tasks run on Dask when it is
installed (``pip install 'kursk-reader[scale]'``: a LocalCluster, or ``--scheduler
tcp://HOST:PORT`` for a cluster that exists), else on local processes. The index is one
SQLite file: a format every language reads, with indexes for "the facts of story k",
written in one transaction so a crash leaves no half index.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tui.core.analysis import analyse
from tui.core.models import Corpus, Story
from tui.core.stories import find_stories
from tui.errors import InputError
from tui.reports.align import discrepancy_json, group_json
from tui.reports.quotes import quote_json
from tui.reports.sentences import article_json

INDEX_VERSION = 1
SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE stories (id INTEGER PRIMARY KEY, label TEXT NOT NULL, articles TEXT NOT NULL)",
    "CREATE TABLE articles (id TEXT PRIMARY KEY, story INTEGER NOT NULL, data TEXT NOT NULL)",
    "CREATE TABLE facts (story INTEGER NOT NULL, id INTEGER NOT NULL, data TEXT NOT NULL, "
    "PRIMARY KEY (story, id))",
    "CREATE TABLE discrepancies (story INTEGER NOT NULL, id INTEGER NOT NULL, kind TEXT NOT NULL, "
    "data TEXT NOT NULL, PRIMARY KEY (story, id))",
    "CREATE TABLE quotes (story INTEGER NOT NULL, id TEXT NOT NULL, speaker TEXT, "
    "data TEXT NOT NULL, PRIMARY KEY (story, id))",
    "CREATE INDEX discrepancies_kind ON discrepancies (kind)",
    "CREATE INDEX quotes_speaker ON quotes (speaker)",
)


def analyse_story(corpus: Corpus) -> dict[str, Any]:
    """One task: a story's facts, discrepancies and quotes, as JSON-ready data."""
    result = analyse(corpus)
    alignment = result.alignment
    return {
        "facts": [group_json(g, alignment) for g in alignment.groups],
        "discrepancies": [discrepancy_json(d) for d in alignment.discrepancies],
        "quotes": [quote_json(q) for q in result.quotes],
    }


def build_index(
    corpus: Corpus,
    out: Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Story, ...]:
    """Analyse every story of ``corpus`` and write the index to ``out``."""
    stories = find_stories(corpus)
    parts = {s.id: Corpus(tuple(corpus.article(a) for a in s.articles)) for s in stories}
    results: dict[int, dict[str, Any]] = {}
    for story_id, data in _run(parts, scheduler=scheduler, workers=workers):
        results[story_id] = data
        if progress is not None:
            progress(len(results), len(parts))
    _write(out, corpus, stories, results)
    return stories


def _run(
    parts: dict[int, Corpus], *, scheduler: str | None, workers: int | None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(story id, result) as tasks finish: on Dask if installed, else local processes.

    ``workers=0`` analyses every story here, one after the other (the reference run).
    """
    if workers == 0 and not scheduler:
        for sid, part in parts.items():
            yield sid, analyse_story(part)
        return
    try:
        from distributed import Client, LocalCluster, as_completed  # noqa: PLC0415
    except ImportError:
        if scheduler:
            raise InputError("--scheduler needs Dask: pip install 'kursk-reader[scale]'") from None
        yield from _run_locally(parts, workers)
        return
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        futures = {
            client.submit(analyse_story, part, pure=False): sid for sid, part in parts.items()
        }
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run_locally(
    parts: dict[int, Corpus], workers: int | None
) -> Iterator[tuple[int, dict[str, Any]]]:
    import concurrent.futures  # noqa: PLC0415 (only for index)
    import multiprocessing  # noqa: PLC0415 (only for index)

    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = {pool.submit(analyse_story, part): sid for sid, part in parts.items()}
        for future in concurrent.futures.as_completed(futures):
            yield futures[future], future.result()


def _write(
    out: Path, corpus: Corpus, stories: tuple[Story, ...], results: dict[int, dict[str, Any]]
) -> None:
    """The whole index in one transaction, into a temporary file renamed over ``out``."""
    temp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    temp.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(temp)
        with conn:
            for statement in SCHEMA:
                conn.execute(statement)
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("version", str(INDEX_VERSION)), ("created", time.strftime("%Y-%m-%dT%H:%M:%S"))],
            )
            story_of = {a: s.id for s in stories for a in s.articles}
            conn.executemany(
                "INSERT INTO stories VALUES (?, ?, ?)",
                [(s.id, s.label, json.dumps(list(s.articles))) for s in stories],
            )
            conn.executemany(
                "INSERT INTO articles VALUES (?, ?, ?)",
                [
                    (a.id, story_of[a.id], json.dumps(article_json(a), ensure_ascii=False))
                    for a in corpus.articles
                ],
            )
            for sid, data in sorted(results.items()):
                conn.executemany(
                    "INSERT INTO facts VALUES (?, ?, ?)",
                    [(sid, f["id"], json.dumps(f, ensure_ascii=False)) for f in data["facts"]],
                )
                conn.executemany(
                    "INSERT INTO discrepancies VALUES (?, ?, ?, ?)",
                    [
                        (sid, d["id"], d["kind"], json.dumps(d, ensure_ascii=False))
                        for d in data["discrepancies"]
                    ],
                )
                conn.executemany(
                    "INSERT INTO quotes VALUES (?, ?, ?, ?)",
                    [
                        (sid, q["id"], q.get("speaker"), json.dumps(q, ensure_ascii=False))
                        for q in data["quotes"]
                    ],
                )
        conn.close()
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def read_index(path: Path) -> dict[str, Any]:
    """The index as one JSON-ready document (stories with their facts, discrepancies, quotes)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        version = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.Error as error:
        raise InputError(f"{path}: not a kursk-reader index ({error})") from None
    if version is None or version[0] != str(INDEX_VERSION):
        raise InputError(f"{path}: an index of another version; build it again")
    stories = []
    for sid, label, articles in conn.execute("SELECT id, label, articles FROM stories ORDER BY id"):
        story: dict[str, Any] = {"id": sid, "label": label, "articles": json.loads(articles)}
        for table in ("facts", "discrepancies", "quotes"):
            rows = conn.execute(f"SELECT data FROM {table} WHERE story = ? ORDER BY rowid", (sid,))
            story[table] = [json.loads(row[0]) for row in rows]
        stories.append(story)
    conn.close()
    return {"version": INDEX_VERSION, "stories": stories}


def run_index(corpus: Corpus, out: str, *, scheduler: str | None, jobs: int | None) -> int:
    """The ``index`` command: build, with a progress line on stderr."""
    target = Path(out)
    if target.is_dir():
        raise InputError(f"{out}: is a folder; give a file name for the index")
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        elapsed = time.perf_counter() - started
        rate = done / elapsed if elapsed else 0.0
        left = (total - done) / rate if rate else 0.0
        sys.stderr.write(
            f"\rkursk-reader: {done}/{total} stories, {rate:.1f}/s, {left:.0f} s left "
        )
        sys.stderr.flush()

    stories = build_index(corpus, target, scheduler=scheduler, workers=jobs, progress=progress)
    sys.stderr.write(
        f"\rkursk-reader: indexed {len(corpus.articles)} articles in {len(stories)} stories "
        f"to {out} ({time.perf_counter() - started:.1f} s)\n"
    )
    return 0
