"""The crash log: written to the data folder, or the temp folder when that fails."""

from __future__ import annotations

from pathlib import Path

from tui.app.crash import write_crash_log


def _error() -> RuntimeError:
    try:
        raise RuntimeError("boom \x1b]0;t\x07")
    except RuntimeError as error:
        return error


def test_the_traceback_is_written_sanitised(tmp_path: Path) -> None:
    log = write_crash_log(_error(), tmp_path / "logs")
    assert log is not None and log.parent == tmp_path / "logs"
    text = log.read_text()
    assert "RuntimeError: boom ␛]0;t␇" in text and "\x1b" not in text


def test_an_unwritable_folder_falls_back_to_the_temp_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    log = write_crash_log(_error(), blocker / "logs")
    assert log is not None and log.parent != blocker / "logs"
    assert "RuntimeError" in log.read_text()
    log.unlink()
