"""One remark credited by name to two people: an attribution discrepancy."""

from __future__ import annotations

from tui.core.discrepancies.credits import quote_credits
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


def test_an_organisation_and_its_spokesperson_are_no_attribution() -> None:

    remark = "“Judge Moore will do the right thing and step aside from the race,”"
    a = article_from_text("fox", f"{remark} the White House said on Thursday.")
    b = article_from_text("nyt", f"Sarah Sanders spoke. {remark} Sarah Sanders said.")
    corpus = Corpus((a, b))
    assert quote_credits(extract_quotes(corpus), corpus) == []
