"""Values compared between sentences the aligner left apart but the pair model pairs."""

from __future__ import annotations

from tui.core.align import align
from tui.core.discrepancies.matched import MATCHED_CONFIDENCE, matched_conflicts
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text

FOX = (
    "Jackson pleaded guilty on Wednesday in federal court. "
    "Court records show he spent $5,687.75 on a vacation at the Martha's Vineyard Holistic Retreat. "
    "The judge set sentencing for June."
)
NYT = (
    "The former congressman admitted the charges in a Washington courtroom. "
    "In 2008 he paid for a $5,587.75 vacation at the Martha's Vineyard Holistic Retreat, "
    "the document said. "
    "His wife also pleaded guilty."
)


def corpus() -> Corpus:
    return Corpus(
        (
            article_from_text("fox", FOX, meta={"date": "2013-02-20"}),
            article_from_text("nyt", NYT, meta={"date": "2013-02-20"}),
        )
    )


def test_unlinked_sentences_of_one_fact_are_compared_with_less_confidence() -> None:
    c = corpus()
    (found,) = matched_conflicts(c, (), [["fox", "nyt"]])
    assert found.kind == "number" and found.group is None
    assert {v.value for v in found.values} == {"5687.75", "5587.75"}
    assert "matched for the comparison" in found.summary
    assert found.confidence <= MATCHED_CONFIDENCE
    for v in found.values:
        assert c.article(v.article).text[v.start : v.end] == v.text


def test_sentences_the_aligner_links_are_left_to_the_facts() -> None:
    c = corpus()
    groups = align(c)
    linked = any(
        {(m.article, m.sentence) for m in g.members} >= {("fox", 1), ("nyt", 1)} for g in groups
    )
    assert bool(matched_conflicts(c, groups, [["fox", "nyt"]])) != linked


def test_never_across_stories() -> None:
    assert not matched_conflicts(corpus(), (), [["fox"], ["nyt"]])


def test_unrelated_sentences_sharing_a_unit_are_not_compared() -> None:
    c = Corpus(
        (
            article_from_text("a", "The Rolex watch cost $43,350, prosecutors said."),
            article_from_text("b", "The elk head was later sold for $5,300 at an auction."),
        )
    )
    assert not matched_conflicts(c, (), [["a", "b"]])
