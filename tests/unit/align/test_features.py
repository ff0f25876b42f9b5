"""Sentence features: phrasal verbs, topic words, quoted runs."""

from __future__ import annotations

from tui.core.align import DEFAULT_PARAMS
from tui.core.align.features import features
from tui.core.align.pipeline import align
from tui.core.models import Article, Corpus
from tui.core.text.corpus import article_from_text


def article(article_id: str, text: str) -> Article:
    return article_from_text(article_id, text)


def corpus(*texts: str) -> Corpus:
    return Corpus(tuple(article(f"a{n}", t) for n, t in enumerate(texts)))


def test_phrasal_verbs_match_their_one_word_synonym() -> None:

    out = features(0, 0, 0, "text", "The senator pulled out of the governor's race on Monday.")
    left = features(1, 0, 0, "text", "The senator withdrew from the governor's race.")
    assert "withdraw" in out.keys and "withdraw" in left.keys
    assert "pull" not in out.keys  # The verb's own key is replaced, not doubled.


def test_topic_words_are_found_per_article() -> None:
    from tui.core.align.features import KeyIndex, topic_shares

    texts = (
        (0, "Farenthold resigned on Friday."),
        (0, "Farenthold paid a settlement of $84,000."),
        (0, "Farenthold thanked his staff."),
        (1, "Farenthold quit Congress on Friday."),
        (1, "The settlement was paid by taxpayers."),
        (1, "Farenthold deleted his Twitter account."),
    )
    feats = [features(a, n, 0, "text", t) for n, (a, t) in enumerate(texts)]
    key_ids = {k: i for i, k in enumerate(sorted({k for f in feats for k in f.keys}))}
    codes, shares = topic_shares(feats, KeyIndex.of(feats, key_ids), 2, DEFAULT_PARAMS)
    topical = {(int(c) // 2, int(c) % 2): s for c, s in zip(codes, shares, strict=True)}
    name, settle = key_ids["farenthold"], key_ids["settl"]
    assert (name, 0) in topical and (name, 1) in topical  # 3 of 3 and 2 of 3 sentences.
    assert (settle, 0) not in topical and (settle, 1) not in topical  # 1 of 3: a fact.
    assert (key_ids["~#farenthold"], 0) in topical  # Contexts inherit from their word.


def test_sentences_quoting_the_same_words_align() -> None:
    """A shared quoted run of words is one fact, however differently each report frames it."""
    quoting = corpus(
        "Garrity promised flood victims in Dorvale “we will not leave you on your own” again. "
        "Markets fell on Friday in Dorvale.",
        '"We will not leave you on your own," the mayor said. Rain is expected in Dorvale.',
    )
    pairs = {frozenset((m.article, m.sentence) for m in g.members) for g in align(quoting)}
    assert frozenset({("a0", 0), ("a1", 0)}) in pairs


def test_quoted_runs_need_quotation_marks_and_five_words() -> None:
    from tui.core.align.features import quote_pairs

    texts = [
        (0, "He called it “a club of tired old men” again."),
        (1, "It is a club of tired old men, he said."),  # Not quoted.
        (2, "She said “a club of tired” twice."),  # Too short.
        (3, "“A club of tired old men,” she said."),
    ]
    feats = [features(a, 0, 0, "text", t) for a, t in texts]
    assert quote_pairs(feats, DEFAULT_PARAMS) == {(0, 3)}


def test_a_name_followed_by_a_common_word_keeps_both_keys() -> None:
    from tui.core.align.features import features as sentence_features

    keys = sentence_features(0, 0, 0, "text", "The Preakness Stakes winner was retired.").keys
    assert any(k.startswith("preak") for k in keys)
    person = sentence_features(0, 0, 0, "text", "Volodymyr Zelenskyy spoke.").keys
    assert not any(k.startswith("volodym") for k in person)
