"""``kursk-reader bookmarks export PATH...``: only the bookmarks on those articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.bookmarks.store import draft_for_fact, open_store
from tui.core.models import Group, Member
from tui.core.text.corpus import load_corpus


def test_export_limited_to_a_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KURSK_READER_DATA_DIR", str(tmp_path / "data"))
    one = tmp_path / "one"
    two = tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "a.txt").write_text("Troops crossed the border near Sudzha on Tuesday morning.\n")
    (two / "b.txt").write_text("The central bank raised its key rate by two points today.\n")
    store, _ = open_store()
    for folder in (one, two):
        corpus = load_corpus([str(folder)])
        article = corpus.articles[0]
        group = Group(1, "x", 1.0, (Member(article.id, 0),))
        store.add(draft_for_fact(group, corpus).with_note(folder.name))
    store.close()

    assert main(["bookmarks", "export", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["bookmarks"]) == 2
    assert main(["bookmarks", "export", "--format", "json", str(one)]) == 0
    (only,) = json.loads(capsys.readouterr().out)["bookmarks"]
    assert only["note"] == "one"
