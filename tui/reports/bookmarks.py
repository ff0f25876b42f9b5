"""``kursk-reader bookmarks list|export|delete``: the bookmark store from the command line.

Problems are one line on stderr and exit code 1 (via :class:`tui.errors.InputError`); a store
that opened with a warning (moved-aside corrupt file, read-only folder) says so and goes on.
A store that cannot be read (locked, a folder, an unknown schema) is an error, never "no
bookmarks": ``list`` prints nothing and ``export`` writes nothing. Rows that are not valid
bookmarks are skipped, each with a warning.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.core.bookmarks.export_file import ExportRefused, write_export
from tui.core.bookmarks.memo import (
    bookmark_json,
    export_csv,
    export_json,
    export_markdown,
)
from tui.core.bookmarks.store import (
    Bookmark,
    BookmarkStore,
    StoreError,
    data_dir,
    open_store,
)
from tui.core.text.sanitize import display_name
from tui.errors import InputError
from tui.reports.console import report_console
from tui.reports.jsontext import dumps

if TYPE_CHECKING:
    from tui.core.bookmarks.belongs import CorpusScope
    from tui.core.bookmarks.corrections import Correction

PROG = "kursk-reader"


def run_bookmarks(args: argparse.Namespace) -> int:
    """Run one bookmarks action; returns the exit code."""
    store, warning = open_store()
    if warning and store.unavailable is None:  # Unavailable: the error below says it once.
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    try:
        if args.action == "list":
            return _list(store, as_json=args.json)
        if args.action == "export":
            return _export(store, args.format, args.output, getattr(args, "paths", None) or ())
        if args.action == "delete":
            return _delete(store, args.id)
        raise InputError(f"unknown bookmarks action {args.action!r}")
    except StoreError as error:
        raise InputError(str(error)) from None
    finally:
        store.close()


def _read(store: BookmarkStore) -> tuple[Bookmark, ...]:
    """The valid bookmarks; each skipped row is a warning (the rest are still listed)."""
    stored = store.read()
    for problem in stored.skipped:
        print(f"{PROG}: warning: {problem}", file=sys.stderr)
    return stored.bookmarks


def _list(store: BookmarkStore, *, as_json: bool) -> int:
    bookmarks = _read(store)
    if as_json:
        sys.stdout.write(dumps([bookmark_json(b) for b in bookmarks]) + "\n")  # One write.
        return 0
    print_table(bookmarks, report_console())
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


def _export(store: BookmarkStore, fmt: str, output: str | None, paths: Sequence[str] = ()) -> int:
    bookmarks = _read(store)
    scope = None
    if paths:  # Only the corpus at those paths (the reader lists the same ones).
        from tui.core.bookmarks.belongs import CorpusScope  # noqa: PLC0415 (start-up)
        from tui.core.text.corpus import load_corpus  # noqa: PLC0415 (start-up)

        scope = CorpusScope(load_corpus(list(paths)))
        bookmarks = tuple(b for b in bookmarks if b in scope)
    corrections = []
    if fmt in ("md", "json"):
        from tui.core.bookmarks.corrections import list_corrections  # noqa: PLC0415

        try:
            corrections = list_corrections(store)
        except StoreError:
            corrections = []  # An old store opened read-only has no corrections yet.
        if paths:
            corrections = [c for c in corrections if c.values and _in(c, scope)]
    if fmt == "md":
        text = export_markdown(bookmarks, corrections=corrections)
    elif fmt == "json":
        text = export_json(bookmarks, corrections=corrections)
    else:
        text = export_csv(bookmarks)
    if output is None or output == "-":
        sys.stdout.write(text)
        return 0
    path = Path(output)
    try:
        with _killed_cleanly():
            written = write_export(path, text, protected=data_dir())
    except ExportRefused as error:
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(
            f"{display_name(output)}: cannot write export ({error.strerror or error})"
        ) from None
    noun = "bookmark" if len(bookmarks) == 1 else "bookmarks"
    where = display_name(str(written.path))
    if written.through is not None:
        where += f" (through the link {display_name(str(written.through))})"
    print(f"{PROG}: exported {len(bookmarks)} {noun} to {where}", file=sys.stderr)
    return 0


@contextmanager
def _killed_cleanly() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind like Ctrl-C while an export is written, so its temp file
    is removed; after SIGKILL, the next export removes it."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    names = ("SIGTERM", "SIGHUP")
    signals = [getattr(signal, n) for n in names if hasattr(signal, n)]
    try:
        previous = [signal.signal(s, stop) for s in signals]
    except ValueError:  # Not the main thread: signals stay as they are.
        yield
        return
    try:
        yield
    finally:
        for number, handler in zip(signals, previous, strict=True):
            signal.signal(number, handler)


def _delete(store: BookmarkStore, bookmark_id: int) -> int:
    try:
        store.delete(bookmark_id)
    except KeyError:
        raise InputError(
            f"no bookmark with id {bookmark_id} (see 'kursk-reader bookmarks list')"
        ) from None
    print(f"{PROG}: deleted bookmark {bookmark_id}", file=sys.stderr)
    return 0


def _in(correction: Correction, scope: CorpusScope | None) -> bool:
    """A correction made on this corpus, or on one sharing an article with it."""
    if scope is None:
        return True
    return correction.fingerprint == scope.fingerprint or any(
        article in scope.article_ids for article, _ in correction.values
    )
