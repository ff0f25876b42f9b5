"""The memo names each source's outlet and cites its URL (front matter or page metadata)."""

from __future__ import annotations

from pathlib import Path

from tui.core.analysis import analyse
from tui.core.bookmarks.memo import export_json, export_markdown
from tui.core.bookmarks.model import draft_for_fact
from tui.core.bookmarks.rows import bookmark_from_row, draft_row
from tui.core.text.corpus import load_corpus


def test_a_basil_fact_memo_names_the_outlets_and_cites_their_urls(basil: Path) -> None:
    corpus = load_corpus([basil / "2018-blake-farenthold-resigns-from-congress"])
    analysis = analyse(corpus)
    group = max(analysis.groups, key=lambda g: g.coverage)
    draft = draft_for_fact(group, corpus)
    bookmark = bookmark_from_row((1, *draft_row(draft, "2026-11-30T00:00:00")))
    memo = export_markdown([bookmark])
    for member in {m.article for m in group.members}:
        article = corpus.article(member)
        assert article.url and f"<{article.url}>" in memo
        assert f"**{article.source}**" in memo
    assert '"url": "http' in export_json([bookmark])
