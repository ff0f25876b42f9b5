"""Writing an export file without destroying anything on the way.

``-o PATH`` is whatever the user typed: it may be the store itself, a symlink, a device
(``/dev/null``) or a FIFO. A regular file is replaced atomically (temp file in the same
folder, fsync, ``os.replace``), so a crash leaves the old file, never half a new one; a
device or FIFO is written directly (renaming over ``/dev/null`` would replace it with a
file); a symlink is written through to its target; nothing inside the data folder is
written at all. A temp file left by a killed export is removed by the next export.
"""

from __future__ import annotations

import glob
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from tui.core.text.sanitize import display_name

STALE_AFTER = 24 * 3600
"""Seconds after which a temp file is a leftover even if its process id is in use again."""
_TEMP_MARK = ".kursk-export-"
_TEMP_NAME = re.compile(r"\.kursk-export-(\d+)\.[^.]*\.tmp$")


class ExportRefused(ValueError):
    """An export target that would destroy something; the message is one line."""


@dataclass(frozen=True, slots=True)
class Written:
    """Where an export went, as the user should be told."""

    path: Path
    """The file actually written (a symlink's target)."""
    through: Path | None = None
    """The symlink written through, if ``-o`` named one."""
    direct: bool = False
    """True for a device or FIFO, written in place rather than replaced."""


def write_export(path: Path, text: str, *, protected: Path) -> Written:
    """Write ``text`` to ``path`` safely; ``protected`` is the data folder (never written).

    Raises :class:`ExportRefused` for a target that must not be written, ``OSError`` when
    the write itself fails.
    """
    target = Path(os.path.realpath(path))
    through = path if path.is_symlink() else None
    guarded = Path(os.path.realpath(protected))
    if target == guarded or guarded in target.parents:
        via = f" (a link to {_shown(target)})" if through else ""
        raise ExportRefused(
            f"{_shown(path)}{via} is inside the bookmark data folder {_shown(guarded)}; "
            "export somewhere else"
        )
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ExportRefused(f"{_shown(path)}: is a folder; give a file name for the export")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_in_place(target, text)
        return Written(target, through, direct=True)
    if not target.parent.is_dir():
        raise ExportRefused(f"{_shown(path)}: folder {_shown(target.parent)} does not exist")
    remove_stale_temps(target)
    write_atomic(target, text)
    return Written(target, through)


def write_atomic(path: Path, text: str) -> None:
    """Write a whole file or nothing: temp file in the same folder, fsync, ``os.replace``.

    The temp name carries this process's id, so a later run can tell a leftover from a
    write in progress (:func:`remove_stale_temps`).
    """
    folder = path.parent
    temp = folder / f".{path.name}{_TEMP_MARK}{os.getpid()}.{os.urandom(4).hex()}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def remove_stale_temps(path: Path) -> list[Path]:
    """Delete temp files of earlier exports to ``path`` whose process is gone."""
    removed = []
    pattern = f".{glob.escape(path.name)}{_TEMP_MARK}*.tmp"
    for temp in path.parent.glob(pattern):
        match = _TEMP_NAME.search(temp.name)
        if match is None:
            continue
        try:
            old = time.time() - temp.stat().st_mtime > STALE_AFTER
        except OSError:
            continue
        if _alive(int(match.group(1))) and not old:
            continue
        try:
            temp.unlink()
        except OSError:
            continue
        removed.append(temp)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # Not a write in progress: this process writes one export at a time.
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _write_in_place(target: Path, text: str) -> None:
    """A device or FIFO: opened for writing as it is, never created, renamed or truncated."""
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _shown(path: Path) -> str:
    return display_name(str(path))
