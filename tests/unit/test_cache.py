"""The analysis cache: the same analysis, fewer analysed stories, nothing stale or damaged trusted."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import sys
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TWO_STORIES, run_steps
from tui.core import analysis
from tui.core import quotes as quotes_module
from tui.core.align import DEFAULT_PARAMS, AlignParams
from tui.core.analysis import analyse
from tui.core.cache import FactCache, ParsedArticles
from tui.core.models import Article, Corpus, StoryAnalysis
from tui.core.progress import drain
from tui.core.text import corpus as corpus_module
from tui.core.text.corpus import (
    ArticleFile,
    article_from_text,
    find_sources,
    load_corpus,
    load_steps,
)

TEXTS = TWO_STORIES


def corpus(**changed: str) -> Corpus:
    texts = {**TEXTS, **changed}
    return Corpus(tuple(article_from_text(k, v) for k, v in texts.items()))


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The stories that were analysed (not read from the cache), by their articles."""
    calls: list[tuple[str, ...]] = []
    original = analysis.analyse_story_steps

    def spy(
        part: Corpus, params: AlignParams | None = None
    ) -> Generator[float, None, StoryAnalysis]:
        calls.append(tuple(a.id for a in part.articles))
        return (yield from original(part, params))

    monkeypatch.setattr(analysis, "analyse_story_steps", spy)
    return calls


def test_a_cached_analysis_is_the_same_and_nothing_is_analysed_again(
    tmp_path: Path, analysed: list[tuple[str, ...]]
) -> None:
    cache = FactCache(tmp_path / "facts.sqlite3")
    first = analyse(corpus(), cache=cache)
    assert len(analysed) == 2
    again = analyse(corpus(), cache=cache)
    assert len(analysed) == 2  # Both stories came from the cache.
    assert again == first
    assert first == analyse(corpus())
    assert first.quotes and first.discrepancies  # Not only the facts are cached.


def test_a_changed_article_re_analyses_its_story_only(
    tmp_path: Path, analysed: list[tuple[str, ...]]
) -> None:
    cache = FactCache(tmp_path / "facts.sqlite3")
    analyse(corpus(), cache=cache)
    analysed.clear()
    changed = TEXTS["vote-b"].replace("Monday", "Tuesday")
    result = analyse(corpus(**{"vote-b": changed}), cache=cache)
    assert analysed == [("vote-a", "vote-b")]
    assert result == analyse(corpus(**{"vote-b": changed}))


def test_other_parameters_are_other_entries(
    tmp_path: Path, analysed: list[tuple[str, ...]]
) -> None:
    cache = FactCache(tmp_path / "facts.sqlite3")
    analyse(corpus(), cache=cache)
    analyse(corpus(), DEFAULT_PARAMS.__class__(join_share=0.9), cache=cache)
    assert len(analysed) == 4


