"""Grouping pairs into facts: near-best filter, merges, leads, diff spans."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.align import DEFAULT_PARAMS
from tui.core.align.features import features
from tui.core.align.pipeline import align
from tui.core.models import Article, Corpus
from tui.core.text.corpus import article_from_text, load_corpus


def article(article_id: str, text: str) -> Article:
    return article_from_text(article_id, text)


def corpus(*texts: str) -> Corpus:
    return Corpus(tuple(article(f"a{n}", t) for n, t in enumerate(texts)))


def test_diff_spans_are_inside_ordered_and_disjoint_on_the_seeds() -> None:
    seeds = load_corpus([])
    for group in align(seeds):
        for m in group.members:
            s = seeds.article(m.article).sentences[m.sentence]
            for a, b in pairwise(m.diff):
                assert a.end <= b.start
            for d in m.diff:
                assert s.start <= d.start < d.end <= s.end
        kinds = {d.kind for m in group.members for d in m.diff}
        assert kinds - {"own"}


words = st.sampled_from(
    "Kursk Kyiv Kiev troops 1,000 one thousand evacuated fled the of a on Tuesday 76,000 "
    "residents “provocation” major large-scale — 4-year-old border".split()
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(words, min_size=3, max_size=14), min_size=2, max_size=4))
def test_diff_spans_property(sentences: list[list[str]]) -> None:
    texts = [" ".join(s) + "." for s in sentences]
    c = corpus(*texts, *texts[::-1])
    for group in align(c):
        for m in group.members:
            s = c.article(m.article).sentences[m.sentence]
            last = s.start
            for d in m.diff:
                assert last <= d.start < d.end <= s.end
                last = d.end


def test_near_duplicate_groups_merge_without_new_pairs() -> None:
    from tui.core.align.grouping import _merge_near_duplicates

    where = ((0, 4), (0, 14), (2, 9), (2, 10), (1, 3))
    feats = [features(a, s, 0, "text", "x") for a, s in where]
    # One fact stated twice in two articles: four groups of two, all cross pairs known.
    groups = [[0, 2], [0, 3], [1, 2], [1, 3], [3, 4]]
    merged = _merge_near_duplicates(feats, groups, DEFAULT_PARAMS)
    assert sorted(map(sorted, merged)) == [[0, 1, 2, 3], [3, 4]]  # 4 joins no one: 0-4 unknown.


LEADS = corpus(
    "Okonkwo resigns from the Senate\n\n"
    "Okonkwo denied wrongdoing at a crowded press event. "
    "Okonkwo was first elected in 2010. "
    "His resignation surprised Okonkwo's allies in the Senate. "
    "Okonkwo thanked his family.",
    "A long scandal ends\n\n"
    "Okonkwo resigned from the Senate on Friday. "
    "Okonkwo's lawyers had fought subpoenas for months. "
    "The resignation leaves the Senate evenly split, Okonkwo's allies said. "
    "Okonkwo grew up on a farm near the coast.",
)
