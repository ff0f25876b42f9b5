"""``kursk-reader sentences``: each article's segmentation."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.core.models import Article, Corpus


def article_json(article: Article) -> dict[str, Any]:
    """The article fields every report shares."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "sentences": [
            {
                "index": s.index,
                "paragraph": s.paragraph,
                "kind": s.kind,
                "text": s.text,
                "start": s.start,
                "end": s.end,
            }
            for s in article.sentences
        ],
    }


def to_json(corpus: Corpus) -> dict[str, Any]:
    return {"articles": [article_json(a) for a in corpus.articles]}


def print_table(corpus: Corpus, console: Console) -> None:
    for article in corpus.articles:
        # Text, not str: article words like "[/]" or "[link=...]" are not rich markup.
        title = Text(f"{article.id}: {article.title}")
        table = Table(title=title, title_justify="left", expand=True)
        table.add_column("#", justify="right", style="dim", no_wrap=True)
        table.add_column("¶", justify="right", style="dim", no_wrap=True)
        table.add_column("sentence", ratio=1)
        for s in article.sentences:
            style = "bold" if s.kind == "heading" else ("cyan" if s.kind == "tweet" else "")
            table.add_row(str(s.index), str(s.paragraph), Text(s.text), style=style)
        console.print(table)
