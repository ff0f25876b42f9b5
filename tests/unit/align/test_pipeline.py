"""The alignment pipeline on small hand-made corpora and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_steps
from tui.core.align.pipeline import align, align_steps
from tui.core.models import Article, Corpus
from tui.core.text.corpus import article_from_text, load_corpus

BASIL = Path(__file__).parents[3].parent / "shared/corpora/basil"


def article(article_id: str, text: str) -> Article:
    return article_from_text(article_id, text)


def corpus(*texts: str) -> Corpus:
    return Corpus(tuple(article(f"a{n}", t) for n, t in enumerate(texts)))


SMALL = corpus(
    "Flooding forced 12,000 residents of Dorvale to evacuate on Monday. "
    "The mayor praised the volunteers who filled sandbags all night. "
    "Schools will stay closed until the river drops.",
    "About 15,000 people fled Dorvale as the river burst its banks on Tuesday. "
    "A local bakery handed out free bread. "
    "Officials said schools would remain closed until the water recedes.",
    "The Dorvale mayor thanked sandbag volunteers for working through the night. "
    "Stock markets closed higher on Friday.",
)


def pairs_of(result_groups: tuple) -> set[frozenset[tuple[str, int]]]:  # type: ignore[type-arg]
    found = set()
    for group in result_groups:
        for a in group.members:
            for b in group.members:
                if a.article != b.article:
                    found.add(frozenset([(a.article, a.sentence), (b.article, b.sentence)]))
    return found


def test_same_facts_align_and_others_do_not() -> None:
    result = align(SMALL)
    found = pairs_of(result)
    assert frozenset([("a0", 0), ("a1", 0)]) in found  # evacuated / fled
    assert frozenset([("a0", 1), ("a2", 0)]) in found  # mayor thanks volunteers
    assert not any(("a2", 1) in pair for pair in found)  # markets: nobody else
    assert not any(("a1", 1) in pair for pair in found)  # the bakery


def test_group_ids_order_and_labels() -> None:
    result = align(SMALL)
    assert [g.id for g in result] == list(range(len(result)))
    order = {a.id: n for n, a in enumerate(SMALL.articles)}
    firsts = [min((order[m.article], m.sentence) for m in g.members) for g in result]
    assert firsts == sorted(firsts)
    for group in result:
        assert group.label and group.score > 0
        assert len({m.article for m in group.members}) >= 2


def test_align_steps_reports_progress_then_returns() -> None:
    progress, result = run_steps(align_steps(SMALL))
    assert progress == sorted(progress) and progress[-1] == 1.0
    assert all(0.0 <= p <= 1.0 for p in progress)
    assert result == align(SMALL)


def test_one_sentence_may_carry_several_facts() -> None:
    result = align(load_corpus([]))
    seed0 = result[0].members[0].article
    carrying = [g for g in result if any(m.article == seed0 and m.sentence == 1 for m in g.members)]
    assert len(carrying) >= 2


def test_datelines_never_align() -> None:
    seeds = load_corpus([])
    result = align(seeds)
    for group in result:
        for m in group.members:
            assert seeds.article(m.article).sentences[m.sentence].kind != "dateline"


def test_single_article_and_unrelated_articles() -> None:
    assert align(corpus("Only one article here. It says two things.")) == ()
    unrelated = corpus("Cats sleep most of the day.", "The bond market fell sharply.")
    assert align(unrelated) == ()


@pytest.mark.skipif(not BASIL.is_dir(), reason="BASIL corpus not present")
def test_basil_event_aligns_within_the_event() -> None:
    event = sorted(p for p in BASIL.iterdir() if p.is_dir())[0]
    result = align(load_corpus([event]))
    assert result
    for group in result:
        assert len({m.article for m in group.members}) >= 2


def test_progress_is_frequent_and_ordered() -> None:
    steps = list(_progress(load_corpus([])))
    assert steps == sorted(steps) and steps[-1] == 1.0
    assert len(steps) >= 8


def _progress(c: Corpus) -> list[float]:
    return run_steps(align_steps(c))[0]


def test_evidence_of_chosen_pairs_from_prepared_features_is_a_fresh_run_s() -> None:
    """The discrepancy finder asks for other pairs of the story just aligned, with the
    aligner's features: they give the evidence a fresh run gives, and features made for
    other articles are not used."""
    from tui.core.align import DEFAULT_PARAMS
    from tui.core.align.pipeline import evidence_steps, prepare_steps
    from tui.core.progress import drain

    seeds = load_corpus([])
    chosen = [(0, 40), (1, 60), (2, 90), (5, 120)]
    fresh = drain(evidence_steps(seeds, DEFAULT_PARAMS, pairs=chosen)).rows
    prepared = drain(prepare_steps(seeds, DEFAULT_PARAMS))
    assert prepared.made_for(seeds, DEFAULT_PARAMS)
    again = drain(evidence_steps(seeds, DEFAULT_PARAMS, pairs=chosen, prepared=prepared)).rows
    assert again.tolist() == fresh.tolist()
    small = drain(prepare_steps(SMALL, DEFAULT_PARAMS))
    assert not small.made_for(seeds, DEFAULT_PARAMS)
    other = drain(evidence_steps(seeds, DEFAULT_PARAMS, pairs=chosen, prepared=small)).rows
    assert other.tolist() == fresh.tolist()
