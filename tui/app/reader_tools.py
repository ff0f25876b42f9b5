"""The reader's tools beyond moving between facts: compare, only here, possible matches
and links, copying with a citation, choosing and naming sources.

Plain functions of the reader screen (like :mod:`tui.app.bookmarking`), so that the
screen keeps to its state and its moves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.app.messages import SourceRenamed

if TYPE_CHECKING:
    from tui.app.reader import ReaderScreen


def rename_source(reader: ReaderScreen) -> None:
    from tui.app.screens.rename import RenameDialog  # noqa: PLC0415 (start-up)

    deck = reader.deck
    pane = deck.panes[min(deck.active, len(deck.panes) - 1)]
    article = pane.article

    def rename(name: str | None) -> None:
        if name is not None:  # The app keeps the settings, and the name with them.
            reader.post_message(SourceRenamed(article.id, name))

    reader.app.push_screen(RenameDialog(article), rename)


def pick_article(reader: ReaderScreen) -> None:
    from tui.app.screens.picker import ArticlePicker  # noqa: PLC0415 (start-up)

    def show(position: int | None) -> None:
        if position is None:
            return
        deck = reader.deck
        index = min(deck.active, len(deck.panes) - 1)
        deck.show_in(index, position)
        deck.panes[index].pin(True)  # Chosen by name: it stays while facts change.
        reader._update_shown()
        deck.level()

    reader.app.push_screen(ArticlePicker(reader.corpus, reader.deck.positions), show)


def only_here(reader: ReaderScreen) -> None:
    if not reader._ready():
        return
    from tui.app.screens.only_here import OnlyHereScreen  # noqa: PLC0415 (start-up)

    assert reader.analysis is not None
    gists = [reader.facts.gist(p) for p in range(len(reader.analysis.groups))]
    reader.app.push_screen(OnlyHereScreen(reader.analysis, gists, reader._scope()), reader.goto)


def focused_sentence(reader: ReaderScreen) -> tuple[str, int] | None:
    """The focused pane's sentence of the current fact."""
    panes = reader.deck.panes
    pane = panes[min(reader.deck.active, len(panes) - 1)]
    sentence = pane.member_sentence()
    return None if sentence is None else (pane.article.id, sentence)


def matches(reader: ReaderScreen) -> None:
    if not reader._ready():
        return
    focused = focused_sentence(reader)
    if focused is None:
        reader.notify("The focused pane does not report this fact (tab to another).")
        return
    from tui.app import bookmarking  # noqa: PLC0415 (start-up: SQLite, rapidfuzz)
    from tui.app.screens.matches import MatchesScreen  # noqa: PLC0415 (start-up)

    assert reader.analysis is not None

    def accept(chosen: tuple[str, int] | None) -> None:
        if chosen is not None:
            bookmarking.link(reader, "link", *chosen)

    screen = MatchesScreen(reader.analysis, focused[0], focused[1], reader.current)
    reader.app.push_screen(screen, accept)


def unlink(reader: ReaderScreen) -> None:
    from tui.app import bookmarking  # noqa: PLC0415 (start-up: SQLite, rapidfuzz)

    focused = focused_sentence(reader)
    if focused is None:
        reader.notify("The focused pane does not report this fact.")
        return
    bookmarking.link(reader, "unlink", *focused)


def copy(reader: ReaderScreen) -> None:
    """The current quote, else the focused pane's sentence of the fact, with its source."""
    from tui.core.text.cite import cited  # noqa: PLC0415 (start-up)

    quote, group = reader.current_quote, reader.current_group
    if quote is not None:
        text = cited(quote.text, reader.corpus.article(quote.article), quote.speaker)
    elif group is not None:
        panes = reader.deck.panes
        active = panes[reader.deck.active] if 0 <= reader.deck.active < len(panes) else None
        mine = [m for m in group.members if active and m.article == active.article.id]
        member = (mine or list(group.members))[0]
        article = reader.corpus.article(member.article)
        text = cited(article.sentences[member.sentence].text, article)
    else:
        reader.notify("Select a fact first.")
        return
    reader.app.copy_to_clipboard(text)
    reader.notify(f"Copied: {text}", timeout=3, markup=False)


def compare(reader: ReaderScreen) -> None:
    if not reader._ready():
        return
    from tui.app.screens.compare import (  # noqa: PLC0415 (start-up)
        CompareScreen,
        fact_tellings,
        quote_tellings,
    )

    assert reader.analysis is not None
    quote = reader.current_quote
    if quote is not None and quote.same_as:
        tellings = quote_tellings(reader.analysis, quote)
        title = f"Compare · {quote.speaker or 'unattributed'}'s words in {len(tellings)} articles"
    elif reader.current_group is not None:
        tellings = fact_tellings(reader.analysis, reader.current)
        title = f"Compare · fact {reader.current + 1} in {len(tellings)} sentences"
    else:
        reader.notify("Select a fact first.")
        return
    reader.app.push_screen(CompareScreen(reader.analysis, tellings, title), reader.goto)
