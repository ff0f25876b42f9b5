"""The command line on hostile input: the raw bytes written, full disks, closed pipes, names."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO
from tui.cli import main

HOSTILE = DATA / "hostile"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters no output may carry (tab and newline are fine)."""


def kursk(*argv: str, data: Path, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """The real command in a child process: what reaches the terminal, byte for byte."""
    env = {**os.environ, "KURSK_READER_DATA_DIR": str(data), "PYTHONPATH": str(REPO)}
    code = "import sys; from tui.cli import main; sys.exit(main())"
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", code, *argv], check=False, env=env, **kwargs
    )


def assert_safe(raw: bytes) -> None:
    text = raw.decode("utf-8")  # Valid UTF-8, always.
    found = UNSAFE.findall(text)
    assert not found, found


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """The escape-sequence article, a second source so that facts align, and a bad name."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "escapes.txt").write_bytes((HOSTILE / "escapes.txt").read_bytes())
    (folder / "second.txt").write_text(
        "The ministry said 80,000 people were evacuated. The screen was cleared.\n"
    )
    (folder / "esc\x1b]0;name\x07.md").write_bytes(
        (HOSTILE / "escape_front_matter.md").read_bytes()
    )
    return folder


@pytest.mark.parametrize("command", ["sentences", "align", "quotes", "discrepancies"])
@pytest.mark.parametrize("as_json", [False, True])
def test_escape_sequences_never_reach_the_terminal(
    command: str, as_json: bool, articles: Path, _private_data_dir: Path
) -> None:
    argv = [command, str(articles), *(["--json"] if as_json else [])]
    result = kursk(*argv, data=_private_data_dir)
    assert result.returncode == 0, result.stderr
    assert_safe(result.stdout)
    assert_safe(result.stderr)
    if command == "sentences":
        shown = result.stdout.decode()
        assert ("\\u241b" if as_json and "\\u241b" in shown else "␛") in shown


def test_escape_sequences_in_a_warning_with_a_file_name(
    tmp_path: Path, _private_data_dir: Path
) -> None:
    (tmp_path / "ok.txt").write_text("Officials said 76,000 people left.\n")
    (tmp_path / "bad\x1b[2J\nname.txt").write_text("")
    result = kursk("sentences", str(tmp_path), data=_private_data_dir)
    assert result.returncode == 0
    assert_safe(result.stderr)
    assert result.stderr.decode().count("\n") == 1
    assert "bad␛[2J␊name.txt: file is empty" in result.stderr.decode()


def test_a_file_name_with_a_newline_is_a_one_line_error(
    tmp_path: Path, _private_data_dir: Path
) -> None:
    path = tmp_path / "two\nlines.txt"
    path.write_text("")
    result = kursk("sentences", str(path), data=_private_data_dir)
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1 and "two␊lines.txt" in result.stderr.decode()


def test_invalid_utf8_names_are_escaped_and_json_is_valid_utf8(
    tmp_path: Path, _private_data_dir: Path
) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("Officials said 76,000 people left.\n")
    result = kursk("sentences", "--json", str(tmp_path), data=_private_data_dir)
    assert result.returncode == 0
    article = json.loads(result.stdout.decode("utf-8"))["articles"][0]
    assert article["id"] == "caf\\xe9"
    table = kursk("sentences", str(tmp_path / name), data=_private_data_dir)
    assert table.returncode == 0 and "caf\\xe9" in table.stdout.decode("utf-8")


@pytest.mark.parametrize(
    "argv",
    [
        ["sentences"],
        ["sentences", "--json"],
        ["align"],
        ["bookmarks", "export"],
        ["bookmarks", "list"],
    ],
)
def test_a_full_disk_is_one_line(argv: list[str], _private_data_dir: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        result = kursk(*argv, data=_private_data_dir, stdout=full, stderr=subprocess.PIPE)
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert err == "kursk-reader: error: cannot write output (No space left on device)\n"


def test_a_table_piped_to_head_exits_quietly(tmp_path: Path, _private_data_dir: Path) -> None:
    for i in range(40):
        (tmp_path / f"{i:02d}.txt").write_text(f"Report {i} said {i} people left. " * 200)
    env = {**os.environ, "KURSK_READER_DATA_DIR": str(_private_data_dir), "PYTHONPATH": str(REPO)}
    code = "import sys; from tui.cli import main; sys.exit(main())"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "sentences", str(tmp_path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # What ``head -1`` does once it has its line.
    err = proc.stderr.read()
    assert proc.wait(30) == 0 and err == b""


def test_huge_bookmark_id_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bookmarks", "delete", "99999999999999999999"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_fifo_and_devices_do_not_hang(tmp_path: Path, _private_data_dir: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = kursk("sentences", str(fifo), "/dev/zero", data=_private_data_dir, timeout=30)
    assert result.returncode == 1
    assert b"not a regular file" in result.stderr and result.stderr.count(b"\n") == 1


@pytest.mark.parametrize(
    "argv", [["sentences"], ["align"], ["quotes"], ["discrepancies"], ["match", "m1:0"]]
)
def test_article_words_that_look_like_markup_are_printed_as_they_are(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = "The governor said [/] 76,000 people [link=http://evil.example]fled[/link] on Monday."
    (tmp_path / "m1.txt").write_text(f'{words} "We left [/] everything," he said.\n')
    (tmp_path / "m2.txt").write_text(f'{words} "We left [/] everything," she said.\n')
    assert main([*argv, str(tmp_path)]) == 0
    out = capsys.readouterr().out
    if argv[0] in ("sentences", "match"):
        assert "[/]" in out and "evil.example" in out
