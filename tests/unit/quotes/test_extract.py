"""Quote extraction: marks, paragraphs, scare quotes, tweets, cross-article links."""

from __future__ import annotations

import itertools
import string
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS
from tui.core.models import Article, Corpus, Quote
from tui.core.quotes.extract import (
    ellipsis_cuts,
    excerpt_of,
    extract_quotes,
    link_same_quotes,
    quote_keys,
    quote_wording,
    same_words,
)
from tui.core.text.corpus import article_from_text, load_corpus


def article_of(text: str, article_id: str = "a") -> Article:
    return article_from_text(article_id, text)


def linked(first: str, second: str) -> bool:
    """Whether a quote of ``first`` is linked to one of ``second`` (two articles)."""
    corpus = Corpus((article_of(first, "a"), article_of(second, "b")))
    return any(q.same_as for q in extract_quotes(corpus))


def quotes_of(*texts: str) -> tuple[Quote, ...]:
    articles = tuple(article_of(t, f"a{i}") for i, t in enumerate(texts))
    return extract_quotes(Corpus(articles))


def texts(quotes: tuple[Quote, ...]) -> list[str]:
    return [q.text for q in quotes]


# ---------------------------------------------------------------- marks and spans
@pytest.mark.parametrize(
    "text",
    [
        'The minister said, "We will not retreat from these positions."',
        "The minister said, “We will not retreat from these positions.”",
        'The minister said, “We will not retreat from these positions."',
        '"We will not retreat from these positions," the minister said.',
    ],
)
def test_straight_curly_and_mixed_marks(text: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.text.rstrip(".,") == "We will not retreat from these positions"
    assert quote.speaker == "minister" or quote.speaker_mention is not None
    assert not quote.unclosed


def test_offsets_are_the_quoted_words_without_marks() -> None:
    text = 'Mayor Vitali Klitschko said: "Air defense is working. Stay in shelters."'
    (quote,) = quotes_of(text)
    assert text[quote.start : quote.end] == quote.text
    assert quote.text == "Air defense is working. Stay in shelters."
    assert quote.speaker == "Vitali Klitschko"


def test_a_closing_mark_spaced_like_an_opening_one_still_closes() -> None:
    # Text rejoined from tokens: a space before the closing mark and none after it.
    found = quotes_of(
        'Harmon spoke. "We owe it to the fans of this city, "Harmon said. "It is the right '
        'call, "he said.'
    )
    assert texts(found) == ["We owe it to the fans of this city", "It is the right call"]
    assert found[0].speaker == "Harmon"
    # After a comma, a mark before a sentence with no verb of saying still opens a quote.
    assert texts(quotes_of('He said, "We will win."')) == ["We will win."]


def test_multi_sentence_quote_is_one_quote() -> None:
    (quote,) = quotes_of('"It was hard. We held on. We will hold on," Jane Roe said.')
    assert quote.text == "It was hard. We held on. We will hold on"


def test_interrupted_quote_gives_two_quotes_by_one_speaker() -> None:
    found = quotes_of('"We are ready," John Smith said. "And we will not wait any longer."')
    assert texts(found) == ["We are ready", "And we will not wait any longer."]
    assert {q.speaker for q in found} == {"John Smith"}


def test_nested_single_quotes_stay_inside() -> None:
    (quote,) = quotes_of("“People said, ‘Trump is crazy,’ and they were wrong,” he said.")
    assert "‘Trump is crazy,’" in quote.text


def test_nested_double_quotes_inside_an_open_quote() -> None:
    text = "“He leaked his own “Russian lawyer meeting” emails,” Julian Assange wrote."
    (quote,) = quotes_of(text)
    assert quote.text.startswith("He leaked") and quote.text.endswith("emails")
    assert quote.speaker == "Julian Assange"


def test_multi_paragraph_news_convention_is_one_quote() -> None:
    text = (
        'Senator Jane Roe said in a statement:\n"The first paragraph of the statement goes on.\n'
        '"The second paragraph goes on too.\n"The last one closes it."\nThe vote is on Monday.'
    )
    (quote,) = quotes_of(text)
    assert quote.text.startswith("The first paragraph") and quote.text.endswith("closes it.")
    assert not quote.unclosed
    assert quote.speaker == "Jane Roe"


def test_unclosed_quote_ends_at_its_paragraph_and_is_flagged() -> None:
    text = (
        'John Smith said: "This quote never closes and runs on\n'
        "The next paragraph is the reporter's own words, long enough to matter.\n"
        'Later, "another quote is long enough to count here," Jane Roe said.'
    )
    found = quotes_of(text)
    first = found[0]
    assert first.unclosed and first.text.endswith("runs on")
    assert "\n" not in first.text
    assert found[1].text == "another quote is long enough to count here"


def test_scare_quotes_are_not_speech_but_attributed_phrases_are() -> None:
    found = quotes_of(
        'A formal "state of emergency" has persisted.\n'
        'This reference to "strong decisions" is an appeal.\n'
        'It prompted President Vladimir Putin to call it a "major provocation."'
    )
    assert texts(found) == ["major provocation."]
    assert found[0].speaker == "Vladimir Putin"


def test_attribute_values_of_markup_are_not_quotes() -> None:
    text = (
        'Readers posted this: <span class="one two three four five" data-x="a b c d e">'
        'here</span> today.\n\nAnn Lee said, "We will build the new bridge next year."'
    )
    assert texts(quotes_of(text)) == ["We will build the new bridge next year."]


def test_a_tweet_quote_starts_after_its_markup_tag() -> None:
    text = (
        "Lee spoke.\n\n"
        '<tweet id="7566" author="@AnnLee" datetime="2016-07-23">The pick earned a 100% '
        "rating on the scorecard in the Senate. — Ann Lee (@AnnLee) July 23, 2016</tweet>.\n\n"
        "Lee has adopted the stance."
    )
    (quote,) = quotes_of(text)
    assert quote.kind == "tweet" and quote.text.startswith("The pick earned")


def test_titles_of_programmes_are_not_quotes() -> None:
    found = quotes_of('"We are ready," Rep. Jane Roe told "Fox & Friends."')
    assert texts(found) == ["We are ready"]


def test_odd_marks_and_empty_quotes_do_not_break() -> None:
    assert quotes_of('""') == ()
    assert quotes_of('He said "" and then "') == ()


def test_tweet_is_a_quote_by_its_author() -> None:
    text = (
        "Officials condemned the strike.\n\nAir alerts sounded all night around Kyiv as "
        "Russia launched attacks. pic.twitter.com/Sj782XuafZ — Ambassador Bridget A. Brink "
        "(@USAmbKyiv) August 11, 2024\n\nMore text follows here."
    )
    (tweet,) = quotes_of(text)
    assert tweet.kind == "tweet" and tweet.cue == "tweet"
    assert tweet.speaker == "Bridget A. Brink"
    assert tweet.text.startswith("Air alerts") and tweet.text.endswith("attacks.")
    assert "(@USAmbKyiv) August 11, 2024" in (tweet.speaker_mention or "")


# ---------------------------------------------------------------- the seeds
@pytest.fixture(scope="module")
def seed_quotes() -> tuple[Quote, ...]:
    return extract_quotes(load_corpus([SEEDS]))


def find(quotes: tuple[Quote, ...], article: str, start: str) -> Quote:
    return next(q for q in quotes if q.article.startswith(article) and q.text.startswith(start))


def test_seed_unclosed_quote_does_not_swallow_the_rest(seed_quotes: tuple[Quote, ...]) -> None:
    quote = find(seed_quotes, "002", "Invading Russia")
    assert quote.unclosed and quote.text.endswith("all over it.")
    assert quote.speaker is None and quote.reason
    later = [q for q in seed_quotes if q.article.startswith("002") and q.start > quote.end]
    assert [q.kind for q in later] == ["tweet"]  # Visegrád 24; nothing swallowed.


def test_seed_scare_quotes_are_left_out(seed_quotes: tuple[Quote, ...]) -> None:
    words = {q.text.strip(".,") for q in seed_quotes}
    assert "state of emergency" not in words
    assert "strong decisions" not in words


@pytest.mark.parametrize(
    ("article", "start", "speaker"),
    [
        ("000", "major provocation", "Vladimir Putin"),
        ("000", "a major provocation", "Vladimir Putin"),
        ("000", "to ensure the safety", "National Counter-Terrorism Committee"),
        ("000", "Air defense units", "Vitaliy Klitschko"),
        ("000", "Ukraine is proving", "Volodymyr Zelenskyy"),
        ("000", "It was necessary", "Andriy Yermak"),
        ("001", "There is good progress", "Volodymyr Zelenskyy"),
        ("001", "large-scale provocation", "Kremlin"),
        ("002", "Today, I received", "Volodymyr Zelenskyy"),
        ("002", "Ukraine is proving", "Volodymyr Zelenskyy"),
        ("002", "A tough response", "Russia's Foreign Ministry"),
        ("002", "According to preliminary", "Volodymyr Zelenskyy"),
        ("002", "Pyrotechnic experts", "Volodymyr Zelenskyy"),
        ("002", "to really stop Russian terror", "Volodymyr Zelenskyy"),
        ("002", "Air alerts and explosions", "Bridget A. Brink"),
        ("002", "As I said", "Ivan Katchanovski"),
        ("002", "BREAKING", "Visegrád 24"),
    ],
)
def test_seed_speakers(
    seed_quotes: tuple[Quote, ...], article: str, start: str, speaker: str
) -> None:
    assert find(seed_quotes, article, start).speaker_id == speaker


def test_seed_speakers_are_spelled_as_their_article_writes_them(
    seed_quotes: tuple[Quote, ...],
) -> None:
    corpus = load_corpus([SEEDS])
    for quote in seed_quotes:
        if quote.speaker and quote.kind == "direct":
            assert quote.speaker in corpus.article(quote.article).text


def test_seed_ids_are_stable_and_in_reading_order(seed_quotes: tuple[Quote, ...]) -> None:
    ids = [q.id for q in seed_quotes]
    assert len(set(ids)) == len(ids)
    for a, b in itertools.pairwise(seed_quotes):
        if a.article == b.article:
            assert a.start <= b.start


# ---------------------------------------------------------------- cross-article
def test_same_quote_in_two_articles_is_linked_both_ways(seed_quotes: tuple[Quote, ...]) -> None:
    a = find(seed_quotes, "000", "Ukraine is proving")
    b = find(seed_quotes, "002", "Ukraine is proving")
    assert b.id in a.same_as and a.id in b.same_as


def test_quote_wording_spans_cover_each_quote(seed_quotes: tuple[Quote, ...]) -> None:
    a = find(seed_quotes, "000", "Ukraine is proving")
    b = find(seed_quotes, "002", "Ukraine is proving")
    spans_a, spans_b = quote_wording(a, b)
    assert spans_a[0].start == a.start and spans_a[-1].end <= a.end
    assert {s.kind for s in spans_a} == {"shared", "own"}
    corpus = load_corpus([SEEDS])
    own_b = [corpus.article(b.article).text[s.start : s.end] for s in spans_b if s.kind == "own"]
    assert any("restore" in words for words in own_b)


def test_different_speakers_are_not_linked() -> None:
    words = "we will rebuild every house that was destroyed in the attack"
    found = quotes_of(f'"{words}," Jane Roe said.', f'"{words}," John Smith said.')
    assert all(not q.same_as for q in found)
    found = quotes_of(f'"{words}," Jane Roe said.', f'"{words}," Ms. Roe said.')
    assert all(q.same_as for q in found)


# ---------------------------------------------------------------- properties
ALPHABET = string.ascii_letters + " .,:;!?\n\"'“”‘’—-" + "Zelensky said "


def _check(text: str) -> None:
    article = article_of(text)
    quotes = extract_quotes(Corpus((article,)))
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        if quote.unclosed:
            paragraph = next(p for p in article.paragraphs if p.start <= quote.start <= p.end)
            assert quote.end <= paragraph.end


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_arbitrary_text_never_breaks(text: str) -> None:
    if text.strip():
        _check(text)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet='"“”„«» \n', min_size=1, max_size=60))
