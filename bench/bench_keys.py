"""Interaction: time from a key press to the updated screen, through Textual's Pilot.

For each corpus the reader is started headless at 160x48, the analysis worker is
awaited, then each key is pressed repeatedly; a press counts until Pilot has delivered
it and the app has processed the resulting messages and refreshed (``pilot.pause``).

Pilot waits for the event loop to go idle in coarse steps, so a press costs tens of
milliseconds even in an app that does nothing. The same presses are timed on a bare
Textual app that updates one Static per key; the reader's own cost is the difference.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

from tui.app.app import ReaderApp
from tui.core.text.corpus import load_corpus

REPO = Path(__file__).resolve().parents[1]
BASIL = REPO.parent / "shared" / "corpora" / "basil"
KEYS = ("j", "n", "]")
TARGETS_MS = {"seeds": 50.0, "basil-300": 100.0}


class BareApp(App[None]):
    """The floor: every key updates one static widget."""

    BINDINGS: ClassVar[list[BindingType]] = [(key, "touch", "touch") for key in KEYS]

    def compose(self) -> ComposeResult:
        yield Static("bare")

    def action_touch(self) -> None:
        self.query_one(Static).update(str(time.perf_counter()))


async def time_keys(paths: list[Path] | None, presses: int) -> dict[str, list[float]]:
    """Milliseconds per press of each key, after the analysis is ready (None: bare app)."""
    app: App[None] = BareApp() if paths is None else ReaderApp(load_corpus(paths))
    timings: dict[str, list[float]] = {key: [] for key in KEYS}
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(app, ReaderApp) and app.analysis is None:
            raise RuntimeError("the analysis did not finish")
        for key in KEYS:
            for _ in range(presses):
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                timings[key].append((time.perf_counter() - start) * 1000)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="seeds only, few presses")
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args(argv)
    corpora: dict[str, list[Path]] = {"seeds": []}
    if not args.quick and BASIL.is_dir():
        corpora["basil-300"] = [BASIL]
    presses = 3 if args.quick else args.presses
    floor = asyncio.run(time_keys(None, presses))
    floor_ms = statistics.median(v for values in floor.values() for v in values)
    print(f"Pilot floor (bare Textual app, press + pause): {floor_ms:.1f} ms median")
    print(f"{'corpus':<10} {'key':>3} {'median':>8} {'p95':>8} {'net':>8} {'target':>8}  (ms)")
    for name, paths in corpora.items():
        timings = asyncio.run(time_keys(paths, presses))
        for key, values in timings.items():
            median = statistics.median(values)
            p95 = sorted(values)[max(0, int(len(values) * 0.95) - 1)]
            print(
                f"{name:<10} {key:>3} {median:>8.1f} {p95:>8.1f} {median - floor_ms:>8.1f} "
                f"{'< ' + str(int(TARGETS_MS[name])):>8}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
