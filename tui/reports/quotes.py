"""``kursk-reader quotes``: direct quotes and tweets, who said them, and their echoes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.core.analysis import Analysis, quotes_by_story
from tui.core.models import Corpus, Quote

if TYPE_CHECKING:
    from tui.core.cache import FactCache


def quote_json(quote: Quote) -> dict[str, Any]:
    """One quote as the JSON contract has it (``reason`` only when the speaker is null).

    ``speaker`` is the name as the quote's article writes it (the canonical name when the
    speaker was taken from another article), ``speaker_id`` the canonical name shared by
    every article quoting that person. ``named``: the quote's own sentence
    names the speaker at the cue. ``speaker_from`` (only when set): the article that named
    the speaker of these words, where this one said only "she" or nothing.
    """
    data: dict[str, Any] = {
        "id": quote.id,
        "article": quote.article,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_id": quote.speaker_id,
        "speaker_mention": quote.speaker_mention,
        "cue": quote.cue,
        "kind": quote.kind,
        "unclosed": quote.unclosed,
        "same_as": list(quote.same_as),
        "named": quote.named,
    }
    if quote.speaker_from is not None:
        data["speaker_from"] = quote.speaker_from
    if quote.speaker is None:
        data["reason"] = quote.reason or "no speaker found"
    return data


def _quotes(
    corpus: Corpus, analysis: Analysis | None, cache: FactCache | None
) -> tuple[Quote, ...]:
    """The analysis's quotes (an index's), else each story's (from the cache when it holds
    the story): quotes need no facts."""
    return analysis.quotes if analysis is not None else quotes_by_story(corpus, cache)


def to_json(
    corpus: Corpus, analysis: Analysis | None = None, cache: FactCache | None = None
) -> dict[str, Any]:
    return {"quotes": [quote_json(q) for q in _quotes(corpus, analysis, cache)]}


def print_table(
    corpus: Corpus,
    console: Console,
    analysis: Analysis | None = None,
    cache: FactCache | None = None,
) -> None:
    """Quotes grouped by speaker: the most quoted first, unknown speakers last."""
    from tui.core.quotes import by_speaker  # noqa: PLC0415 (start-up: the quote extractor)

    quotes = _quotes(corpus, analysis, cache)
    if not quotes:
        console.print("No quotes found.")
        return
    for speaker, spoken in by_speaker(quotes):
        table = Table(
            title=f"{speaker} — {len(spoken)} quote(s)", title_justify="left", expand=True
        )
        table.add_column("id", style="dim", no_wrap=True)
        table.add_column("quote", ratio=3)
        table.add_column("said via", ratio=1)
        for quote in spoken:
            words = Text(f"“{' '.join(quote.text.split())}”")
            if quote.unclosed:
                words.append(" [unclosed]", style="yellow")
            if quote.same_as:
                words.append(f"  = {', '.join(quote.same_as)}", style="magenta")
            source = Text(quote.speaker_mention or "", style="cyan")
            if quote.speaker and quote.speaker != speaker:
                source.append(f" [{quote.speaker}]", style="cyan")
            if quote.cue:
                source.append(f" ({quote.cue})")
            if quote.speaker_from is not None:
                source.append(f"\nnamed by {quote.speaker_from}", style="italic")
            if quote.speaker is None:
                source = Text(quote.reason or "", style="italic")
            source.append(f"\n{quote.article}", style="dim")
            table.add_row(quote.id, words, source)
        console.print(table)
