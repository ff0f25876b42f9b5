"""Core value objects shared by every part of kursk-reader.

They are frozen: built once by the core, handed to the UI and the CLI, never mutated.
All offsets are character offsets into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SentenceKind = Literal["text", "heading", "tweet", "dateline"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or heading, or tweet line) of an article."""

    index: int
    """Position of the sentence in its article, from 0."""
    paragraph: int
    """Index of the paragraph holding the sentence, from 0."""
    start: int
    end: int
    text: str
    """Exactly ``article.text[start:end]``."""
    kind: SentenceKind = "text"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the article, as the reader shows it."""

    index: int
    start: int
    end: int
    kind: Literal["text", "heading"] = "text"


@dataclass(frozen=True, slots=True)
class Tweet:
    """A tweet pasted inline, recognised by its ``— Name (@handle) Date`` signature."""

    start: int
    end: int
    """End of the signature: the tweet is ``text[start:end]``."""
    body_end: int
    """End of the tweet's own words, before ``pic.twitter.com`` links and the signature."""
    author: str
    handle: str
    date: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news report: its readable text, segmented, with metadata."""

    id: str
    path: str
    """Where it was read from (for the bundled seeds, the path inside the package)."""
    title: str
    date: str | None
    text: str
    """The readable text: the file itself for ``.txt``, the rendered prose for ``.md``."""
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[Paragraph, ...]
    tweets: tuple[Tweet, ...] = ()
    source: str | None = None
    """The outlet, from Markdown front matter."""
    url: str | None = None

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding a text offset (the one before it, between two)."""
        for sentence in self.sentences:
            if sentence.start <= offset < max(sentence.end, sentence.start + 1):
                return sentence.index
        return max((s.index for s in self.sentences if s.start <= offset), default=0)


@dataclass(frozen=True, slots=True)
class Corpus:
    """The articles being compared, and what was skipped while loading them."""

    articles: tuple[Article, ...]
    warnings: tuple[str, ...] = field(default=())

    def article(self, article_id: str) -> Article:
        """The article with that id (``KeyError`` if none)."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


DiffKind = Literal["shared", "own", "number", "entity"]
DiscrepancyKind = Literal[
    "number", "date", "place", "name", "attribution", "entity_variant", "quote_wording"
]


@dataclass(frozen=True, slots=True)
class DiffSpan:
    """A coloured stretch of a member sentence, in offsets into ``Article.text``."""

    start: int
    end: int
    kind: DiffKind


@dataclass(frozen=True, slots=True)
class Member:
    """One article's sentence inside an aligned group."""

    article: str
    sentence: int
    diff: tuple[DiffSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class Group:
    """Sentences from two or more articles that report the same fact."""

    id: int
    label: str
    score: float
    members: tuple[Member, ...]
    discrepancies: tuple[int, ...] = ()
    """Ids of the discrepancies found inside this group."""
    story: int = 0
    """Id of the story whose articles report this fact."""

    @property
    def coverage(self) -> int:
        """How many articles report this fact."""
        return len({m.article for m in self.members})


@dataclass(frozen=True, slots=True)
class DiscrepancyValue:
    """What one source says about the disputed point."""

    article: str
    sentence: int
    text: str
    """The words in the sentence that carry the value (``76,000``)."""
    value: str
    """The value, normalised for comparison (``76000``)."""
    start: int = 0
    """Offset of ``text`` in ``Article.text`` (``start == end == 0``: a hand-built value)."""
    end: int = 0


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A point on which the sources disagree, or name the same thing differently."""

    id: int
    kind: DiscrepancyKind
    group: int | None
    summary: str
    values: tuple[DiscrepancyValue, ...]
    confidence: float = 1.0
    """How sure the finder is that this is a real disagreement (0..1)."""


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report one event; facts are only sought inside a story."""

    id: int
    label: str
    """Its most telling words, for a story picker."""
    articles: tuple[str, ...]
    """Ids of its articles, in corpus order."""


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result of aligning a corpus: facts and where the sources disagree on them."""

    groups: tuple[Group, ...]
    discrepancies: tuple[Discrepancy, ...]
    stories: tuple[Story, ...] = ()
    """The stories the facts were sought in (empty: the corpus was taken as one)."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote (or a tweet) and who said it."""

    id: str
    article: str
    start: int
    end: int
    text: str
    """The quoted words, without the quotation marks."""
    speaker: str | None
    """The speaker's name as this article writes it (its fullest form in the article), or,
    when the speaker was taken from another article (``speaker_from``), the canonical name."""
    speaker_mention: str | None
    """The words in the text the speaker was taken from."""
    cue: str | None
    kind: Literal["direct", "tweet"] = "direct"
    unclosed: bool = False
    same_as: tuple[str, ...] = ()
    reason: str | None = None
    """Why the speaker is unknown, when it is."""
    speaker_id: str | None = None
    """Canonical speaker name, shared across articles (``Zelenskyy`` for ``Zelensky``)."""
    named: bool = False
    """The quote's own sentence names its speaker at the cue (``Pelosi said``), where a
    pronoun, a role or the paragraph before only points to one: the surest attribution."""
    speaker_from: str | None = None
    """The article that names this quote's speaker, when not this one: it gives the same
    words, and this article only says ``she`` or nothing (see ``borrow_speakers``)."""


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """The facts, quotes and discrepancies of one story, found from its articles alone.

    Ids are local to the story (groups and discrepancies from 0, quotes ``q<i>-<n>`` with
    ``i`` the article's place in the story): the unit that is cached, sent back by a
    worker and stored in an index, renumbered when the stories are put together.
    """

    groups: tuple[Group, ...]
    quotes: tuple[Quote, ...]
    discrepancies: tuple[Discrepancy, ...]
