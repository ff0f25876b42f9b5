"""``kursk-reader align``: not built yet (see its issue)."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from tui.core.models import Corpus


def to_json(corpus: Corpus) -> dict[str, Any]:
    raise NotImplementedError("align")


def print_table(corpus: Corpus, console: Console) -> None:
    raise NotImplementedError("align")
