"""``kursk-reader match ARTICLE:SENTENCE``: a sentence's possible matches in its story."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.core.align import Match, possible_matches
from tui.core.models import Corpus
from tui.core.stories import find_stories
from tui.errors import InputError


def parse_target(target: str) -> tuple[str, int]:
    """``ARTICLE:SENTENCE`` (the article id as ``sentences`` prints it, the sentence index)."""
    article, sep, number = target.rpartition(":")
    if not sep or not article or not number.isdigit():
        raise InputError(f"{target!r}: give ARTICLE:SENTENCE, e.g. 000_853be78dae701b95:4")
    return article, int(number)


def matches(corpus: Corpus, target: str) -> tuple[str, int, dict[str, list[Match]]]:
    """The matches of the target sentence among the other articles of its story."""
    article_id, sentence = parse_target(target)
    story = next((s for s in find_stories(corpus) if article_id in s.articles), None)
    if story is None:
        raise InputError(f"no article {article_id!r} (see 'kursk-reader sentences')")
    part = Corpus(tuple(corpus.article(a) for a in story.articles))
    try:
        found = possible_matches(part, article_id, sentence)
    except IndexError as error:
        raise InputError(str(error)) from None
    return article_id, sentence, found


def to_json(corpus: Corpus, target: str) -> dict[str, Any]:
    article_id, sentence, found = matches(corpus, target)
    text = corpus.article(article_id).sentences[sentence].text
    return {
        "article": article_id,
        "sentence": sentence,
        "text": text,
        "matches": {
            other: [
                {
                    "sentence": m.sentence,
                    "text": corpus.article(other).sentences[m.sentence].text,
                    "probability": m.probability,
                    "same_fact": m.above_threshold,
                }
                for m in found_here
            ]
            for other, found_here in found.items()
        },
    }


def print_table(corpus: Corpus, target: str, console: Console) -> None:
    article_id, sentence, found = matches(corpus, target)
    # Text, not markup: article words like "[/]" or "[link=...]" are printed as they are.
    text = corpus.article(article_id).sentences[sentence].text
    console.print(Text.assemble((f"{article_id}#{sentence}", "bold"), ": ", text))
    if not found:
        console.print("No other article reports this story.")
        return
    table = Table(expand=True)
    table.add_column("article#sentence", no_wrap=True)
    table.add_column("P(same)", justify="right")
    table.add_column("sentence", ratio=1)
    for other, found_here in found.items():
        for m in found_here:
            mark = "✓ " if m.above_threshold else ""
            table.add_row(
                Text(f"{other}#{m.sentence}"),
                f"{mark}{m.probability:.2f}",
                Text(corpus.article(other).sentences[m.sentence].text),
            )
    console.print(table)
