"""Names: one person spelled two ways, kept apart from nicknames and look-alikes."""

from __future__ import annotations

from tui.core.discrepancies.naming import (
    given_name_conflicts,
    misspelled_first,
    misspelled_last,
    name_conflicts,
    person_names,
    plural_slips,
    relative_slips,
    surname_slips,
)
from tui.core.models import Corpus
from tui.core.text.corpus import article_from_text


def test_first_name_spellings() -> None:
    assert misspelled_first("Jon", "John")
    assert not misspelled_first("Chris", "Christopher")  # a short form
    assert not misspelled_first("Ted", "Edward")  # a nickname
    assert not misspelled_first("Sandi", "Sandra")
    assert not misspelled_first("Chuck", "Charles")
    assert not misspelled_first("Bill", "Hillary")  # two people


def test_surname_typos_not_endings_or_words() -> None:
    assert misspelled_last("Thompson", "Thomson")
    assert not misspelled_last("Arabia", "Arabian")
    assert not misspelled_last("Parties", "Partiers")


def test_full_names_only_and_every_spelling_located() -> None:
    a = article_from_text("a", "Jon Thompson said the conduct was unbecoming. Colin Powell spoke.")
    b = article_from_text("b", "John Thompson called it unbecoming. Colvin Smith disagreed.")
    corpus = Corpus((a, b))
    (found,) = name_conflicts(corpus, [["a", "b"]])
    assert found.kind == "name"
    assert {v.value for v in found.values} == {"Jon Thompson", "John Thompson"}
    for v in found.values:
        assert corpus.article(v.article).text[v.start : v.end] == v.text


def test_middle_names_initials_and_suffixes_are_one_name() -> None:
    a = article_from_text("a", "Hillary Clinton and Michael Grimm and Cesar Sayoc met.")
    b = article_from_text(
        "b", "Hillary Rodham Clinton and Michael G. Grimm and Cesar Sayoc Jr. met."
    )
    assert not name_conflicts(Corpus((a, b)), [["a", "b"]])


def test_a_plural_slip_inside_a_long_name_is_one_name_written_two_ways() -> None:
    fox = article_from_text(
        "fox",
        "Lerner served at the Federal Elections Commission. Bopp said she had done it at the "
        "Federal Election Commission. The House and Senate Intelligence Committees met. "
        "The Senate Intelligence Committee spoke.",
    )
    corpus = Corpus((fox,))
    (found,) = plural_slips(corpus, [["fox"]])
    assert found.kind == "name"
    assert {v.value for v in found.values} == {
        "Federal Elections Commission",
        "Federal Election Commission",
    }
    for v in found.values:
        assert fox.text[v.start : v.end] == v.text


def test_a_name_in_capitals_is_not_a_second_spelling_but_a_capital_inside_a_word_is() -> None:
    headline = article_from_text(
        "a", "SAN Diego Chargers lose again. The San Diego Chargers lost on Sunday."
    )
    assert plural_slips(Corpus((headline,)), [["a"]]) == []
    firm = article_from_text(
        "b", "He ran Tallgrass Distributors Ltd for years. TallGrass Distributors Ltd closed."
    )
    (found,) = plural_slips(Corpus((firm,)), [["b"]])
    assert {v.text for v in found.values} == {
        "Tallgrass Distributors Ltd",
        "TallGrass Distributors Ltd",
    }


def kind_of(a: str, b: str) -> str:
    """The kind of the one name conflict between two articles."""
    corpus = Corpus((article_from_text("a", a), article_from_text("b", b)))
    (found,) = name_conflicts(corpus, [["a", "b"]])
    return found.kind


def test_a_place_spelled_two_ways_is_a_place_discrepancy() -> None:
    assert (
        kind_of(
            "He trained for six months on Paris Island that year.",
            "He served for six months in Parris Island, S.C., that year.",
        )
        == "place"
    )


def test_a_street_spelled_two_ways_is_a_place_discrepancy() -> None:
    assert (
        kind_of(
            "The bodies were found in an apartment on Independent Street on Tuesday.",
            "The bodies were found in the Independence Street apartment on Tuesday.",
        )
        == "place"
    )
    assert (  # A person may be named Street: only a street the text places things on.
        kind_of(
            "Mayor Jon Street said the budget was balanced on Tuesday.",
            "Mayor John Street said the budget was balanced on Tuesday.",
        )
        == "name"
    )


