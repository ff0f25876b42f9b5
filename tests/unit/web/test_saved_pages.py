"""Saved web pages: the article's text and metadata, none of the site's chrome."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import BASIL
from tests.unit.web.pages import CHROME, STRIKE, news_page
from tui.cli import main
from tui.core.analysis import facts_by_story
from tui.core.text.corpus import load_corpus
from tui.core.text.html import NoArticleText, extract_page


def test_text_and_metadata_without_the_chrome() -> None:
    page = extract_page(news_page("Strike hits fuel depot near Kursk", STRIKE))
    for paragraph in STRIKE:
        assert paragraph in page.text
    for chrome in CHROME.values():
        assert chrome not in page.text
    assert page.meta["title"] == "Strike hits fuel depot near Kursk"
    assert page.meta["date"] == "2024-08-11"
    assert page.meta["source"] == "The Daily Example"
    assert page.meta["url"] == "https://daily.example.com/world/strike"
    assert page.meta["author"] == "Jane Roe"


def test_paragraphs_stay_paragraphs_and_offsets_are_exact(tmp_path: Path) -> None:
    (tmp_path / "strike.html").write_text(news_page("Strike", STRIKE), encoding="utf-8")
    article = load_corpus([tmp_path / "strike.html"]).articles[0]
    assert article.id == "strike" and article.source == "The Daily Example"
    assert article.date == "2024-08-11" and article.url.endswith("/world/strike")
    assert len([p for p in article.paragraphs if p.kind == "text"]) >= len(STRIKE)
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_a_folder_of_saved_pages_skips_the_browsers_asset_folders(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(news_page("A", STRIKE), encoding="utf-8")
    (tmp_path / "b.htm").write_text(news_page("B", STRIKE[1:]), encoding="utf-8")
    assets = tmp_path / "a_files"
    assets.mkdir()
    (assets / "widget.html").write_text(news_page("Widget", STRIKE), encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["a", "b"]


def test_a_page_without_article_text_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(NoArticleText):
        extract_page("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title></head><body></body></html>")
    assert main(["sentences", str(empty)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no article text" in err


def test_markup_garbage_is_never_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "broken.html"
    page.write_bytes(b"<html><<<<" + bytes(range(32, 127)) * 20 + b"</p></div></html>" * 50)
    assert main(["sentences", str(page)]) in (0, 1)
    assert capsys.readouterr().err.count("\n") <= 1


def _markdown_paragraphs(path: Path) -> tuple[dict[str, str], list[str]]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    meta = dict(line.split(": ", 1) for line in front.strip().splitlines())
    meta = {k: v.strip().strip('"') for k, v in meta.items()}
    return meta, [p.strip() for p in body.strip().split("\n\n") if p.strip()]


def test_a_basil_event_as_saved_pages_aligns_as_the_markdown(basil: Path, tmp_path: Path) -> None:
    event = basil / "2018-blake-farenthold-resigns-from-congress"
    for md in sorted(event.glob("*.md")):
        meta, paragraphs = _markdown_paragraphs(md)
        if paragraphs[0] == meta["title"]:
            paragraphs = paragraphs[1:]  # The page's <h1> says it.
        page = news_page(meta["title"], paragraphs, site=meta["source"], date=meta["date"])
        (tmp_path / f"{md.stem}.html").write_text(page, encoding="utf-8")

    def facts(folder: Path) -> set[frozenset[tuple[str, str]]]:
        corpus = load_corpus([folder])
        texts = {(a.id, s.index): s.text for a in corpus.articles for s in a.sentences}
        return {
            frozenset((m.article, texts[(m.article, m.sentence)]) for m in g.members)
            for g in facts_by_story(corpus)[1]
        }

    from_markdown, from_pages = facts(event), facts(tmp_path)
    shared = from_markdown & from_pages
    assert len(shared) >= 0.9 * len(from_markdown)
    assert len(shared) >= 0.9 * len(from_pages)


def test_json_reports_carry_the_source_and_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "strike.html").write_text(news_page("Strike", STRIKE), encoding="utf-8")
    assert main(["sentences", "--json", str(tmp_path / "strike.html")]) == 0
    article = json.loads(capsys.readouterr().out)["articles"][0]
    assert article["source"] == "The Daily Example"
    assert article["url"] == "https://daily.example.com/world/strike"


assert BASIL  # The BASIL test skips through the ``basil`` fixture when it is absent.
