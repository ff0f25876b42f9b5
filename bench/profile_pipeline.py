"""Where the time of a whole ``align --json`` goes, step by step (wall-clock and CPU seconds).

Run from the repository root::

    python -m bench.profile_pipeline [PATH ...]     # default: all 300 BASIL articles

Steps: import, load (read, Markdown, sanitise, segment), stories, then story by story as
the analysis runs them: features (made once, and used again by the discrepancies),
candidate evidence + pair model + grouping, quotes, discrepancies; JSON output.
Each step runs once, in order, as the command runs them; run it on a quiet machine (on a
busy one, the CPU column still says what each step costs).
"""

from __future__ import annotations

import gc
import sys
import time


def main(argv: list[str]) -> int:
    paths = argv or ["../shared/corpora/basil"]
    gc.set_threshold(10_000)  # As tui.cli.main sets it for every command.
    clock, cpu = time.perf_counter(), time.process_time()
    rows: list[tuple[str, float, float]] = []

    def step(name: str) -> None:
        nonlocal clock, cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        rows.append((name, now - clock, now_cpu - cpu))
        clock, cpu = now, now_cpu

    from tui.core.align import DEFAULT_PARAMS, align_steps
    from tui.core.align.model import shipped_model
    from tui.core.align.pipeline import prepare_steps
    from tui.core.analysis import merge_stories, story_corpus
    from tui.core.discrepancies import discrepancy_steps
    from tui.core.models import StoryAnalysis
    from tui.core.progress import drain
    from tui.core.quotes import extract_quotes
    from tui.core.stories import find_stories
    from tui.core.text.corpus import load_corpus
    from tui.reports.align import group_json
    from tui.reports.jsontext import dumps
    from tui.reports.sentences import article_json

    step("import")
    corpus = load_corpus(paths)
    step("load + segment")
    stories = find_stories(corpus)
    step("stories")
    parts = [story_corpus(corpus, story) for story in stories]
    prepared = [
        drain(prepare_steps(part, DEFAULT_PARAMS)) if len(part.articles) > 1 else None
        for part in parts
    ]
    step("features")
    shipped_model()
    groups = [
        drain(align_steps(part, DEFAULT_PARAMS, prepared=prep)) if prep is not None else ()
        for part, prep in zip(parts, prepared, strict=True)
    ]
    step("evidence, model, grouping")
    quotes = [extract_quotes(part) for part in parts]
    step("quotes")
    results = {
        story.id: StoryAnalysis(g, q, drain(discrepancy_steps(part, g, q, prep))[0])
        for story, part, g, q, prep in zip(stories, parts, groups, quotes, prepared, strict=True)
    }
    step("discrepancies")
    alignment = merge_stories(corpus, stories, results).alignment
    groups = alignment.groups
    payload = {
        "articles": [article_json(a) for a in corpus.articles],
        "groups": [group_json(g, alignment) for g in groups],
    }
    sys.stdout.flush()
    dumps(payload)
    step("JSON output")
    width = max(len(name) for name, _, _ in rows)
    print(f"{'':<{width}}  {'wall':>8}  {'CPU':>8}")
    for name, seconds, cpu_seconds in rows:
        print(f"{name:<{width}}  {seconds:6.2f} s  {cpu_seconds:6.2f} s")
    total, total_cpu = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(
        f"{'total':<{width}}  {total:6.2f} s  {total_cpu:6.2f} s ({len(corpus.articles)} articles)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
