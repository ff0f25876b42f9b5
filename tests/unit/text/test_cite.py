"""A source is cited by outlet, title, date and URL, whatever is known."""

from __future__ import annotations

from dataclasses import replace

from tui.core.text.cite import citation, cited
from tui.core.text.corpus import article_from_text


def test_everything_known_is_cited() -> None:
    article = replace(
        article_from_text("a", "Troops crossed the border.\n"),
        source="Reuters",
        title="Ukraine pushes into Kursk",
        date="2024-08-07",
        url="https://example.org/kursk",
    )
    assert citation(article) == (
        "Reuters, “Ukraine pushes into Kursk”, 2024-08-07, https://example.org/kursk"
    )
    assert cited("Troops  crossed\nthe border.", article, "Syrskyi").startswith(
        "“Troops crossed the border.” (Syrskyi) — Reuters"
    )


def test_a_file_without_metadata_is_cited_by_its_file_name() -> None:
    article = replace(article_from_text("x", "Text.\n"), path="/tmp/news/kursk.txt", date=None)
    assert citation(article).startswith("kursk.txt, “")
