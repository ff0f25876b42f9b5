"""Short quotations of one fact worded differently."""

from __future__ import annotations

from tui.core.discrepancies.fact_quotes import fact_quote_wordings
from tui.core.models import Corpus, Group, Member
from tui.core.quotes.extract import extract_quotes
from tui.core.text.corpus import article_from_text


def test_a_quote_one_article_gives_unchanged_is_not_held_against_its_neighbour() -> None:
    fox = article_from_text(
        "fox",
        "“I want a leadership team that can bring the Republican conference together,” "
        "Raul Labrador said in his statement, “A leadership team that can help unite and "
        "grow our party. Americans don’t believe their leaders in Washington are listening "
        "and now is the time to change that.”",
    )
    huffpost = article_from_text(
        "huffpost",
        'Raul Labrador said he wants "a leadership team that can bring the Republican '
        'conference together."',
    )
    corpus = Corpus((fox, huffpost))
    fact = Group(0, "", 1.0, (Member("fox", 0), Member("huffpost", 0)))
    assert fact_quote_wordings([fact], extract_quotes(corpus), corpus) == []


def test_short_quotes_of_one_fact_worded_differently() -> None:
    fox = article_from_text(
        "fox", 'He went on to call censorship "a dangerous thing" in a tweet, Trump said.'
    )
    nyt = article_from_text(
        "nyt", 'Trump wrote on Twitter that "censorship is a very dangerous thing."'
    )
    corpus = Corpus((fox, nyt))
    fact = Group(0, "", 1.0, (Member("fox", 0), Member("nyt", 0)))
    (found,) = fact_quote_wordings([fact], extract_quotes(corpus), corpus)
    assert found.group == 0 and "{+very+}" in found.summary


def test_quoted_words_that_are_no_speech_are_compared_too_but_not_titles() -> None:
    fox = article_from_text(
        "fox",
        'The group drafted a resolution condemning the civil rights group as a "partisan '
        'attack dog organization." It cited "The Godather: Part II" as its model.',
    )
    nyt = article_from_text(
        "nyt",
        "The coalition issued a resolution accusing the civil rights body of acting as a "
        "“partisan political attack dog.” It cited “The Godfather: Part II” as its model.",
    )
    corpus = Corpus((fox, nyt))
    facts = [
        Group(0, "", 1.0, (Member("fox", 0), Member("nyt", 0))),
        Group(1, "", 1.0, (Member("fox", 1), Member("nyt", 1))),
    ]
    (found,) = fact_quote_wordings(facts, extract_quotes(corpus), corpus)
    assert "{+political+}" in found.summary


def test_crafted_quotes_take_no_exponential_or_quadratic_time() -> None:
    # A run of capitals for the title test, a long run of letters for the censored-word
    # pattern: both used to backtrack without end (this test would not finish).
    fox = article_from_text("fox", f'It was "{"N" * 60}!" and "{"a" * 200_000} b"')
    nyt = article_from_text("nyt", f'It was "{"N" * 60}?" and "{"a" * 200_000} c"')
    corpus = Corpus((fox, nyt))
    fact = Group(0, "", 1.0, (Member("fox", 0), Member("nyt", 0)))
    assert fact_quote_wordings([fact], extract_quotes(corpus), corpus) == []
