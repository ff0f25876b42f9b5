"""Sentences the reader linked to a fact (a possible match accepted) or unlinked from it.

Kept in the bookmark store by their words (a fact's first sentence, and the sentence
linked), so a reload applies them to a fresh alignment: :func:`apply_links`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal

from tui.core.analysis import Analysis
from tui.core.bookmarks.store import BookmarkStore, StoreError
from tui.core.models import Corpus, Group, Member
from tui.core.text.corpus import corpus_fingerprint

LinkKind = Literal["link", "unlink"]


@dataclass(frozen=True, slots=True)
class Link:
    """One sentence put into (or taken out of) the fact holding another."""

    id: int
    kind: LinkKind
    anchor_article: str
    anchor_text: str
    """The words of a sentence of the fact (its first member when linked)."""
    article: str
    text: str
    """The words of the sentence linked or unlinked."""


def add_link(
    store: BookmarkStore,
    kind: LinkKind,
    group: Group,
    corpus: Corpus,
    *,
    article: str,
    sentence: int,
) -> Link:
    """Save a link of ``article``'s sentence to ``group`` (or an unlink from it)."""
    anchor = next(m for m in group.members if (m.article, m.sentence) != (article, sentence))
    anchor_text = corpus.article(anchor.article).sentences[anchor.sentence].text
    text = corpus.article(article).sentences[sentence].text
    now = datetime.now(UTC).isoformat(timespec="seconds")
    # The store's own transaction (a friend module: same package, same file).
    with store._write() as conn:
        conn.execute(
            "DELETE FROM links WHERE article = ? AND text = ? AND anchor_article = ? "
            "AND anchor_text = ?",
            (article, text, anchor.article, anchor_text),
        )
        cursor = conn.execute(
            "INSERT INTO links (kind, anchor_article, anchor_text, article, text, created, "
            "fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (kind, anchor.article, anchor_text, article, text, now, corpus_fingerprint(corpus)),
        )
        new_id = cursor.lastrowid
    assert new_id is not None
    return Link(new_id, kind, anchor.article, anchor_text, article, text)


def list_links(store: BookmarkStore) -> list[Link]:
    """Every link, oldest first."""
    store._check_available()
    try:
        with store._lock:
            rows = store._conn.execute(
                "SELECT id, kind, anchor_article, anchor_text, article, text FROM links ORDER BY id"
            ).fetchall()
    except Exception as error:  # sqlite3.Error: an old store opened read-only.
        raise StoreError(f"cannot read links from {store.path}: {error}") from None
    return [
        Link(int(r[0]), r[1], str(r[2]), str(r[3]), str(r[4]), str(r[5]))
        for r in rows
        if r[1] in ("link", "unlink")
    ]


def _sentence(corpus: Corpus, article: str, text: str) -> int | None:
    try:
        sentences = corpus.article(article).sentences
    except KeyError:
        return None
    return next((s.index for s in sentences if s.text == text), None)


def apply_links(analysis: Analysis, links: Sequence[Link]) -> Analysis:
    """The analysis with the reader's links and unlinks applied to its facts."""
    if not links:
        return analysis
    corpus = analysis.corpus
    groups = list(analysis.groups)
    changed = False
    for link in links:
        anchor = _sentence(corpus, link.anchor_article, link.anchor_text)
        target = _sentence(corpus, link.article, link.text)
        if anchor is None or target is None:
            continue  # The text changed: the link no longer applies.
        position = next(
            (
                i
                for i, g in enumerate(groups)
                if any((m.article, m.sentence) == (link.anchor_article, anchor) for m in g.members)
            ),
            None,
        )
        if position is None:
            continue
        group = groups[position]
        here = [(m.article, m.sentence) for m in group.members]
        if link.kind == "link" and (link.article, target) not in here:
            members = (*group.members, Member(link.article, target))
        elif link.kind == "unlink" and (link.article, target) in here:
            members = tuple(
                m for m in group.members if (m.article, m.sentence) != (link.article, target)
            )
        else:
            continue
        groups[position] = replace(group, members=members)
        changed = True
    if not changed:
        return analysis
    alignment = replace(analysis.alignment, groups=tuple(groups))
    return Analysis(corpus, alignment, analysis.quotes)
