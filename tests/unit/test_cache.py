"""The facts cache: the same facts, fewer alignments, nothing stale or damaged trusted."""

from __future__ import annotations

import sqlite3
from collections.abc import Generator
from pathlib import Path

import pytest

from tui.core import analysis
from tui.core.align import DEFAULT_PARAMS, AlignParams, align_steps
from tui.core.analysis import analyse
from tui.core.cache import FactCache
from tui.core.models import Corpus, Group
from tui.core.text.corpus import article_from_text

TEXTS = {
    "flood-a": "Flooding forced 12,000 residents of Dorvale to evacuate on Monday after the "
    "Linn river burst its banks. The Dorvale mayor praised volunteers who filled sandbags.",
    "vote-a": "The Marwick council voted on Monday to close two libraries to save money. "
    "Volunteers had kept the Marwick libraries open on weekends, the mayor said.",
    "flood-b": "About 15,000 people fled Dorvale on Monday as the Linn river flooded the town. "
    "Volunteers filled sandbags through the night, the Dorvale mayor said.",
    "vote-b": "Marwick councillors approved the closure of two libraries on Monday. Volunteers "
    "had kept the Marwick libraries open at weekends, said the mayor.",
}


def corpus(**changed: str) -> Corpus:
    texts = {**TEXTS, **changed}
    return Corpus(tuple(article_from_text(k, v) for k, v in texts.items()))


@pytest.fixture
def aligned(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The stories the aligner was run on, by their articles."""
    calls: list[tuple[str, ...]] = []

    def spy(part: Corpus, params: AlignParams) -> Generator[float, None, tuple[Group, ...]]:
        calls.append(tuple(a.id for a in part.articles))
        return (yield from align_steps(part, params))

    original = analysis._align_stories

    def with_spy(*args: object, **kwargs: object) -> object:
        corpus_, stories, params, _ = args
        return original(corpus_, stories, params, spy, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(analysis, "_align_stories", with_spy)
    return calls


def test_cached_facts_are_the_same_and_the_aligner_is_not_run_again(
    tmp_path: Path, aligned: list[tuple[str, ...]]
) -> None:
    cache = FactCache(tmp_path / "facts.sqlite3")
    first = analyse(corpus(), cache=cache)
    assert len(aligned) == 2
    again = analyse(corpus(), cache=cache)
    assert len(aligned) == 2  # Both stories came from the cache.
    assert again.groups == first.groups and again.discrepancies == first.discrepancies
    assert first.groups == analyse(corpus()).groups


def test_a_changed_article_re_analyses_its_story_only(
    tmp_path: Path, aligned: list[tuple[str, ...]]
) -> None:
    cache = FactCache(tmp_path / "facts.sqlite3")
    analyse(corpus(), cache=cache)
    aligned.clear()
    changed = TEXTS["vote-b"].replace("Monday", "Tuesday")
    analyse(corpus(**{"vote-b": changed}), cache=cache)
    assert aligned == [("vote-a", "vote-b")]


def test_other_parameters_are_other_entries(tmp_path: Path, aligned: list[tuple[str, ...]]) -> None:
    cache = FactCache(tmp_path / "facts.sqlite3")
    analyse(corpus(), cache=cache)
    analyse(corpus(), DEFAULT_PARAMS.__class__(join_share=0.9), cache=cache)
    assert len(aligned) == 4


def test_a_damaged_entry_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "facts.sqlite3"
    cache = FactCache(path)
    first = analyse(corpus(), cache=cache)
    cache.close()
    with sqlite3.connect(path) as conn:
        conn.execute('UPDATE facts SET facts = \'[["x", 0.5, [["flood-a", 999, []]]]]\'')
    again = analyse(corpus(), cache=FactCache(path))
    assert again.groups == first.groups


def test_a_damaged_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "facts.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    result = analyse(corpus(), cache=FactCache(path))
    assert result.groups == analyse(corpus()).groups


def test_an_unusable_folder_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = analyse(corpus(), cache=FactCache(blocker / "sub" / "facts.sqlite3"))
    assert result.groups == analyse(corpus()).groups


def test_the_size_limit_evicts_the_oldest(tmp_path: Path) -> None:
    cache = FactCache(tmp_path / "facts.sqlite3", max_bytes=1)
    analyse(corpus(), cache=cache)
    conn = sqlite3.connect(tmp_path / "facts.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM facts").fetchone()[0] <= 1


def test_stories_in_two_processes_give_the_serial_result() -> None:
    assert analyse(corpus(), jobs=2).groups == analyse(corpus()).groups
