"""Alignment on small hand-made corpora, the public API and the JSON contract."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.core.align import align, align_steps
from tui.core.corpus import article_from_text, load_corpus
from tui.core.features import features, key_weights
from tui.core.grouping import with_leads
from tui.core.models import Article, Corpus
from tui.core.progress import drain
from tui.core.scoring import ACCEPT

BASIL = Path(__file__).parents[2].parent / "shared/corpora/basil"


def article(article_id: str, text: str) -> Article:
    return article_from_text(article_id, text)


def corpus(*texts: str) -> Corpus:
    return Corpus(tuple(article(f"a{n}", t) for n, t in enumerate(texts)))


SMALL = corpus(
    "Flooding forced 12,000 residents of Dorvale to evacuate on Monday. "
    "The mayor praised the volunteers who filled sandbags all night. "
    "Schools will stay closed until the river drops.",
    "About 15,000 people fled Dorvale as the river burst its banks on Tuesday. "
    "A local bakery handed out free bread. "
    "Officials said schools would remain closed until the water recedes.",
    "The Dorvale mayor thanked sandbag volunteers for working through the night. "
    "Stock markets closed higher on Friday.",
)


def pairs_of(result_groups: tuple) -> set[frozenset[tuple[str, int]]]:  # type: ignore[type-arg]
    found = set()
    for group in result_groups:
        for a in group.members:
            for b in group.members:
                if a.article != b.article:
                    found.add(frozenset([(a.article, a.sentence), (b.article, b.sentence)]))
    return found


def test_same_facts_align_and_others_do_not() -> None:
    result = align(SMALL)
    found = pairs_of(result.groups)
    assert frozenset([("a0", 0), ("a1", 0)]) in found  # evacuated / fled
    assert frozenset([("a0", 1), ("a2", 0)]) in found  # mayor thanks volunteers
    assert not any(("a2", 1) in pair for pair in found)  # markets: nobody else
    assert not any(("a1", 1) in pair for pair in found)  # the bakery


def test_group_ids_order_and_labels() -> None:
    result = align(SMALL)
    assert [g.id for g in result.groups] == list(range(len(result.groups)))
    order = {a.id: n for n, a in enumerate(SMALL.articles)}
    firsts = [min((order[m.article], m.sentence) for m in g.members) for g in result.groups]
    assert firsts == sorted(firsts)
    for group in result.groups:
        assert group.label and group.score > 0
        assert len({m.article for m in group.members}) >= 2


def test_discrepancy_ids_point_both_ways() -> None:
    result = align(SMALL)
    assert [d.id for d in result.discrepancies] == list(range(len(result.discrepancies)))
    for group in result.groups:
        for i in group.discrepancies:
            assert result.discrepancies[i].group == group.id
    evac = [d for d in result.discrepancies if d.kind == "number"]
    assert evac and {v.value for v in evac[0].values} == {"12000", "15000"}


def test_align_steps_reports_progress_then_returns() -> None:
    steps = align_steps(SMALL)
    progress = []
    while True:
        try:
            progress.append(next(steps))
        except StopIteration as done:
            result = done.value
            break
    assert progress == sorted(progress) and progress[-1] == 1.0
    assert all(0.0 <= p <= 1.0 for p in progress)
    assert result == align(SMALL)


def test_one_sentence_may_carry_several_facts() -> None:
    result = align(load_corpus([]))
    seed0 = result.groups[0].members[0].article
    carrying = [
        g for g in result.groups if any(m.article == seed0 and m.sentence == 1 for m in g.members)
    ]
    assert len(carrying) >= 2


def test_datelines_never_align() -> None:
    seeds = load_corpus([])
    result = align(seeds)
    for group in result.groups:
        for m in group.members:
            assert seeds.article(m.article).sentences[m.sentence].kind != "dateline"


def test_single_article_and_unrelated_articles() -> None:
    assert align(corpus("Only one article here. It says two things.")).groups == ()
    unrelated = corpus("Cats sleep most of the day.", "The bond market fell sharply.")
    assert align(unrelated).groups == ()


def test_diff_spans_are_inside_ordered_and_disjoint_on_the_seeds() -> None:
    seeds = load_corpus([])
    for group in align(seeds).groups:
        for m in group.members:
            s = seeds.article(m.article).sentences[m.sentence]
            for a, b in pairwise(m.diff):
                assert a.end <= b.start
            for d in m.diff:
                assert s.start <= d.start < d.end <= s.end
        kinds = {d.kind for m in group.members for d in m.diff}
        assert kinds - {"own"}


words = st.sampled_from(
    "Kursk Kyiv Kiev troops 1,000 one thousand evacuated fled the of a on Tuesday 76,000 "
    "residents “provocation” major large-scale — 4-year-old border".split()
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(words, min_size=3, max_size=14), min_size=2, max_size=4))
def test_diff_spans_property(sentences: list[list[str]]) -> None:
    texts = [" ".join(s) + "." for s in sentences]
    c = corpus(*texts, *texts[::-1])
    for group in align(c).groups:
        for m in group.members:
            s = c.article(m.article).sentences[m.sentence]
            last = s.start
            for d in m.diff:
                assert last <= d.start < d.end <= s.end
                last = d.end


def test_align_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"articles", "groups"}
    ids = {a["id"]: a for a in payload["articles"]}
    assert len(ids) == 5 and "sentences" in payload["articles"][0]
    assert [g["id"] for g in payload["groups"]] == list(range(len(payload["groups"])))
    for group in payload["groups"]:
        assert set(group) == {"id", "label", "score", "members", "discrepancies"}
        for member in group["members"]:
            assert set(member) == {"article", "sentence", "diff"}
            sentence = ids[member["article"]]["sentences"][member["sentence"]]
            for d in member["diff"]:
                assert set(d) == {"start", "end", "kind"}
                assert d["kind"] in {"shared", "own", "number", "entity"}
                assert sentence["start"] <= d["start"] < d["end"] <= sentence["end"]
        for d in group["discrepancies"]:
            assert d["group"] == group["id"]


def test_align_table_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align"]) == 0
    assert "provocation" in capsys.readouterr().out


@pytest.mark.skipif(not BASIL.is_dir(), reason="BASIL corpus not present")
def test_basil_event_aligns_within_the_event() -> None:
    event = sorted(p for p in BASIL.iterdir() if p.is_dir())[0]
    result = align(load_corpus([event]))
    assert result.groups
    for group in result.groups:
        assert len({m.article for m in group.members}) >= 2


def test_phrasal_verbs_match_their_one_word_synonym() -> None:
    from tui.core.features import features

    out = features(0, 0, 0, "text", "The senator pulled out of the governor's race on Monday.")
    left = features(1, 0, 0, "text", "The senator withdrew from the governor's race.")
    assert "withdraw" in out.keys and "withdraw" in left.keys
    assert "pull" not in out.keys  # The verb's own key is replaced, not doubled.


def test_slices_of_candidates_give_the_same_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scoring one slice of sentences at a time changes when it yields, not what it finds."""
    from tui.core import scoring
    from tui.core.features import features, key_weights, merge_name_variants
    from tui.core.progress import drain

    seeds = load_corpus([])
    feats = [
        features(n, s.index, s.start, s.kind, s.text)
        for n, a in enumerate(seeds.articles)
        for s in a.sentences
    ]
    drain(merge_name_variants(feats))
    weights = drain(key_weights(feats))

    def pairs() -> list[tuple[int, int, float]]:
        found = [p for _, batch in scoring.score_pairs(feats, weights) for p in batch]
        return sorted((p.a, p.b, round(p.score, 9)) for p in found)

    whole = pairs()
    monkeypatch.setattr(scoring, "SLICE_PAIRS", 50)
    assert pairs() == whole
    assert whole