def test_nothing_but_quotation_marks(text: str) -> None:
    if text.strip():
        _check(text)


def test_uk_style_single_quotes_with_double_ones_nested() -> None:
    quotes = quotes_of(
        "The minister said: ‘We will not retreat, and we don’t intend to.’\n\n"
        "‘It is a “difficult” week,’ Jane Roe, the mayor, told reporters. "
        "Smith’s office declined to comment."
    )
    assert texts(quotes) == [
        "We will not retreat, and we don’t intend to.",
        "It is a “difficult” week",
    ]
    assert quotes[1].speaker == "Jane Roe"


def test_apostrophes_in_a_us_style_article_are_not_quotes() -> None:
    quotes = quotes_of(
        "‘Tis the season, the mayor’s aide joked. "
        '"We don’t close on Sundays," the mayor said. "The town’s budget is fine."'
    )
    assert texts(quotes) == ["We don’t close on Sundays", "The town’s budget is fine."]


# ---------------------------------------------------------------- speakers across articles
PELOSI_NAMED = (
    "Nancy Pelosi spoke at a town hall. “I probably have a generational reaction to it, but "
    "I’m not in the censorship business,” Pelosi said at the event."
)
PELOSI_BY_PRONOUN = (
    "Rashida Tlaib vowed to impeach the president. Asked about the remark, Nancy Pelosi "
    "called it free speech. Rashida Tlaib stood by it.\n\n“I probably have a generational "
    "reaction to it, but I’m not in the censorship business,” she told MSNBC."
)


