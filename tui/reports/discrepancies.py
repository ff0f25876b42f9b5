"""``kursk-reader discrepancies``: where the sources disagree, as JSON or a table."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.core.analysis import Analysis, analyse
from tui.core.models import Corpus
from tui.reports.align import discrepancy_json


def to_json(corpus: Corpus, analysis: Analysis | None = None) -> dict[str, Any]:
    alignment = (analysis or analyse(corpus)).alignment
    return {"discrepancies": [discrepancy_json(d) for d in alignment.discrepancies]}


def print_table(corpus: Corpus, console: Console, analysis: Analysis | None = None) -> None:
    alignment = (analysis or analyse(corpus)).alignment
    if not alignment.discrepancies:
        console.print("The sources do not disagree on any aligned fact.")
        return
    table = Table(title="Discrepancies", title_justify="left", expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("group", justify="right", no_wrap=True)
    table.add_column("what", ratio=1)
    table.add_column("who says what", ratio=2)
    for d in alignment.discrepancies:
        values = "\n".join(f"{v.article}#{v.sentence}: {v.text}" for v in d.values)
        style = "dim" if d.kind == "entity_variant" else ""
        group = "" if d.group is None else str(d.group)
        # Text, not str: article words like "[/]" are not rich markup.
        table.add_row(str(d.id), d.kind, group, Text(d.summary), Text(values), style=style)
    console.print(table)