def test_progress_is_frequent_and_ordered() -> None:
    steps = list(_progress(load_corpus([])))
    assert steps == sorted(steps) and steps[-1] == 1.0
    assert len(steps) >= 8


def _progress(c: Corpus) -> list[float]:
    out = []
    gen = align_steps(c)
    while True:
        try:
            out.append(next(gen))
        except StopIteration:
            return out


def test_pairs_far_below_a_sentences_best_match_are_dropped() -> None:
    from tui.core.features import features
    from tui.core.grouping import near_best
    from tui.core.progress import drain
    from tui.core.scoring import PairScore

    feats = [features(a, s, 0, "text", "x") for a, s in ((0, 0), (1, 0), (1, 1))]
    pairs = [PairScore(0, 1, 0.8, 3.0), PairScore(0, 2, 0.2, 1.2)]
    assert drain(near_best(feats, pairs)) == pairs[:1]  # 0's best in article 1 is sentence 1.
    pairs = [PairScore(0, 1, 0.8, 3.0), PairScore(0, 2, 0.6, 2.0)]
    assert drain(near_best(feats, pairs)) == pairs


def test_near_duplicate_groups_merge_without_new_pairs() -> None:
    from tui.core.features import features
    from tui.core.grouping import _merge_near_duplicates

    where = ((0, 4), (0, 14), (2, 9), (2, 10), (1, 3))
    feats = [features(a, s, 0, "text", "x") for a, s in where]
    # One fact stated twice in two articles: four groups of two, all cross pairs known.
    groups = [[0, 2], [0, 3], [1, 2], [1, 3], [3, 4]]
    merged = _merge_near_duplicates(feats, groups)
    assert sorted(map(sorted, merged)) == [[0, 1, 2, 3], [3, 4]]  # 4 joins no one: 0-4 unknown.


