"""The command line contract: exit codes, one-line errors, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO
from tui import __version__
from tui.cli import main

HOSTILE = DATA / "hostile"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tui`` in a subprocess, as a user would run the command."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env=env,
        timeout=120,
        check=False,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"kursk-reader {__version__}"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("sentences", "align", "discrepancies", "quotes", "bookmarks"):
        assert command in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["sentences", "--nope"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_sentences_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sentences", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert len(payload["articles"]) == 5
    for article in payload["articles"]:
        assert {"id", "path", "title", "date", "sentences"} <= article.keys()
        text = Path(article["path"]).read_text(encoding="utf-8")
        for i, s in enumerate(article["sentences"]):
            assert {"index", "paragraph", "text", "start", "end"} <= s.keys()
            assert s["index"] == i
            assert text[s["start"] : s["end"]] == s["text"]


def test_sentences_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sentences", str(HOSTILE / "crlf.txt")]) == 0
    assert "The first sentence ends here." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing-file.txt"], "no such file or folder"),
        ([str(HOSTILE / "empty.txt")], "file is empty"),
        ([str(HOSTILE / "binary.txt")], "binary file"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sentences", "--json", *args]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("kursk-reader: error: ")
    assert message in err


def test_empty_folder_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sentences", str(tmp_path)]) == 1
    assert "folder has no .txt, .md or .html articles" in capsys.readouterr().err


def test_invalid_utf8_warns_and_continues(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sentences", "--json", str(HOSTILE / "mixed_encoding.txt")]) == 0
    assert "warning: " in capsys.readouterr().err


def test_no_traceback_from_the_real_command_on_hostile_input(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text("x" * 10_000_000)
    for bad in (huge, HOSTILE / "binary.txt", tmp_path / "nope", HOSTILE / "all_code.md"):
        result = run_cli("sentences", "--json", str(bad))
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1


def test_works_from_an_unrelated_directory(tmp_path: Path) -> None:
    result = run_cli("sentences", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 5


@pytest.mark.parametrize("command", ["sentences", "align", "discrepancies", "quotes"])
def test_every_report_survives_the_hostile_corpus(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole hostile folder: bad files skipped with warnings, the rest reported."""
    assert main([command, "--json", str(HOSTILE)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)
    assert "Traceback" not in captured.err
    assert captured.err.count("warning: skipped") == 4  # binary, empty, whitespace, all-code
