"""``kursk-reader index ARCHIVE... --out INDEX``: every story of an archive, analysed once.

The archive is split into stories (:mod:`tui.core.stories`: only articles sharing rare
words are compared, and never across more than a few days, so the cost grows with the
archive, not its square); each story is one task, analysed whole where it runs (the
analysis's own unit, :func:`tui.core.analysis.story_json`) and sent back as compact JSON.
Tasks run on Dask when it is installed (``pip install 'kursk-reader[scale]'``: a
LocalCluster, or ``--scheduler tcp://HOST:PORT`` for a cluster that exists), else on
local processes. The index is one SQLite file: a format every language reads, with
indexes for "the facts of story k". Each result is written as its task finishes (the
main process never holds them all), inside one transaction in a temporary file renamed
at the end, so a crash leaves no half index.

``kursk-reader INDEX`` and the report commands read an index back (:func:`load_index`):
the articles, stories and each story's analysis, checked by :mod:`tui.core.codec` and put
together as the analysis puts stories together, so the output is the archive's.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from tui.core.analysis import Analysis, merge_stories, story_corpus, story_json
from tui.core.codec import (
    Damaged,
    article_data,
    decode_article,
    decode_stories,
    dumps,
    story_from_parts,
)
from tui.core.models import Article, Corpus, Story, StoryAnalysis
from tui.core.stories import find_stories
from tui.core.text.sanitize import display_name
from tui.errors import InputError

INDEX_VERSION = 3
"""2: whole articles (the reader opens an index alone) and each story's analysis with
its own ids, as the analysis cache keeps it. 3: each quote says whether its sentence
names the speaker (``named``) and which article gave a borrowed one (``speaker_from``)."""
IN_FLIGHT = 4
"""Dask tasks submitted per worker ahead of the results."""
SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE stories (id INTEGER PRIMARY KEY, label TEXT NOT NULL, articles TEXT NOT NULL)",
    "CREATE TABLE articles (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
    "story INTEGER NOT NULL, data TEXT NOT NULL)",
    "CREATE TABLE facts (story INTEGER NOT NULL, id INTEGER NOT NULL, data TEXT NOT NULL, "
    "PRIMARY KEY (story, id))",
    "CREATE TABLE discrepancies (story INTEGER NOT NULL, id INTEGER NOT NULL, kind TEXT NOT NULL, "
    "data TEXT NOT NULL, PRIMARY KEY (story, id))",
    "CREATE TABLE quotes (story INTEGER NOT NULL, id TEXT NOT NULL, speaker TEXT, "
    "data TEXT NOT NULL, PRIMARY KEY (story, id))",
    "CREATE INDEX discrepancies_kind ON discrepancies (kind)",
    "CREATE INDEX quotes_speaker ON quotes (speaker)",
)


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
    parts = {s.id: story_corpus(corpus, s) for s in stories}
    temp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    temp.unlink(missing_ok=True)
    try:
        try:
            conn = sqlite3.connect(temp)
        except sqlite3.Error as error:
            raise InputError(f"--out {display_name(str(out))}: cannot write ({error})") from None
        with conn:
            _write_corpus(conn, corpus, stories)
            for done, (story_id, blob) in enumerate(
                _run(parts, scheduler=scheduler, workers=workers), start=1
            ):
                _write_story(conn, story_id, blob)
                if progress is not None:
                    progress(done, len(parts))
        conn.close()
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return stories


def _write_corpus(conn: sqlite3.Connection, corpus: Corpus, stories: tuple[Story, ...]) -> None:
    for statement in SCHEMA:
        conn.execute(statement)
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("version", str(INDEX_VERSION)), ("created", time.strftime("%Y-%m-%dT%H:%M:%S"))],
    )
    conn.executemany(
        "INSERT INTO stories VALUES (?, ?, ?)",
        [(s.id, s.label, dumps(list(s.articles))) for s in stories],
    )
    story_of = {a: s.id for s in stories for a in s.articles}
    conn.executemany(
        "INSERT INTO articles VALUES (?, ?, ?, ?)",
        ((n, a.id, story_of[a.id], dumps(article_data(a))) for n, a in enumerate(corpus.articles)),
    )


def _write_story(conn: sqlite3.Connection, story_id: int, blob: str) -> None:
    """One story's rows, from the JSON its task sent (ids are the story's own)."""
    data = json.loads(blob)
    conn.executemany(
        "INSERT INTO facts VALUES (?, ?, ?)",
        [(story_id, n, dumps(f)) for n, f in enumerate(data["groups"])],
    )
    conn.executemany(
        "INSERT INTO discrepancies VALUES (?, ?, ?, ?)",
        [(story_id, n, d["kind"], dumps(d)) for n, d in enumerate(data["discrepancies"])],
    )
    conn.executemany(
        "INSERT INTO quotes VALUES (?, ?, ?, ?)",
        [(story_id, q["id"], q["speaker"], dumps(q)) for q in data["quotes"]],
    )


def _run(
    parts: dict[int, Corpus], *, scheduler: str | None, workers: int | None
) -> Iterator[tuple[int, str]]:
    """(story id, its JSON) as tasks finish: on Dask if installed, else local processes.

    ``workers=0`` analyses every story here, one after the other (the reference run).
    """
    if workers == 0 and not scheduler:
        for sid, part in parts.items():
            yield sid, story_json(part)
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
        # A few tasks per worker in flight, not all: the scheduler (in this process for a
        # LocalCluster) would otherwise hold every story's articles until its task ran.
        workers_now = len(client.scheduler_info().get("workers", {})) or os.cpu_count() or 1
        todo = iter(parts.items())
        story_of: dict[object, int] = {}
        running = as_completed()

        def submit_next() -> None:
            for sid, part in todo:
                future = client.submit(story_json, part, pure=False)
                story_of[future.key] = sid
                running.add(future)
                return

        for _ in range(IN_FLIGHT * workers_now):
            submit_next()
        for future in running:
            yield story_of.pop(future.key), future.result()
            future.release()  # The result is written: nobody needs it any more.
            submit_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run_locally(parts: dict[int, Corpus], workers: int | None) -> Iterator[tuple[int, str]]:
    import concurrent.futures  # noqa: PLC0415 (only for index)
    import multiprocessing  # noqa: PLC0415 (only for index)

    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = {pool.submit(story_json, part): sid for sid, part in parts.items()}
        # Not as_completed: it keeps every finished future (and its result) to the end.
        pending = set(futures)
        while pending:
            done, pending = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED
            )
            for future in done:
                yield futures.pop(future), future.result()


def load_index(path: str | Path) -> Analysis:
    """The archive and its analysis, read back from an index; ``InputError`` if it is not
    one, is of another version, or is damaged."""
    name = display_name(str(path))
    try:
        # As a URI: "#", "%" or "?" in the file name are the name's, never the URI's.
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise InputError(f"{name}: cannot open the index ({error})") from None
    try:
        return _load(conn, name)
    except sqlite3.OperationalError as error:  # No such table: someone else's database.
        raise InputError(f"{name}: not a kursk-reader index ({error})") from None
    except sqlite3.Error as error:
        raise InputError(f"{name}: a damaged index ({error}); build it again") from None
    except (Damaged, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        raise InputError(f"{name}: a damaged index; build it again") from None
    finally:
        conn.close()


def _load(conn: sqlite3.Connection, name: str) -> Analysis:
    row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    version = row[0] if row else None
    if not (isinstance(version, str) and version.isdigit()):
        raise InputError(f"{name}: not a kursk-reader index")
    if int(version) > INDEX_VERSION:
        raise InputError(f"{name}: written by a newer kursk-reader (index version {version})")
    if int(version) != INDEX_VERSION:
        raise InputError(f"{name}: an index of an older version ({version}); build it again")
    articles = tuple(
        decode_article(json.loads(data))
        for (data,) in conn.execute("SELECT data FROM articles ORDER BY position")
    )
    corpus = Corpus(articles)
    if len({a.id for a in articles}) != len(articles):
        raise Damaged("two articles with one id")
    rows = conn.execute("SELECT label, articles FROM stories ORDER BY id").fetchall()
    stories = decode_stories([[label, json.loads(ids)] for label, ids in rows], corpus)
    if stories is None:
        raise Damaged("the stories do not hold every article once")
    by_id = {a.id: a for a in articles}
    results = {
        story.id: _story(conn, story.id, {a: by_id[a] for a in story.articles}) for story in stories
    }
    return merge_stories(corpus, stories, results)


def _story(
    conn: sqlite3.Connection, story_id: int, articles: Mapping[str, Article]
) -> StoryAnalysis:
    """One story's analysis from its rows (ids must run 0, 1, 2, ... as written)."""
    items = {}
    for table in ("facts", "discrepancies"):
        rows = conn.execute(
            f"SELECT id, data FROM {table} WHERE story = ? ORDER BY id",
            (story_id,),
        ).fetchall()
        if [n for n, _ in rows] != list(range(len(rows))):
            raise Damaged(f"{table} of story {story_id} are not numbered from 0")
        items[table] = [json.loads(data) for _, data in rows]
    quotes = [
        json.loads(data)
        for (data,) in conn.execute(
            "SELECT data FROM quotes WHERE story = ? ORDER BY rowid", (story_id,)
        )
    ]
    return story_from_parts(items["facts"], quotes, items["discrepancies"], articles)


def already(analysis: Analysis) -> Callable[[Corpus], Generator[float, None, Analysis]]:
    """What the reader runs instead of analysing: the index's analysis, done at once."""

    def steps(corpus: Corpus) -> Generator[float, None, Analysis]:
        yield 1.0
        return replace(analysis, corpus=corpus)  # The reader's own names for the sources.

    return steps


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
        f"to {display_name(str(out))} ({time.perf_counter() - started:.1f} s)\n"
    )
    return 0
