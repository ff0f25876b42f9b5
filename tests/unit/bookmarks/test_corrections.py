"""Corrections: a discrepancy dismissed or checked, kept in the store, found again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.core.bookmarks.corrections import (
    add_correction,
    by_discrepancy,
    list_corrections,
    remove_correction,
)
from tui.core.bookmarks.schema import MIGRATIONS
from tui.core.bookmarks.store import STORE_NAME, open_store
from tui.core.models import Corpus, Discrepancy, DiscrepancyValue
from tui.core.text.corpus import article_from_text

CORPUS = Corpus(
    (
        article_from_text("nyt", "Officials said 76,000 residents had been evacuated.\n"),
        article_from_text("fox", "More than 121,000 people have left the area.\n"),
    )
)
DISC = Discrepancy(
    4,
    "number",
    None,
    "evacuated: 76,000 vs 121,000",
    (
        DiscrepancyValue("nyt", 0, "76,000", "76000"),
        DiscrepancyValue("fox", 0, "121,000", "121000"),
    ),
)


def test_saved_found_again_under_a_new_id_and_forgotten(tmp_path: Path) -> None:
    store, _ = open_store()
    dismissed = add_correction(store, "dismissed", DISC, CORPUS, note="two counts, two dates")
    checked = add_correction(store, "checked", DISC, CORPUS, verdict="fox", note="governor")
    store.close()
    store, _ = open_store()
    (only,) = list_corrections(store)  # the later one replaced the earlier
    assert only.id == checked.id != dismissed.id
    assert only.describe({"fox": "Fox News"}) == "checked: Fox News is right — governor"
    moved = Discrepancy(9, DISC.kind, 3, DISC.summary, DISC.values)
    assert by_discrepancy([only], [moved]) == {9: only}
    remove_correction(store, only.id)
    assert list_corrections(store) == []


def test_a_version_2_store_gains_the_table(_private_data_dir: Path) -> None:
    _private_data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(_private_data_dir / STORE_NAME)
    for migration in MIGRATIONS[:2]:
        for statement in migration:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    store, warning = open_store()
    assert warning is None
    add_correction(store, "dismissed", DISC, CORPUS)
    assert len(list_corrections(store)) == 1


def test_the_memo_lists_the_corrections(capsys) -> None:  # type: ignore[no-untyped-def]
    from tui.cli import main

    store, _ = open_store()
    add_correction(store, "checked", DISC, CORPUS, verdict="fox", note="the governor said so")
    store.close()
    assert main(["bookmarks", "export"]) == 0
    memo = capsys.readouterr().out
    assert "## Corrections" in memo
    assert "checked: `fox` is right" in memo and "the governor said so" in memo


def test_the_json_export_holds_the_corrections(capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from tui.cli import main

    store, _ = open_store()
    add_correction(store, "checked", DISC, CORPUS, verdict="fox", note="the governor said so")
    store.close()
    assert main(["bookmarks", "export", "--format", "json"]) == 0
    (correction,) = json.loads(capsys.readouterr().out)["corrections"]
    assert correction["kind"] == "checked" and correction["verdict"] == "fox"
    assert correction["note"] == "the governor said so" and correction["values"]
