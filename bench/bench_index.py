"""``kursk-reader index`` on growing archives: time, peak memory, stories, growth exponent.

Run from the repository root::

    python -m bench.bench_index                 # 300, 1,000 and 3,000 articles
    python -m bench.bench_index --sizes 300,1000,3000,10000 --jobs 2

Archives are BASIL's 300 articles plus whole events copied with their dates moved by
weeks, their names renamed and their wording perturbed, so that they form many stories
(as an archive over months does). Each size runs in a fresh process: peak memory is the
largest resident set of the main process, and of the largest worker (or Dask nanny).
"""

from __future__ import annotations

import argparse
import math
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

BASIL = Path("../shared/corpora/basil")
_NAMES = ("Alder", "Brook", "Castell", "Dunmore", "Ellery", "Fenwick", "Garrow", "Hollis")


def archive(size: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """(id, date, text) of ``size`` articles: BASIL, then re-dated, renamed copies of events."""
    from tui.core.text.corpus import load_corpus

    corpus = load_corpus([BASIL])
    events: dict[str, list] = {}  # type: ignore[type-arg]
    for article in corpus.articles:
        events.setdefault(article.id.split("/")[0], []).append(article)
    rng = random.Random(seed)
    out = [(a.id, a.date or "2015-01-01", a.text) for a in corpus.articles][:size]
    copy = 0
    while len(out) < size:
        event = rng.choice(sorted(events))
        copy += 1
        shift = timedelta(weeks=copy)
        rename = {w: f"{rng.choice(_NAMES)}{copy}" for w in _capitalised(events[event])}
        for article in events[event]:
            when = date.fromisoformat((article.date or "2015-01-01")[:10]) + shift
            text = re.sub(
                r"\b[A-Z][a-z]{3,}\b",
                lambda m, names=rename: names.get(m.group(0), m.group(0)),
                article.text,
            )
            out.append((f"copy{copy:05d}/{article.id}", when.isoformat(), text))
            if len(out) >= size:
                break
    return out


def _capitalised(articles: list) -> set[str]:  # type: ignore[type-arg]
    words: dict[str, int] = {}
    for article in articles:
        for word in re.findall(r"\b[A-Z][a-z]{3,}\b", article.text):
            words[word] = words.get(word, 0) + 1
    return {w for w, n in words.items() if n >= 3}


def one_size(size: int, jobs: int) -> dict[str, float]:
    """Build the index of one archive (in this process); returns its figures."""
    from tui.core.models import Corpus
    from tui.core.text.corpus import article_from_text
    from tui.reports.index import build_index

    articles = tuple(article_from_text(i, text, meta={"date": d}) for i, d, text in archive(size))
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        stories = build_index(Corpus(articles), Path(folder) / "index.kri", workers=jobs)
        seconds = time.perf_counter() - started
    main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "articles": size,
        "stories": len(stories),
        "seconds": seconds,
        "main_mb": main / 1024,
        "worker_mb": workers / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000,3000")
    parser.add_argument("--jobs", type=int, default=2, help="workers (0: one process)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        row = one_size(args.one, args.jobs)
        print(" ".join(f"{k}={v}" for k, v in row.items()))
        return 0
    if not BASIL.is_dir():
        print("BASIL not present: skipped")
        return 0
    rows = []
    print(
        f"{'articles':>8} {'stories':>8} {'seconds':>8} {'main MB':>8} {'worker MB':>9}"
        f"   (jobs={args.jobs})"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.bench_index",
                "--one",
                str(size),
                "--jobs",
                str(args.jobs),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        row = dict(pair.split("=") for pair in done.stdout.split())
        rows.append((float(row["articles"]), float(row["seconds"])))
        print(
            f"{int(float(row['articles'])):>8} {row['stories']:>8} "
            f"{float(row['seconds']):>8.1f} {float(row['main_mb']):>8.0f} "
            f"{float(row['worker_mb']):>9.0f}"
        )
    if len(rows) >= 2:
        xs = [math.log(a) for a, _ in rows]
        ys = [math.log(s) for _, s in rows]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
        print(f"time grows as articles^{slope:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
