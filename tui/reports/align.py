"""``kursk-reader align``: the facts aligned across articles, as JSON or a table."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.core.analysis import Analysis, analyse
from tui.core.models import Alignment, Corpus, Discrepancy, Group
from tui.reports.sentences import article_json

_STYLES = {"shared": "green", "own": "", "number": "bold yellow", "entity": "bold cyan"}


def group_json(group: Group, alignment: Alignment) -> dict[str, Any]:
    """One group as the ``align --json`` contract spells it."""
    return {
        "id": group.id,
        "story": group.story,
        "label": group.label,
        "score": group.score,
        "members": [
            {
                "article": m.article,
                "sentence": m.sentence,
                "diff": [{"start": d.start, "end": d.end, "kind": d.kind} for d in m.diff],
            }
            for m in group.members
        ],
        "discrepancies": [
            discrepancy_json(alignment.discrepancies[i]) for i in group.discrepancies
        ],
    }


def discrepancy_json(d: Discrepancy) -> dict[str, Any]:
    """A discrepancy as both reports spell it."""
    return {
        "id": d.id,
        "kind": d.kind,
        "group": d.group,
        "summary": d.summary,
        "confidence": round(d.confidence, 3),
        "values": [
            {
                "article": v.article,
                "sentence": v.sentence,
                "text": v.text,
                "value": v.value,
                "start": v.start,
                "end": v.end,
            }
            for v in d.values
        ],
    }


def to_json(corpus: Corpus, analysis: Analysis | None = None) -> dict[str, Any]:
    alignment = (analysis or analyse(corpus)).alignment
    return {
        "articles": [article_json(a) for a in corpus.articles],
        "stories": [
            {"id": s.id, "label": s.label, "articles": list(s.articles)} for s in alignment.stories
        ],
        "groups": [group_json(g, alignment) for g in alignment.groups],
    }


def print_table(corpus: Corpus, console: Console, analysis: Analysis | None = None) -> None:
    alignment = (analysis or analyse(corpus)).alignment
    if not alignment.groups:
        console.print("No fact is reported by more than one article.")
        return
    stories = {s.id: s for s in alignment.stories}
    shown_story = None
    for group in alignment.groups:
        if len(stories) > 1 and group.story != shown_story:
            shown_story = group.story
            story = stories[group.story]
            console.rule(f"Story {story.id + 1}: {story.label} ({len(story.articles)} articles)")
        table = Table(
            title=f"#{group.id} {group.label}  (score {group.score:.2f})",
            title_justify="left",
            expand=True,
            show_header=False,
        )
        table.add_column("article", style="dim", no_wrap=True)
        table.add_column("sentence", ratio=1)
        for member in group.members:
            article = corpus.article(member.article)
            sentence = article.sentences[member.sentence]
            text = Text(sentence.text)
            for span in member.diff:
                style = _STYLES[span.kind]
                if style:
                    text.stylize(style, span.start - sentence.start, span.end - sentence.start)
            table.add_row(f"{member.article}#{member.sentence}", text)
        for i in group.discrepancies:
            d = alignment.discrepancies[i]
            table.add_row(f"[red]{d.kind}[/]", f"[red]{d.summary}[/]")
        console.print(table)
