"""Key press to updated screen: from the key event to the screen update written out.

Run: ``python tests/ui/latency.py [PATH ...]`` (the seeds without a path). The key is
posted as the terminal driver would; the clock stops when Textual hands the updated
screen to the driver.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from collections.abc import Generator
from typing import Any

from rich.console import RenderableType
from textual import events
from textual.screen import Screen

from tui.app.app import ReaderApp
from tui.core.analysis import Analysis, analyse
from tui.core.models import Corpus
from tui.core.text.corpus import load_corpus

KEYS = ("j", "j", "k", "n", "N", "tab", "right_square_bracket", "left_square_bracket", "s", "s")


async def measure(corpus: Corpus, analysis: Analysis, rounds: int = 10) -> dict[str, list[float]]:
    def cached(corpus: Corpus) -> Generator[float, None, Analysis]:
        yield 1.0
        return analysis

    app = ReaderApp(corpus, cached)
    times: dict[str, list[float]] = {}
    shown: list[asyncio.Future[tuple[float, float]]] = []
    display = app._display

    def timed_display(screen: Screen[Any], renderable: RenderableType | None) -> None:
        display(screen, renderable)
        if renderable is not None and shown and not shown[-1].done():
            shown[-1].set_result((time.perf_counter(), time.process_time()))

    app._display = timed_display  # type: ignore[method-assign]
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(rounds):
            for key in KEYS:
                await pilot.pause()
                shown.append(asyncio.get_running_loop().create_future())
                start, cpu = time.perf_counter(), time.process_time()
                app.post_message(events.Key(key, None))
                end, cpu_end = await asyncio.wait_for(shown[-1], 5)
                times.setdefault(key, []).append((end - start) * 1000)
                times.setdefault(f"{key} (cpu)", []).append((cpu_end - cpu) * 1000)
    return times


def main() -> None:
    corpus = load_corpus(sys.argv[1:])
    start = time.perf_counter()
    analysis = analyse(corpus)
    print(
        f"{len(corpus.articles)} articles, {len(analysis.groups)} facts, "
        f"analysis {time.perf_counter() - start:.1f} s"
    )
    times = asyncio.run(measure(corpus, analysis))
    print("key: wall-clock median / max, then the CPU time of this process (what the machine's")
    print("load does not inflate)")
    for key in dict.fromkeys(KEYS):
        wall, cpu = times[key], times[f"{key} (cpu)"]
        print(
            f"{key:>22}: {statistics.median(wall):5.1f} / {max(wall):5.1f} ms"
            f"   cpu {statistics.median(cpu):5.1f} / {max(cpu):5.1f} ms"
        )


if __name__ == "__main__":
    main()
