"""Time the analysis (alignment, quotes, discrepancies) on growing corpora, against plain all-pairs ``cdist``.

Run from the repository root::

    python -m bench.bench_align            # seeds, BASIL (300 articles), 1,000 articles
    python -m bench.bench_align --quick    # smoke run: seeds + one BASIL event

Sizes: the five seeds; all 300 BASIL articles as one corpus; 1,000 articles (BASIL plus
700 perturbed copies: sentences dropped, words swapped for synonyms, numbers changed).
Peak memory is the process's maximum resident set (``getrusage``), which only grows,
so each row shows the peak reached so far. ``max pause s`` is the longest stretch
between two progress yields: how long a cancellation in the app may wait. The all-pairs baseline is rapidfuzz
``process.cdist`` with ``token_sort_ratio`` over the same sentences on both cores;
above 10,000 sentences it is timed on a sample of rows and extrapolated.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from collections.abc import Generator
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.analysis import Analysis, analyse_steps
from tui.core.models import Article, Corpus
from tui.core.text.corpus import load_corpus
from tui.core.text.normalize import fold_text, rarity
from tui.core.text.segment import segment

BASIL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "basil"
_SWAPS = {
    "said": "stated", "says": "states", "told": "informed", "people": "residents",
    "fled": "evacuated", "president": "leader", "attack": "assault", "big": "large",
    "killed": "slain", "officials": "authorities", "began": "started", "show": "display",
}  # fmt: skip


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def perturbed(article: Article, n: int, rng: random.Random) -> Article:
    """A plausible re-write of an article: fewer sentences, synonyms, other numbers."""
    kept = [s.text for s in article.sentences if rng.random() > 0.05 and s.kind != "dateline"]
    text = "\n\n".join(kept) or article.text

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        new = _SWAPS.get(word.lower())
        return new if new and rng.random() < 0.7 else word

    text = re.sub(r"[A-Za-z]+", swap, text)
    text = re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.choice((0, 0, 1, 10))), text)
    seg = segment(text)
    return Article(
        id=f"copy{n:04d}/{article.id}",
        path=f"<perturbed {article.id}>",
        title=article.title,
        date=article.date,
        text=text,
        sentences=seg.sentences,
        paragraphs=seg.paragraphs,
        tweets=seg.tweets,
    )


def sentences_of(corpus: Corpus) -> list[str]:
    return [fold_text(s.text) for a in corpus.articles for s in a.sentences]


def time_cdist(texts: list[str], sample: int = 10_000) -> tuple[float, bool]:
    """Seconds for all-pairs token_sort_ratio; extrapolated from a row sample if large."""
    rows = texts if len(texts) <= sample else texts[:2_000]
    start = time.perf_counter()
    process.cdist(rows, texts, scorer=fuzz.token_sort_ratio, dtype=np.uint8, workers=2)
    seconds = time.perf_counter() - start
    if len(rows) < len(texts):
        return seconds * len(texts) / len(rows), True
    return seconds, False


def timed_steps(steps: Generator[float, None, Analysis]) -> tuple[Analysis, float]:
    """Drain the analysis; also the longest stretch without a yield (cancellation delay)."""
    last = time.perf_counter()
    pause = 0.0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: Analysis = done.value
            return result, max(pause, time.perf_counter() - last)
        now = time.perf_counter()
        pause = max(pause, now - last)
        last = now


def run(name: str, corpus: Corpus, baseline: bool) -> dict[str, str]:
    n = sum(len(a.sentences) for a in corpus.articles)
    start = time.perf_counter()
    result, pause = timed_steps(analyse_steps(corpus))
    seconds = time.perf_counter() - start
    row = {
        "corpus": name,
        "articles": str(len(corpus.articles)),
        "sentences": str(n),
        "align s": f"{seconds:.3f}",
        "peak MB": f"{peak_mb():.0f}",
        "groups": str(len(result.groups)),
        "discrep.": str(len(result.discrepancies)),
        "max pause s": f"{pause:.2f}",
        "all-pairs cdist s": "-",
        "ratio": "-",
    }
    if baseline:
        cdist_s, estimated = time_cdist(sentences_of(corpus))
        row["all-pairs cdist s"] = f"{cdist_s:.2f}" + (" (est.)" if estimated else "")
        row["ratio"] = f"{cdist_s / seconds:.1f}x"
    return row


def print_table(rows: list[dict[str, str]]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in cols}
    print("  ".join(c.rjust(widths[c]) for c in cols))
    for r in rows:
        print("  ".join(r[c].rjust(widths[c]) for c in cols))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="seeds and one BASIL event only")
    parser.add_argument("--no-baseline", action="store_true", help="skip the cdist baseline")
    args = parser.parse_args(argv)
    rarity("warm")  # Load the wordfreq list once: the app pays this at start-up, not per run.
    rows = [run("seeds", load_corpus([]), not args.no_baseline)]
    if not BASIL.is_dir():
        print(f"(BASIL not found at {BASIL}: seeds only)")
        print_table(rows)
        return 0
    events = sorted(p for p in BASIL.iterdir() if p.is_dir())
    rows.append(run(f"basil/{events[0].name[:24]}", load_corpus([events[0]]), False))
    if not args.quick:
        rows.append(run("basil, 30 events", load_corpus(events[:30]), not args.no_baseline))
        basil = load_corpus([BASIL])
        rows.append(run("basil (all)", basil, not args.no_baseline))
        rng = random.Random(7)
        copies = [perturbed(rng.choice(basil.articles), n, rng) for n in range(700)]
        big = Corpus(basil.articles + tuple(copies))
        rows.append(run("basil + 700 copies", big, not args.no_baseline))
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
