"""Blind spots, at the level of facts: what only one source tells, and who is silent.

For an article, its sentences in no fact (no other source reports them); for a fact, the
articles of its story that do not report it.
"""

from __future__ import annotations

from tui.core.analysis import Analysis

MIN_WORDS = 6
"""Shorter sentences (bylines, captions, "Read more") are not facts worth listing."""


def only_here(analysis: Analysis, article_id: str) -> list[int]:
    """Indexes of the article's prose sentences that no fact holds."""
    article = analysis.corpus.article(article_id)
    return [
        s.index
        for s in article.sentences
        if s.kind == "text"
        and len(s.text.split()) >= MIN_WORDS
        and (article_id, s.index) not in analysis.sentence_groups
    ]


def silent(analysis: Analysis, fact: int) -> list[str]:
    """Ids of the articles of the fact's story that do not report it, in corpus order."""
    group = analysis.groups[fact]
    stories = analysis.alignment.stories
    story = next((s for s in stories if s.id == group.story), None)
    articles = story.articles if story is not None else [a.id for a in analysis.corpus.articles]
    reporting = {m.article for m in group.members}
    return [a for a in articles if a not in reporting]
