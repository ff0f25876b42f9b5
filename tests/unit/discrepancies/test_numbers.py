"""Number conflicts: one slot (unit, neighbours, subject, time frame), disjoint ranges."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.discrepancies.numbers import _person, mentions, number_conflicts
from tui.core.models import Article, Sentence
from tui.core.text import names
from tui.core.text.corpus import article_from_text
from tui.core.text.normalize import tokenize


def article(name: str, text: str, date: str = "2015-07-31") -> Article:
    return article_from_text(name, text, meta={"date": date})


def one(text: str) -> tuple[Article, Sentence]:
    a = article("a", text)
    return a, a.sentences[0]


def members_of(*texts: str) -> list[tuple[Article, Sentence]]:
    """Every sentence of one article per text (``a0``, ``a1``, ...)."""
    return [(a, s) for n, t in enumerate(texts) for a in [article(f"a{n}", t)] for s in a.sentences]


def conflicts(*texts: str) -> list[set[str]]:
    return [{v.value for v in c.values} for c in number_conflicts(members_of(*texts))]


def test_same_slot_different_values() -> None:
    found = conflicts(
        "The 48-page indictment accuses Hunter of fraud.",
        "The 47-page indictment accuses Hunter of fraud.",
    )
    assert found == [{"48", "47"}]


def test_hedged_values_are_not_conflicts() -> None:
    assert not conflicts(
        "The Clintons earned more than $140 million from book sales.",
        "The Clintons earned $140,937,785 from book sales.",
    )


def test_values_far_apart_count_different_things() -> None:
    assert not conflicts(
        "The deal was worth $18 million to the company, officials said.",
        "The deal was worth $85 billion to the company, officials said.",
    )


def test_different_time_frames_are_different_slots() -> None:
    assert not conflicts(
        "Last year, the Clintons paid an effective federal tax rate of 35.7 percent.",
        "From 2007 through 2014 the couple paid an effective federal tax rate of 31.55 percent.",
    )


def test_a_different_person_is_a_different_slot() -> None:
    assert not conflicts(
        "Mr. Bush said his average federal tax rate was 36 percent over three decades.",
        "The Clintons said their average federal tax rate was 31 percent over eight years.",
    )


def test_list_items_pair_with_their_own_neighbours() -> None:
    found = conflicts(
        "He bought a $43,350 Rolex watch and $9,587.64 worth of children's furniture.",
        "He bought a $43,000 Rolex watch, prosecutors said.",
    )
    assert not found  # 43,000 rounds 43,350; the furniture is another slot.


def test_a_list_item_pairs_by_its_own_name() -> None:
    found = conflicts(
        "Records show $4,272.78 on the Navigator of the Seas cruise, $2,306.08 at Walt Disney"
        " World, $3,544.00 at Mariel's Boutique and $5,687.75 on Martha's Vineyard Holistic Retreat.",
        "Records show a $466.30 dinner at CityZen and a $5,587.75 vacation at the Martha's"
        " Vineyard Holistic Retreat.",
    )
    assert found == [{"5687.75", "5587.75"}]


def test_a_sentence_opening_surname_is_its_subject() -> None:
    # "Bush" opens the sentence (the name finder takes it for an everyday word), but the
    # article names Jeb Bush: his rate is not the couple's.
    assert not conflicts(
        "Jeb Bush released his returns. Bush paid an effective tax rate of roughly 36 percent.",
        "The couple paid an effective tax rate of 31.55 percent in federal taxes.",
    )
    found = conflicts(
        "Jeb Bush released his returns. Bush paid an effective tax rate of roughly 36 percent.",
        "Jeb Bush paid an effective tax rate of 31.55 percent, his returns show.",
    )
    assert found == [{"36", "31.55"}]


def test_every_article_once_every_source_listed() -> None:
    members = members_of(
        "More than 76,000 residents were evacuated from the Kursk region.",
        "Some 80,000 residents were evacuated from the Kursk region.",
        "At least 200,000 residents were evacuated from the Kursk region.",
    )
    (found,) = number_conflicts(members)
    assert sorted(v.article for v in found.values) == ["a0", "a1", "a2"]
    assert 0.0 < found.confidence <= 1.0


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=2, max_value=999_999),
    st.sampled_from(["", "about ", "more than ", "nearly ", "$"]),
)
def test_a_value_parsed_back_from_its_span_is_the_same(value: int, hedge: str) -> None:
    a = article("a", f"Officials said {hedge}{value:,} residents were evacuated on Monday.")
    for sentence in a.sentences:
        for m in mentions(a, sentence):
            span = a.text[m.value.start : m.value.end]
            assert span == m.value.text
            token = next(t for t in tokenize(span) if t.kind == "number")
            assert token.value == float(m.value.value)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([(" 1/2", 0.5), ("-1/2", 0.5), (" 3/4", 0.75), ("-3/8", 0.375), ("½", 0.5)]),
)
def test_a_mixed_number_parsed_back_from_its_span_is_the_same(
    whole: int, fraction: tuple[str, float]
) -> None:
    written, part = fraction
    a = article("a", f"Officials said {whole}{written} million residents were evacuated.")
    (m,) = mentions(a, a.sentences[0])
    span = a.text[m.value.start : m.value.end]
    assert span == m.value.text == f"{whole}{written} million"
    token = next(t for t in tokenize(span) if t.kind == "number")
    assert token.value == float(m.value.value) == (whole + part) * 1_000_000


def test_a_list_is_not_compared_and_two_values_go_with_their_names() -> None:
    assert not conflicts(
        "In the poll, Newt Gingrich garnered 11 percent, while Sarah Palin earned 10 percent.",
        "Among supporters, Romney (17 percent), Huckabee (14 percent), Palin (12 percent) lead.",
    )
    found = conflicts(
        "In the poll, Newt Gingrich garnered 11 percent of voters, while Sarah Palin earned 10 percent.",
        "In the poll, Sarah Palin garnered 12 percent of voters.",
    )
    assert found == [{"10", "12"}]  # Palin's 10 vs 12: one slot, a disagreement


def test_a_rank_counts_nothing() -> None:
    assert not conflicts(
        "Steny Hoyer kept the No. 2 job, and Jim Clyburn remained in the No. 3 position.",
        "Democrats re-elected Steny Hoyer as whip, the No. 2 position, and Clyburn in the No. 3 spot.",
    )


def test_the_summary_names_the_unit_as_written() -> None:
    members = members_of(
        "The department said it had received 55,000 pages of her emails.",
        "Boxes with 50,000 pages of printed emails were delivered to the department.",
    )
    (found,) = number_conflicts(members)
    assert found.summary.startswith("pages: ")


def test_an_adjective_before_the_counted_noun_is_not_the_unit() -> None:
    plan = article("a", "The plan lays out 19 separate actions the president could take.")
    adds = article("b", "The administration adds 23 executive actions to its proposal.")
    (a,) = mentions(plan, plan.sentences[0])
    (b,) = mentions(adds, adds.sentences[0])
    assert a.unit == b.unit == "step"  # Actions and steps are one counted thing.


def test_steps_and_actions_count_the_same_measures() -> None:
    plan = article("a", "Obama's plan includes 23 steps he took without congressional action.")
    lays = article("b", "Obama will lay out 19 separate actions he could take without Congress.")
    (a,) = mentions(plan, plan.sentences[0])
    (b,) = mentions(lays, lays.sentences[0])
    assert a.unit == b.unit == "step"
    pages = article("c", "The plan runs to 23 pages and 12 measurements and 9 acts.")
    assert {m.unit for m in mentions(pages, pages.sentences[0])}.isdisjoint({a.unit})


def test_a_number_in_a_relative_clause_is_not_the_persons() -> None:
    justice = article(
        "a",
        "Justice Ruth Bader Ginsburg voiced concerns about the lawsuit that covers 1.5 million "
        "women.",
    )
    said = article("b", "Senator Jim Webb said that he paid $4 million in taxes.")
    (covers,) = mentions(justice, justice.sentences[0])
    (paid,) = mentions(said, said.sentences[0])
    assert covers.subject is None  # The lawsuit's women, not Ginsburg's.
    assert paid.subject == names.fold("Webb")  # "said that" opens his own clause.


def test_an_institution_is_no_persons_subject() -> None:
    court = article(
        "a", "WASHINGTON — The Supreme Court may block a lawsuit for 1.6 million women."
    )
    (women,) = mentions(court, court.sentences[0])
    assert women.subject is None


def test_a_name_ending_in_a_country_is_a_body_not_a_subject() -> None:
    airtime = "They have reserved $500,000 of airtime in Fort Myers, West Palm Beach and Miami."
    found = conflicts(
        "The ad, to air in Miami, West Palm Beach and Fort Myers, is costing Secure America "
        "$1 million, the group confirmed.",
        airtime,
    )
    assert found == [{"1000000", "500000"}]
    assert _person("Bill Clinton") and not _person("Secure America")
    # A person's figure is still not another sentence's, which names no one.
    assert not conflicts(
        "The ad, to air in Miami, West Palm Beach and Fort Myers, is costing Bill Clinton "
        "$1 million, his office confirmed.",
        airtime,
    )


def test_two_values_each_in_a_third_outlets_slot_are_compared() -> None:
    # The first two share only "lawsuit"; each shares much more with the third.
    (found,) = number_conflicts(
        members_of(
            "Justices expressed qualms about a lawsuit involving as many as 1.5 million women.",
            "The court may block a sex discrimination lawsuit on behalf of up to 1.6 million "
            "women at the largest retailer.",
            "The sex discrimination lawsuit covers 1.5 million women and could cost the "
            "largest retailer billions, justices said with qualms.",
        )
    )
    assert {v.article for v in found.values} == {"a0", "a1", "a2"}
    assert found.summary == "women: as many as 1.5 million vs 1.5 million vs up to 1.6 million"


def test_values_half_as_much_again_apart_need_more_shared_words() -> None:
    # Sharing "construction", "Trump" and "wall": a request and a transfer, not one sum.
    assert not conflicts(
        "Trump requested $5.7 billion for construction of the wall, Democrats vowed.",
        "The Trump administration will use about $3.6 billion from construction projects "
        "for the wall.",
    )
    # One slot by many rare words: evacuees, the region, the rounding.
    assert conflicts(
        "Some 76,000 residents were evacuated from the Kursk border region.",
        "At least 120,000 residents were evacuated from the Kursk border region.",
    )


def test_a_day_of_a_month_or_a_time_of_day_counts_nothing() -> None:
    """Scraped pages carry their stamps in the text ("May 3, 2013 | 8:20 am"): dates and
    times, never two counts that disagree."""
    assert not conflicts(
        "Lohan checks into rehab May 3, 2013 | 8:20 am Lohan's attorney said she was there.",
        "Lohan checks into rehab May 02, 2013 | 9:56 AM Lohan's attorney said she was there.",
    )
    assert not conflicts(
        "The 26 September escape by the inmate ended at 18:41 GMT.",
        "The 30 September escape by the inmate ended at 1300 GMT.",
    )
    assert not conflicts(
        "UPDATED: TUESDAY, MARCH 12, 2013, 9:36 AM Anger over the death fueled a riot.",
        "UPDATED: THURSDAY, MARCH 14, 2013, 9:31 AM Anger over the death fueled a riot.",
    )


def test_a_month_like_word_is_no_month() -> None:
    found = conflicts(
        "Mayor 12 of the Marines 48 were wounded.",  # Neither "Mayor" nor "Marines" dates.
        "Mayor 12 of the Marines 47 were wounded.",
    )
    assert found == [{"48", "47"}]


def test_one_of_and_a_dozen_count_nothing_exactly() -> None:
    assert not conflicts(
        "Jurors said one of the holdouts worked a crossword puzzle.",
        "Jurors said the three holdouts worked a crossword puzzle.",
    )
    assert not conflicts(
        "More than two dozen pieces of firefighting equipment were used.",
        "A total of 31 pieces of firefighting equipment were used.",
    )


def test_a_range_written_with_words_or_one_scale_is_whole() -> None:
    """ "46 to 57 people" was read as 57 alone, "$5-6 million" as 5 dollars to 6
    million: a value inside either range is no disagreement."""
    assert not conflicts(
        "Officials said 46 to 57 people died in the flooding.",
        "Officials said 50 people died in the flooding.",
    )
    assert not conflicts(
        "The repairs will cost $5-6 million, the city council said.",
        "The repairs will cost $5.5 million, the city council said.",
    )
    assert not conflicts(
        "The wall will cost between $1.5 billion and $2 billion, the report said.",
        "The wall will cost $1.8 billion, the report said.",
    )
    assert conflicts(
        "Officials said 46 to 57 people died in the flooding.",
        "Officials said 60 people died in the flooding.",
    ) == [{"46-57", "60"}]
    assert conflicts(
        "The repairs will cost $5-6 million, the city council said.",
        "The repairs will cost $7.5 million, the city council said.",
    ) == [{"5000000-6000000", "7500000"}]


def test_day_and_clock_patterns_are_bounded() -> None:
    """A day of a month is 1 to 31, and a clock time has no spaces: counts stay counts."""
    assert conflicts(
        "Since January 1,200 people have died in the fighting.",
        "Since January 1,500 people have died in the fighting.",
    ) == [{"1200", "1500"}]
    headline = article("h", "Up To 300 May Lose Their Jobs At The Plant")
    assert [m.value.text for m in mentions(headline, headline.sentences[0])] == ["300"]


def test_a_change_is_no_range_and_zero_never_scales() -> None:
    assert conflicts(
        "The toll rose from 46 to 57 people in the flooding, officials said.",
        "The toll rose to 60 people in the flooding, officials said.",
    ) == [{"57", "60"}]
    conflicts(  # No division by the zero written at the upper end.
        "The fund shrank from 3 billion to 0 billion dollars last year.",
        "The fund shrank to 2 billion dollars last year.",
    )


def test_a_title_naming_a_body_before_a_persons_name_keeps_the_person() -> None:
    for name in (
        "House Oversight Committee Chairman Jason Chaffetz",
        "State Department Spokesman John Kirby",
        "SEN. BERNIE SANDERS",
    ):
        assert _person(name), name
    assert not _person("Defense Department’s")
    assert not _person("Army Corps of Engineers")  # a body's word, no title after it
    assert not _person("") and not _person("’s")


def test_metric_tons_and_scans_are_counts_not_time_zones() -> None:
    rice = article("a", "India exported 500,000 MT of rice to Bangladesh.")
    assert [m.value.text for m in mentions(rice, rice.sentences[0])] == ["500,000"]


def test_a_title_word_before_a_body_makes_no_person() -> None:
    # "Defense" is a title ("Defense Secretary"), but "Defense Department" is no one.
    budget = article(
        "a",
        "Trump would unlock money from the Defense Department's construction budget, "
        "to the tune of $3.5 billion.",
    )
    (money,) = mentions(budget, budget.sentences[0])
    assert money.subject is None
    # Each is in the slot of a third outlet's "about $3.6 billion from Defense Department
    # construction projects"; the Department stands before the first, no one's subject.
    (found,) = conflicts(
        "Trump would unlock money from the Defense Department's military construction "
        "budget, to the tune of $3.5 billion.",
        "The national emergency declaration will allow the Trump administration to use about "
        "$3.6 billion from Defense Department construction projects to build the wall.",
        "The declaration enables the president to divert $3.6 billion from military "
        "construction projects to the wall.",
    )
    assert found == {"3500000000", "3600000000"}


def test_a_sea_is_no_persons_subject_and_villagers_are_people() -> None:
    (found,) = conflicts(
        "The tremor struck the town of Dargahan on Qeshm island, at the entrance to the "
        "Persian Gulf, injuring five people and damaging buildings.",
        "Several houses in the Dargahan area were damaged and two villagers slightly "
        "injured, the governor of Qeshm island said.",
    )
    assert found == {"5", "2"}


def test_a_level_counts_what_changed_to_it() -> None:
    (level,) = mentions(*one("Border arrests have fallen in recent years, to 400,000 in 2018."))
    assert level.unit == "arrest"
    (opening,) = mentions(*one("Arrests fell to 400,000 in the last fiscal year."))
    assert opening.unit == "arrest"  # a capital opens the sentence
    (counted,) = mentions(*one("Crossings fell to 400,000 arrests a year in 2018."))
    assert counted.unit == "arrest"  # a noun after the number says what it counts
    (other,) = mentions(
        *one("Prices rose in March, and the ministry sent grain to 40 in the north.")
    )
    assert other.unit == "grain"  # ", and" ends the clause of "rose": no price level
    assert conflicts(
        "Border arrests at the southern border have fallen, to 400,000 in 2018.",
        "Border arrests at the southern border have fallen, to 520,000 in 2018.",
    ) == [{"400000", "520000"}]


def test_the_last_fiscal_year_is_last_year() -> None:
    (m,) = mentions(*one("Apprehensions fell to 400,000 in the last fiscal year."))
    assert m.years == {2014}


def test_what_a_number_counts_when_a_conjunction_or_a_comma_follows_it() -> None:
    (_, fifty) = mentions(
        *one("That temblor killed six people, injured almost 50 and caused damage.")
    )
    (_, forty, _) = mentions(*one("The quake killed seven people and injured 40, 15 of them here."))
    assert fifty.unit == forty.unit == "injured"  # not "caused", not "15"
    assert not mentions(*one("Orozco, 29, was found guilty last month."))  # an age, no count


def test_a_date_written_with_slashes_counts_nothing() -> None:
    assert not mentions(*one("Death for Orozco POSTED: 04/02/07, 9:00 PM PDT"))


def test_a_place_after_city_of_or_near_is_no_persons_subject() -> None:
    text = "The quake struck near the port city of Bandar Abbas, injuring 40 people."
    (m,) = mentions(*one(text))
    assert m.subject is None


def test_a_concessive_clause_with_its_own_subject_is_not_the_persons() -> None:
    (fallen,) = mentions(
        *one(
            "In Mr. Abbott's view, he is right to call it a crisis even though seizures have "
            "dropped to 300,000 a year."
        )
    )
    (paid,) = mentions(*one("Senator Jim Webb complained, although he paid $4 million in taxes."))
    assert fallen.subject is None  # the seizures', not Abbott's
    assert paid.subject == names.fold("Webb")  # "although he": still his


def test_sentences_sharing_a_figure_pair_their_other_figures_on_fewer_words() -> None:
    # Both give the 2.4 million of 2006; their other counts share only "border" and the unit.
    first = "Border officers made 610,000 arrests in the last year, against 2.4 million arrests in 2006."
    second = "Border apprehensions dropped to 450,000 in the last year from a peak of 2.4 million in 2006."
    (found,) = conflicts(first, second)
    assert found == {"610000", "450000"}
    # Without the shared figure, the same words say too little.
    assert not conflicts(first, second.replace("2.4 million", "2.6 million"))


def test_small_counts_beside_shared_figures_are_a_stat_lines_columns() -> None:
    # The shared 512, 48 and 390 do not make "two" and "three" touchdowns one count.
    assert not conflicts(
        "He has been a letdown, rushing for 512 yards and two touchdowns while catching 48 "
        "passes for 390 yards and four scores.",
        "He rushed for 512 yards and two touchdowns, caught 48 passes for 390 yards and four "
        "TDs, and scored three touchdowns on punt returns this season.",
    )


def test_other_after_a_number_counts_a_part_not_the_total() -> None:
    assert not conflicts(
        "Police seized nine assault rifles and a grenade launcher from the pirates' boat.",
        "Police seized a grenade launcher and three other assault rifles from the pirates' boat.",
    )
    assert conflicts(
        "Police seized two other assault rifles and a grenade launcher from the pirates' boat.",
        "Police seized a grenade launcher and three other assault rifles from the pirates' boat.",
    )


def test_a_sentence_stating_the_other_value_too_accounts_for_it() -> None:
    # "seven" is there, as a coach's seasons: the 11 is another figure, not a misreport.
    assert not conflicts(
        "Wilkes, who played for the Hawks for 11 seasons and served as an assistant coach for "
        "seven, was named head coach.",
        "Wilkes was named head coach after seven seasons as an assistant coach for the Hawks.",
    )


def test_review_misfires_stay_out() -> None:
    # A concessive clause with no subject of its own leaves the number the person's.
    assert not conflicts(
        "Governor Smith, while serving in Albany, earned $5 million from the fund.",
        "Governor Jones, while serving in Albany, earned $6 million from the fund.",
    )
    # A value of another unit accounts for nothing: the swap is two disagreements.
    assert (
        len(
            conflicts(
                "Three gunmen killed four people at the mall on Friday.",
                "Four gunmen killed three people at the mall on Friday.",
            )
        )
        == 2
    )
    # A shared figure does not pair two figures that share no word of their own.
    assert not conflicts(
        "The city has 1,500 officers and hired 200 more last year.",
        "The city has 1,500 officers and lost 150 last year.",
    )


def test_a_concessive_clause_with_an_irregular_verb_is_its_own() -> None:
    assert conflicts(
        "Mr. Trump declared an emergency even though border apprehensions fell to 400,000 in 2018.",
        "Border apprehensions fell to 500,000 in 2018, a federal report showed.",
    ) == [{"400000", "500000"}]