def test_a_surname_slipped_once_inside_one_article_is_one_name_written_two_ways() -> None:
    huff = article_from_text(
        "huffpost",
        "President Trump said on Thursday he would lift the ban. Critics said Trump was wrong. "
        "In the face of a backlash, Tump announced late Friday that he would wait. "
        "Beto O'Rourke spoke in South Carolina. O'Rourke said the report was clear. "
        "Rourke demanded Barr release the full report. Mr. Barr declined.",
    )
    corpus = Corpus((huff,))
    found = surname_slips(corpus, [["huffpost"]])
    assert sorted(tuple(v.text for v in f.values) for f in found) == [
        ("O'Rourke", "Rourke"),
        ("Trump", "Tump"),
    ]
    for f in found:
        assert f.kind == "name"
        for v in f.values:
            assert huff.text[v.start : v.end] == v.text


def test_a_surname_given_in_full_once_then_slipped_is_one_name() -> None:
    text = (
        "Angels general manager Tony Reagins confirmed to the Los Angeles Times that he has "
        "made an offer to Mark Teixeira. Regains didn't reveal the dollar amounts."
    )
    corpus = Corpus((article_from_text("ap", text),))
    ((found,),) = [surname_slips(corpus, [["ap"]])]
    assert [v.text for v in found.values] == ["Reagins", "Regains"]


def test_a_place_is_no_slip() -> None:
    text = "Coach Peter Keil said the team trained hard. The club is based in Kiel, a port city."
    assert not surname_slips(Corpus((article_from_text("a", text),)), [["a"]])


def test_a_look_alike_written_often_or_with_a_first_name_is_another_person() -> None:
    text = (
        "Asa Hutchinson led the task force. Mr. Hutchinson said schools need guards. "
        "Kay Bailey Hutchison, a former senator, agreed. Obama spoke. The Obamas left. "
        "Clinton spoke. The Clintons left. Mr. Clinton said little. Gov. Rick Perry spoke. "
        "Mr. Perry left. The plan, Kerry said, failed."
    )
    corpus = Corpus((article_from_text("nyt", text),))
    assert not surname_slips(corpus, [["nyt"]])


def test_initialisms_hyphens_and_possessives_are_no_slips() -> None:
    text = (
        "State news agency IRNA quoted the governor. IRNA said five villages were hit. "
        "He told the student news agency ISNA that help was coming. "
        "Students at the Polytechnic protested. The Polytechnic was closed. "
        "Today, the Poly-technic and other schools are shut. "
        "The Saints lost. The Saints won. The Saints' coach left."
    )
    corpus = Corpus((article_from_text("nyt", text),))
    assert not surname_slips(corpus, [["nyt"]])


def test_a_person_named_like_a_place_is_still_a_person() -> None:
    assert (
        kind_of(
            "Stephen Park said the vote was close. Park left early.",
            "Steven Park said the vote was close. Park left early.",
        )
        == "name"
    )


def test_a_look_alike_another_article_also_writes_is_no_slip() -> None:
    fox = article_from_text(
        "fox", "Gov. Rick Perry spoke. Mr. Perry left. The plan, Parry said, failed."
    )
    nyt = article_from_text("nyt", "Lawmakers heard from Parry on the plan.")
    assert surname_slips(Corpus((fox,)), [["fox"]])  # Alone in its story: a slip.
    assert not surname_slips(Corpus((fox, nyt)), [["fox", "nyt"]])


def test_a_relatives_first_name_spelled_two_ways_is_one_name() -> None:
    fox = article_from_text("fox", "He and wife Stacy have two young sons. His son Jon spoke.")
    nyt = article_from_text(
        "nyt",
        "Mr. Cowan's wife, Stacey, attended. His daughter Joan spoke. His brother Chris came. "
        "Her brother Christopher did not.",
    )
    corpus = Corpus((fox, nyt))
    (found,) = relative_slips(corpus, [["fox", "nyt"]])
    assert found.kind == "name" and [v.text for v in found.values] == ["Stacy", "Stacey"]
    for v in found.values:
        assert corpus.article(v.article).text[v.start : v.end] == v.text
    # A son and a daughter are two people; Chris and Christopher one name, not a slip.


