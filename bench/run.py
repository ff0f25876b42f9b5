"""Run every benchmark: ``python -m bench.run`` (full) or ``python -m bench.run --quick``.

Each benchmark runs in its own process so that peak-memory figures are its own.
``--quick`` is the CI smoke run: small inputs, one repetition, fails only on errors.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = (
    "bench.bench_align",
    "bench.bench_startup",
    "bench.bench_keys",
    "bench.bench_first_keys",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smoke run for CI")
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    failed = []
    for module in BENCHMARKS:
        if not (REPO / (module.replace(".", "/") + ".py")).exists():
            print(f"\n== {module}: not present, skipped")
            continue
        print(f"\n== {module}", flush=True)
        start = time.perf_counter()
        command = [sys.executable, "-m", module, *(["--quick"] if args.quick else [])]
        result = subprocess.run(command, cwd=REPO, check=False)
        print(f"({time.perf_counter() - start:.1f} s)", flush=True)
        if result.returncode != 0:
            failed.append(module)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