def test_a_pronouns_speaker_comes_from_the_article_that_names_one() -> None:
    named, borrowed = quotes_of(PELOSI_NAMED, PELOSI_BY_PRONOUN)
    assert named.named and named.speaker_from is None
    assert not borrowed.named
    assert (borrowed.speaker_id, borrowed.speaker_from) == ("Nancy Pelosi", "a0")
    assert borrowed.same_as == (named.id,)


def test_two_articles_naming_two_speakers_lend_neither() -> None:
    other = PELOSI_NAMED.replace("Nancy Pelosi", "Steny Hoyer").replace("Pelosi said", "Hoyer said")
    quotes = quotes_of(PELOSI_NAMED, other, PELOSI_BY_PRONOUN)
    assert [q.speaker_from for q in quotes] == [None, None, None]


def test_a_short_phrase_lends_no_speaker() -> None:
    named = 'Nancy Pelosi spoke. "Not in my house," Pelosi said on Sunday.'
    unnamed = 'Rashida Tlaib spoke. She added that it was "not in my house" to decide.'
    assert all(q.speaker_from is None for q in quotes_of(named, unnamed))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('"We will act on it now," Nancy Pelosi said.', True),
        ('Nancy Pelosi spoke. "We will act on it now," she said.', False),
        ('Nancy Pelosi spoke. "We will act on it now," Pelosi said.', True),
        # Two people share the surname: "Trump" names neither for sure.
        ('Donald Trump and Melania Trump arrived. "We will act on it now," Trump said.', False),
        ('Nancy Pelosi, the speaker, said: "We will act on it now."', True),
    ],
)
def test_named_means_a_name_at_the_cue_that_can_be_no_one_else(text: str, named: bool) -> None:
    assert quotes_of(text)[-1].named is named


