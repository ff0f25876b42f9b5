"""Stories before facts: articles grouped by the event they report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bench.bench_stories import adjusted_rand, purity
from tests.conftest import run_steps
from tui.core.models import Corpus
from tui.core.stories import (
    DEFAULT_STORY_PARAMS,
    _add_titles,
    _similarities,
    _title_vector,
    find_stories,
    story_steps,
)
from tui.core.text.corpus import article_from_text, load_corpus


def _article(article_id: str, text: str, date: str | None = None) -> object:
    meta = {"date": date} if date else None
    return article_from_text(article_id, text, meta=meta)


FLOOD = (
    "Flooding forced 12,000 residents of Dorvale to evacuate on Monday after the Linn river "
    "burst its banks. The Dorvale mayor praised volunteers who filled sandbags."
)
FLOOD2 = (
    "About 15,000 people fled Dorvale as the Linn river flooded the town on Monday. "
    "Volunteers filled sandbags through the night, the Dorvale mayor said."
)


def test_the_seeds_are_one_story() -> None:
    stories = find_stories(load_corpus([]))
    assert len(stories) == 1 and len(stories[0].articles) == 5
    assert stories[0].label


def test_the_same_event_far_apart_in_time_is_two_stories() -> None:
    corpus = Corpus(
        (
            article_from_text("a", FLOOD, meta={"date": "2020-03-02"}),
            article_from_text("b", FLOOD2, meta={"date": "2021-03-02"}),
        )
    )
    assert [s.articles for s in find_stories(corpus)] == [("a",), ("b",)]


def test_every_article_is_in_exactly_one_story() -> None:
    corpus = Corpus(
        tuple(
            article_from_text(f"a{n}", text)
            for n, text in enumerate((FLOOD, "The Marwick council closed two libraries.", FLOOD2))
        )
    )
    stories = find_stories(corpus)
    found = [a for s in stories for a in s.articles]
    assert sorted(found) == ["a0", "a1", "a2"]
    assert [s.id for s in stories] == list(range(len(stories)))
    assert find_stories(Corpus(())) == ()


def test_cluster_scores() -> None:
    assert adjusted_rand([1, 1, 2, 2], ["x", "x", "y", "y"]) == 1.0
    assert purity([1, 1, 2, 2], ["x", "x", "x", "x"]) == 0.5
    assert adjusted_rand([1, 1, 2, 2], ["x", "y", "x", "y"]) < 0


def test_basil_events_are_recovered(basil: Path) -> None:
    corpus = load_corpus([basil])
    truth = [a.id.split("/")[0] for a in corpus.articles]
    found = {a: s.id for s in find_stories(corpus) for a in s.articles}
    predicted = [found[a.id] for a in corpus.articles]
    # Measured: purity 1.00, ARI 0.98 (python -m bench.bench_stories).
    assert purity(truth, predicted) >= 0.95
    assert adjusted_rand(truth, predicted) >= 0.95


def test_articles_dated_far_apart_are_never_paired() -> None:
    """Blocking by date: an archive of many days pairs each article only with its days'."""
    vectors = [{"storm": 1.0}, {"storm": 1.0}, {"storm": 1.0}]
    dates = [date(2024, 1, 1), date(2024, 1, 3), date(2024, 1, 20)]
    assert _similarities(vectors, dates, max_days=3) == {(0, 1): 1.0}
    assert _similarities(vectors, [None, None, date(2024, 1, 20)], max_days=3) == {
        (0, 1): 1.0,
        (0, 2): 1.0,
        (1, 2): 1.0,
    }


def test_story_steps_report_progress_and_find_the_same_stories(basil: Path) -> None:
    corpus = load_corpus([basil])
    progress, stories = run_steps(story_steps(corpus))
    assert progress
    assert progress == sorted(progress)
    assert all(0.0 <= p <= 1.0 for p in progress)
    assert stories == find_stories(corpus)


def test_one_headline_joins_a_short_report_to_a_long_one() -> None:
    # Few body words shared (a brief and a profile), but one headline: one event.
    titles = [
        _title_vector("Donald Trump Sworn In As 45th President"),
        _title_vector("Donald Trump Is Sworn In as President, Capping His Swift Ascent"),
        _title_vector("Obama Signs Budget Deal, Averting Shutdown"),
    ]
    similarity = {(0, 1): 0.12, (0, 2): 0.12}
    _add_titles(similarity, titles, DEFAULT_STORY_PARAMS)
    assert similarity[(0, 1)] > DEFAULT_STORY_PARAMS.join
    assert similarity[(0, 2)] == 0.12  # Headlines of two events: nothing added.
