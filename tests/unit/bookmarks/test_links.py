"""Links: a sentence put into a fact (or taken out), kept by its words, applied on reload."""

from __future__ import annotations

from tui.core.analysis import Analysis
from tui.core.bookmarks.links import add_link, apply_links, list_links
from tui.core.bookmarks.store import open_store
from tui.core.models import Alignment, Corpus, Group, Member
from tui.core.text.corpus import article_from_text

CORPUS = Corpus(
    (
        article_from_text("nyt", "Troops crossed the border. Officials evacuated 76,000.\n"),
        article_from_text("fox", "Ukrainian soldiers entered Russia. Some 121,000 left.\n"),
    )
)
FACT = Group(1, "crossing", 0.9, (Member("nyt", 0),))
ANALYSIS = Analysis(CORPUS, Alignment((FACT, Group(2, "x", 0.5, (Member("fox", 1),))), ()), ())


def test_a_link_adds_the_sentence_and_an_unlink_takes_it_out() -> None:
    store, _ = open_store()
    group = Group(1, "crossing", 0.9, (Member("nyt", 0), Member("fox", 1)))
    add_link(store, "link", group, CORPUS, article="fox", sentence=0)
    store.close()
    store, _ = open_store()
    links = list_links(store)
    linked = apply_links(ANALYSIS, links)
    assert ("fox", 0) in [(m.article, m.sentence) for m in linked.groups[0].members]
    assert linked.sentence_groups[("fox", 0)] == (0,)
    add_link(store, "unlink", linked.groups[0], CORPUS, article="fox", sentence=0)
    unlinked = apply_links(ANALYSIS, list_links(store))
    assert ("fox", 0) not in [(m.article, m.sentence) for m in unlinked.groups[0].members]
