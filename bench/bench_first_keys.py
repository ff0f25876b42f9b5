"""Keys from the first paint on: how long the reader takes to answer while it analyses.

Each run starts the real reader under a pseudo-terminal (as ``bench_startup`` does), waits
for its first paint, then presses keys and stops the clock when the screen shows the
answer:

- ``?`` pressed at the first paint, until the help view is drawn (then closed again);
- ``j`` pressed during the reading or the analysis, until the screen says what it waits for;
- ``s`` (scroll lock, shown in the status line) every 0.3 s until the facts are usable:
  the median and the worst answer all through the analysis;
- the facts list usable: from launch until the first fact is selected (``Fact 1/``).

On the 300 BASIL articles the last is measured cold (an empty cache folder, through
``KURSK_READER_CACHE_DIR``) and cached (the same folder again). A bare Textual app's first
paint, measured in the same run on a pty of the same size, is the yardstick. Medians of
several interleaved runs. Each tree's ``tui`` package is byte-compiled first
(``bench_startup.compile_package``): Textual runs from the bytecode pip wrote, and so
does the reader, as an installed program would.
"""

from __future__ import annotations

import argparse
import fcntl
import math
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.bench_startup import BARE_APP, compile_package, time_to_marker

REPO = Path(__file__).resolve().parents[1]
BASIL = REPO.parent / "shared" / "corpora" / "basil"
SIZE = (160, 48)
"""Columns and rows of the pty, for the reader and the bare app alike."""
CONTROL = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
"""Cursor moves and colours: markers are matched in the text between them."""
FIRST_PAINT = b"Next fact"
"""The footer's first key hint: the reader's screen is drawn and its keys are bound."""
HELP_SHOWN = b"esc: close"
WAITING = b"Still aligning"
READING = b"Still reading"
USABLE = b"Fact 1/"
LOCK_ON = "⇅ lock on".encode()
LOCK_OFF = "⇅ lock off".encode()
WATCHED = (USABLE,)
KEY_TARGET_MS = 100.0


@dataclass
class Session:
    """One reader under a pseudo-terminal: what it has painted so far, and keys to send."""

    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None
    pid: int = 0
    fd: int = -1
    start: float = 0.0
    seen: bytes = b""
    found: bytes = b""
    """The marker the last ``wait_for`` found."""
    first: dict[bytes, float] = field(default_factory=dict)
    """When each of ``WATCHED`` was first painted, whatever was being waited for then."""

    def __enter__(self) -> Session:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # Child: become the program.
            os.environ.update({"TERM": "xterm-256color", **self.env})
            if self.cwd is not None:
                os.chdir(self.cwd)
            os.execvp(self.argv[0], self.argv)
        self.start = time.perf_counter()
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        return self

    def __exit__(self, *exc: object) -> None:
        os.killpg(self.pid, signal.SIGKILL)  # The reader and its analysis process.
        os.waitpid(self.pid, 0)
        os.close(self.fd)

    def wait_for(self, *markers: bytes, timeout: float = 60.0) -> float:
        """Seconds since launch when one of ``markers`` is painted after this call (NaN: never)."""
        self.seen = self.found = b""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.01)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.seen = (self.seen + chunk)[-200_000:]
            # Only the new part (and a little before it) is searched: a few ms at most.
            text = CONTROL.sub(b"", self.seen[-(len(chunk) + 400) :])
            now = time.perf_counter() - self.start
            for marker in WATCHED:
                if marker in text:
                    self.first.setdefault(marker, now)
            for marker in markers:
                if marker in text:
                    self.found = marker
                    return now
        return float("nan")

    def watch(self, seconds: float) -> None:
        """Wait, reading what is painted meanwhile: a watched marker painted during the wait
        is timed when it comes, not when the next ``wait_for`` reads it (up to 0.3 s late)."""
        self.wait_for(timeout=seconds)

    def press(self, key: bytes) -> float:
        """Send a key; the launch-relative time it was sent."""
        os.write(self.fd, key)
        return time.perf_counter() - self.start


