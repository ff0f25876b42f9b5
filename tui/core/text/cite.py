"""Citing a source: outlet, title, date and URL, when known (file names otherwise)."""

from __future__ import annotations

from tui.core.models import Article


def source_name(article: Article) -> str:
    """The outlet, else the file name (ids and hashes are not names)."""
    return article.source or article.path.replace("\\", "/").rsplit("/", 1)[-1] or article.id


def citation(article: Article) -> str:
    """``Outlet, “Title”, date, URL``, leaving out what is not known."""
    parts = [source_name(article)]
    if article.title:
        parts.append(f"“{' '.join(article.title.split())}”")
    if article.date:
        parts.append(article.date)
    if article.url:
        parts.append(article.url)
    return ", ".join(parts)


def cited(words: str, article: Article, speaker: str | None = None) -> str:
    """Words quoted with their source: ``“…” (Speaker) — Outlet, “Title”, date, URL``."""
    said = f" ({speaker})" if speaker else ""
    return f"“{' '.join(words.split())}”{said} — {citation(article)}"
