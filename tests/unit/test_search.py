"""Search finds a name in every spelling the articles use."""

from __future__ import annotations

from tui.core.models import Corpus, Discrepancy, DiscrepancyValue
from tui.core.search import search, spelling_groups, spellings
from tui.core.text.corpus import article_from_text


def _variant(*texts: str) -> Discrepancy:
    values = tuple(DiscrepancyValue(f"a{i}", 0, t, texts[0]) for i, t in enumerate(texts))
    return Discrepancy(0, "entity_variant", None, " / ".join(texts), values)


def test_a_spelling_the_user_types_finds_the_others() -> None:
    groups = spelling_groups([_variant("Sirski", "Syrskyii", "Syrskyj")])
    assert spellings("Syrskyi", groups) == ["Syrskyi", "Sirski", "Syrskyii", "Syrskyj"]
    assert spellings("Kursk", groups) == ["Kursk"]
    assert spellings("general Syrskyi", groups) == ["general Syrskyi"]


def test_search_returns_sentences_with_any_spelling() -> None:
    corpus = Corpus(
        (
            article_from_text("a", "General Sirski said so.\n"),
            article_from_text("b", "Oleksandr Syrskyj agreed.\n"),
            article_from_text("c", "Nobody else spoke.\n"),
        )
    )
    groups = spelling_groups([_variant("Sirski", "Syrskyii", "Syrskyj")])
    hits = search(corpus, "syrskyi", 10, groups)
    assert [(h.article.id, h.sentence.text[h.found : h.found + h.length]) for h in hits] == [
        ("a", "Sirski"),
        ("b", "Syrskyj"),
    ]
    assert search(corpus, "syrskyi", 10) == []