def test_topic_words_are_found_per_article() -> None:
    from tui.core.features import features, topic_shares
    from tui.core.progress import drain

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
    codes, shares = drain(topic_shares(feats, key_ids, 2))
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
    pairs = {frozenset((m.article, m.sentence) for m in g.members) for g in align(quoting).groups}
    assert frozenset({("a0", 0), ("a1", 0)}) in pairs


def test_quoted_runs_need_quotation_marks_and_five_words() -> None:
    from tui.core.features import features, quote_pairs

    texts = [
        (0, "He called it “a club of tired old men” again."),
        (1, "It is a club of tired old men, he said."),  # Not quoted.
        (2, "She said “a club of tired” twice."),  # Too short.
        (3, "“A club of tired old men,” she said."),
    ]
    feats = [features(a, 0, 0, "text", t) for a, t in texts]
    assert quote_pairs(feats) == {(0, 3)}


LEADS = corpus(
    "Okonkwo resigns from the Senate\n\n"
    "Okonkwo denied wrongdoing at a crowded press event. "
    "Okonkwo was first elected in 2010. "
    "His resignation surprised Okonkwo's allies in the Senate. "
    "Okonkwo thanked his family.",
    "A long scandal ends\n\n"
    "Okonkwo resigned from the Senate on Friday. "
    "Okonkwo's lawyers had fought subpoenas for months. "
    "The resignation leaves the Senate evenly split, Okonkwo's allies said. "
    "Okonkwo grew up on a farm near the coast.",
)


def test_headline_pairs_with_the_other_lead_on_topic_words() -> None:
    """Openings sharing only the story's topic words pair up; later sentences do not."""
    feats = [
        features(n, s.index, s.start, s.kind, s.text)
        for n, art in enumerate(LEADS.articles)
        for s in art.sentences
    ]
    weights = drain(key_weights(feats))
    found = {(p.a, p.b): p.score for p in with_leads(feats, weights, [])}
    size = len(LEADS.articles[0].sentences)
    assert found.get((0, size + 1), 0.0) >= ACCEPT  # "Okonkwo resigns" / "resigned"
    assert not any(size - 1 in pair or size - 2 in pair for pair in found)  # no leads