DAMAGE = (
    '{"groups":[{"label":"x","score":0.5,"members":[["flood-a",999,[]]],"discrepancies":[]}],'
    '"quotes":[],"discrepancies":[]}',
    "not json",
    '{"groups":[],"quotes":[{"id":"q0-0","article":"nobody"}],"discrepancies":[]}',
    '[["a story", ["flood-a"]]]',  # A story list where a story was expected.
)


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_entry_is_ignored_and_rebuilt(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "facts.sqlite3"
    cache = FactCache(path)
    first = analyse(corpus(), cache=cache)
    cache.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entries SET data = ?", (damage,))
    assert analyse(corpus(), cache=FactCache(path)) == first
    with sqlite3.connect(path) as conn:  # Rebuilt: the next run reads good entries.
        assert damage not in {row[0] for row in conn.execute("SELECT data FROM entries")}


def test_a_damaged_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "facts.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    result = analyse(corpus(), cache=FactCache(path))
    assert result == analyse(corpus())


def test_an_unusable_folder_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = analyse(corpus(), cache=FactCache(blocker / "sub" / "facts.sqlite3"))
    assert result == analyse(corpus())


def test_the_size_limit_evicts_the_oldest(tmp_path: Path) -> None:
    cache = FactCache(tmp_path / "facts.sqlite3", max_bytes=1)
    analyse(corpus(), cache=cache)
    conn = sqlite3.connect(tmp_path / "facts.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] <= 1


def test_serial_parallel_and_cached_runs_are_the_same(tmp_path: Path) -> None:
    serial = analyse(corpus())
    cache = FactCache(tmp_path / "facts.sqlite3")
    assert analyse(corpus(), jobs=2) == serial
    assert analyse(corpus(), jobs=2, cache=cache) == serial  # Written from the workers' JSON.
    assert analyse(corpus(), cache=cache) == serial


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_rises_story_by_story_to_the_end(jobs: int) -> None:
    """Each story's quotes and discrepancies report progress too (the bar once froze there)."""
    seen, _ = run_steps(analysis.analyse_steps(corpus(), jobs=jobs))
    assert seen == sorted(seen) and seen[0] >= 0.0 and seen[-1] <= 1.0
    assert len(seen) >= 4
    if jobs == 1:  # Here, inside each story: after its quotes, before its discrepancies.
        texts = corpus().articles
        total = sum(len(a.sentences) for a in texts)
        first = sum(len(a.sentences) for a in texts if a.id.startswith("flood")) / total
        share = analysis.ALIGN_SHARE + analysis.QUOTES_SHARE
        after_quotes = analysis.STORIES_SHARE + (1 - analysis.STORIES_SHARE) * first * share
        assert any(abs(f - after_quotes) < 1e-9 for f in seen)


def test_a_cache_another_process_holds_is_left_whole(tmp_path: Path) -> None:
    path = tmp_path / "facts.sqlite3"
    cache = FactCache(path)
    analyse(corpus(), cache=cache)
    cache.close()
    with sqlite3.connect(path) as conn:
        kept = conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        changed = corpus(**{"vote-b": TEXTS["vote-b"] + " The vote was 5 to 4."})
        assert analyse(changed, cache=FactCache(path)) == analyse(changed)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with sqlite3.connect(path) as conn:  # Not thrown away: every entry is still there.
        assert conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == kept


def test_a_deeply_nested_entry_is_damaged_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "facts.sqlite3"
    cache = FactCache(path)
    first = analyse(corpus(), cache=cache)
    cache.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entries SET data = ?", ("[" * 200_000 + "]" * 200_000,))
    assert analyse(corpus(), cache=FactCache(path)) == first


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two articles, one in Markdown with front matter, one with a byte that is not UTF-8."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(
        "---\ntitle: Depot fire\nsource: Wire\n---\n\n# Depot fire\n\n" + TEXTS["flood-a"] + "\n"
    )
    (tmp_path / "in" / "b.txt").write_bytes(TEXTS["flood-b"].encode() + b" \xff\n")
    return tmp_path / "in"


def test_parsed_articles_come_back_the_same_with_their_warnings(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = FactCache(tmp_path / "cache.sqlite3")
    sources = find_sources([folder])
    first = drain(load_steps(sources, ParsedArticles(cache)))
    assert first == load_corpus([folder]) and first.warnings

    def never(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(corpus_module, "parse_article", never)
    assert drain(load_steps(find_sources([folder]), ParsedArticles(cache))) == first


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files that were parsed (not read from the cache), by article id."""
    calls: list[str] = []
    original = corpus_module.parse_article

    def spy(file: ArticleFile, warnings: list[str] | None = None) -> Article:
        calls.append(file.article_id)
        return original(file, warnings)

    monkeypatch.setattr(corpus_module, "parse_article", spy)
    return calls


def _tamper(path: Path, article_id: str, change: Callable[[dict[str, Any]], None]) -> None:
    """Rewrite the cached entry of one article."""
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        for key, data in conn.execute("SELECT key, data FROM entries").fetchall():
            entry = json.loads(data)
            if entry["article"]["id"] == article_id:
                change(entry)
                conn.execute("UPDATE entries SET data = ? WHERE key = ?", (json.dumps(entry), key))


def test_a_changed_file_or_a_damaged_entry_is_parsed_again(
    tmp_path: Path, folder: Path, parsed: list[str]
) -> None:
    (folder / "c.txt").write_text(TEXTS["vote-a"] + "\n")
    (folder / "d.txt").write_text(TEXTS["vote-b"] + "\n")
    cache = FactCache(tmp_path / "cache.sqlite3")
    drain(load_steps(find_sources([folder]), ParsedArticles(cache)))
    cache.close()
    assert sorted(parsed) == ["a", "b", "c", "d"]
    _tamper(tmp_path / "cache.sqlite3", "a", lambda entry: entry["article"].update(text=3))
    # A string is not a list of warnings (it would give one warning per character).
    _tamper(tmp_path / "cache.sqlite3", "c", lambda entry: entry.update(warnings="tampered"))
    (folder / "b.txt").write_text(TEXTS["flood-b"] + " Changed.\n")
    parsed.clear()
    again = drain(load_steps(find_sources([folder]), ParsedArticles(cache)))
    assert sorted(parsed) == ["a", "b", "c"]  # d came from the cache.
    assert again == load_corpus([folder])


def test_another_python_parses_every_file_again(
    tmp_path: Path, folder: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = FactCache(tmp_path / "cache.sqlite3")
    drain(load_steps(find_sources([folder]), ParsedArticles(cache)))
    # Its unicodedata may sanitise and fold differently.
    monkeypatch.setattr(sys, "version", "3.99.0 (another build)")
    parsed.clear()
    drain(load_steps(find_sources([folder]), ParsedArticles(cache)))
    assert sorted(parsed) == ["a", "b"]


def test_the_quotes_report_takes_a_cached_story_s_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = FactCache(tmp_path / "facts.sqlite3")
    whole = analyse(corpus(), cache=cache)
    extracted: list[tuple[str, ...]] = []
    real = quotes_module.extract_quotes

    def spy(part: Corpus) -> object:
        extracted.append(tuple(a.id for a in part.articles))
        return real(part)

    monkeypatch.setattr(quotes_module, "extract_quotes", spy)
    assert analysis.quotes_by_story(corpus(), cache) == whole.quotes
    assert extracted == []  # Every story came from the cache.
    changed = corpus(**{"vote-a": TEXTS["vote-a"] + ' "Not one more," she said.'})
    assert analysis.quotes_by_story(changed, cache) == analysis.quotes_by_story(changed)
    assert extracted  # The changed story's quotes were extracted again.


def test_changed_analysis_code_is_never_served_old_results(
    tmp_path: Path, analysed: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core import cache as cache_module

    cache = FactCache(tmp_path / "facts.sqlite3")
    analyse(corpus(), cache=cache)
    assert len(analysed) == 2
    monkeypatch.setattr(cache_module, "analysis_digest", lambda: b"other code")
    analyse(corpus(), cache=cache)
    assert len(analysed) == 4  # Both stories analysed again by the new code.


def test_without_the_analysis_source_there_is_no_cache(
    tmp_path: Path, analysed: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core import cache as cache_module

    monkeypatch.setattr(cache_module, "analysis_digest", lambda: None)
    cache = FactCache(tmp_path / "facts.sqlite3")
    analyse(corpus(), cache=cache)
    analyse(corpus(), cache=cache)
    assert len(analysed) == 4  # Nothing stored: keys could not tell code versions apart.
