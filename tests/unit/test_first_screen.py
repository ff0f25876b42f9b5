"""The first screen of a folder opened before: the first story in its places, the totals,
read back checked, and sent ahead of the rest by the reader's session."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TWO_STORIES, run_steps
from tui.core.analysis import Analysis, analyse
from tui.core.background import AnalysisChild, reader_session
from tui.core.cache import FactCache, default_cache
from tui.core.codec import dumps
from tui.core.first_screen import (
    FirstScreen,
    FirstScreens,
    Totals,
    decode_first_screen,
    encode_first_screen,
    first_screen_of,
)
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text, corpus_fingerprint, find_sources


@pytest.fixture(scope="module")
def whole() -> Analysis:
    return analyse(Corpus(tuple(article_from_text(k, v) for k, v in TWO_STORIES.items())))


def test_the_first_screen_is_the_first_story_in_the_same_places(whole: Analysis) -> None:
    first = first_screen_of(whole)
    assert first is not None
    groups = whole.alignment.groups
    in_first_story = [g for g in groups if g.story == groups[0].story]
    assert first.analysis.alignment.groups == tuple(groups[: len(in_first_story)])
    # Up to the first story's last article (flood-b, third): the others keep their places.
    assert [a.id for a in first.analysis.corpus.articles] == ["flood-a", "vote-a", "flood-b"]
    assert first.totals == Totals(4, 2, len(groups), len(whole.alignment.discrepancies))
    assert first.fingerprint == corpus_fingerprint(whole.corpus)  # The names' key.
    assert set(first.analysis.alignment.discrepancies) <= set(whole.alignment.discrepancies)
    assert {q.id for q in first.analysis.quotes} == {
        q.id for q in whole.quotes if q.article != "vote-b"
    }


def test_one_story_needs_no_first_screen(whole: Analysis) -> None:
    flood = Corpus(tuple(a for a in whole.corpus.articles if a.id.startswith("flood")))
    assert first_screen_of(analyse(flood)) is None


def test_a_first_screen_comes_back_the_same(whole: Analysis) -> None:
    first = first_screen_of(whole)
    assert first is not None
    assert decode_first_screen(encode_first_screen(first)) == first


def _more_discrepancies(data: dict[str, Any]) -> None:
    data["totals"][3] = 0  # Fewer in all than here.


def _story_elsewhere(data: dict[str, Any]) -> None:
    data["story"][0][1].append("vote-b")  # An article that is not kept.


def _twice_the_same_id(data: dict[str, Any]) -> None:
    data["discrepancy_ids"] = data["discrepancy_ids"] * 2


def _past_the_text(data: dict[str, Any]) -> None:
    data["articles"][0]["sentences"][0][2] = 10**6


def _one_story_in_all(data: dict[str, Any]) -> None:
    data["totals"][1] = 1


def _no_fingerprint(data: dict[str, Any]) -> None:
    data["fingerprint"] = "\x1b[31m"


@pytest.mark.parametrize(
    "damage",
    [
        _more_discrepancies,
        _story_elsewhere,
        _twice_the_same_id,
        _past_the_text,
        _one_story_in_all,
        _no_fingerprint,
    ],
)
def test_a_damaged_first_screen_is_none(
    whole: Analysis, damage: Callable[[dict[str, Any]], None]
) -> None:
    first = first_screen_of(whole)
    assert first is not None
    data = json.loads(encode_first_screen(first))
    if damage is _more_discrepancies and not data["discrepancy_ids"]:
        pytest.skip("the first story has no discrepancy")
    damage(data)
    assert decode_first_screen(dumps(data)) is None
    assert decode_first_screen("not json") is None


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    root.mkdir()
    for name, text in TWO_STORIES.items():
        (root / f"{name}.txt").write_text(text)
    return root


def test_a_folder_opened_before_sends_its_first_screen_ahead(folder: Path) -> None:
    sources = find_sources([folder])
    steps, analysis = run_steps(reader_session(sources, cache=True))
    assert not any(isinstance(s, FirstScreen) for s in steps)  # Nothing known yet.
    steps, again = run_steps(reader_session(sources, cache=True))
    assert isinstance(steps[0], FirstScreen)
    assert isinstance(steps[1], Corpus)  # Then the articles, then the whole analysis.
    assert again.alignment == analysis.alignment
    first = steps[0].analysis
    count = len(first.alignment.groups)
    assert first.alignment.groups == again.alignment.groups[:count]
    assert first.corpus.articles == again.corpus.articles[: len(first.corpus.articles)]


def test_a_changed_file_has_no_first_screen_until_analysed_again(folder: Path) -> None:
    run_steps(reader_session(find_sources([folder]), cache=True))
    (folder / "vote-b.txt").write_text(TWO_STORIES["vote-b"] + " The vote was close.")
    changed = find_sources([folder])
    steps, _ = run_steps(reader_session(changed, cache=True))
    assert not any(isinstance(s, FirstScreen) for s in steps)
    steps, _ = run_steps(reader_session(changed, cache=True))
    assert isinstance(steps[0], FirstScreen)


def test_a_damaged_entry_is_dropped(folder: Path, tmp_path: Path) -> None:
    sources = find_sources([folder])
    screens = FirstScreens(FactCache(tmp_path / "cache.sqlite3"))
    analysis = analyse(Corpus(tuple(article_from_text(k, v) for k, v in TWO_STORIES.items())))
    first = first_screen_of(analysis)
    assert first is not None
    screens.put(sources, first)
    assert screens.get(sources) == first
    key = screens._key(sources)
    assert key is not None
    screens.cache.put(key, '{"articles": []}')
    assert screens.get(sources) is None
    assert screens.cache.get(key) is None
    assert screens.get(find_sources([folder / "flood-a.txt"])) is None  # Other files.


def test_another_story_s_unplaced_discrepancy_stays_out() -> None:
    texts = {
        **TWO_STORIES,
        # A surname slipped once inside the vote story's first article (kept: it is
        # second in the corpus, before the first story's last article).
        "vote-a": TWO_STORIES["vote-a"] + " Councillor Hartwell voted no. Hartwel left.",
    }
    whole = analyse(Corpus(tuple(article_from_text(k, v) for k, v in texts.items())))
    first = first_screen_of(whole)
    assert first is not None
    story = set(whole.alignment.stories[0].articles)
    for d in first.analysis.alignment.discrepancies:
        assert d.group is not None or {v.article for v in d.values} <= story


def test_a_first_screen_not_of_this_analysis_is_replaced(folder: Path) -> None:
    sources = find_sources([folder])
    run_steps(reader_session(sources, cache=True))
    screens = FirstScreens(default_cache())
    first = screens.get(sources)
    assert first is not None
    planted = replace(first, totals=replace(first.totals, facts=first.totals.facts + 50))
    screens.put(sources, planted)
    steps, _ = run_steps(reader_session(sources, cache=True))
    assert steps[0] == planted  # Shown once (its checks pass) ...
    assert screens.get(sources) == first  # ... and rewritten from the analysis.


def test_the_first_screen_crosses_the_pipe(folder: Path) -> None:
    sources = find_sources([folder])
    _, analysis = run_steps(reader_session(sources, cache=True))
    child = AnalysisChild.start(lambda: reader_session(sources, cache=True))
    steps, again = run_steps(child.steps())
    firsts = [s for s in steps if isinstance(s, FirstScreen)]
    assert firsts == [first_screen_of(analysis)]
    assert again.alignment == analysis.alignment
