"""Every text style inside a highlighted sentence reaches WCAG AA (4.5:1), dark and light.

The contrast is computed from the colours the view actually draws with: the theme's
variables resolved through reader.tcss, painted in the view's own order.
"""

from __future__ import annotations

import pytest
from fixture import SEED, fake_steps
from helpers import ready
from rich.color import Color
from rich.style import Style

from tui.app.app import ReaderApp
from tui.core.models import Corpus, DiffSpan

AA = 4.5


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = color.get_truecolor()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: Color, two: Color) -> float:
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours(style: Style, base: Style) -> tuple[Color, Color]:
    fg = style.color or base.color
    bg = style.bgcolor or base.bgcolor
    assert fg is not None and bg is not None
    return (bg, fg) if style.reverse else (fg, bg)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_highlighted_sentence_styles_reach_aa(seeds: Corpus, theme: str) -> None:
    app = ReaderApp(seeds, fake_steps)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.theme = theme
        app.reader.select(2)  # Putin: a major provocation (a quote inside the sentence)
        await pilot.pause()
        pane = app.reader.deck.panes[0]
        view = pane.view
        article = seeds.article(SEED[0])
        sentence = article.sentences[6]
        text = article.text
        # One word of each kind, a search mark, and the quote (with its hot badge).
        words = [w for w in sentence.text.split() if w.isalpha() and len(w) > 3]
        spans = []
        for kind, word in zip(("own", "number", "entity"), words, strict=False):
            at = text.index(word, sentence.start)
            spans.append(DiffSpan(at, at + len(word), kind))  # type: ignore[arg-type]
        quote = app.analysis.article_quotes[article.id][0] if app.analysis else None
        assert quote is not None and sentence.start <= quote.start < sentence.end
        view.set_highlight(((6, tuple(spans)),), None)
        mark = text.index(words[-1], sentence.start)
        view.set_marks(((mark, mark + len(words[-1])),))
        await pilot.pause()
        assert view.wrapped is not None
        first = view.wrapped.row_of_offset(sentence.start)
        last = view.wrapped.row_of_offset(sentence.end - 1)
        base = view.rich_style
        failures = []
        seen = 0
        for row in range(first, last + 1):
            y = row + view.pad - round(view.scroll_y)
            assert 0 <= y < view.size.height
            for segment in view.render_line(y):
                if not segment.text.strip() or segment.style is None:
                    continue
                fg, bg = colours(segment.style, base)
                ratio = contrast(fg, bg)
                seen += 1
                if ratio < AA:
                    failures.append(f"{segment.text!r} {fg.name} on {bg.name}: {ratio:.2f}")
        assert seen >= 5
        assert not failures, "\n".join(failures)
