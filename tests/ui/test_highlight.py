"""Inside a highlighted sentence: own words, numbers, name variants, quotes and badges.

Uses the hand-made analysis of tests/ui/fixture.py, whose diff spans are known.
"""

from __future__ import annotations

from fixture import SEED, fake_steps
from helpers import ready
from rich.style import Style

from tui.app.app import ReaderApp
from tui.app.widgets.article_view import ArticleView
from tui.core.models import Corpus


def style_at(view: ArticleView, offset: int) -> Style:
    """The style the view draws a text offset with (badges shift the line's cells)."""
    assert view.wrapped is not None
    line = view.wrapped.lines[view.wrapped.row_of_offset(offset)]
    text = view._line_text(line)
    shift = sum(len(b.label) + 3 for b in line.badges if b.offset <= offset)
    return text.get_style_at_offset(view.app.console, offset - line.start + shift)


async def test_diff_spans_are_drawn(seeds: Corpus) -> None:
    app = ReaderApp(seeds, fake_steps)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.reader.select(1)  # civilians evacuated: 76,000 vs 80,000
        await pilot.pause()
        view = app.reader.deck.panes[0].view
        text = seeds.article(SEED[0]).text
        sentence = seeds.article(SEED[0]).sentences[5]
        number = style_at(view, text.index("76,000", sentence.start))
        own = style_at(view, text.index("battles", sentence.start))
        shared = style_at(view, text.index("Kursk", sentence.start))
        outside = style_at(view, text.index("These precautions"))
        assert number.bgcolor is not None and number.bgcolor != shared.bgcolor
        assert own.bold and not shared.bold
        assert shared.bgcolor == own.bgcolor != outside.bgcolor  # the sentence is highlighted
        app.reader.select(0)  # Zelensky confirms the offensive: a name variant
        await pilot.pause()
        pane = next(p for p in app.reader.deck.panes if p.member_sentence() is not None)
        article = seeds.article(pane.article.id)
        start = article.sentences[pane.member_sentence() or 0].start
        assert style_at(pane.view, article.text.index("Zelensky", start)).underline


async def test_quotes_have_a_speaker_badge(seeds: Corpus) -> None:
    app = ReaderApp(seeds, fake_steps)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        view = app.reader.deck.panes[0].view
        assert view.wrapped is not None
        badged = [line for line in view.wrapped.lines if line.badges]
        assert [b.label for line in badged for b in line.badges] == ["Putin"]
        rendered = view._line_text(badged[0]).plain
        assert " Putin  “a major provocation" in rendered
        quote_start = seeds.article(SEED[0]).text.index("a major provocation")
        assert style_at(view, quote_start).italic
