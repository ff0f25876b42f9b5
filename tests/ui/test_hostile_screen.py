"""The reader on hostile articles and notes: what reaches the screen, and a crash's exit."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest
from helpers import ready

from tests.conftest import DATA
from tui.app.app import ReaderApp, run_app
from tui.core.bookmarks.store import STORE_NAME, Anchor, BookmarkDraft, open_store
from tui.core.models import Corpus
from tui.core.text.corpus import load_corpus

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Corpus:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "escapes.txt").write_bytes((DATA / "hostile" / "escapes.txt").read_bytes())
    (folder / "front.md").write_bytes((DATA / "hostile" / "escape_front_matter.md").read_bytes())
    (folder / "second.txt").write_text(
        "The ministry said 80,000 people were evacuated. The screen was cleared.\n"
    )
    return load_corpus([folder])


async def test_escape_sequences_are_placeholders_on_screen(hostile_corpus: Corpus) -> None:
    store, _ = open_store()
    store.add(
        BookmarkDraft(
            kind="fact",
            target="1",
            label="label \x1b]0;title\x07",
            anchors=(Anchor("escapes", 0, 0, 10, "The \x1b[2J ministry"),),
            fingerprint="f" * 16,
            note="note \x1b]52;c;cHduZWQ=\x07 \u202eevil",
        )
    )
    store.close()
    app = ReaderApp(hostile_corpus)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        screen = app.export_screenshot()
        assert not UNSAFE.findall(screen)
        assert "␛]52;c;cHduZWQ=␛" in screen.replace("&#160;", " ")
        await pilot.press("B")
        await pilot.pause()
        listing = app.export_screenshot()
        assert not UNSAFE.findall(listing)
        assert "␛]52;c;cHduZWQ=␇" in listing.replace("&#160;", " ")


def test_a_crash_exits_non_zero_and_says_where_the_log_is(
    seeds: Corpus,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    _data_dir: Path,
) -> None:
    def explode(self: ReaderApp) -> None:
        raise RuntimeError("boom in on_mount")

    monkeypatch.setattr(ReaderApp, "on_mount", explode)
    assert run_app(seeds, headless=True) == 1
    last = capsys.readouterr().err.strip().splitlines()[-1]
    match = re.fullmatch(r"kursk-reader: error: the reader crashed; details in (.+\.log)", last)
    assert match is not None, last
    log = Path(match.group(1))
    assert log.parent == _data_dir / "crash-logs"
    assert "RuntimeError: boom in on_mount" in log.read_text()


async def test_a_damaged_bookmark_row_is_skipped_and_reported(
    seeds: Corpus, _data_dir: Path
) -> None:
    store, _ = open_store()
    for n in (1, 2):
        store.add(
            BookmarkDraft(
                kind="fact",
                target=str(n),
                label=f"fact {n}",
                anchors=(Anchor(seeds.articles[0].id, 0, 0, 5, "x"),),
                fingerprint="f" * 16,
            )
        )
    store.close()
    conn = sqlite3.connect(_data_dir / STORE_NAME)
    conn.execute("UPDATE bookmarks SET anchors = '" + "[" * 50_000 + "' WHERE id = 1")
    conn.commit()
    conn.close()
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("skipped bookmark 1" in m for m in messages), messages
        assert app.bookmark_store is not None and len(app.bookmark_store.list()) == 1


async def test_store_warnings_with_brackets_are_not_markup(
    seeds: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data [/] [@click=app.quit]x[/]"
    monkeypatch.setenv("KURSK_READER_DATA_DIR", str(data))
    store, _ = open_store()
    store.close()
    conn = sqlite3.connect(data / STORE_NAME)
    conn.execute('CREATE VIEW "[/]" AS SELECT 1')
    conn.commit()
    conn.close()
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert app.is_running
        messages = [n.message for n in app._notifications]
        assert any("did not create" in m and "[/]" in m for m in messages), messages
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running


async def test_an_unavailable_store_is_not_shown_as_empty(seeds: Corpus, _data_dir: Path) -> None:
    (_data_dir / STORE_NAME).mkdir(parents=True)
    app = ReaderApp(seeds)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("B")
        await pilot.pause()
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "Bookmarks are unavailable" in shown
        assert "No bookmarks yet" not in shown


async def test_an_invalid_utf8_file_name_opens_and_bookmarks(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(
        "The ministry said 76,000 people were evacuated on Monday.\n"
    )
    (folder / "other.txt").write_text("The ministry said 80,000 people were evacuated on Monday.\n")
    app = ReaderApp(load_corpus([folder]))
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert "caf\\xe9" in app.export_screenshot()
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert app.bookmark_store is not None and len(app.bookmark_store.list()) == 1
