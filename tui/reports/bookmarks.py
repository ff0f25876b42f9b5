"""``kursk-reader bookmarks list|export|delete``: the bookmark store from the command line.

Problems are one line on stderr and exit code 1 (via :class:`tui.errors.InputError`); a store
that opened with a warning (moved-aside corrupt file, read-only folder) says so and goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.core.bookmarks.memo import (
    bookmark_json,
    export_csv,
    export_json,
    export_markdown,
    write_atomic,
)
from tui.core.bookmarks.store import Bookmark, BookmarkStore, StoreError, open_store
from tui.errors import InputError

PROG = "kursk-reader"


def run_bookmarks(args: argparse.Namespace) -> int:
    """Run one bookmarks action; returns the exit code."""
    store, warning = open_store()
    if warning:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    try:
        if args.action == "list":
            return _list(store, as_json=args.json)
        if args.action == "export":
            return _export(store, args.format, args.output)
        if args.action == "delete":
            return _delete(store, args.id)
        raise InputError(f"unknown bookmarks action {args.action!r}")
    except StoreError as error:
        raise InputError(str(error)) from None
    finally:
        store.close()


def _list(store: BookmarkStore, *, as_json: bool) -> int:
    bookmarks = store.list()
    if as_json:
        json.dump([bookmark_json(b) for b in bookmarks], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print_table(bookmarks, Console())
    return 0


def print_table(bookmarks: Sequence[Bookmark], console: Console) -> None:
    """The bookmarks as a table: id, what is marked, where, tags, note, when."""
    if not bookmarks:
        console.print("No bookmarks yet: press [bold]b[/] in the reader to add one.")
        return
    table = Table(
        title=f"{len(bookmarks)} bookmarks", title_justify="left", box=box.SIMPLE_HEAD, expand=True
    )
    table.add_column("ID", justify="right", style="bold")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Marks", overflow="fold", ratio=3)
    table.add_column("Tags", overflow="fold", ratio=1)
    table.add_column("Note", overflow="fold", ratio=2)
    table.add_column("Saved", min_width=10)
    for b in bookmarks:
        table.add_row(
            str(b.id),
            b.kind,
            Text(f"({b.discrepancy_kind.replace('_', ' ')}) {b.label}")
            if b.discrepancy_kind
            else Text(b.label),
            Text(" ".join(f"#{t}" for t in b.tags)),
            Text(b.note),
            b.created[:10],
            end_section=False,
        )
    console.print(table)


def _export(store: BookmarkStore, fmt: str, output: str | None) -> int:
    bookmarks = store.list()
    if fmt == "md":
        text = export_markdown(bookmarks)
    elif fmt == "json":
        text = export_json(bookmarks)
    else:
        text = export_csv(bookmarks)
    if output is None or output == "-":
        sys.stdout.write(text)
        return 0
    path = Path(output)
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for the export")
    if not path.parent.is_dir():
        raise InputError(f"{path}: folder {path.parent} does not exist")
    try:
        write_atomic(path, text)
    except OSError as error:
        raise InputError(f"{path}: cannot write export ({error.strerror or error})") from None
    noun = "bookmark" if len(bookmarks) == 1 else "bookmarks"
    print(f"{PROG}: exported {len(bookmarks)} {noun} to {path}", file=sys.stderr)
    return 0


def _delete(store: BookmarkStore, bookmark_id: int) -> int:
    try:
        store.delete(bookmark_id)
    except KeyError:
        raise InputError(
            f"no bookmark with id {bookmark_id} (see 'kursk-reader bookmarks list')"
        ) from None
    print(f"{PROG}: deleted bookmark {bookmark_id}", file=sys.stderr)
    return 0
