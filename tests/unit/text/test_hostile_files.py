"""Hostile article files: escape sequences, odd file types, YAML bombs, deep nesting, names."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.conftest import DATA
from tui.core.text.corpus import MAX_ARTICLE_BYTES, CorpusError, corpus_fingerprint, load_corpus
from tui.core.text.sanitize import is_safe

HOSTILE = DATA / "hostile"


def test_escape_sequences_in_text_are_placeholders_with_exact_offsets() -> None:
    article = load_corpus([HOSTILE / "escapes.txt"]).articles[0]
    raw = (HOSTILE / "escapes.txt").read_text(encoding="utf-8")
    assert "\x1b" not in article.text and "\x9b" not in article.text
    assert "\u202e" not in article.text
    assert "␛]52;c;cHduZWQ=" in article.text
    assert len(article.text) == len(raw)
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    assert is_safe(article.title)


def test_escape_sequences_in_front_matter_are_placeholders() -> None:
    article = load_corpus([HOSTILE / "escape_front_matter.md"]).articles[0]
    assert article.title.startswith("␛]0;owned␇ Evacuation")
    assert article.source == "Daily ␛[2J Post"
    assert "\x1b" not in article.text


def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(CorpusError, match="not a regular file"):
        load_corpus([fifo])


def test_a_fifo_in_a_folder_is_one_warning_and_the_rest_loads(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "a.txt").write_text("Officials said 76,000 people were evacuated on Tuesday.")
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["a"]
    (warning,) = corpus.warnings
    assert warning.startswith("skipped ") and "pipe.md: not a regular file" in warning


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    with pytest.raises(CorpusError, match="not a regular file"):
        load_corpus([device])


def test_a_file_growing_past_the_limit_is_read_only_to_limit_plus_one(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Officials said so. " * (MAX_ARTICLE_BYTES // 19 + 10))
    with pytest.raises(CorpusError, match="too large"):
        load_corpus([path])


def test_yaml_alias_bomb_is_refused_quickly() -> None:
    started = time.monotonic()
    corpus = load_corpus([HOSTILE / "alias_bomb.md"])
    assert time.monotonic() - started < 2
    assert corpus.articles[0].title.startswith("Officials said")
    assert any("aliases are not allowed" in w for w in corpus.warnings)


def test_front_matter_length_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text("---\ntitle: " + "x" * 20_000 + "\n---\n\nOfficials said so.\n")
    corpus = load_corpus([path])
    assert any("front matter ignored" in w for w in corpus.warnings)


def test_title_nested_5000_deep_is_ignored_with_a_warning() -> None:
    corpus = load_corpus([HOSTILE / "deep_title.md"])
    assert corpus.articles[0].title.startswith("Officials said")
    assert any("nested more than" in w for w in corpus.warnings)


def test_invalid_date_is_kept_as_text_with_a_warning() -> None:
    corpus = load_corpus([HOSTILE / "bad_date.md"])
    assert corpus.articles[0].date == "2024-02-31"
    assert any("'2024-02-31' is not a valid date; kept as text" in w for w in corpus.warnings)


def test_invalid_date_does_not_stop_other_files(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text((HOSTILE / "bad_date.md").read_text())
    (tmp_path / "good.txt").write_text("Officials said 80,000 people left.\n")
    assert len(load_corpus([tmp_path]).articles) == 2


def _deep_folder(root: Path, depth: int) -> Path:
    """``root/d/d/.../d`` without recursion (``os.makedirs`` recurses)."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            new = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = new
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w") as handle:
            handle.write("Officials said 1 thing.\n")
    finally:
        os.close(fd)
    return root


def _remove_deep_folder(root: Path) -> None:
    """Undo :func:`_deep_folder` without recursion (pytest's clean-up would recurse)."""
    fds = [os.open(root, os.O_RDONLY)]
    while "d" in os.listdir(fds[-1]):
        fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
    os.unlink("deep.txt", dir_fd=fds[-1])
    os.close(fds.pop())
    while fds:
        os.rmdir("d", dir_fd=fds[-1])
        os.close(fds.pop())


def test_folders_nested_1200_deep_are_bounded(tmp_path: Path) -> None:
    _deep_folder(tmp_path, 1200)
    try:
        (tmp_path / "top.txt").write_text("Officials said 76,000 people left.\n")
        corpus = load_corpus([tmp_path])
        assert [a.id for a in corpus.articles] == ["top"]
        assert any("nested more than 64 deep" in w for w in corpus.warnings)
    finally:
        _remove_deep_folder(tmp_path)


def test_symlink_loop_is_followed_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials said 76,000 people left.\n")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert [a.id for a in load_corpus([tmp_path]).articles] == ["a"]


def test_invalid_utf8_file_name_is_escaped_everywhere(tmp_path: Path) -> None:
    name = os.fsdecode(b"x\xffy.txt")
    (tmp_path / name).write_text("Officials said 76,000 people left.\n")
    corpus = load_corpus([tmp_path])
    article = corpus.articles[0]
    assert article.id == "x\\xffy"
    assert article.path.endswith("x\\xffy.txt")
    article.path.encode("utf-8")
    corpus_fingerprint(corpus)  # Used to raise UnicodeEncodeError.


def test_file_name_with_a_newline_makes_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "bad\nname.txt"
    path.write_text("")
    with pytest.raises(CorpusError) as caught:
        load_corpus([path])
    assert "\n" not in str(caught.value)
    assert "bad␊name.txt" in str(caught.value)


def test_file_name_with_an_escape_sequence_is_a_placeholder(tmp_path: Path) -> None:
    path = tmp_path / "a\x1b]0;owned\x07.txt"
    path.write_text("Officials said 76,000 people left.\n")
    article = load_corpus([path]).articles[0]
    assert article.id == "a␛]0;owned␇"
    assert "\x1b" not in article.path


def test_a_file_swapped_for_a_fifo_after_discovery_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.core.text import corpus as corpus_module

    path = tmp_path / "a.txt"
    path.write_text("Officials said 76,000 people left.\n")
    discover = corpus_module._discover

    def then_swap(paths: list[Path], warnings: list[str]) -> object:
        found = discover(paths, warnings)
        path.unlink()
        os.mkfifo(path)  # Discovery saw a file of this name; now it is a pipe.
        return found

    monkeypatch.setattr(corpus_module, "_discover", then_swap)
    with pytest.raises(CorpusError, match="not a regular file"):
        corpus_module.find_sources([tmp_path])


def test_a_raw_escape_in_front_matter_keeps_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Big \x1b[2J news\nsource: Daily\n---\n\nOfficials said so.\n")
    corpus = load_corpus([path])
    article = corpus.articles[0]
    assert article.title == "Big ␛[2J news" and article.source == "Daily"
    assert not corpus.warnings


def test_escape_sequences_in_a_saved_web_page_never_reach_the_article() -> None:
    article = load_corpus([HOSTILE / "escapes.html"]).articles[0]
    for field in (article.text, article.title, article.source or "", article.path):
        assert is_safe(field) and "\x1b" not in field
    assert "76,000" in article.text
