"""Shared fixtures: paths to the corpora, and a private data folder for every test."""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import settings

# CI loads Hypothesis's own "ci" profile (the same examples on every run, no deadline: a
# red CI is reproducible, never luck); a local run draws new ones, and a failure it finds
# becomes an @example.
if "HYPOTHESIS_PROFILE" in os.environ:
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])

Y = TypeVar("Y")
R = TypeVar("R")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
BASIL = REPO.parent / "shared" / "corpora" / "basil"
DATA = REPO / "tests" / "data"

TWO_STORIES = {
    "flood-a": "Flooding forced 12,000 residents of Dorvale to evacuate on Monday after the "
    "Linn river burst its banks. The Dorvale mayor praised volunteers who filled sandbags. "
    '"We will not leave anyone behind," the mayor said.',
    "vote-a": "The Marwick council voted on Monday to close two libraries to save money. "
    "Volunteers had kept the Marwick libraries open on weekends, the mayor said.",
    "flood-b": "About 15,000 people fled Dorvale on Monday as the Linn river flooded the town. "
    "Volunteers filled sandbags through the night, the Dorvale mayor said. "
    '"We will leave no one behind," the mayor told reporters.',
    "vote-b": "Marwick councillors approved the closure of two libraries on Monday. Volunteers "
    "had kept the Marwick libraries open at weekends, said the mayor.",
}
"""A small archive of two stories (a flood, a library vote), two articles each."""


def run_steps(steps: Generator[Y, None, R]) -> tuple[list[Y], R]:
    """Everything a generator of long work yields (progress, a loaded corpus), and its result."""
    yielded: list[Y] = []
    while True:
        try:
            yielded.append(next(steps))
        except StopIteration as done:
            result: R = done.value
            return yielded, result


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Bookmarks, caches and other user data never touch the real user folders in tests."""
    data_dir = tmp_path / "user-data"
    monkeypatch.setenv("KURSK_READER_DATA_DIR", str(data_dir))
    # Fetched pages and cached facts too: a test never reads another run's cache.
    monkeypatch.setenv("KURSK_READER_CACHE_DIR", str(tmp_path / "user-cache"))
    return data_dir


@pytest.fixture
def basil() -> Path:
    """The BASIL corpus beside the repo (``../shared``); tests skip without it."""
    if not BASIL.is_dir():
        pytest.skip("../shared/corpora/basil is not present")
    return BASIL
