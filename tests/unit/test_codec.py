"""The story codec: what it wrote reads back, and anything else is refused, never trusted."""

from __future__ import annotations

import json
from dataclasses import replace

from tui.core.codec import decode_story, encode_story, quote_data
from tui.core.models import Quote, StoryAnalysis
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
