"""Segmentation of messy pasted news: the seeds' hard cases and offset properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS
from tui.core.models import Sentence
from tui.core.text.segment import MAX_SENTENCE_CHARS, segment


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _texts(text: str) -> list[str]:
    return [s.text for s in segment(text).sentences]


def _containing(sentences: tuple[Sentence, ...], words: str) -> Sentence:
    return next(s for s in sentences if words in s.text)


def test_km_abbreviation_mid_sentence_does_not_split() -> None:
    seg = segment(_seed("003"))
    sentence = _containing(seg.sentences, "square km.")
    assert sentence.text.endswith("over 1 thousand square km. of territory.")
    assert sentence.text.startswith("Ukrainian army now inches closer")


def test_headings_without_full_stop_are_their_own_segments() -> None:
    seg = segment(_seed("003"))
    headings = [s.text for s in seg.sentences if s.kind == "heading"]
    assert "Attacks on Russian Soil" in headings
    assert "Putin’s Strategic Predicament" in headings
    assert segment(_seed("001")).sentences[0].text == "Ukraine's Bold Advances in the Kursk Region"


def test_initialisms_do_not_end_sentences() -> None:
    texts = _texts(_seed("003"))
    assert "The White House said the U.S. had no idea about the incursion." in texts
    assert any(t.startswith("One U.S. official said") for t in texts)
    seed000 = _texts(_seed("000"))
    assert any(t.endswith("violation of U.N. Security Council resolutions.") for t in seed000)


def test_initialism_before_a_sentence_starter_ends_the_sentence() -> None:
    assert _texts("He went to the U.S. The trip was long.") == [
        "He went to the U.S.",
        "The trip was long.",
    ]


def test_each_tweet_signature_stays_with_its_tweet() -> None:
    seg = segment(_seed("002"))
    assert [(t.author, t.handle, t.date) for t in seg.tweets] == [
        ("Ambassador Bridget A. Brink", "USAmbKyiv", "August 11, 2024"),
        ("Ivan Katchanovski", "I_Katchanovski", "August 10, 2024"),
        ("Visegrád 24", "visegrad24", "August 11, 2024"),
    ]
    brink = _containing(seg.sentences, "(@USAmbKyiv)")
    assert brink.text.startswith("A terrible reminder that Russia")
    assert brink.kind == "tweet"
    # Tweets pasted across blank lines are one tweet, from its first paragraph.
    visegrad = seg.tweets[2]
    assert seg.sentences[0].text  # sanity
    text = _seed("002")
    assert text[visegrad.start :].startswith("BREAKING:")
    assert text[visegrad.start : visegrad.body_end].endswith("in the area.")


def test_dateline_prefix_gives_the_date_and_its_own_segment() -> None:
    seg = segment(_seed("002"))
    assert seg.date == "2024-08-11"
    assert seg.sentences[0].kind == "dateline"
    assert seg.sentences[1].text.startswith("Now in the sixth day")


def test_unclosed_quote_does_not_swallow_the_rest() -> None:
    texts = _texts(_seed("002"))
    assert any(t.startswith("It also appears a distraction") for t in texts)
    assert texts[-1].startswith("A formal")


def test_ellipses() -> None:
    assert _texts("It was late... The end came. Dick said... says it is good.") == [
        "It was late...",
        "The end came.",
        "Dick said... says it is good.",
    ]
    assert _texts("Wait… Then go.") == ["Wait…", "Then go."]


def test_quote_interrupted_by_its_cue_stays_whole() -> None:
    assert _texts('"What is this? A circus?" he said, drawing laughter. Then he left.') == [
        '"What is this? A circus?" he said, drawing laughter.',
        "Then he left.",
    ]


def test_quotes_spanning_sentences_keep_their_closing_mark() -> None:
    texts = _texts('He said, "We win. We go on." She left.')
    assert texts == ['He said, "We win.', 'We go on."', "She left."]


def test_blank_line_paragraphs_and_single_line_paragraphs() -> None:
    seg = segment(_seed("002"))
    assert len(seg.paragraphs) == 21
    seg0 = segment(_seed("000"))
    assert [p.index for p in seg0.paragraphs] == list(range(13))


def test_hard_wrapped_text_joins_lines_into_paragraphs() -> None:
    para = (
        "This is a long line of prose that was wrapped by an editor at a\n"
        "width of about seventy characters so that the paragraph continues\n"
        "on the next line without any punctuation at the end of it.\n"
    )
    seg = segment(para + "\n" + para)
    assert len(seg.paragraphs) == 2
    assert len(seg.sentences) == 2


def test_titles_and_initials() -> None:
    assert _texts("Sen. John McCain met Gen. Smith on Aug. 6. Then J. R. Doe spoke.") == [
        "Sen. John McCain met Gen. Smith on Aug. 6.",
        "Then J. R. Doe spoke.",
    ]


def test_very_long_runs_are_cut() -> None:
    text = "word " * 5000
    sentences = segment(text).sentences
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)


def _check_offsets(text: str) -> None:
    seg = segment(text)
    last_end = 0
    for i, s in enumerate(seg.sentences):
        assert s.index == i
        assert last_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        last_end = s.end
    for p in seg.paragraphs:
        assert 0 <= p.start < p.end <= len(text)
    for t in seg.tweets:
        assert 0 <= t.start <= t.body_end <= t.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_offsets_hold_for_any_unicode(text: str) -> None:
    _check_offsets(text)


_NEWSY = st.lists(
    st.sampled_from(
        [
            "U.S.",
            "km.",
            "Mr.",
            "A.",
            "The",
            "he",
            "said",
            '"',
            "“",
            "”",
            "...",
            "…",
            "?",
            "!",
            ".",
            "\n",
            "\n\n",
            "\n\n\n\n",
            " ",
            "pic.twitter.com/x",
            "—",
            "(@h)",
            "August 1, 2024",
            "date 2024-01-01",
            "- ",
            "Kursk",
            "1,000",
            "\r\n",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_NEWSY)
def test_offsets_hold_for_newsy_fragments(text: str) -> None:
    _check_offsets(text)


def test_a_sentence_ends_before_a_quote_that_its_cue_follows() -> None:
    text = '"We won," Zelensky stated on media. "Experts are at work," he added.'
    assert _texts(text) == [
        '"We won," Zelensky stated on media.',
        '"Experts are at work," he added.',
    ]
