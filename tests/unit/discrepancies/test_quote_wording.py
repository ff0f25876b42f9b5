"""Quote wording: one quote, several wordings across outlets."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.conftest import SEEDS
from tui.core.discrepancies.quote_passages import quote_wordings
from tui.core.discrepancies.wording import (
    GAP,
    inner_changes,
    outlet_quotes,
    quote_words,
    word_diff,
)
from tui.core.models import Article, Corpus, Quote
from tui.core.quotes.extract import extract_quotes
from tui.core.text.corpus import article_from_text, load_corpus


# ---------------------------------------------------------------- the seeds
@pytest.fixture(scope="module")
def seed_quotes() -> tuple[Quote, ...]:
    return extract_quotes(load_corpus([SEEDS]))


def test_quote_discrepancies(seed_quotes: tuple[Quote, ...]) -> None:
    corpus = load_corpus([SEEDS])
    found = quote_wordings(seed_quotes, corpus)
    assert found
    assert all(d.kind == "quote_wording" and d.group is None for d in found)
    articles = {v.article for v in found[0].values}
    assert len(articles) == 2


# ---------------------------------------------------------------- the wording rule


def changed(a: str, b: str) -> bool:
    return bool(inner_changes(quote_words(a), quote_words(b)))


def test_a_word_changed_inside_is_a_discrepancy() -> None:
    assert changed(
        "I used money that should have been used for my campaign.",
        "I used money I shouldn't have used for personal purposes.",
    )


def test_excerpts_are_not_discrepancies() -> None:
    assert not changed(
        "You know I'm not going to talk about this anymore.",
        "I'm not going to talk about this anymore",
    )
    assert not changed(
        "We're just here for a project.", "we’re just here for a project...we’re just students."
    )
    assert not changed(
        "Tell me who you are ... I have a right to know who you are.", "Tell me who you are,"
    )


def test_case_punctuation_and_house_style_are_not_discrepancies() -> None:
    assert not changed("Who are you!", "who are you?")
    assert not changed(
        "Member of Congress, Marine Corps combat veteran, F.B.I. agent",
        "member of Congress, Marine Corps combat veteran, FBI agent",
    )
    assert not changed(
        "Arkansas—and we owe it to the opportunity", "Arkansas — and we owe it to the opportunity"
    )


def test_british_and_american_spellings_and_ordinals_are_house_style() -> None:
    assert not changed(
        "He realised the colour of the centre's defence was the eleventh-hour issue.",
        "He realized the color of the center's defense was the 11th hour issue.",
    )
    assert changed("He filled the forms.", "He filed the forms.")
    assert quote_words("the Fifth Amendment")[1] == "fifth"  # names keep their words


def test_an_ellipsis_marks_an_omission() -> None:
    assert not changed(
        "we did it ... and we will do it again", "we did it, as promised, and we will do it again"
    )


def test_two_overlapping_quotes_compare_the_words_they_share() -> None:
    # Each quotes its own window on the remark: Fox stops where HuffPost goes on.
    fox = (
        "has been a race to the bottom. We have seen nastiness, divisiveness, ugliness, "
        "distortions of opponents' records, of the president's record."
    )
    huffpost = "I think the GOP race has been, in many cases, a race to the bottom."
    assert inner_changes(quote_words(fox), quote_words(huffpost)) == [([], ["in", "many", "cases"])]
    # A lone shared word at the edge is no anchor: two answers, not one quotation.
    assert not changed(
        "I do not favor civil unions if they are identical to marriage other than by name",
        "If a civil union is identical to marriage other than with the name, I oppose it",
    )


def test_an_ellipsis_without_spaces_is_an_ellipsis() -> None:
    assert quote_words("the west...the issuing") == ["the", "west", GAP, "the", "issuing"]
    assert quote_words("U.S. officials") == ["us", "officials"]


def test_a_relative_word_adapted_at_a_quotes_start_is_no_change() -> None:
    assert not changed(
        "Whoever directly or indirectly promises any employment to any person",
        "who directly or indirectly promises any employment to any person",
    )


def test_words_beyond_an_ellipsis_are_another_passage() -> None:
    stitched = (
        "both believe that healthy herds are critical ... the issuing of permits is put on hold ..."
    )
    whole = (
        "As a result, in a manner compliant with all applicable laws, the issuing of permits "
        "is being put on hold as the decision is being reviewed"
    )
    assert inner_changes(quote_words(stitched), quote_words(whole)) == [([], ["being"])]


def test_word_diff_marks() -> None:
    assert word_diff(["a", "b", "c"], ["a", "x", "c"]) == "a [-b-] {+x+} c"


def test_word_diff_shows_words_left_out_at_an_ellipsis_as_the_ellipsis() -> None:
    # Words the other outlet leaves out where it prints "...": no words dropped.
    assert (
        word_diff(
            quote_words("we did it as promised and we will"), quote_words("we did it ... we will")
        )
        == "we did it … we will"
    )


def test_word_diff_leaves_out_the_excerpted_ends() -> None:
    assert word_diff(["x", "a", "b", "c"], ["a", "z", "c", "y"]) == "a [-b-] {+z+} c"


def test_a_quote_of_another_outlet_is_checked_against_its_report() -> None:
    nyt = article_from_text(
        "nyt",
        "The charges were expected to include mail fraud and wire fraud, and to focus largely "
        "on his conduct at a restaurant he owned.",
        meta={"source": "nyt"},
    )
    huff = article_from_text(
        "huffpost",
        'The New York Times reported the charges "will include mail fraud and wire fraud and '
        'focus on his conduct at a restaurant he owned," a source said.',
        meta={"source": "huffpost"},
    )
    corpus = Corpus((nyt, huff))
    words = (
        "will include mail fraud and wire fraud and focus on his conduct at a restaurant he owned"
    )
    start = huff.text.index(words)
    quote = Quote("q", "huffpost", start, start + len(words), words, "New York Times", None, None)
    (found,) = outlet_quotes([quote], corpus)
    assert {v.article for v in found.values} == {"nyt", "huffpost"}
    for v in found.values:
        assert corpus.article(v.article).text[v.start : v.end] == v.text
    quote = Quote("q", "huffpost", start, start + len(words), words, "Fox News", None, None)
    assert not outlet_quotes([quote], corpus)


@given(st.text(alphabet=st.sampled_from("ab’'. …FBI,n't"), max_size=40))
@example("B.Bn't")  # A contraction's stem with acronym dots (found by hypothesis in CI).
def test_folding_a_quote_twice_changes_nothing(text: str) -> None:
    once = quote_words(text)
    assert quote_words(" ".join(w for w in once if w != "\u2026")) == [
        w for w in once if w != "\u2026"
    ]


def test_a_quote_that_starts_or_stops_on_other_words_is_changed_there() -> None:
    assert changed("Why would he not do that?", "Why would he not do it?")
    assert changed(
        "I get used to it and watch with a grain of salt, or don't watch at all.",
        "just with a grain of salt.",
    )
    assert word_diff(
        quote_words("why would he not do that"), quote_words("why would he not do it")
    ) == ("why would he not do [-that-] {+it+}")


def test_excerpted_edges_are_not_changes() -> None:
    # Different lead-ins longer than the edge rule allows: two excerpts, not a change.
    assert not changed(
        "and so on and so forth we will rebuild this city",
        "after the fire came we will rebuild this city",
    )
    # A shared run too short beside the edge to say the two quotes meet there.
    assert inner_changes(list("xypqrst"), list("zywqrst")) == [(["p"], ["w"])]


def test_style_book_spellings_are_not_changes() -> None:
    assert not changed("Sen. Reid respects that", "Senator Reid respects that")
    assert not changed(
        "some good & some bad and that is it", "some good and some bad and that is it"
    )
    assert not changed("I don't think that's okay at all", "I don't think that's OK at all")


def test_one_article_quotation_cut_by_its_attribution_is_one_wording() -> None:
    fox = article_from_text(
        "fox",
        'She wrote "I quickly judged the two young ladies. I can see more clearly just how '
        'hurtful my words were." on Sunday.',
    )
    huff = article_from_text(
        "huffpost",
        '"I reacted and quickly judged the two young ladies," she said. "I can see more '
        'clearly how hurtful my words were."',
    )
    corpus = Corpus((fox, huff))
    quotes = extract_quotes(corpus)
    found = quote_wordings(quotes, corpus)
    assert len(found) == 1
    values = {v.article: v for v in found[0].values}
    assert set(values) == {"fox", "huffpost"}
    one = values["huffpost"]
    assert "she said" in one.text and one.text.endswith("hurtful my words were.")
    assert huff.text[one.start : one.end] == one.text


def test_word_diff_shows_a_cut_as_a_gap_not_an_addition() -> None:
    a = quote_words("my name is the party and I got a problem. I am addicted to spending")
    b = [*quote_words("my name is the party and I have a problem"), "\u2026"]
    b += quote_words("I am addicted to spending")
    assert word_diff(a, b) == (
        "my name is the party and i [-got-] {+have+} a problem \u2026 i am addicted to spending"
    )


def test_a_pronouns_s_is_is() -> None:
    assert not changed("he is determined to prevent it", "he's determined to prevent it")
    assert changed("it is his plan to prevent it", "it is her plan to prevent it")


def test_a_lone_shared_word_beyond_other_words_is_no_anchor() -> None:
    fox = "I will fight for you with every breath, and I will never let you down. … We will bring back our jobs and our borders."
    nyt = "America will start winning again, like never before. We will bring back our jobs and our borders."
    assert not changed(fox, nyt)
    assert changed("I got a spot at the bar", "I got a spot at a bar")  # one word: an anchor


def test_a_lone_shared_word_where_both_quotes_start_is_an_anchor() -> None:
    assert changed(
        "I quickly judged the two young ladies in a way",
        "I reacted to an article and quickly judged the two young ladies in a way",
    )


@pytest.mark.parametrize(
    ("censored", "spelled"),
    [
        (
            "I'm not going to pay for that f***ing wall!",
            "I'm not going to pay for that fucking wall!",
        ),
        ("you son of a b----, socialist", "you son-of-a-bitch, socialist"),
    ],
)
def test_a_censored_word_is_house_style(censored: str, spelled: str) -> None:
    assert not changed(censored, spelled)
    assert changed("his world view -- the way he works", "his worldview -- the way she works")


def test_an_excerpt_of_a_long_answer_is_the_same_quotation() -> None:
    fox = article_from_text(
        "fox",
        'Pelosi said her task was to "differentiate between us and the administration '
        'coming in January."',
    )
    huff = article_from_text(
        "huffpost",
        '"How we go forward in our caucus to put forth our values, to differentiate between us '
        "and the administration that will come into Washington in January, to take that message "
        'to the public, is something that is a historic challenge," Pelosi said.',
    )
    corpus = Corpus((fox, huff))
    (found,) = quote_wordings(extract_quotes(corpus), corpus)
    assert "[-coming-] {+that will come into washington+}" in found.summary
    assert {v.article for v in found.values} == {"fox", "huffpost"}


def test_each_passage_of_a_remark_quoted_in_two_places_is_its_own_discrepancy() -> None:
    fox = article_from_text(
        "fox",
        '"Hillary Clinton lied many times to the FBI, nothing happened to her. Flynn lied and '
        'they destroyed his life," Trump said. He spoke to reporters on the White House lawn '
        'before leaving for Utah on Monday. "Nothing happened to her. Flynn '
        "lied and it's like they ruined his life. Very unfair,\" Trump said.",
    )
    huff = article_from_text(
        "huffpost",
        '"Hillary Clinton lied many times to the FBI, and nothing happened to her. Flynn lied, '
        'and it destroyed his life," Trump said. He repeated the charge later in the day to '
        'a crowd of supporters in Salt Lake City. "Nothing happened to her. '
        "Flynn lied, and it's like, it ruined his life. It's very unfair.\"",
    )
    nyt = article_from_text(
        "nyt",
        '"Hillary Clinton lied many times to the F.B.I. Nothing happened to her. Flynn lied '
        'and they destroyed his life," Mr. Trump said.',
    )
    corpus = Corpus((fox, huff, nyt))
    found = quote_wordings(extract_quotes(corpus), corpus)
    destroyed, ruined = found
    assert "destroyed" in destroyed.values[0].text and "ruined" in ruined.values[0].text
    # The NYT quotes the first passage as Fox does: listed there, not under "ruined".
    assert [v.article for v in destroyed.values] == ["fox", "huffpost", "nyt"]
    assert [v.article for v in ruined.values] == ["fox", "huffpost"]
    assert "[-they-] {+it+} ruined" in ruined.summary


def wordings_of(**texts: str) -> list[str]:
    """The quote-wording summaries of a corpus of one article per outlet."""
    corpus = Corpus(tuple(article_from_text(outlet, text) for outlet, text in texts.items()))
    return [d.summary for d in quote_wordings(extract_quotes(corpus), corpus)]


def test_two_renderings_that_differ_throughout_are_not_one_quotation_altered() -> None:
    assert not wordings_of(
        fox='Lofgren said the bill "grabs power away from the elites and the power brokers '
        'and gives it to the people," Lofgren said.',
        huffpost='The bill "takes power from the elites, special interests and the 1 percent '
        'and gives it to the American people," Lofgren said.',
    )


def test_one_answer_transcribed_two_ways_is_one_quotation_altered() -> None:
    # Five places differ, but six words agree in a row and most words are shared.
    assert wordings_of(
        fox='"He says he is a Christian. But I am talking about his world view or his -- the '
        "way he approaches problems in this country. And I think they're different than how "
        'most people do in America," Rick Santorum said.',
        huffpost="\"I've repeatedly said that I believe the president's Christian -- he says "
        "he's Christian. But I am talking about his worldview, the way he addresses problems "
        "in this country, and they're different than most people view it,\" Rick Santorum said.",
    )
    # Two lines of one speech that share a stock phrase, and few of their other words.
    assert not wordings_of(
        fox='"This is a fight for the people of the United States, and for our jobs, our '
        'schools and our future," Barack Obama said.',
        nyt='"This is about respect for the people of the United States, about our values, our '
        'children and our safety," Barack Obama said.',
    )


def test_two_lines_that_share_a_phrase_are_not_one_quotation_altered() -> None:
    # More words differ than agree, and no five agree in a row: two lines of one speech.
    assert not wordings_of(
        fox='"We\'re talking about an invasion of our country," Donald Trump said.',
        nyt='"We have an invasion of drugs and criminals coming into our country," Donald '
        "Trump said.",
    )
    # Fewer words differ than agree: one sentence translated two ways stays one.
    assert wordings_of(
        fox='"We will never surrender and we will win," Volodymyr Zelenskyy said.',
        nyt='"We shall never give up and we shall win," Volodymyr Zelenskyy said.',
    )
    # Two translations of one statement, which agree in long stretches, stay one.
    assert wordings_of(
        fox='"Ukraine is proving that it is really able to bring justice and guarantees '
        'exactly the kind of pressure that is needed - pressure on the aggressor," '
        "Volodymyr Zelenskyy said.",
        nyt='"Ukraine is proving that it can indeed restore justice and ensure the necessary '
        'pressure on the aggressor," Volodymyr Zelenskyy said.',
    )


def test_words_an_outlet_inserts_in_brackets_or_parentheses_are_not_changes() -> None:
    assert not changed(
        "Then in the next breath, you say, well, now these (local) supervisors have too "
        "much discretion.",
        "Then in the next breath, you say, well, now these supervisors have too much discretion.",
    )
    assert not changed(
        "[Clinton] was the chief architect of a foreign policy that was a disaster",
        "She was the chief architect of a foreign policy that was a disaster",
    )
    assert changed(  # Words outside the insertion still count.
        "now these (local) supervisors have too much discretion",
        "now these supervisors have far too much discretion",
    )


def test_an_insertion_inside_two_renderings_counts_as_a_place_they_differ() -> None:
    assert not wordings_of(
        fox='"I need to ask what she did (with the server) and when she did it and '
        'importantly why she did it," Gowdy said on Fox News.',
        nyt='Gowdy wrote of "our need to better understand what the secretary did, when she '
        'did it and why she did it," in a letter.',
    )


def test_a_quote_run_into_the_reporters_sentence_takes_its_person() -> None:
    # Said he "looks forward to ...": the reporter's third person, not a changed word.
    assert not changed(
        "looks forward to being fully and completely vindicated.",
        "I look forward to being fully and completely vindicated.",
    )
    assert not changed("has no plans to resign.", "I have no plans to resign.")
    # Inside a quotation, a word's other form is still a change.
    assert changed(
        "I was talking about the radical environmentalist agenda.",
        "I was talking about the radical environmentalists agenda.",
    )


def test_s_before_been_is_has_not_a_possessive() -> None:
    assert quote_words("My daughter's been shot") == quote_words("my daughter has been shot")
    assert quote_words("he's got it") == ["he", "has", "got", "it"]
    assert quote_words("what he's got.") == ["what", "he", "has", "got"]
    assert quote_words("the daughter's car") == ["the", "daughter's", "car"]


def test_a_person_s_words_and_a_document_s_are_two_texts() -> None:
    letter = (
        "Faculty members wrote to Mr. Ryan. “Your budget appears to reflect the values of "
        "your favorite philosopher, Ayn Rand, rather than the Gospel of Jesus Christ,” says "
        "the letter."
    )
    assert not wordings_of(
        huffpost="Father Reese spoke. “I am afraid that Chairman Ryan’s budget reflects the "
        "values of his favorite philosopher Ayn Rand rather than the gospel of Jesus Christ,” "
        "said Father Reese.",
        nyt=letter,
    )


@pytest.mark.parametrize(
    ("said", "compared"),
    [("said Father Reese.", False), ("said Father Reese, reading from the letter.", True)],
)
def test_a_person_reading_from_the_document_quotes_it(said: str, compared: bool) -> None:
    words = "Your budget reflects the values of your favorite philosopher, Ayn Rand"
    person = article_from_text("huffpost", f"“{words} and no one else,” {said}")
    document = article_from_text("nyt", f"“{words} and nobody else,” says the letter.")
    corpus = Corpus((person, document))

    def quote(article: Article, qid: str, other: str, speaker: str | None) -> Quote:
        start = article.text.index(words)
        end = article.text.index("else") + len("else")
        mention = speaker or "the letter"
        return Quote(
            qid, article.id, start, end, article.text[start:end], speaker, mention, "said",
            same_as=(other,),
        )  # fmt: skip

    quotes = (
        quote(person, "q0", "q1", "Father Reese"),
        quote(document, "q1", "q0", None),
    )
    assert bool(quote_wordings(quotes, corpus)) is compared