def test_a_person_is_read_after_titles_with_given_names_and_initials() -> None:
    def read(text: str) -> list[tuple[tuple[str, ...], str, str]]:
        return [(p.given, p.surname, p.value.text) for p in person_names("a", text, 0, 0)]

    assert read("Texas Rep. Roger Williams was hurt.") == [
        (("Roger",), "Williams", "Roger Williams")
    ]
    assert read("The director J. Edgar Hoover, had died.") == [
        (("Edgar",), "Hoover", "J. Edgar Hoover")
    ]
    assert read("White House press secretary Sarah Huckabee Sanders said so.") == [
        (("Sarah", "Huckabee"), "Sanders", "Sarah Huckabee Sanders")
    ]
    # A given name the story writes in lower case is a word: "Top Democrats" is no one.
    assert [p.given for p in person_names("a", "Top Democrats met.", 0, 0, {"top"})] == []
    assert read("José Díaz-Balart spoke.") == [(("José",), "Díaz-Balart", "José Díaz-Balart")]
    assert read("The Defense Department spoke.") == []  # an organisation


def _one_fact(first: str, second: str, third: str = "") -> Corpus:
    a = article_from_text("a", f"{first} The vote was 98 to 96. {third}".strip())
    b = article_from_text("b", f"{second} The vote was 98 to 96.")
    return Corpus((a, b))


def test_one_fact_with_one_surname_and_two_first_names_is_a_name_discrepancy() -> None:
    corpus = _one_fact(
        "Rep. Loretta Sanchez won the race for vice chair, defeating Barbara Lee.",
        "Representative Linda T. Sánchez defeated Representative Barbara Lee to become vice chair.",
    )
    (found,) = given_name_conflicts(corpus, [], [["a", "b"]])
    assert found.kind == "name"
    assert [v.text for v in found.values] == ["Loretta Sanchez", "Linda T. Sánchez"]
    for v in found.values:
        assert corpus.article(v.article).text[v.start : v.end] == v.text


def test_relatives_short_forms_and_other_facts_are_no_given_name_discrepancy() -> None:
    sisters = _one_fact(
        "Sasha Obama and her sister stood by the president at the turkey pardon.",
        "Malia Obama and her sister stood by the president at the turkey pardon.",
        "Malia was there too.",
    )
    assert not given_name_conflicts(sisters, [], [["a", "b"]])  # "a" knows Malia: two people
    short = _one_fact(
        "Katie Jenkin, 20, was found dead in the house in Aberdare.",
        "Kathryn Jenkin, 20, was found dead in the house in Aberdare.",
    )
    assert not given_name_conflicts(short, [], [["a", "b"]])
    apart = _one_fact(
        "Rep. Loretta Sanchez won the race for vice chair, defeating Barbara Lee.",
        "Linda Sanchez later flew home to California for the holidays with her family.",
    )
    assert not given_name_conflicts(apart, [], [["a", "b"]])  # not one fact


def test_a_persons_long_surname_may_slip_by_two_letters_a_places_may_not() -> None:
    fox = article_from_text(
        "fox",
        "The governor picked Cowan on Wednesday. Cowan joined the administration in 2009. "
        "Cowmen also emphasized that his assignment is temporary.",
    )
    nyt = article_from_text("nyt", "Mr. Cowan, 43, is a former partner of a law firm.")
    (found,) = surname_slips(Corpus((fox, nyt)), [["fox", "nyt"]])
    assert {v.text for v in found.values} == {"Cowan", "Cowmen"}
    # No one is named so in the story: Europe is a place, Euros no slip of it.
    euro = article_from_text(
        "e",
        "Cables to Europe were cut. Calls to Europe failed. Then Euros fell against the dollar.",
    )
    assert surname_slips(Corpus((euro,)), [["e"]]) == []
    # Had the story named someone Europe, the slip would be one.
    named = article_from_text("n", "They met Secretary Europe on Friday.")
    assert surname_slips(Corpus((euro, named)), [["e", "n"]])
    # A coined name in quotation marks is no slip ("Magrue", for Magruder and LaRue).
    coined = article_from_text(
        "c",
        'Mr. Magruder met Mitchell. Magruder and LaRue were close. They were called "Magrue."',
    )
    assert surname_slips(Corpus((coined,)), [["c"]]) == []
