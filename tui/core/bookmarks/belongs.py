"""Which corpus a bookmark belongs to: the reader lists, and ``bookmarks export PATH``
writes, the bookmarks of the articles at hand."""

from __future__ import annotations

from tui.core.bookmarks.model import Bookmark
from tui.core.models import Corpus
from tui.core.text.corpus import corpus_fingerprint


class CorpusScope:
    """This corpus's bookmarks: saved on it, or on a version sharing an article with it
    (editing an article changes the fingerprint; re-anchoring finds the text again)."""

    def __init__(self, corpus: Corpus) -> None:
        self.fingerprint = corpus_fingerprint(corpus)
        self.article_ids = frozenset(a.id for a in corpus.articles)

    def __contains__(self, bookmark: object) -> bool:
        if not isinstance(bookmark, Bookmark):
            return False
        return bookmark.fingerprint == self.fingerprint or any(
            article in self.article_ids for article in bookmark.articles
        )
