"""Places: what counts as one, which slot it fills, and when two cannot be one place."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.discrepancies.places import PlaceMention, place_conflicts, place_mentions
from tui.core.models import Article
from tui.core.text.corpus import article_from_text


def article(name: str, text: str) -> Article:
    return article_from_text(name, text, meta={"date": "2011-06-01"})


def places(text: str, name: str = "a") -> list[PlaceMention]:
    a = article(name, text)
    return [m for s in a.sentences for m in place_mentions(a, s)]


def conflicts(*texts: str) -> list[set[str]]:
    found = [m for n, t in enumerate(texts) for m in places(t, f"a{n}")]
    return [{v.text for v in c.values} for c in place_conflicts(found)]


def test_a_place_after_a_preposition_with_its_state() -> None:
    (m,) = places("She is a college student in Bellingham, Wash., the paper said.")
    assert (m.name, m.state, m.role, m.value.text) == (
        "bellingham",
        "washington",
        "where",
        "Bellingham, Wash.",
    )
    (m,) = places("The suspect, 56, of Aventura, Florida, was arrested.")
    assert (m.name, m.state, m.role) == ("aventura", "florida", "from")
    (m,) = places("A lawyer from Newark, N.J., spoke.")
    assert m.state == "new jersey"
    (m,) = places("In Bellingham, Wash., the police said nothing.")
    assert (m.name, m.role) == ("bellingham", "where")
    (m,) = places("She studied in Seattle, Cordova said.")
    assert (m.value.text, m.state) == ("Seattle", None)


def test_institutions_months_and_landmarks_are_not_places() -> None:
    assert not places("He studied at Whatcom Community College and served in Congress.")
    assert not places("The vote came in January, in the House.")
    (m,) = places("He lives in Aventura, Fla., just north of Miami.")
    assert m.name == "aventura"  # Miami is where Aventura is, not where he lives


def test_one_slot_two_towns_conflict() -> None:
    found = conflicts(
        "The photo was tweeted to a female college student in Seattle.",
        "The photo went to Gennette Cordova, a student at Whatcom Community College in Bellingham, Wash.",
    )
    assert found == [{"Seattle", "Bellingham, Wash."}]


def test_towns_one_letter_apart_are_two_places() -> None:
    found = conflicts(
        "The recruit trained at the depot in Parris, Tenn., last spring.",
        "The recruit trained at the depot in Paris, Tenn., last spring.",
    )
    assert found == [{"Parris, Tenn.", "Paris, Tenn."}]


def test_a_region_may_hold_the_town() -> None:
    assert not conflicts(
        "Cesar Sayoc, 56, of South Florida was taken into custody by the police.",
        "Cesar Sayoc, 56, of Aventura, Fla., was taken into custody by the police.",
    )
    assert not conflicts(
        "A same-sex couple who marry in Massachusetts and move keep the tax benefits.",
        "A same-sex couple who marry in Albany, N.Y., and move keep the tax benefits.",
    )


def test_different_roles_or_happenings_are_different_slots() -> None:
    # Where he was arrested is not where he is from.
    assert not conflicts(
        "Agents arrested the suspect, Cesar Sayoc, in Plantation, Florida, on Friday.",
        "Agents identified the suspect as Cesar Sayoc of Aventura, Florida, on Friday.",
    )
    # An interview in one town, a retreat in another: two things placed.
    assert not conflicts(
        "McCarthy spoke about immigration principles in an interview in Bakersfield, Calif.",
        "Leaders will release immigration principles at their retreat in Cambridge, Md.",
    )


@given(
    st.sampled_from(["Seattle", "Bellingham", "Aventura", "Cambridge"]),
    st.sampled_from(["Wash.", "Florida", "N.Y.", "Calif.", ""]),
    st.sampled_from(["in", "at", "of", "from", "near"]),
)
def test_every_value_is_its_span(town: str, state: str, prep: str) -> None:
    where = f"{town}, {state}" if state else town
    a = article("a", f"The student who lives {prep} {where} said nothing.")
    for m in place_mentions(a, a.sentences[0]):
        assert a.text[m.value.start : m.value.end] == m.value.text
        assert m.value.text.startswith(town)