def test_an_excerpt_is_linked_to_the_whole_quote_however_long() -> None:
    whole = (
        "How we go forward in our caucus to put forth our values, to differentiate between "
        "us and the administration that will come into Washington in January, is a challenge"
    )
    short = "differentiate between us and the administration coming in January"
    a = Quote("a", "fox", 0, len(short), short, "Pelosi", None, None)
    b = Quote("b", "nyt", 0, len(whole), whole, "Pelosi", None, None)
    assert same_words([a, b]) == [(0, 1)]
    few = "the administration coming in January"  # Too few words to tell.
    assert same_words([replace(a, text=few), b]) == []


def test_one_speaker_written_in_full_and_plainly_is_linked() -> None:
    text = "this class includes at least 544 store managers who are alleged to be discriminators"
    a = Quote("a", "huffpost", 0, 40, text, "Theodore Boutrous", None, None)
    b = Quote("b", "nyt", 0, 40, text, "Theodore J. Boutrous Jr.", None, None)
    a = replace(a, speaker_id="Theodore Boutrous")
    b = replace(b, speaker_id="Theodore J. Boutrous Jr.")
    linked = link_same_quotes([a, b], same_words([a, b]))
    assert [q.same_as for q in linked] == [("b",), ("a",)]
    other = replace(b, speaker_id="Theodore Roosevelt")
    assert [q.same_as for q in link_same_quotes([a, other], [(0, 1)])] == [(), ()]


