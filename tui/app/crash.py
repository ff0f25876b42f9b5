"""The crash log: an unhandled exception's traceback, kept where the user can find it."""

from __future__ import annotations

import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

from tui.core.text.sanitize import sanitize

CRASH_FOLDER = "crash-logs"


def write_crash_log(error: BaseException, folder: Path | None = None) -> Path | None:
    """Write the traceback to ``<data dir>/crash-logs/crash-<time>.log`` (or the temp
    folder when the data dir is unwritable); returns the file, or None if nothing worked."""
    from tui.core.bookmarks.store import data_dir  # noqa: PLC0415 (only after a crash)

    text = sanitize("".join(traceback.format_exception(error)))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidates = [folder] if folder is not None else [data_dir() / CRASH_FOLDER]
    candidates.append(Path(tempfile.gettempdir()))
    for place in candidates:
        try:
            place.mkdir(parents=True, exist_ok=True)
            path = place / f"kursk-reader-crash-{stamp}.log"
            path.write_text(text, encoding="utf-8", errors="replace")
        except OSError:
            continue
        return path
    return None
