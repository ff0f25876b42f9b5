"""The story codec: what it wrote reads back, and anything else is refused, never trusted."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tui.core.codec import (
    Damaged,
    article_data,
    decode_article,
    decode_story,
    encode_story,
    quote_data,
)
from tui.core.models import DiffSpan, Group, Member, Quote, StoryAnalysis
from tui.core.text.corpus import article_from_text

ARTICLES = (
    article_from_text("fox", '"We will rebuild every home," Pelosi said.'),
    article_from_text("nyt", 'Pelosi spoke. "We will rebuild every home," she said.'),
)


def _story(speaker_from: str | None) -> StoryAnalysis:
    text = ARTICLES[1].text
    start = text.index("We will")
    end = start + len("We will rebuild every home")
    quote = Quote("q1-0", "nyt", start, end, text[start:end], "Nancy Pelosi", "she", "said")
    return StoryAnalysis((), (replace(quote, speaker_from=speaker_from),), ())


def test_a_borrowed_speaker_reads_back() -> None:
    story = _story("fox")
    assert decode_story(encode_story(story), ARTICLES) == story


def test_a_speaker_borrowed_from_an_unknown_article_is_damage() -> None:
    data = json.loads(encode_story(_story("fox")))
    data["quotes"][0]["speaker_from"] = "nobody"
    assert decode_story(json.dumps(data), ARTICLES) is None
    assert quote_data(_story(None).quotes[0])["speaker_from"] is None


def _grouped() -> StoryAnalysis:
    end = len(ARTICLES[0].sentences[0].text)
    members = (
        Member("fox", 0, (DiffSpan(0, 3, "own"), DiffSpan(4, end, "shared"))),
        Member("nyt", 1),
    )
    return StoryAnalysis((Group(0, "rebuild", 0.9, members),), (), ())


@pytest.mark.parametrize(
    "span",
    [
        [True, 3, "own"],
        [0.0, 3, "own"],
        [0, 10_000, "own"],
        [3, 0, "own"],
        [-1, 3, "own"],
        [0, 3, "bold"],
        [0, 3, ["own"]],
        [0, 3],
    ],
)
def test_a_diff_span_not_ours_is_damage(span: list[object]) -> None:
    """The spans' checks are written inline (50,000 spans on a big corpus): each still
    refuses what this program did not write."""
    story = _grouped()
    assert decode_story(encode_story(story), ARTICLES) == story
    data = json.loads(encode_story(story))
    data["groups"][0]["members"][0][2][0] = span
    assert decode_story(json.dumps(data), ARTICLES) is None


@pytest.mark.parametrize(
    "sentence",
    [[False, 0, 5, "text"], [0, 0, 10_000, "text"], [0, 5, 0, "text"], [0, 0, 5, "verse"]],
)
def test_an_article_sentence_not_ours_is_damage(sentence: list[object]) -> None:
    data = article_data(ARTICLES[0])
    assert decode_article(data) == ARTICLES[0]
    data["sentences"][0] = sentence
    with pytest.raises(Damaged):
        decode_article(data)
