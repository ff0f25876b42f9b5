"""Helpers for long core work written as generators that yield progress (0..1).

The app consumes such generators in a worker thread and checks for cancellation at each
yield; the CLI and the tests simply drain them.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

T = TypeVar("T")

SENTENCE_BATCH = 2_000
"""Sentences handled between two progress reports (a few hundredths of a second)."""


def drain(steps: Generator[float, None, T]) -> T:
    """Run the work to its end and return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: T = done.value
            return result


def scaled(steps: Generator[float, None, T], low: float, high: float) -> Generator[float, None, T]:
    """The same work, its progress mapped onto ``low..high`` of a larger task."""
    while True:
        try:
            progress = next(steps)
        except StopIteration as done:
            result: T = done.value
            return result
        yield low + (high - low) * progress