def test_words_left_out_at_an_ellipsis_do_not_spread_an_excerpt() -> None:
    whole = (
        "I think that is a phony ideal. I don't believe that that's what we're here to do. "
        "That man is here to use the resources and use them wisely, to care for the Earth, "
        "to be a steward of the Earth, but we're not here to serve the Earth. The Earth is "
        "not the objective."
    )
    cut = (
        "I think that is a phony ideal. I don't believe that's what we're here to do ... "
        "We're not here to serve the earth."
    )
    assert ellipsis_cuts(cut) == frozenset({16})
    assert excerpt_of(quote_keys(cut), quote_keys(whole), ellipsis_cuts(cut))
    # Without the ellipsis, the same words spread too far to be one excerpt.
    run_on = cut.replace(" ... ", " ")
    assert not excerpt_of(quote_keys(run_on), quote_keys(whole), ellipsis_cuts(run_on))


def test_two_windows_on_one_remark_are_linked() -> None:
    fox = article_of(
        'Gibbs said the primary "has been a race to the bottom. We have seen nastiness, '
        "divisiveness, ugliness, distortions of opponents' records, of the president's "
        'record," Robert Gibbs said.',
        "fox",
    )
    huffpost = article_of(
        '"I think the GOP race has been, in many cases, a race to the bottom," Robert Gibbs said.',
        "huffpost",
    )
    a, b = extract_quotes(Corpus((fox, huffpost)))
    assert a.same_as == (b.id,) and b.same_as == (a.id,)


def test_two_quotes_sharing_words_by_chance_or_two_people_are_not_linked() -> None:
    # Five words and a lone one at the end: two answers, not one remark.
    assert not linked(
        '"I do not favor civil unions if they are identical to marriage other than by name," '
        "Mitt Romney said.",
        "\"If a civil union is identical to marriage other than with the name, why, I don't "
        'support that," Mitt Romney said.',
    )
    assert not linked(  # Two people's words are never one remark's passages.
        '"It has been a race to the bottom. We have seen it," Robert Gibbs said.',
        '"I think the GOP race has been, in many cases, a race to the bottom," Ben Labolt said.',
    )


