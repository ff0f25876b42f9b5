"""How many reported discrepancies are real: precision per kind on ECB+, against hand judgements.

Run from the repository root::

    python -m bench.ecb_precision               # 15 s on 2 cores; skips without ECB+
    python -m bench.ecb_precision --keep DIR    # also keeps DIR/corpus and DIR/out/<folder>.json

BASIL's gold (``bench.discrepancy_quality``) measures recall on 8 events; this measures
precision on many: ECB+ topics 1-35 are written as Markdown (one folder per topic and
subtopic, no date line, as a one-off audit did) and ``kursk-reader discrepancies --json``'s
own functions run on each folder with a fresh cache. They run in worker processes, not as
commands: the outputs are the command's byte for byte, in 12 s instead of 47. Every
discrepancy is then matched to one the audit judged, and the table says per kind how many
judged TRUE and FALSE items the current code still reports, and how many it reports that
nobody has judged (NEW).

Judgements (``tests/data/ecbplus_discrepancy_judgements.json``): at commit 8785a69 a helper
read every reported number, date, place, name, attribution and entity_variant, and a random
sample of 40 of the 63 quote_wordings, blind to any later change: TRUE (the articles really
disagree), FALSE (a false alarm), ARTIFACT (a false alarm made by ECB+ tokenisation alone)
or UNSURE, each with a pattern tag and a reason. The 23 unsampled quote_wordings are kept
too, so that what matches them is not counted as NEW.

Matching, as the audit's scorer did it so that its figures carry over, and the table:
:mod:`bench.judged_discrepancies`. Precision = TRUE / (TRUE + FALSE) over the judged items
still reported; NEW items widen it to a range until someone judges them.

ECB+ topics 36-45 are held out and never read: ``load_ecb_docs`` refuses them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.judged_discrepancies import (
    KINDS,
    REPO,
    Item,
    folder_sort_key,
    judged_items,
    load_judgements,
    match,
    new_items,
    table,
)
from bench.pair_data import EcbDoc, load_ecb_docs

# --- corpus and run -------------------------------------------------------------------------


def write_corpus(docs: Iterable[EcbDoc], root: Path) -> list[Path]:
    """One folder of Markdown articles per topic and subtopic; front matter without a date,
    since ECB+ gives none (the ``ecbplus`` headlines carry theirs in the text)."""
    folders: set[Path] = set()
    for doc in docs:
        body = doc.body.strip()
        if not body:
            continue
        folder = root / f"{doc.topic}_{doc.subtopic}"
        folder.mkdir(parents=True, exist_ok=True)
        title = " ".join(body.split()[:10]).replace("\\", "\\\\").replace('"', '\\"')
        text = f'---\ntitle: "{title}"\nsource: "{doc.doc_id}"\n---\n\n{body}\n'
        (folder / f"{doc.doc_id}.md").write_text(text, encoding="utf-8")
        folders.add(folder)
    return sorted(folders, key=lambda p: folder_sort_key(p.name))


@dataclass
class FolderRun:
    """A folder's ``discrepancies --json`` output, with what is needed to quote its values."""

    output: dict[str, Any]
    warnings: tuple[str, ...] = ()
    error: str = ""
    texts: dict[str, str] = field(default_factory=dict)
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def run_folder(folder: Path) -> FolderRun:
    """What ``kursk-reader discrepancies --json --jobs 1 FOLDER`` computes, in this process."""
    from tui.core.analysis import analyse
    from tui.core.cache import default_cache
    from tui.core.text.corpus import load_corpus
    from tui.reports.discrepancies import to_json

    try:
        corpus = load_corpus([str(folder)])
        output = to_json(corpus, analyse(corpus, cache=default_cache(), jobs=1))
    except Exception as error:  # One folder's crash is a row of the report, not the end.
        return FolderRun({"discrepancies": []}, error=f"{type(error).__name__}: {error}")
    return FolderRun(
        output,
        corpus.warnings,
        texts={a.id: a.text for a in corpus.articles},
        sentences={a.id: [(s.start, s.end) for s in a.sentences] for a in corpus.articles},
    )


