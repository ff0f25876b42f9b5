"""Values compared between sentences the aligner left apart but the pair model pairs."""

from __future__ import annotations

from itertools import product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.align import align
from tui.core.discrepancies import dates, numbers, places
from tui.core.discrepancies.facts import SentenceValues, date_conflicts, dates_may_conflict
from tui.core.discrepancies.matched import (
    MATCHED_CONFIDENCE,
    compared_pairs,
    matched_conflicts,
    pair_conflicts,
    slot_keys,
)
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


# Fragments that fill slots in many ways: numbers of a few units, days and years, towns
# in states, with words around them that two sentences share or do not.
_CLAUSES = (
    "the council approved the harbour budget on {day}",
    "the mayor signed the ferry contract {day}",
    "Mayor Jim Olsen signed it on {day}",
    "the House voted to override the veto in {year}",
    "{number} civilians were evacuated from the border region",
    "some {number} residents have fled the border region",
    "the company paid ${number} for the harbour vacation",
    "a student was arrested in {town}, {state}",
    "the suspect of {town}, {state} was charged",
    "the retreat in {town} cost ${number}",
)
_FILL = {
    "day": ("Monday", "Tuesday", "Friday", "last week", "yesterday"),
    "year": ("2009", "2012", "2016"),
    "number": ("76,000", "80,000", "5,687.75", "5,587.75", "120", "about 300"),
    "town": ("Bellingham", "Seattle", "Aventura", "Plantation"),
    "state": ("Wash.", "Fla.", "Texas"),
}
clause = st.builds(
    lambda template, picks: template.format(**{k: picks[k] for k in _FILL}),
    st.sampled_from(_CLAUSES),
    st.fixed_dictionaries({k: st.sampled_from(v) for k, v in _FILL.items()}),
)


def _sentence(clauses: list[str]) -> str:
    text = " and ".join(clauses)
    return text[0].upper() + text[1:] + "."


sentence = st.lists(clause, min_size=1, max_size=3).map(_sentence)
article_texts = st.lists(sentence, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_texts, min_size=2, max_size=3))
def test_the_index_finds_every_pair_the_full_comparison_flags(texts: list[str]) -> None:
    """Only sentences sharing a slot key are compared, and dates only when two may clash:
    never one pair that conflicts is missed."""
    story = Corpus(
        tuple(
            article_from_text(f"a{n}", text, meta={"date": f"2016-09-{28 + n}"})
            for n, text in enumerate(texts)
        )
    )
    values = SentenceValues(story)
    read = {(a.id, s.index): values.of(a.id, s.index) for a in story.articles for s in a.sentences}
    compared = set(compared_pairs(story, {at: slot_keys(*v) for at, v in read.items()}))
    order = [a.id for a in story.articles]
    for x, y in product(read, read):
        if order.index(x[0]) < order.index(y[0]) and pair_conflicts(read[x], read[y]):
            assert (x, y) in compared
    # Each rule's keys: two values of one slot share one.
    for x, y in product(read, read):
        (nx, dx, px), (ny, dy, py) = read[x], read[y]
        for n, m in product(nx, ny):
            assert not numbers.same_slot(n, m) or numbers.slot_keys(n) & numbers.slot_keys(m)
        for d, e in product(dx, dy):
            assert not dates.same_event(d, e) or dates.slot_keys(d) & dates.slot_keys(e)
        if x[0] != y[0] and date_conflicts(None, dx + dy, strict=True):
            assert dates_may_conflict(dx, dy)
        for p, q in product(px, py):
            assert not places.same_slot(p, q) or places.slot_keys(p) & places.slot_keys(q)
