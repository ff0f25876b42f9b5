"""Re-anchoring: bookmarks follow their text through edits, re-segmentation and re-alignment."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.bookmarks.anchoring import bookmarked_groups, locate_in, reanchor
from tui.core.bookmarks.store import (
    Bookmark,
    draft_for_discrepancy,
    draft_for_fact,
    draft_for_quote,
    open_store,
)
from tui.core.models import (
    Alignment,
    Article,
    Corpus,
    Discrepancy,
    DiscrepancyValue,
    Group,
    Member,
    Quote,
)
from tui.core.text.corpus import article_from_text, load_corpus

NYT = (
    "Ukraine pressed its offensive in the Kursk region on Monday. "
    "Officials said 76,000 residents had been evacuated from the border districts. "
    '"We will protect our people," the governor said in a video address. '
    "The fighting continued into the night."
)
FOX = (
    "Russia scrambled to contain a Ukrainian incursion into Kursk. "
    "More than 121,000 people have left the area, according to the regional governor. "
    "Moscow called the attack a provocation."
)


def article(article_id: str, text: str) -> Article:
    return article_from_text(article_id, text)


def corpus(nyt: str = NYT, fox: str = FOX, nyt_id: str = "nyt") -> Corpus:
    return Corpus((article(nyt_id, nyt), article("fox", fox)))


def evacuation(c: Corpus, gid: int = 7, did: int = 3) -> Alignment:
    """The evacuation fact: sentence 1 of both articles, with a number discrepancy."""
    nyt = next(a for a in c.articles if a.id != "fox")
    group = Group(gid, "residents evacuated", 0.8, (Member(nyt.id, 1), Member("fox", 1)), (did,))
    disc = Discrepancy(
        did,
        "number",
        gid,
        "evacuated: 76,000 vs 121,000",
        (
            DiscrepancyValue(nyt.id, 1, "76,000", "76000"),
            DiscrepancyValue("fox", 1, "121,000", "121000"),
        ),
    )
    other = Group(gid + 1, "offensive in Kursk", 0.6, (Member(nyt.id, 0), Member("fox", 0)))
    return Alignment((other, group), (disc,))


def saved(draft_bookmark: object) -> Bookmark:
    store, _ = open_store()
    return store.add(draft_bookmark)  # type: ignore[arg-type]


def test_unchanged_corpus_anchors_exactly() -> None:
    c = corpus()
    alignment = evacuation(c)
    fact = saved(draft_for_fact(alignment.groups[1], c))
    (anchored,) = reanchor([fact], c, alignment)
    assert (anchored.status, anchored.group, anchored.corpus_changed) == ("exact", 7, False)
    assert anchored.sentences == (("nyt", 1), ("fox", 1))
    assert bookmarked_groups([anchored]) == {7}


def test_text_inserted_before_moves_the_anchor() -> None:
    c = corpus()
    fact = saved(draft_for_fact(evacuation(c).groups[1], c))
    changed = corpus(nyt="A new first sentence was added by the editors. " + NYT)
    new_alignment = evacuation(changed)
    # The alignment now puts the evacuation in sentence 2 of nyt: rebuild it that way.
    group = Group(12, "evacuated", 0.8, (Member("nyt", 2), Member("fox", 1)))
    (anchored,) = reanchor([fact], changed, Alignment((new_alignment.groups[0], group), ()))
    assert anchored.status == "moved" and anchored.corpus_changed
    assert anchored.group == 12
    assert ("nyt", 2) in anchored.sentences


def test_edited_wording_is_found_approximately() -> None:
    c = corpus()
    fact = saved(draft_for_fact(evacuation(c).groups[1], c))
    edited = NYT.replace("had been evacuated", "were evacuated")
    changed = corpus(nyt=edited)
    (anchored,) = reanchor([fact], changed, evacuation(changed, gid=40))
    assert anchored.status == "fuzzy"
    assert anchored.group == 40


def test_resegmentation_split_and_merge_still_find_the_fact() -> None:
    c = corpus()
    fact = saved(draft_for_fact(evacuation(c).groups[1], c))
    split = NYT.replace("residents had been evacuated", "residents. They had been evacuated")
    (anchored,) = reanchor([fact], corpus(nyt=split))
    assert anchored.status == "fuzzy" and not anchored.orphaned
    assert ("nyt", 1) in anchored.sentences
    merged = NYT.replace("Monday. Officials", "Monday, and officials")
    (anchored,) = reanchor([fact], corpus(nyt=merged))
    assert not anchored.orphaned and ("nyt", 0) in anchored.sentences


def test_renamed_article_is_searched_for() -> None:
    c = corpus()
    fact = saved(draft_for_fact(evacuation(c).groups[1], c))
    (anchored,) = reanchor([fact], corpus(nyt_id="nyt-2024"))
    assert ("nyt-2024", 1) in anchored.sentences and not anchored.missing


def test_removed_text_orphans_the_bookmark_but_keeps_it() -> None:
    c = corpus()
    fact = saved(draft_for_fact(evacuation(c).groups[1], c).with_note("check", []))
    gone = corpus(
        nyt="An unrelated story about the weather in Kyiv and its long rainy spring.",
        fox="Another unrelated story about a football match in Lviv on Sunday afternoon.",
    )
    (anchored,) = reanchor([fact], gone, Alignment((), ()))
    assert anchored.orphaned and anchored.group is None and anchored.sentences == ()
    assert set(anchored.missing) == {"nyt", "fox"}
    store, _ = open_store()
    assert store.list() == (fact,)  # Orphaned is a display state: nothing was deleted.


def test_partly_missing_fact_is_kept_with_what_remains() -> None:
    c = corpus()
    fact = saved(draft_for_fact(evacuation(c).groups[1], c))
    changed = corpus(fox="Moscow called the attack a provocation and said nothing else.")
    (anchored,) = reanchor([fact], changed)
    assert not anchored.orphaned and anchored.status == "fuzzy"
    assert anchored.missing == ("fox",) and anchored.sentences == (("nyt", 1),)


def test_discrepancy_follows_new_ids() -> None:
    c = corpus()
    alignment = evacuation(c)
    mark = saved(draft_for_discrepancy(alignment.discrepancies[0], c, alignment))
    assert [v.text for v in mark.values] == ["76,000", "121,000"]
    realigned = evacuation(c, gid=70, did=30)
    (anchored,) = reanchor([mark], c, realigned)
    assert (anchored.discrepancy, anchored.group) == (30, 70)
    (anchored,) = reanchor([mark], c, Alignment(realigned.groups, ()))
    assert anchored.discrepancy is None and anchored.group == 70  # Resolved, fact still there.


def test_quote_follows_its_words() -> None:
    c = corpus()
    nyt = c.article("nyt")
    start = nyt.text.index('"We will')
    end = nyt.text.index('people,"') + len('people,"')
    quote = Quote("nyt:q1", "nyt", start, end, "We will protect our people,", "governor",
                  "the governor", "said")  # fmt: skip
    mark = saved(draft_for_quote(quote, c))
    assert '"We will protect our people,"' in mark.anchors[0].text
    changed = corpus(nyt="Breaking news first. " + NYT)
    moved = changed.article("nyt").text.index('"We will')
    requote = Quote("nyt:q9", "nyt", moved, moved + (end - start), quote.text, "governor",
                    "the governor", "said")  # fmt: skip
    other = Quote("fox:q1", "fox", 0, 10, "Something else entirely", None, None, None)
    (anchored,) = reanchor([mark], changed, None, [other, requote])
    assert anchored.quote == "nyt:q9" and anchored.status == "moved"


def test_seed_corpus_bookmarks_anchor_exactly() -> None:
    c = load_corpus([])
    first, second = c.articles[:2]
    group = Group(1, "x", 1.0, (Member(first.id, 2), Member(second.id, 3)))
    mark = saved(draft_for_fact(group, c))
    (anchored,) = reanchor([mark], c, Alignment((group,), ()))
    assert anchored.status == "exact" and anchored.group == 1


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(alphabet="abc .,\n", max_size=80),
    after=st.text(alphabet="xyz .,\n", max_size=80),
)
def test_inserted_text_never_loses_a_verbatim_anchor(before: str, after: str) -> None:
    c = corpus()
    fact = draft_for_fact(evacuation(c).groups[1], c)
    anchor = fact.anchors[0]
    text = before + NYT + after
    found = locate_in(anchor, article("nyt", text))
    assert found is not None and found.how in {"exact", "moved"}
    assert text[found.start : found.end] == anchor.text


def test_store_survives_round_trip_of_drafts(_private_data_dir: Path) -> None:
    c = corpus()
    alignment = evacuation(c)
    mark = saved(draft_for_discrepancy(alignment.discrepancies[0], c, alignment))
    store, _ = open_store()
    assert store.list() == (mark,)
    assert mark.discrepancy_kind == "number" and mark.articles == ("nyt", "fox")


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_small_edits_inside_the_sentence_still_find_it(data: st.DataObject) -> None:
    c = corpus()
    anchor = draft_for_fact(evacuation(c).groups[1], c).anchors[0]
    at = data.draw(st.integers(anchor.start, anchor.end - 1), label="at")
    cut = data.draw(st.integers(0, 5), label="cut")
    insert = data.draw(st.text(alphabet="qwerty 0123456789", max_size=5), label="insert")
    text = NYT[:at] + insert + NYT[at + cut :]
    edited = article("nyt", text)
    found = locate_in(anchor, edited)
    assert found is not None
    new_start, new_end = anchor.start, anchor.end - cut + len(insert)
    assert found.start < new_end and found.end > new_start  # Overlaps the edited sentence.
    # Segmentation may change with the edit ("eOfficials" joins the previous sentence),
    # but the sentences found are among those now holding the edited text.
    holding = {x.index for x in edited.sentences if x.start < new_end and x.end > new_start}
    assert found.sentences and set(found.sentences) <= holding
