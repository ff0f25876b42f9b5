"""The analysis: one list of discrepancies for the reader and the report commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.analysis import analyse
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text, load_corpus

SMALL = Corpus(
    (
        article_from_text(
            "a0",
            "Flooding forced 12,000 residents of Dorvale to evacuate on Monday. "
            "The mayor praised the volunteers who filled sandbags all night.",
        ),
        article_from_text(
            "a1",
            "About 15,000 people fled Dorvale as the river burst its banks on Tuesday. "
            "The Dorvale mayor thanked sandbag volunteers for working through the night.",
        ),
    )
)


def test_discrepancy_ids_point_both_ways() -> None:
    result = analyse(SMALL)
    assert [d.id for d in result.discrepancies] == list(range(len(result.discrepancies)))
    for group in result.groups:
        for i in group.discrepancies:
            assert result.discrepancies[i].group == group.id
    for position, found in enumerate(result.fact_discrepancies):
        assert all(d.group == result.groups[position].id for d in found)
    evac = [d for d in result.discrepancies if d.kind == "number"]
    assert evac and {v.value for v in evac[0].values} == {"12000", "15000"}


def _cli_discrepancies(paths: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict]:  # type: ignore[type-arg]
    assert main(["discrepancies", "--json", *paths]) == 0
    found: list[dict] = json.loads(capsys.readouterr().out)["discrepancies"]  # type: ignore[type-arg]
    return found


def _reader_discrepancies(paths: list[str]) -> list[dict]:  # type: ignore[type-arg]
    """What the reader lists: every fact's discrepancies, plus those outside any fact."""
    analysis = analyse(load_corpus(paths))
    shown = {d.id: d for found in analysis.fact_discrepancies for d in found}
    shown.update({d.id: d for d in analysis.discrepancies if d.group is None})
    return [
        {"id": d.id, "kind": d.kind, "values": [[v.article, v.sentence, v.text] for v in d.values]}
        for d in sorted(shown.values(), key=lambda d: d.id)
    ]


def _same_shape(cli: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return [
        {
            "id": d["id"],
            "kind": d["kind"],
            "values": [[v["article"], v["sentence"], v["text"]] for v in d["values"]],
        }
        for d in cli
    ]


def test_cli_and_reader_list_the_same_discrepancies_on_the_seeds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cli = _cli_discrepancies([], capsys)
    assert any(d["kind"] == "quote_wording" for d in cli)
    assert _same_shape(cli) == _reader_discrepancies([])


def test_cli_and_reader_list_the_same_discrepancies_on_a_basil_event(
    basil: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = str(basil / "2018-blake-farenthold-resigns-from-congress")
    assert _same_shape(_cli_discrepancies([event], capsys)) == _reader_discrepancies([event])


def test_facts_never_join_two_stories() -> None:
    flood = (
        "Flooding forced 12,000 residents of Dorvale to evacuate on Monday after the Linn "
        "river burst its banks. The Dorvale mayor praised volunteers who filled sandbags."
    )
    flood2 = (
        "About 15,000 people fled Dorvale on Monday as the Linn river flooded the town. "
        "Volunteers filled sandbags through the night, the Dorvale mayor said."
    )
    vote = (
        "The Marwick council voted on Monday to close two libraries to save money. "
        "The mayor praised volunteers who kept the libraries open on weekends."
    )
    vote2 = (
        "Marwick councillors approved the closure of two libraries on Monday. "
        "Volunteers had kept the Marwick libraries open, the mayor said."
    )
    corpus = Corpus(
        tuple(article_from_text(f"a{n}", t) for n, t in enumerate((flood, vote, flood2, vote2)))
    )
    result = analyse(corpus)
    assert [s.articles for s in result.alignment.stories] == [("a0", "a2"), ("a1", "a3")]
    for group in result.groups:
        story = result.alignment.stories[group.story]
        assert {m.article for m in group.members} <= set(story.articles)
