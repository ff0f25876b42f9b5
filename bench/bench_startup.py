"""Start-up: launch to first painted screen, against a bare Textual app on the same machine.

Each program runs under a pseudo-terminal, as a user would start it; the clock stops
when the screen shows a marker text (the reader's footer, the bare app's static text).
Both are measured in the same run, interleaved, and the median of several runs kept.

Both run from bytecode, as an installed program does: pip byte-compiles Textual when it
installs it, but an editable install of this project under ``PYTHONDONTWRITEBYTECODE=1``
(set in some environments) would compile ``tui`` from source at every launch (25-30 ms
more). :func:`compile_package` compiles the measured tree first.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("BARE-APP-READY")

Bare().run()
"""


def compile_package(tree: Path) -> None:
    """Byte-compile the tree's ``tui`` package (written even under PYTHONDONTWRITEBYTECODE),
    so it starts from bytecode as Textual does: a fair comparison with the bare app."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "tui")], check=True)


def time_to_marker(
    argv: list[str], marker: bytes, timeout: float = 30.0, size: tuple[int, int] = (120, 40)
) -> float:
    """Seconds from spawning ``argv`` on a pty of ``size`` (columns, rows) until ``marker``
    is painted."""
    pid, fd = pty.fork()
    if pid == 0:  # Child: become the program.
        os.environ["TERM"] = "xterm-256color"
        os.execvp(argv[0], argv)
    start = time.perf_counter()
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    seen = b""
    elapsed = float("nan")
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen = (seen + chunk)[-200_000:]
            if marker in seen:
                elapsed = time.perf_counter() - start
                break
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return elapsed


def measure(runs: int) -> dict[str, float]:
    """Median start-up of the reader and of the bare app, and their ratio."""
    compile_package(REPO)
    python = sys.executable
    reader_cmd = [python, "-m", "tui"]
    bare_cmd = [python, "-c", BARE_APP]
    # The reader's first screen is painted when its footer (key hints) shows: the keys are
    # bound. The articles are parsed after that; the first pane's header shows its file
    # once they are.
    reader, articles, bare = [], [], []
    for _ in range(runs):
        bare.append(time_to_marker(bare_cmd, b"BARE-APP-READY"))
        reader.append(time_to_marker(reader_cmd, b"Next fact"))
        articles.append(time_to_marker(reader_cmd, b"000_853be78dae701b95.txt"))
    result = {
        "reader_s": statistics.median(reader),
        "articles_s": statistics.median(articles),
        "bare_s": statistics.median(bare),
    }
    result["ratio"] = result["reader_s"] / result["bare_s"]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one run, smoke test only")
    args = parser.parse_args(argv)
    result = measure(1 if args.quick else args.runs)
    print(
        f"start-up: reader first paint {result['reader_s']:.3f} s (articles shown "
        f"{result['articles_s']:.3f} s), bare Textual app {result['bare_s']:.3f} s, "
        f"ratio {result['ratio']:.2f}x (target <= 1.3x)"
    )
    if result["reader_s"] != result["reader_s"]:  # NaN: the screen never painted.
        print("start-up: the reader did not paint its screen", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
