"""The pure parts of the panes: wrapping with offsets, and the anchor map between panes."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.app.layout import LayoutCache, wrap_article
from tui.app.sync import anchor_pairs, map_row, monotonic
from tui.core.models import Article, Corpus, Quote
from tui.core.text.corpus import article_from_text

WORDS = st.lists(
    st.sampled_from(
        [
            "Kursk",
            "76,000",
            "evacuated",
            "—",
            "Syrskyi",
            "https://example.org/a/very/long/link",
            "a",
            "是的",
            "这是一个没有空格的很长的中文句子用来测试换行",
            ".",
        ]
    ),
    min_size=1,
    max_size=60,
)


def _article(text: str) -> Article:
    return article_from_text("x", text)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=4), st.integers(min_value=8, max_value=70))
def test_wrapped_lines_fit_and_keep_every_word(paragraphs: list[list[str]], width: int) -> None:
    text = "\n\n".join(" ".join(words) for words in paragraphs) + "\n"
    article = _article(text)
    if not article.sentences:
        return
    layout = wrap_article(article, width)
    shown = []
    for line in layout.lines:
        assert cell_len(text[line.start : line.end]) <= max(width, 8)
        shown.append(text[line.start : line.end])
    # Every non-space character appears, in order, exactly once.
    assert re.sub(r"\s", "", "".join(shown)) == re.sub(
        r"\s", "", "".join(text[p.start : p.end] for p in article.paragraphs)
    )
    rows = layout.sentence_rows
    assert list(rows) == sorted(rows)
    for sentence, row in zip(article.sentences, rows, strict=True):
        line = layout.lines[row]
        assert line.start <= sentence.start < line.end
        assert layout.row_of_offset(sentence.start) == row


def test_badges_take_room_and_sit_before_the_quote_mark(seeds: Corpus) -> None:
    article = seeds.articles[0]
    start = article.text.index("a major provocation")
    quote = Quote(
        "q",
        article.id,
        start,
        start + 19,
        "a major provocation",
        "Vladimir Putin",
        "Putin",
        "described",
    )
    layout = wrap_article(article, 40, [quote])
    badged = [line for line in layout.lines if line.badges]
    assert len(badged) == 1
    badge = badged[0].badges[0]
    assert badge.label == "Putin"
    assert article.text[badge.offset] == "“"
    used = cell_len(article.text[badged[0].start : badged[0].end]) + len(" Putin  ")
    assert used <= 40


def test_layout_cache_reuses_and_forgets(seeds: Corpus) -> None:
    cache = LayoutCache(size=2)
    first = cache.get(seeds.articles[0], 50)
    assert cache.get(seeds.articles[0], 50) is first
    cache.get(seeds.articles[1], 50)
    cache.get(seeds.articles[2], 50)
    assert cache.get(seeds.articles[0], 50) is not first


def _brute_longest(pairs: list[tuple[int, int]]) -> int:
    best = 0
    for size in range(len(pairs), 0, -1):
        for chosen in itertools.combinations(sorted(set(pairs)), size):
            if all(a[0] < b[0] and a[1] < b[1] for a, b in itertools.pairwise(chosen)):
                return size
    return best


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=8))
def test_monotonic_chain_is_the_longest_increasing_one(pairs: list[tuple[int, int]]) -> None:
    chain = monotonic(pairs)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in itertools.pairwise(chain))
    assert set(chain) <= set(pairs)
    assert len(chain) == _brute_longest(pairs)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), max_size=12),
    st.lists(st.integers(-20, 400), min_size=2, max_size=10),
)
def test_map_row_hits_anchors_and_never_runs_backwards(
    pairs: list[tuple[int, int]], rows: list[int]
) -> None:
    anchors = monotonic(pairs)
    for lead, follow in anchors:
        assert map_row(anchors, lead) == follow
    mapped = [map_row(anchors, row) for row in sorted(rows)]
    assert mapped == sorted(mapped)


def test_anchor_pairs_use_facts_both_articles_report() -> None:
    lead = [(0, 1), (1, 3), (2, 5)]
    follow = [(1, 0), (2, 2), (7, 4)]
    lead_rows = [0, 2, 4, 6, 8, 10]
    follow_rows = [1, 3, 5, 7, 9]
    assert anchor_pairs(lead, follow, lead_rows, follow_rows) == [(6, 1), (10, 5)]


def test_the_kept_fact_is_always_an_anchor() -> None:
    # Fact 1 is told early in the leader and late in the follower: the longest chain
    # drops it, unless it is the current fact.
    lead = [(0, 0), (1, 1), (2, 2), (3, 3)]
    follow = [(0, 0), (2, 1), (3, 2), (1, 3)]
    rows = [0, 10, 20, 30]
    assert (10, 30) not in anchor_pairs(lead, follow, rows, rows)
    kept = anchor_pairs(lead, follow, rows, rows, keep=1)
    assert (10, 30) in kept
    assert kept == sorted(kept) and [b for _, b in kept] == sorted(b for _, b in kept)