def test_each_passage_an_ellipsis_stitches_links_the_remark_it_is_cut_from() -> None:
    stitched = (
        "both believe that conservation and healthy herds are critical...the issuing of "
        "permits is put on hold..."
    )
    whole = (
        "As a result, in a manner compliant with all applicable laws, rules and regulations, "
        "the issuing of permits is being put on hold as the decision is being reviewed"
    )
    # Half its words are no excerpt of the whole: the passage after the ellipsis is.
    assert not excerpt_of(quote_keys(stitched), quote_keys(whole), ellipsis_cuts(stitched))
    fox = article_of(f'"{stitched}" Ryan Zinke tweeted on Friday.', "fox")
    nyt = article_of(f'"{whole}," Ryan Zinke said in a statement.', "nyt")
    a, b = extract_quotes(Corpus((fox, nyt)))
    assert a.same_as == (b.id,)


def test_a_stock_phrase_after_an_ellipsis_moves_no_speaker() -> None:
    fox = article_of(
        'Nancy Pelosi spoke. "Our economy is strong and our workers deserve better wages than '
        'they have now ... the American people deserve to know the truth," she said.',
        "fox",
    )
    nyt = article_of(
        '"I will say this again today: the American people deserve to know the truth about '
        "what happened in Benghazi and about who knew what and when, and we will keep "
        'asking," Trey Gowdy said.',
        "nyt",
    )
    quotes = extract_quotes(Corpus((fox, nyt)))
    assert quotes[0].speaker != "Trey Gowdy" and not quotes[0].same_as


def test_two_remarks_that_end_alike_are_not_linked() -> None:
    assert not linked(
        '"We will bring back our steel jobs, our coal jobs, and we are going to make America '
        'great again," Donald Trump said.',
        '"The wall is being built, the caravans are stopped, and we are going to make America '
        'great again," Donald Trump said.',
    )


def test_ellipsis_cuts_count_the_words_before_each_ellipsis() -> None:
    assert ellipsis_cuts("a ... b c … d") == frozenset({1, 3})
    assert ellipsis_cuts("... a") == frozenset()  # an opening ellipsis cuts nothing out


def test_a_nested_quotation_is_not_a_spaced_closing_mark() -> None:
    (found,) = quotes_of(
        '"When I asked him, "Obama said no to the plan," and that was it," Jones said.'
    )
    assert found.speaker == "Jones"


def test_a_spaced_closing_mark_before_a_spaced_attribution_still_closes() -> None:
    found = quotes_of(
        'Harmon spoke. "We owe it to the fans of this city , "Harmon said . "It is the right '
        'call , "he said Tuesday.'
    )
    assert texts(found) == ["We owe it to the fans of this city", "It is the right call"]
    clean = quotes_of(
        'Harmon spoke. "We owe it to the fans of this city," Harmon said. "It is the right '
        'call," he said Tuesday.'
    )
    assert [q.speaker for q in found] == [q.speaker for q in clean]


def test_a_spaced_closing_mark_before_a_pronoun_and_a_verb_of_saying_still_closes() -> None:
    found = quotes_of(
        'Inspector Gaskin spoke. "It looks like a lack of experience, "he told the Timaru '
        "Herald. Rescuers left."
    )
    assert texts(found) == ["It looks like a lack of experience"]


@pytest.mark.parametrize(
    "attribution",
    [
        "said Michael Hutchins, executive director of The Wildlife Society.",
        "the officer said, adding the skiffs reversed course.",
        "she told a debate on the loan to Greece.",
    ],
)
def test_a_spaced_closing_mark_before_any_attribution_still_closes(attribution: str) -> None:
    found = quotes_of(f'"Politics plays a huge role in such decisions, "{attribution} Rain fell.')
    assert texts(found) == ["Politics plays a huge role in such decisions"]


def test_a_nested_quotation_opening_on_a_bare_verb_is_no_spaced_close() -> None:
    (found,) = quotes_of(
        '"My father always told me, "report the truth, no matter what," and I did," she said.'
    )
    assert found.text.endswith("and I did")