def run_all(folders: Sequence[Path], jobs: int) -> dict[str, FolderRun]:
    """Every folder, ``jobs`` at a time, sharing one fresh cache as separate CLI runs would."""
    with tempfile.TemporaryDirectory(prefix="ecb_precision_cache_") as cache:
        before = os.environ.get("KURSK_READER_CACHE_DIR")
        os.environ["KURSK_READER_CACHE_DIR"] = cache  # Read by the workers at each call.
        try:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                runs = list(pool.map(run_folder, folders))
        finally:
            if before is None:
                del os.environ["KURSK_READER_CACHE_DIR"]
            else:
                os.environ["KURSK_READER_CACHE_DIR"] = before
    return {folder.name: run for folder, run in zip(folders, runs, strict=True)}


def keep_outputs(runs: Mapping[str, FolderRun], out: Path) -> None:
    """``<folder>.json`` as the CLI prints it (and ``.err`` for warnings or a crash)."""
    from tui.reports.jsontext import dumps

    out.mkdir(parents=True, exist_ok=True)
    for name, run in runs.items():
        (out / f"{name}.json").write_text(dumps(run.output) + "\n", encoding="utf-8")
        problems = [*run.warnings, *([run.error] if run.error else [])]
        if problems:
            (out / f"{name}.err").write_text("\n".join(problems) + "\n", encoding="utf-8")


# --- listing items to read ------------------------------------------------------------------


