"""Saved web pages as articles: the main text and the page's metadata, via trafilatura.

trafilatura is the ecosystem's standard for main-text extraction (navigation, related
links, newsletter boxes, comments, share buttons and footers dropped) and reads the
metadata news pages carry (``og:`` and ``article:`` meta, JSON-LD, ``<title>``,
canonical link). Paragraphs are kept, one blank line apart, so the segmenter sees them;
the article's text is exactly what was extracted, so every offset is exact into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

HTML_SUFFIXES = (".html", ".htm")
MIN_WORDS = 15
"""Fewer words than this is a menu or a login wall, not an article."""
_FIELDS = ("text", "title", "date", "sitename", "author", "url")


class NoArticleText(ValueError):
    """The page holds no article text (an index page, a login wall, an empty shell)."""


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The article text of a page and what the page says about it."""

    text: str
    meta: dict[str, str]
    """``title``, ``date``, ``source`` (the outlet), ``author``, ``url`` when known."""


def extract_page(page: bytes | str, url: str | None = None) -> ExtractedPage:
    """The main text and metadata of an HTML page (``NoArticleText`` when it has none)."""
    # Imported on first use: trafilatura and lxml take a while to import.
    import trafilatura  # noqa: PLC0415

    document = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        output_format="python",
    )
    found: dict[str, Any] = {}
    if isinstance(document, dict):
        found = document
    elif document is not None:
        found = {key: getattr(document, key, None) for key in _FIELDS}
    text = str(found.get("text") or "")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        raise NoArticleText("no article text found in the page")
    page_url = found.get("url") or url
    fields = {
        "title": found.get("title"),
        "date": found.get("date"),
        "source": found.get("sitename") or _domain(page_url),
        "author": found.get("author"),
        "url": page_url,
    }
    meta = {key: str(value) for key, value in fields.items() if value}
    return ExtractedPage("\n\n".join(paragraphs) + "\n", meta)


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
