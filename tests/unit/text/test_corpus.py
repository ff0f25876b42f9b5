"""Loading files and folders: ids, Markdown, metadata and every kind of bad input."""

from __future__ import annotations

import re
from pathlib import Path
from unittest import mock

import pytest

from tests.conftest import DATA, SEEDS
from tui.core.text.corpus import (
    MAX_ARTICLE_BYTES,
    CorpusError,
    corpus_fingerprint,
    find_sources,
    load_corpus,
)

HOSTILE = DATA / "hostile"


def test_no_paths_loads_the_bundled_seeds_with_their_stems() -> None:
    corpus = load_corpus()
    assert [a.id for a in corpus.articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert corpus.warnings == ()


def test_seed_metadata() -> None:
    corpus = load_corpus()
    by_id = {a.id[:3]: a for a in corpus.articles}
    assert by_id["001"].title == "Ukraine's Bold Advances in the Kursk Region"
    assert by_id["002"].date == "2024-08-11"
    assert by_id["004"].title.startswith("Ukrainian Forces Maintain Momentum")
    for article in corpus.articles:
        for s in article.sentences:
            assert article.text[s.start : s.end] == s.text


def test_folder_ids_are_relative_paths_without_extension(tmp_path: Path) -> None:
    (tmp_path / "event" / "sub").mkdir(parents=True)
    (tmp_path / "event" / "fox.md").write_text("Fox says hello.\n")
    (tmp_path / "event" / "sub" / "fox.txt").write_text("Another fox says hello.\n")
    (tmp_path / "event" / "notes.json").write_text("{}")
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["event/fox", "event/sub/fox"]


def test_folder_files_come_in_path_order_with_pathlib_ids(tmp_path: Path) -> None:
    """Found with strings, not Path objects (300 files before the first paint): the order
    and ids are still those of Path (part by part: ``a/`` before ``a-b/``)."""
    names = ["a-b/x.md", "a/z.txt", "a/y.tar.md", "b.c/UP.MD", "a/.md", "a/dot.", "a/x_files/x.md"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Words in {name}.\n")
    sources = find_sources([tmp_path])
    found = sorted(
        f
        for f in tmp_path.rglob("*")
        if f.suffix.lower() in (".md", ".txt") and "x_files" not in f.parts
    )
    assert [s.path for s in sources.files] == found
    want = [f.relative_to(tmp_path).with_suffix("").as_posix() for f in found]
    assert [s.article_id for s in sources.files] == want == ["a/y.tar", "a/z", "a-b/x", "b.c/UP"]


def test_files_given_directly_use_their_stem_and_never_collide(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(f"Text from {folder}.\n")
    corpus = load_corpus([tmp_path / "a" / "same.txt", tmp_path / "b" / "same.txt"])
    assert [a.id for a in corpus.articles] == ["a/same", "b/same"]


def test_markdown_front_matter_headings_and_inline_markup(tmp_path: Path) -> None:
    path = tmp_path / "nyt.md"
    path.write_text(
        '---\ntitle: "A Title: With Colon"\ndate: 2010-02-20\nsource: nyt\n'
        "url: https://example.com/x\n---\n\n# The Heading\n\n"
        "Some **bold** and *italic* text with a [link text](https://e.com) and `code`.\n"
        "A soft break joins lines.\n\n```\nprint('code is not prose')\n```\n"
    )
    article = load_corpus([path]).articles[0]
    assert (article.title, article.date, article.source, article.url) == (
        "A Title: With Colon",
        "2010-02-20",
        "nyt",
        "https://example.com/x",
    )
    assert article.sentences[0].text == "The Heading"
    assert article.sentences[0].kind == "heading"
    assert article.sentences[1].text == ("Some bold and italic text with a link text and code.")
    assert "print" not in article.text


def test_every_basil_event_loads_and_reads_well(basil: Path) -> None:
    corpus = load_corpus([basil])
    assert len(corpus.articles) == 300
    assert corpus.warnings == ()
    for article in corpus.articles:
        assert article.source in ("fox", "nyt", "huffpost")
        assert article.date and article.title
        assert len(article.sentences) >= 3
        assert all(len(s.text) < 1000 for s in article.sentences)
        assert "](" not in article.text and not re.search(r"(^|\s)[*_]{1,2}\w", article.text)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "file is empty"),
        ("whitespace.md", "file is empty"),
        ("binary.txt", "binary file"),
        ("all_code.md", "no article text"),
    ],
)
def test_unusable_files_are_refused_with_one_clear_line(name: str, message: str) -> None:
    with pytest.raises(CorpusError, match=message) as info:
        load_corpus([HOSTILE / name])
    assert "\n" not in str(info.value)
    assert name in str(info.value)


def test_utf16_with_bom_and_crlf_load_correctly() -> None:
    corpus = load_corpus([HOSTILE / "utf16_bom.txt", HOSTILE / "crlf.txt"])
    utf16, crlf = corpus.articles
    assert utf16.sentences[0].text.startswith("Kyiv said on Tuesday")
    assert "\r" not in crlf.text
    assert [s.text for s in crlf.sentences][:2] == [
        "A heading in CRLF",
        "The first sentence ends here.",
    ]


def test_invalid_utf8_is_decoded_with_replacement_and_a_warning() -> None:
    corpus = load_corpus([HOSTILE / "mixed_encoding.txt"])
    assert "\ufffd" in corpus.articles[0].text
    assert "Café owners" in corpus.articles[0].text
    assert len(corpus.warnings) == 1
    assert "invalid UTF-8" in corpus.warnings[0]


def test_a_ten_megabyte_single_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * (10_000_000 // 5))
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    with pytest.raises(CorpusError, match="too large"):
        load_corpus([path])


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus([tmp_path / "missing.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match=r"folder has no \.txt, \.md or \.html articles"):
        load_corpus([tmp_path / "empty"])


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Text.\n")
    denied = PermissionError(13, "Permission denied")
    with (
        mock.patch("tui.core.text.corpus.os.open", side_effect=denied),
        pytest.raises(CorpusError, match=r"cannot read \(Permission denied\)"),
    ):
        load_corpus([path])


def test_with_several_inputs_bad_ones_are_skipped_with_warnings(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A good article. It has two sentences.\n")
    corpus = load_corpus([good, HOSTILE / "binary.txt", tmp_path / "missing.txt"])
    assert [a.id for a in corpus.articles] == ["good"]
    assert len(corpus.warnings) == 2
    assert all(w.startswith("skipped ") for w in corpus.warnings)


def test_all_inputs_bad_is_an_error() -> None:
    with pytest.raises(CorpusError, match="no usable articles"):
        load_corpus([HOSTILE / "binary.txt", HOSTILE / "empty.txt"])


def test_fingerprint_changes_with_the_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("One text.\n")
    before = corpus_fingerprint(load_corpus([path]))
    path.write_text("Another text.\n")
    assert corpus_fingerprint(load_corpus([path])) != before