def snippet(run: FolderRun | None, value: Mapping[str, Any], width: int = 260) -> str:
    """The value's sentence with the value in [[ ]], or its stored text without the article."""
    body = run.texts.get(value["article"]) if run else None
    start, end = value["start"], value["end"]
    if run is None or body is None or not 0 <= start <= end <= len(body):
        text = str(value.get("text") or "").replace("\n", " ")
        return text if len(text) <= width else text[:width] + "…"
    if end - start > width:  # A long quote: its beginning only.
        return "[[" + body[start:end].replace("\n", " ")[:width] + "…]]"
    spans = run.sentences.get(value["article"], [])
    s0, e0 = next(
        ((s, e) for s, e in spans if s <= start and end <= e),
        (max(0, start - width // 2), min(len(body), end + width // 2)),
    )
    text = (body[s0:start] + "[[" + body[start:end] + "]]" + body[end:e0]).replace("\n", " ")
    if len(text) > width:
        mark = text.find("[[")
        first = max(0, min(mark - width // 3, len(text) - width))
        more = first + width < len(text)
        text = ("…" if first else "") + text[first : first + width] + ("…" if more else "")
    return text


def describe(item: Item, runs: Mapping[str, FolderRun], indent: str = "    ") -> list[str]:
    lines = [f"{indent}values:"]
    for v in item.values:
        text, value = v.get("text"), v.get("value", v.get("text"))
        shown = str(text if text == value or value is None else f"{text} -> {value}")
        if len(shown) > 80:
            shown = shown[:80] + "…"
        lines.append(
            f"{indent}  [{v['article']} s{v['sentence']} {v['start']}-{v['end']}] <{shown}>"
        )
        lines.append(f"{indent}      {snippet(runs.get(item.folder), v)}")
    return lines


def _kind_order(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def listings(
    originals: Sequence[Item], new: Sequence[Item], runs: Mapping[str, FolderRun]
) -> list[str]:
    """Fallback matches, NEW items to judge and judged TRUE items no longer reported."""
    lines: list[str] = []
    fallbacks = sorted(
        (n for n in new if n.how == "fallback"), key=lambda n: (folder_sort_key(n.folder), n.id)
    )
    lines.append(
        f"=== FALLBACK MATCHES ({len(fallbacks)}): new item -> original "
        "(pairs: +added / -dropped (article, sentence))"
    )
    for n in fallbacks:
        o = n.match
        assert o is not None
        added, dropped = sorted(n.pair_key - o.pair_key), sorted(o.pair_key - n.pair_key)
        note = "" if added or dropped else " (same pairs, other offsets)"
        if n.kind != o.kind:
            note = f" (the same values, judged as {o.kind})"
        lines.append(
            f"  {n.uid} -> {o.uid} [{n.kind}] {o.column}{note}"
            + (f"  +{added}" if added else "")
            + (f"  -{dropped}" if dropped else "")
        )
        if n.summary != o.summary:
            lines += [f"      was: {o.summary}", f"      now: {n.summary}"]

    unmatched = sorted(
        (n for n in new if n.match is None),
        key=lambda n: (_kind_order(n.kind), folder_sort_key(n.folder), n.id),
    )
    lines += ["", f"=== NEW ITEMS TO JUDGE ({len(unmatched)})"]
    for n in unmatched:
        related = [
            o
            for o in originals
            if o.folder == n.folder
            and o.kind == n.kind
            and o.match is not None
            and (n.pair_key <= o.pair_key or o.pair_key <= n.pair_key)
        ]
        hint = (
            "  (pairs overlap already-matched "
            + ", ".join(f"{o.uid}={o.column}" for o in related)
            + ")"
            if related
            else ""
        )
        lines.append(f"--- {n.uid} [{n.kind}] conf={n.confidence} :: {n.summary}{hint}")
        lines += describe(n, runs)

    lost = sorted(
        (o for o in originals if o.match is None and o.verdict == "TRUE"),
        key=lambda o: (_kind_order(o.kind), folder_sort_key(o.folder), o.id),
    )
    lines += ["", f"=== DISAPPEARED TRUE ITEMS ({len(lost)})"]
    for o in lost:
        lines.append(f"--- {o.uid} [{o.kind}] TRUE {o.pattern} :: {o.summary}")
        lines.append(f"    judged: {o.reason}")
        lines += describe(o, runs)
    others = Counter(o.column for o in originals if o.match is None and o.verdict != "TRUE")
    if others:
        lines.append(f"(also disappeared: {dict(others)})")
    return lines


# --- main -----------------------------------------------------------------------------------


def code_version() -> str:
    """The commit, and how many paths differ from it: the run measures the working tree."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return "?"
    return f"{head or '?'} ({len(status.splitlines())} uncommitted paths)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="write the corpus and outputs into DIR (new or empty)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="folders analysed at once (default 2)")
    args = parser.parse_args(argv)
    docs = load_ecb_docs()  # Topics 1-35; the held-out 36-45 are refused before any read.
    if docs is None:
        print("ECB+ is not fetched (see bench/pair_data.py): skipped")
        return 0
    if args.keep is not None and args.keep.exists() and any(args.keep.iterdir()):
        print(f"{args.keep} is not empty: give a new or empty folder to --keep", file=sys.stderr)
        return 2
    judgements = load_judgements()
    originals = judged_items(judgements)
    judged_folders = set(judgements["folders"])

    with tempfile.TemporaryDirectory(prefix="ecb_precision_") as scratch:
        root = (args.keep if args.keep is not None else Path(scratch)) / "corpus"
        folders = write_corpus(docs, root)
        started = time.perf_counter()
        runs = run_all(folders, max(1, args.jobs))
        seconds = time.perf_counter() - started
    if args.keep is not None:
        keep_outputs(runs, args.keep / "out")

    scored = {name: run for name, run in runs.items() if name in judged_folders}
    missing = sorted(judged_folders - set(runs), key=folder_sort_key)
    extra = sorted(set(runs) - judged_folders, key=folder_sort_key)
    new = new_items({name: run.output for name, run in scored.items()})
    match(originals, new)

    n_docs = sum(len(run.texts) for run in runs.values())
    print(
        f"ECB+ topics 1-35: {n_docs} documents in {len(runs)} folders, {seconds:.0f} s on {args.jobs} jobs"
    )
    print(f"code: {code_version()}")
    print(
        f"judgements: {len(judgements['items'])} made at {judgements['judged_at_commit']} "
        f"({len(judgements['unsampled_quote_wordings'])} quote_wordings unsampled)"
    )
    print(f"folders: {len(scored)} read, {len(missing)} missing, {len(extra)} not judged (ignored)")
    for name in missing:
        print(f"  MISSING {name}: its original items all count as disappeared")
    for name, run in runs.items():
        if run.error:
            print(f"  FAILED {name}: {run.error}")
    warned = [name for name, run in runs.items() if run.warnings]
    if warned:
        print(f"  loader warnings: {', '.join(warned)}")
    print(f"discrepancies: {len(originals)} original, {len(new)} new")
    print()
    print("\n".join(table(originals, new)))
    print()
    print("\n".join(listings(originals, new, runs)))
    return 1 if any(run.error for run in runs.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
