"""One remark credited by name to two people: an attribution discrepancy."""

from __future__ import annotations

from tui.core.discrepancies.credits import label_credits, quote_credits
from tui.core.models import Corpus
from tui.core.quotes.extract import extract_quotes
from tui.core.text.corpus import article_from_text


def test_one_remark_credited_to_two_people_is_an_attribution() -> None:

    remark = (
        "“I probably have a generational reaction to it, but I am not in the censorship business,”"
    )
    a = article_from_text("fox", f"Nancy Pelosi spoke. {remark} Pelosi said at a town hall.")
    b = article_from_text("nyt", f"Steny Hoyer spoke. {remark} Hoyer said at a town hall.")
    corpus = Corpus((a, b))
    (found,) = quote_credits(extract_quotes(corpus), corpus)
    assert found.kind == "attribution"
    assert {v.value for v in found.values} == {"Nancy Pelosi", "Steny Hoyer"}
    for v in found.values:
        assert corpus.article(v.article).text[v.start : v.end] == v.text


def test_a_remark_two_people_made_together_is_no_attribution() -> None:
    remark = "“We are thrilled to have her host the awards again this winter,”"
    a = article_from_text("fox", f"The producers spoke. {remark} said Craig Zadan and Neil Meron.")
    b = article_from_text("nyt", f"The producers spoke. {remark} said Neil Meron and Craig Zadan.")
    corpus = Corpus((a, b))
    quotes = extract_quotes(corpus)
    assert {q.speaker_id for q in quotes} == {"Craig Zadan", "Neil Meron"}  # one each
    assert quote_credits(quotes, corpus) == []


_PLEDGE = "“We will not raise taxes on working families this year or next year,”"


def credited(first: str, second: str) -> int:
    """Attribution conflicts between two one-paragraph articles."""
    corpus = Corpus((article_from_text("a", first), article_from_text("b", second)))
    return len(quote_credits(extract_quotes(corpus), corpus))


def test_a_person_mentioned_nearby_or_spelled_two_ways_is_no_joint_statement() -> None:
    assert (
        credited(
            f"Andrew Cuomo spoke. {_PLEDGE} said Andrew Cuomo. Mayor Bill Thompson had "
            "attacked him.",
            f"Bill Thompson spoke. {_PLEDGE} said Bill Thompson.",
        )
        == 1
    )
    assert not credited(
        f"Carolos Papoulias spoke. {_PLEDGE} said Carolos Papoulias.",
        f"Karolos Papoulias spoke. {_PLEDGE} said Karolos Papoulias.",
    )


def test_a_joint_credit_past_titles_and_appositions_is_no_attribution() -> None:
    assert not credited(
        f"The senators spoke. {_PLEDGE} said Sen. John McCain, R-Ariz., and Sen. Lindsey Graham.",
        f"Lindsey Graham spoke. {_PLEDGE} said Sen. Lindsey Graham.",
    )


def test_an_organisation_and_its_spokesperson_are_no_attribution() -> None:

    remark = "“Judge Moore will do the right thing and step aside from the race,”"
    a = article_from_text("fox", f"{remark} the White House said on Thursday.")
    b = article_from_text("nyt", f"Sarah Sanders spoke. {remark} Sarah Sanders said.")
    corpus = Corpus((a, b))
    assert quote_credits(extract_quotes(corpus), corpus) == []


def test_a_label_a_nameless_group_gave_and_a_named_person_said_is_an_attribution() -> None:
    a = article_from_text(
        "huffpost",
        "“We have 32 districts where there is no big Senate race and we call these orphan "
        "districts,” John Boehner said.",
    )
    b = article_from_text(
        "nyt", "Mr. Boehner pointed to what aides called “orphan districts” in blue states."
    )
    corpus = Corpus((a, b))
    (found,) = label_credits(extract_quotes(corpus), corpus, [["huffpost", "nyt"]])
    assert found.kind == "attribution"
    assert [v.value for v in found.values] == ["aides", "John Boehner"]
    assert found.values[0].text == "orphan districts"
    # Another story's words are not this label's.
    assert label_credits(extract_quotes(corpus), corpus, [["huffpost"], ["nyt"]]) == []


def test_a_label_its_namer_also_says_or_a_one_word_label_is_no_attribution() -> None:
    a = article_from_text("fox", "“It is a hoax and a scandal,” John Smith said on Monday.")
    b = article_from_text("nyt", "He attacked what critics called a “hoax” on Monday.")
    corpus = Corpus((a, b))
    assert label_credits(extract_quotes(corpus), corpus, [["fox", "nyt"]]) == []


def test_a_label_its_speakers_own_office_or_title_gave_is_no_attribution() -> None:
    said = article_from_text(
        "huffpost",
        "“We have 32 districts where there is no big Senate race and we call these orphan "
        "districts,” John Boehner said.",
    )
    for namer in ("his office", "the Republican leader", "his family"):
        other = article_from_text(
            "nyt", f"Mr. Boehner pointed to what {namer} called “orphan districts” there."
        )
        corpus = Corpus((said, other))
        assert label_credits(extract_quotes(corpus), corpus, [["huffpost", "nyt"]]) == []
