"""Shared fixtures: paths to the corpora, and a private data folder for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
BASIL = REPO.parent / "shared" / "corpora" / "basil"
DATA = REPO / "tests" / "data"


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
