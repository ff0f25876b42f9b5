"""Every knob of the aligner in one frozen, documented value.

Passed through the pipeline instead of module globals, so that benchmarks and quality
scripts can sweep a knob (``replace(DEFAULT_PARAMS, accept=0.2)``) without patching.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AlignParams:
    """Thresholds and weights of matching, scoring and grouping (defaults: tuned, see README)."""

    accept: float | None = 0.45
    """Probability from which the model adds a pair the engine did not keep (None: the
    model's own threshold, chosen for pair-level F1; higher here, as the engine's pairs
    already stand and grouping joins what the pairs link). Cross-validated on the BASIL
    gold (each event aligned by a model fitted without it), facts F1 peaks at 0.35-0.45;
    the seeds alone would ask for 0.65, which loses recall on every BASIL set."""
    link_share: float = 0.7
    """Share of ``accept`` from which a pair counts as a link when a sentence joins a group."""
    link: float = 0.12
    """The engine's score floor: pairs below it get no engine score (a feature of the model)."""
    min_shared: float = 1.0
    """Least shared evidence (summed key weights): two common words never make a fact."""
    same_article_margin: float = 0.15
    """A fact repeated inside one article needs a stronger match to join its group."""
    heading_factor: float = 0.85
    """Headings are short and generic: they align, but with a discount."""
    clause_factor: float = 0.9
    """A clause match counts a little less than a whole-sentence match."""
    block_min_weight: float = 0.1
    """Keys lighter than this (common words) do not generate candidates (they still score)."""
    block_max_df: int = 120
    """Keys in more sentences than this do not generate candidates (they still score)."""
    topic: float = 2.0
    """Weight a key loses per share of the articles' sentences it runs through (their topic
words: "Farenthold" in half of both reports keeps nothing; both sides must be topical)."""
    article_spread: float = 0.5
    """How much a key found in every article is discounted (the story's protagonists)."""
    pair_rarity: float = 2.0
    """Rarity given to a word pair: a phrase is rarer than its words."""
    qty_date_rarity: float = 1.5
    """Rarity of a word next to a year (a date is weaker evidence than a count)."""
    qty_day_rarity: float = 3.0
    """Rarity of a word next to a weekday: "began on Tuesday" vs "on Wednesday" is one event."""
    clause_min_sentence: int = 12
    """Sentences with this many content words are also matched clause by clause."""
    clause_min: int = 4
    """Fewest content words in a clause (shorter pieces join their neighbour)."""
    topic_min: float = 0.4
    """Share of an article's sentences from which a key counts as one of its topic words."""
    topic_smooth: int = 2
    """Sentences added to every article when sharing out keys (a headline is not all topic)."""
    quote_run: int = 5
    """Consecutive quoted words two sentences must share to quote the same words."""
    quote_max_df: int = 6
    """A quoted run found in more sentences than this is a slogan, not one fact."""
    join_share: float = 0.67
    """Share of a group's members (in other articles) a newcomer must be linked to."""
    per_article: int = 1
    """Most sentences one article may put in one group."""
    merge_per_article: int = 2
    """Most sentences one article may bring to a group made of merged near-duplicates."""
    slice_pairs: int = 200_000
    """Candidate pair occurrences summed between two progress reports (speed, not quality)."""
    trust_engine: bool = True
    """Pairs the engine accepts count as accepted whatever the model says."""
    engine_accept: float = 0.15
    """The engine's score from which it took a pair for one fact (its affinity and leads)."""
    small_corpus: int = 3
    """Up to this many articles, all are taken to report one story (no affinity discount)."""
    affinity: int = 12
    """Strong pairs two articles need before each of their pairs counts in full."""
    affinity_share: float = 0.3
    """Share of an article's best partner's support at which another partner counts fully."""
    affinity_floor: float = 0.5
    """Score factor of a pair whose two articles share no other strong pair."""
    near_best: float = 0.45
    """Share of a sentence's best score with another article below which a pair is dropped."""
    lead_text: int = 2
    """Text sentences that open an article (its lead): news leads restate the headline."""
    lead_keys: int = 2
    """Content words a headline or lead must share with another article's lead."""
    lead_shared: float = 0.7
    """Least undiscounted weight those words must sum to."""
    lead_score: float = 0.15
    """Score of such a pair: a strong pair, as the lead's shared topic words are its fact."""
    quote_score: float = 0.3
    """Score of a pair quoting the same words (a strong pair, whatever else differs)."""


DEFAULT_PARAMS = AlignParams()
"""The parameters the reader and the reports use."""
