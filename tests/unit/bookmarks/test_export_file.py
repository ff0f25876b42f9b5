"""``bookmarks export -o``: never over the store, through links, into devices, no leftovers."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from tui.core.bookmarks.export_file import (
    ExportRefused,
    remove_stale_temps,
    write_export,
)
from tui.core.bookmarks.store import STORE_NAME, open_store

REPO = Path(__file__).resolve().parents[3]


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_the_store_itself_is_refused(_private_data_dir: Path) -> None:
    store, _ = open_store()
    store.close()
    before = (_private_data_dir / STORE_NAME).read_bytes()
    for target in (_private_data_dir / STORE_NAME, _private_data_dir / "memo.md"):
        with pytest.raises(ExportRefused, match="inside the bookmark data folder"):
            write_export(target, "memo\n", protected=_private_data_dir)
    assert (_private_data_dir / STORE_NAME).read_bytes() == before
    assert not (_private_data_dir / "memo.md").exists()


def test_a_link_into_the_data_folder_is_refused(tmp_path: Path, _private_data_dir: Path) -> None:
    _private_data_dir.mkdir()
    (_private_data_dir / STORE_NAME).write_bytes(b"store")
    link = tmp_path / "memo.md"
    link.symlink_to(_private_data_dir / STORE_NAME)
    with pytest.raises(ExportRefused, match="a link to"):
        write_export(link, "memo\n", protected=_private_data_dir)
    assert (_private_data_dir / STORE_NAME).read_bytes() == b"store"


def test_a_symlink_is_written_through_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real" / "memo.md"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "memo.md"
    link.symlink_to(real)
    written = write_export(link, "new\n", protected=tmp_path / "data")
    assert link.is_symlink() and real.read_text() == "new\n"
    assert written.path == real and written.through == link
    assert _temps(real.parent) == []


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "memo.md"
    link.symlink_to(tmp_path / "target.md")
    write_export(link, "new\n", protected=tmp_path / "data")
    assert link.is_symlink() and (tmp_path / "target.md").read_text() == "new\n"


def test_a_fifo_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    written = write_export(fifo, "memo\n", protected=tmp_path / "data")
    reader.join(5)
    assert received == [b"memo\n"] and written.direct
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_null_stays_a_device() -> None:
    devnull = Path(os.devnull)
    written = write_export(devnull, "memo\n", protected=Path("/nonexistent-data"))
    assert written.direct and stat.S_ISCHR(devnull.stat().st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportRefused, match="is a folder"):
        write_export(tmp_path, "memo\n", protected=tmp_path / "data")


def test_stale_temps_of_dead_processes_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    stale = tmp_path / f".memo.md.kursk-export-{dead.stdout.strip()}.abcd.tmp"
    stale.write_text("half")
    live = tmp_path / f".memo.md.kursk-export-{os.getppid()}.abcd.tmp"
    live.write_text("in progress")
    other = tmp_path / ".other.md.kursk-export-1.abcd.tmp"
    other.write_text("another file's")
    assert remove_stale_temps(target) == [stale]
    assert live.exists() and other.exists()


_CHILD = """
import os, sys
from tui.core.bookmarks import export_file
from tui.cli import main

def slow_fsync(fd):
    print("writing", flush=True)
    import time
    time.sleep(30)

export_file.os.fsync = slow_fsync
sys.exit(main(["bookmarks", "export", "-o", sys.argv[1]]))
"""


def _export_in_child(target: Path, data: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "KURSK_READER_DATA_DIR": str(data), "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_CHILD), str(target)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    return proc


def test_sigterm_mid_export_leaves_no_temp_and_the_old_file(
    tmp_path: Path, _private_data_dir: Path
) -> None:
    target = tmp_path / "out" / "memo.md"
    target.parent.mkdir()
    target.write_text("old memo\n")
    proc = _export_in_child(target, _private_data_dir)
    assert _temps(target.parent)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(10) == 128 + signal.SIGTERM
    assert _temps(target.parent) == [] and target.read_text() == "old memo\n"


def test_sigkill_mid_export_leaves_a_temp_the_next_export_removes(
    tmp_path: Path, _private_data_dir: Path
) -> None:
    target = tmp_path / "out" / "memo.md"
    target.parent.mkdir()
    target.write_text("old memo\n")
    proc = _export_in_child(target, _private_data_dir)
    proc.kill()
    proc.wait(10)
    assert len(_temps(target.parent)) == 1 and target.read_text() == "old memo\n"
    write_export(target, "new memo\n", protected=_private_data_dir)
    assert _temps(target.parent) == [] and target.read_text() == "new memo\n"


def test_a_hard_link_to_the_store_is_replaced_not_written_through(
    tmp_path: Path, _private_data_dir: Path
) -> None:
    store, _ = open_store()
    store.close()
    before = (_private_data_dir / STORE_NAME).read_bytes()
    link = tmp_path / "memo.md"
    os.link(_private_data_dir / STORE_NAME, link)
    write_export(link, "memo\n", protected=_private_data_dir)
    assert link.read_text() == "memo\n"
    assert (_private_data_dir / STORE_NAME).read_bytes() == before