def first_keys(paths: list[str], cache: str, tree: str) -> dict[str, float]:
    """One run: first paint, ``?`` at first paint, ``j`` and ``s`` while analysing, usable."""
    argv = [sys.executable, "-m", "tui", *paths]
    with Session(argv, {"KURSK_READER_CACHE_DIR": cache}, tree) as reader:
        painted = reader.wait_for(FIRST_PAINT)
        sent = reader.press(b"?")
        helped = reader.wait_for(HELP_SHOWN, timeout=20.0)
        reader.press(b"\x1b")
        reader.watch(0.2)
        sent_j = reader.press(b"j")
        # Either it says what it waits for, or the analysis was done and it moved on.
        waited = reader.wait_for(WAITING, READING, b"Fact 2/", timeout=5.0)
        # Then `s` (the lock, shown in place in the status line) every 0.3 s until the
        # facts list is usable: how the keys answer all through the analysis.
        lock_on, answers = True, []
        while USABLE not in reader.first and time.perf_counter() - reader.start < 120:
            reader.watch(0.3)
            if USABLE in reader.first:
                break
            lock_on = not lock_on
            sent_s = reader.press(b"s")
            answered = reader.wait_for(LOCK_ON if lock_on else LOCK_OFF, USABLE, timeout=10.0)
            if reader.found == USABLE:
                break  # The whole screen changed: the lock may be drawn later, or cut off.
            answers.append(answered - sent_s)
        if USABLE not in reader.first:
            reader.wait_for(USABLE, timeout=max(0.0, 120 - (time.perf_counter() - reader.start)))
    run = {
        "first paint": painted,
        "? at first paint": helped - sent,
        "j while analysing": waited - sent_j,
        "facts usable": reader.first.get(USABLE, float("nan")),
    }
    if answers:  # None when the analysis was over before the first press (the seeds).
        run["s while analysing"] = statistics.median(answers)
        run["s worst"] = max(answers)
    return run


def cached_usable(paths: list[str], cache: str, tree: str) -> float:
    """Launch to the first fact selected, on a folder already in the cache."""
    argv = [sys.executable, "-m", "tui", *paths]
    with Session(argv, {"KURSK_READER_CACHE_DIR": cache}, tree) as reader:
        return reader.wait_for(USABLE, timeout=120.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="seeds only, one run")
    parser.add_argument(
        "--trees",
        nargs="+",
        default=[str(REPO)],
        metavar="DIR",
        help="checkouts to compare, measured interleaved in one run (default: this one)",
    )
    parser.add_argument("--only", choices=("seeds", "basil-300"), help="one corpus only")
    args = parser.parse_args(argv)
    corpora: dict[str, list[str]] = {"seeds": []}
    if not args.quick and BASIL.is_dir():
        corpora["basil-300"] = [str(BASIL)]
    if args.only:
        corpora = {args.only: corpora.get(args.only, [str(BASIL)])}
    runs = 1 if args.quick else args.runs
    for tree in args.trees:
        compile_package(Path(tree))
    bare: list[float] = []
    rows: dict[str, dict[str, list[float]]] = {}
    for _ in range(runs):
        bare.append(time_to_marker([sys.executable, "-c", BARE_APP], b"BARE-APP-READY", size=SIZE))
        for name, paths in corpora.items():
            for n, tree in enumerate(args.trees):
                with tempfile.TemporaryDirectory(prefix="kr-cache-") as cache:
                    run = first_keys(paths, cache, tree)
                    run["cached: facts usable"] = cached_usable(paths, cache, tree)
                row = rows.setdefault(f"{name}{f' [{n}]' if len(args.trees) > 1 else ''}", {})
                for label, value in run.items():
                    row.setdefault(label, []).append(value)
    floor = statistics.median(bare)
    print(
        f"bare Textual app first paint: {floor:.3f} s (median of {runs}, {SIZE[0]}x{SIZE[1]} pty)"
    )
    for n, tree in enumerate(args.trees):
        print(f"[{n}] {tree}")
    failed = False
    for name, measures in rows.items():
        for label, values in measures.items():
            value = statistics.median(values)
            failed |= math.isnan(value)  # Never answered.
            key = label.startswith(("?", "j", "s "))
            shown = f"{value * 1000:.0f} ms" if key else f"{value:.2f} s"
            extra = "" if key else f"  ({value / floor:.2f}x bare)"
            print(f"{name:<14} {label:<22} {shown:>9}{extra}")
    if failed:
        print("first keys: a key or the facts list never answered", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
