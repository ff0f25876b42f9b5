"""Dates resolved against the article's date; compared only for one event and one grain."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.discrepancies.dates import (
    DateMention,
    date_mentions,
    evidence,
    is_adverb,
    same_event,
    slot_keys,
    written_on,
)
from tui.core.discrepancies.facts import date_conflicts
from tui.core.models import Article
from tui.core.text.corpus import article_from_text


def article(text: str, when: str | None = "2016-09-29", name: str = "a") -> Article:
    return article_from_text(name, text, meta={"date": when} if when else {})


def dates_of(*articles: Article) -> list[DateMention]:
    """Every date of the articles, in order."""
    return [m for a in articles for s in a.sentences for m in date_mentions(a, s)]


def first(text: str, when: str | None = "2016-09-29") -> tuple[date | None, date | None]:
    a = article(text, when)
    (m, *_) = date_mentions(a, a.sentences[0])
    return m.low, m.high


def test_weekdays_resolve_to_the_last_such_day() -> None:
    # 29 September 2016 was a Thursday.
    assert first("The House voted on Wednesday.") == (date(2016, 9, 28),) * 2
    assert first("The House voted on Thursday.") == (date(2016, 9, 29),) * 2


def test_a_future_weekday_is_the_next_one() -> None:
    assert (
        first("The House is expected to vote on Friday.", "2016-09-28") == (date(2016, 9, 30),) * 2
    )


def test_relative_dates() -> None:
    assert first("He spoke yesterday.") == (date(2016, 9, 28),) * 2
    assert first("He spoke last week.") == (date(2016, 9, 19), date(2016, 9, 25))
    assert first("He repaid it earlier this year.") == (date(2016, 1, 1), date(2016, 9, 29))
    assert first("It happened this month.") == (date(2016, 9, 1), date(2016, 9, 30))


def test_earlier_and_later_this_week_or_month_leave_the_article_s_day_out() -> None:
    # 29 September 2016 was a Thursday; 26 September a Monday, 2 October a Sunday.
    assert first("He spoke earlier this week.") == (date(2016, 9, 25), date(2016, 9, 28))
    assert first("He spoke earlier this week.", "2016-09-26") == (date(2016, 9, 25),) * 2
    assert first("He speaks later this week.") == (date(2016, 9, 30), date(2016, 10, 2))
    # On a weekend, "later this week" is the week ahead.
    assert first("He speaks later this week.", "2016-10-02") == (
        date(2016, 10, 3),
        date(2016, 10, 9),
    )
    assert first("He quit earlier this month.") == (date(2016, 9, 1), date(2016, 9, 28))
    assert first("He quits later this month.") == (date(2016, 9, 30), date(2016, 9, 30))


def test_a_day_is_compared_with_earlier_this_week_not_with_last_week() -> None:
    fox = article(
        "He blamed his rival for the National Enquirer story published Friday that alleged "
        "affairs.",
        "2016-03-25",
        name="fox",
    )
    huffpost = article(
        "The tabloid National Enquirer published a story earlier this week alleging affairs.",
        "2016-03-25",
        name="huffpost",
    )
    found = dates_of(fox, huffpost)
    (conflict,) = date_conflicts(0, found)
    assert {v.text for v in conflict.values} == {"Friday", "earlier this week"}
    loose = article(
        "The tabloid National Enquirer published a story last week alleging affairs.",
        "2016-03-25",
        name="huffpost",
    )
    found = dates_of(fox, loose)
    assert not date_conflicts(0, found)  # "Last week" is said of the past seven days too.


def test_earlier_this_week_is_indexed_with_days_and_last_week_is_not() -> None:
    bounded = _dated("The tabloid published a story earlier this week.")
    loose = _dated("The tabloid published a story last week.")
    assert any(scale == "day" for scale, _, _ in slot_keys(bounded))
    assert not any(scale == "day" for scale, _, _ in slot_keys(loose))


def test_counted_back_dates() -> None:
    # 29 September 2016 was a Thursday.
    assert first("He spoke three days ago.") == (date(2016, 9, 26),) * 2
    assert first("He spoke two weeks ago.") == (date(2016, 9, 12), date(2016, 9, 18))
    assert first("He spoke a couple of weeks ago.") == (date(2016, 9, 12), date(2016, 9, 18))
    # Months and years are rounded: give or take half of one.
    assert first("He spoke a few months ago.") == (date(2016, 5, 14), date(2016, 8, 13))
    assert first("He debated her four years ago.") == (date(2012, 3, 31), date(2013, 3, 30))
    assert first("The girls were killed 41 years ago.") == (date(1975, 3, 31), date(1976, 3, 29))
    assert first("He left a month ago.", "2016-03-31") == (date(2016, 2, 14), date(2016, 3, 15))
    assert _dated("He spoke two weeks ago.").grain == "week"
    # A count is a whole number: not the end of "twenty-five" or "3.5".
    a = article("Twenty-five years ago, the wall fell. He left 3.5 years ago.")
    assert not dates_of(a)


def test_a_rounded_count_back_agrees_with_the_year_it_means() -> None:
    dated = article("Obama beat Romney four years ago, the senator said.", "2017-01-10", "a")
    named = article("Obama beat Romney in 2012, the senator said.", "2017-01-10", "b")
    found = dates_of(dated, named)
    assert not date_conflicts(0, found)


def test_a_date_counted_back_is_compared_before_another_of_its_sentence() -> None:
    fox = article(
        "Ryan, since introducing the budget last month, has talked about the doctrine in "
        "several interviews including one a couple weeks ago on the Christian Broadcasting "
        "Network.",
        "2012-04-25",
        name="fox",
    )
    nyt = article(
        "In an interview this month on the Christian Broadcasting Network, Mr. Ryan claimed "
        "that his budget was consistent with Catholic moral teaching.",
        "2012-04-24",
        name="nyt",
    )
    found = dates_of(fox, nyt)
    assert [m.value.text for m in found] == ["last month", "a couple weeks ago", "this month"]
    assert not date_conflicts(0, found)  # The interview, about 11 April, was this month.


def test_absolute_dates_and_year_ranges() -> None:
    assert first("The letter was sent on Aug. 6.") == (date(2016, 8, 6),) * 2
    assert first("The order came in January 2012.") == (date(2012, 1, 1), date(2012, 1, 31))
    assert first("He served from 2001 to 2009.") == (date(2001, 1, 1), date(2009, 12, 31))
    assert first("He served 2002-2010.") == (date(2002, 1, 1), date(2010, 12, 31))


def test_the_same_day_in_papers_of_different_dates_agrees() -> None:
    a = article("The House voted to override the veto on Wednesday.", "2016-09-29", "a")
    b = article("The House voted to override the veto on Wednesday.", "2016-09-28", "b")
    (x,), (y,) = date_mentions(a, a.sentences[0]), date_mentions(b, b.sentences[0])
    assert same_event(x, y) and x.agrees(y)


def test_different_happenings_are_not_compared() -> None:
    a = article(
        "In court papers filed against Jackson on Friday, prosecutors said so.", "2013-02-20"
    )
    b = article(
        "Court papers released by federal prosecutors on Wednesday said so.", "2013-02-20", "b"
    )
    (x,), (y,) = date_mentions(a, a.sentences[0]), date_mentions(b, b.sentences[0])
    assert not same_event(x, y)


def test_a_day_is_not_compared_with_a_year_range() -> None:
    a = article("The Clintons released tax returns Friday covering their income.", "2015-07-31")
    b = article(
        "The Clintons released tax returns covering their income from 2007 to 2014.",
        "2015-07-31",
        "b",
    )
    (x,), (y,) = date_mentions(a, a.sentences[0]), date_mentions(b, b.sentences[0])
    assert not same_event(x, y)


def test_without_a_date_weekdays_compare_by_name() -> None:
    assert first("The assault began on Tuesday.", None) == (None, None)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_a_resolved_span_is_its_text(when: date) -> None:
    a = article("The vote was held last week, on Wednesday, and in 2015.", when.isoformat())
    for m in date_mentions(a, a.sentences[0]):
        assert a.text[m.value.start : m.value.end] == m.value.text
        assert m.low is not None and m.high is not None and m.low <= m.high


def test_each_actor_has_its_own_day() -> None:
    # One sentence gives the Senate Wednesday and the House Thursday: the House's day
    # is compared with the other paper's House vote, not the Senate's.
    a = article(
        "The override is expected to begin in the Senate on Wednesday, followed by the House on Thursday.",
        "2016-09-28",
        "a",
    )
    b = article("The House voted later on Wednesday to override the veto.", "2016-09-28", "b")
    found = date_mentions(a, a.sentences[0]) + date_mentions(b, b.sentences[0])
    (conflict,) = date_conflicts(None, found)
    assert {v.text for v in conflict.values} == {"Thursday", "Wednesday"}
    assert {v.article for v in conflict.values} == {"a", "b"}


def test_one_actor_alone_makes_no_slot() -> None:
    a = article("Lieberman met with Trump at the White House on Wednesday.", "2017-05-18", "a")
    b = article("Trump told White House reporters on Thursday he was close.", "2017-05-18", "b")
    found = date_mentions(a, a.sentences[0]) + date_mentions(b, b.sentences[0])
    assert not date_conflicts(None, found)


def test_a_capitalised_title_is_not_a_date() -> None:
    a = article("Mr. Pence appeared on ABC's “This Week” on Sunday.", "2015-03-29")
    assert [m.value.text for m in date_mentions(a, a.sentences[0])] == ["Sunday"]


def test_unaligned_sentences_need_one_happening() -> None:
    a = article("Cowan joined the Patrick administration in 2011 as chief of staff.", "2013-01-30")
    b = article(
        "He left the Patrick administration last year as chief of staff.", "2013-01-30", "b"
    )
    found = date_mentions(a, a.sentences[0]) + date_mentions(b, b.sentences[0])
    assert date_conflicts(None, found)  # one fact: shared words suffice
    assert not date_conflicts(None, found, strict=True)  # matched only: joined is not left


def test_a_face_off_and_a_debate_are_one_happening() -> None:
    a = article("The face-off Thursday night was taking on importance for the vice president.")
    b = article("The vice presidential debate on Tuesday was a reboot for the campaign.", name="b")
    face_off, debate = dates_of(a, b)
    assert same_event(face_off, debate)
    assert face_off.event & debate.event


def test_an_adverb_says_how_not_what_happened() -> None:
    a = article("The governor's second and final term officially ends in 2019.", "2016-08-31")
    b = article(
        "He hinted that he may resign before his term ends in 2018, on local radio.",
        "2016-08-31",
        "b",
    )
    found = date_mentions(a, a.sentences[0]) + date_mentions(b, b.sentences[0])
    assert [m.event for m in found] == [frozenset({"end"}), frozenset({"end", "term"})]
    assert date_conflicts(None, found, strict=True)  # matched only: one ending, two years


@pytest.mark.parametrize(
    ("word", "adverb"),
    [("officially", True), ("reportedly", True), ("finally", True), ("assembly", False),
     ("family", False), ("only", False), ("early", False), ("rally", False),
     ("monthly", False), ("quarterly", False), ("deadly", False), ("likely", False)],
)  # fmt: skip
def test_an_adverb_is_a_known_word_and_ly(word: str, adverb: bool) -> None:
    assert is_adverb(word) is adverb


def test_two_doings_of_one_thing_are_two_happenings() -> None:
    taped = article(
        "Trump said in an interview with Axios taped Monday that he could do it.", name="a"
    )
    released = article(
        "Trump told Axios in an interview released Tuesday that he could do it.", name="b"
    )
    (a,) = date_mentions(taped, taped.sentences[0])
    (b,) = date_mentions(released, released.sentences[0])
    assert a.head and b.head and a.head != b.head
    assert not same_event(a, b)


def test_a_noun_or_a_verb_of_saying_names_no_doing() -> None:
    began = article(
        "The assault, which began on Tuesday with 1,000 troops, reached Kursk.", name="a"
    )
    action = article(
        "Ukraine launched an offensive action on Wednesday with 1,000 troops near Kursk.", name="b"
    )
    said = article("The governor said Tuesday that 1,000 troops reached Kursk.", name="c")
    assert date_mentions(began, began.sentences[0])[0].head is not None
    assert date_mentions(action, action.sentences[0])[0].head is None
    assert date_mentions(said, said.sentences[0])[0].head is None


def test_a_day_between_subject_and_verb_dates_that_verb() -> None:
    # "A staffer on Friday apologized": the verb after the day names its happening.
    friday = article(
        "A Republican staffer on Friday apologized for a Facebook post about the daughters.",
        "2014-11-29",
        "a",
    )
    saturday = article(
        "The aide had to apologize Saturday for a Facebook post about the daughters.",
        "2014-11-30",
        "b",
    )
    (a,) = date_mentions(friday, friday.sentences[0])
    (b,) = date_mentions(saturday, saturday.sentences[0])
    assert a.head is not None and a.head in a.event
    (conflict,) = date_conflicts(None, [a, b])
    assert {v.text for v in conflict.values} == {"Friday", "Saturday"}
    said = article("The governor on Tuesday said that 1,000 troops reached Kursk.", name="c")
    assert date_mentions(said, said.sentences[0])[0].head is None


def test_a_day_both_sentences_give_leaves_the_other_day_to_another_happening() -> None:
    # Fox gives the naming (Saturday) and the interview (Tuesday); the NYT only the
    # interview: its Tuesday is matched, the Saturday dates something else.
    both = article(
        "Ryan, in his first interview since being named Saturday as running mate, "
        "told Fox News on Tuesday he thinks Medicare can be a winning issue.",
        "2012-08-15",
        "a",
    )
    one = article(
        "In an interview with Fox News on Tuesday, Mr. Ryan said he welcomed the fight.",
        "2012-08-14",
        "b",
    )
    found = date_mentions(both, both.sentences[0]) + date_mentions(one, one.sentences[0])
    assert not date_conflicts(None, found)


def test_a_passive_saying_or_a_verb_after_its_subject_names_a_doing() -> None:
    announced = article(
        "Senators asked Trump to cancel the meeting after indictments were announced Friday "
        "accusing Kremlin officers.",
        "2018-07-13",
        name="a",
    )
    meet = article(
        "McCain urged the president to use the indictments when they meet on Monday in "
        "Helsinki with Putin.",
        "2018-07-13",
        name="b",
    )
    (a,) = date_mentions(announced, announced.sentences[0])
    (b,) = date_mentions(meet, meet.sentences[0])
    assert (a.head, b.head) == ("announc", "meet")
    assert not same_event(a, b)
    said = article("The governor said Tuesday that 1,000 troops reached Kursk.", name="c")
    assert date_mentions(said, said.sentences[0])[0].head is None  # active: no doing


def test_last_week_and_last_month_can_date_one_report() -> None:
    fox = article(
        "Trustees of the Social Security Trust Fund last week warned the Social Security "
        "Trust Fund will be exhausted in 2036.",
        "2011-06-17",
        name="fox",
    )
    nyt = article(
        "The most recent projections from the Social Security Trust Fund, issued last month, "
        "indicate that the trust funds will be exhausted by 2036.",
        "2011-06-17",
        name="nyt",
    )
    found = dates_of(fox, nyt)
    (conflict,) = date_conflicts(0, found)
    assert {v.text for v in conflict.values} == {"last week", "last month"}
    # A week and a year still date different things ("last week" vs "in 2036").
    assert (found[0].grain, found[1].grain) == ("week", "year")
    assert not same_event(found[0], found[1])


def test_since_two_years_are_two_starts() -> None:
    fox = article("Pelosi has led House Democrats since 2002.", "2016-11-30", name="fox")
    huff = article("Pelosi has led House Democrats since 2003, Ryan argued.", "2016-11-30", "h")
    (a,) = date_mentions(fox, fox.sentences[0])
    (b,) = date_mentions(huff, huff.sentences[0])
    assert a.since and b.since and not a.agrees(b)
    (again,) = date_mentions(fox, fox.sentences[0])
    assert a.agrees(again)
    in_2010 = article("Pelosi led House Democrats in 2010.", "2016-11-30", name="x")
    (c,) = date_mentions(in_2010, in_2010.sentences[0])
    assert a.agrees(c)  # a stretch from 2002 holds 2010


def _both(a_text: str, b_text: str) -> tuple[DateMention, DateMention]:
    a, b = article(a_text, "2013-01-30", "a"), article(b_text, "2013-01-30", "b")
    (x,), (y,) = date_mentions(a, a.sentences[0]), date_mentions(b, b.sentences[0])
    return x, y


def test_one_term_given_two_ways_conflicts_end_for_end() -> None:
    x, y = _both(
        "Cowan follows Edward Brooke, who served from 1967 to 1979.",
        "Edward Brooke, a Republican, held the seat from 1966 to 1978.",
    )
    assert same_event(x, y) and not x.agrees(y)  # They overlap, but one term has one start.
    assert [len(f.values) for f in date_conflicts(None, [x, y])] == [2]


def test_two_terms_far_apart_are_two_stretches() -> None:
    x, y = _both(
        "Felipe Calderón, the Mexican president from 2006 to 2012, spoke on the wall.",
        "Vicente Fox, the Mexican president from 2000 to 2006, spoke on the wall.",
    )
    assert not same_event(x, y)


def test_a_month_named_without_its_year_is_the_nearest_one() -> None:
    # 30 January 2013: April is ahead, December behind; "last" and "next" say which.
    assert first("They face off in a primary in April.", "2013-01-30") == (
        date(2013, 4, 1),
        date(2013, 4, 30),
    )
    assert first("It happened in December.", "2013-01-30") == (
        date(2012, 12, 1),
        date(2012, 12, 31),
    )
    assert first("He quit last May.", "2013-07-10") == (date(2013, 5, 1), date(2013, 5, 31))
    assert first("He quit last May.", "2013-01-30") == (date(2012, 5, 1), date(2012, 5, 31))
    assert first("The vote is next January.", "2013-01-30") == (
        date(2014, 1, 1),
        date(2014, 1, 31),
    )
    assert first("Both parties hold primaries in mid May.", "2013-01-30") == (
        date(2013, 5, 11),
        date(2013, 5, 20),
    )
    a = article("We may go, and May may come.", "2013-01-30")
    assert date_mentions(a, a.sentences[0]) == []  # "may" and a name alone are no month.


def test_a_day_and_a_named_month_of_one_happening_are_compared() -> None:
    x, y = _both(
        "Both political parties will hold the Senate primaries in mid May.",
        "The Senate primary would be held on April 30.",
    )
    assert same_event(x, y) and not x.agrees(y)
    x, y = _both(
        "The Senate primary was held this month.", "The Senate primary was held on Jan. 8."
    )
    assert not same_event(x, y)  # "This month" dates a report, not a day.


def test_one_doer_and_one_doing_before_two_days_is_one_happening() -> None:
    x, y = _both(
        "The justice kicked off the storm with comments to The New York Times published Saturday.",
        "Ginsburg told The New York Times in an article published Sunday.",
    )
    assert same_event(x, y) and not x.agrees(y)  # Few shared words, but one doer's doing.


def test_one_doing_without_a_doer_still_needs_shared_words() -> None:
    # No name before either day: the words around them decide, as for any two days.
    x, y = _both(
        "The charges against the governor were filed on Friday in federal court.",
        "The charges against the governor were filed on Monday in federal court.",
    )
    assert x.actor is None and x.head == y.head
    assert same_event(x, y)


def test_a_page_stamp_dates_no_event() -> None:
    stamped = article("Watergate figure Fred LaRue dies Published July 28, 2004 Fred LaRue died.")
    assert date_mentions(stamped, stamped.sentences[0]) == []
    posted = article("PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2:29 PM Protesters marched Wednesday.")
    assert [m.value.text for m in date_mentions(posted, posted.sentences[0])] == ["Wednesday"]
    prose = article("The results were published on Tuesday by the ministry.")
    assert [m.value.text for m in date_mentions(prose, prose.sentences[0])] == ["Tuesday"]


def test_years_far_apart_date_two_happenings() -> None:
    began = article("Page began a career in modeling in 1950, the agency said.", name="a")
    ended = article("Page ended her modeling career in 1957, the agency said.", name="b")
    slip = article("Page began a career in modeling in 1951, the agency said.", name="c")
    (x,) = date_mentions(began, began.sentences[0])
    (y,) = date_mentions(ended, ended.sentences[0])
    (z,) = date_mentions(slip, slip.sentences[0])
    assert not same_event(x, y)  # Seven years apart: a start and an end.
    assert same_event(x, z)  # One year apart: one year misreported.


def test_one_sentence_run_on_two_days_dates_one_thing() -> None:
    text = "The Republican candidates debate today in Detroit, the party said."
    friday = article(text, "2016-03-04", "a")
    saturday = article(text, "2016-03-05", "b")
    found = date_mentions(friday, friday.sentences[0])
    found += date_mentions(saturday, saturday.sentences[0])
    assert [m.low for m in found] == [date(2016, 3, 4), date(2016, 3, 5)]
    assert date_conflicts(None, found) == []  # A story run again, not two days.
    other = article(
        "The Republican candidates debate today in Flint, the party said.", "2016-03-05", "c"
    )
    assert date_conflicts(None, [found[0], *date_mentions(other, other.sentences[0])])


def test_the_evidence_for_one_event_is_the_same_both_ways() -> None:
    # "primaries" and "primary": one word, two spellings of different rarity.
    x, y = _both(
        "Both political parties will hold special-election primaries in mid May.",
        "The primary would be held on April 30.",
    )
    assert evidence(x, y) == evidence(y, x)
    assert same_event(x, y) and same_event(y, x) and not x.agrees(y)


def test_one_day_at_two_times_of_day_disagrees() -> None:
    scheduled = article("He'll make the announcement today at 11am from Livingston.", "2015-06-30")
    made = article("Christie made the announcement Tuesday afternoon in Livingston.", "2015-06-30")
    (x,) = date_mentions(scheduled, scheduled.sentences[0])
    (y,) = date_mentions(made, made.sentences[0])
    assert x.hours == (10.5, 11.5) and y.hours == (12.0, 18.0)
    assert x.value.value == "2015-06-30 11:00" and y.value.value == "2015-06-30 afternoon"
    assert not x.agrees(y)
    evening = article("He spoke Tuesday at 7:30 p.m. in Livingston.", "2015-06-30")
    night = article("He spoke Tuesday night in Livingston.", "2015-06-30")
    (e,) = date_mentions(evening, evening.sentences[0])
    (n,) = date_mentions(night, night.sentences[0])
    assert e.agrees(n)  # 7:30 p.m. is at night
    plain = article("He spoke Tuesday in Livingston.", "2015-06-30")
    (p,) = date_mentions(plain, plain.sentences[0])
    assert p.agrees(x) and p.agrees(y)  # a day without a time agrees with any time of it


def test_a_time_with_its_zone_is_not_compared() -> None:
    east = article("The debate starts Tuesday at 9 p.m. ET in Las Vegas.", "2015-10-13")
    (x,) = date_mentions(east, east.sentences[0])
    assert x.hours is None


def test_two_days_of_one_speakers_sayings_are_two_happenings_unless_one_thing_is_said() -> None:
    tuesday = article(
        "Tad Devine, a senior adviser to Mr. Sanders, said on Tuesday that the campaign "
        "would not mislead voters about his chances.",
        "2016-04-28",
        "nyt",
    )
    monday = article(
        "Tad Devine, a top adviser to Sanders, said Monday that the senator will arrive at "
        "the convention with enough pledged delegates.",
        "2016-04-28",
        "usa",
    )
    (x,) = date_mentions(tuesday, tuesday.sentences[0])
    (y,) = date_mentions(monday, monday.sentences[0])
    assert x.said is not None and not same_event(x, y)
    again = article(
        "Tad Devine, a senior adviser to Sanders, said Monday that the campaign would not "
        "mislead voters about his chances.",
        "2016-04-28",
        "fox",
    )
    (z,) = date_mentions(again, again.sentences[0])
    assert same_event(x, z)  # one thing said: the usual rules decide


def test_times_of_day_count_however_the_day_is_written() -> None:
    morning = article("He spoke Tuesday at 11 a.m. in Livingston.", "2015-06-30", "a")
    afternoon = article("He spoke Tuesday afternoon in Livingston.", "2015-06-30", "b")
    (x,) = date_mentions(morning, morning.sentences[0])
    (y,) = date_mentions(afternoon, afternoon.sentences[0])
    assert not x.agrees(y)  # one weekday name, two times that cannot meet
    late = article("He spoke Tuesday at 12 a.m. in Livingston.", "2015-06-30", "c")
    (z,) = date_mentions(late, late.sentences[0])
    assert z.hours == (-0.5, 0.5)
    for text in ("He spoke Tuesday at 4:75 p.m. there.", "They met Tuesday in Central Park."):
        odd = article(text, "2015-06-30", "d")
        (m,) = date_mentions(odd, odd.sentences[0])
        assert m.hours is None
    park = article("They met Tuesday afternoon near Central Park.", "2015-06-30", "e")
    (p,) = date_mentions(park, park.sentences[0])
    assert p.hours == (12.0, 18.0)  # "Central Park" names no time zone


def test_one_moment_in_two_time_zones_is_not_compared() -> None:
    for zone in ("Eastern Time", "ET", "New York time", "(Eastern)"):
        east = article(f"He will address the nation Tuesday at 8 p.m. {zone} from the office.")
        (x,) = date_mentions(east, east.sentences[0])
        assert x.hours is None, zone


def test_a_day_written_before_its_month() -> None:
    assert first("The vote is set for 15 December 2013.") == (date(2013, 12, 15),) * 2
    assert first("The seminar met on 1 October.", "2013-10-04") == (date(2013, 10, 1),) * 2


def test_a_date_with_a_clock_time_after_it_is_a_page_stamp() -> None:
    for text in (
        "Elections to be held on a two-party basis 26 September 2013, 10:00 (GMT+05: 00) ...",
        "Lohan is missing May 2, 2013 | 5: 03pm The star fooled a judge.",
    ):
        a = article(text, None)
        assert not date_mentions(a, a.sentences[0])


def test_a_date_opening_its_sentence_dates_the_clause_after_it() -> None:
    x = _dated(
        "On Wednesday, the Senate voted 71-28 on a bill that renamed the agency.", "2019-05-09"
    )
    assert x.head == "elect" and "elect" in x.event and x.doer == "senate"
    # Passing a measure is the chamber's vote on it: one happening, two days.
    y = _dated(
        "Senate leaders were praised for passing a bill on Tuesday that renamed the agency.",
        "2019-05-09",
        "b",
    )
    assert "elect" in y.event
    assert same_event(x, y) and not x.agrees(y)


def test_a_fronted_clause_names_its_doer_and_another_doer_is_another_happening() -> None:
    x = _dated("On Sunday, Ms. Zimmer issued a statement about the inquiry.", "2014-01-24")
    y = _dated(
        "In a statement issued Thursday, Mark Sheridan, a partner, spoke about the inquiry.",
        "2014-01-24",
        "b",
    )
    assert x.doer is not None and not same_event(x, y) and not same_event(y, x)


def test_a_full_date_right_after_the_headline_is_the_dateline() -> None:
    headline = "Storm knocks out power across the northern coast"
    page = article_from_text(
        "a",
        f"{headline} March 3, 2014 The storm knocked out power on Sunday night.",
        meta={"date": "2014-03-03", "title": headline},
    )
    assert [m.value.text for m in date_mentions(page, page.sentences[0])] == ["Sunday"]
    prose = article_from_text(
        "b",
        "The storm that knocked out power on March 3, 2014 was the worst in years.",
        meta={"date": "2014-03-05", "title": headline},
    )
    assert [m.value.text for m in date_mentions(prose, prose.sentences[0])] == ["March 3, 2014"]


def test_two_doings_in_two_years_are_two_happenings() -> None:
    x = _dated("In 1961 Moretti was charged with fraud over the bank's failure.", "2005-12-20")
    y = _dated(
        "A clerk named Moretti, but Moretti was acquitted in 1962 of fraud over the bank's "
        "failure.",
        "2005-12-20",
        "b",
    )
    assert x.head != y.head and not same_event(x, y)
    # A day opening its sentence without a comma dates no clause of its own.
    z = _dated("On Tuesday Moretti was charged with fraud.", "2005-12-20")
    assert z.doer is None


def test_a_prefixed_irregular_verb_names_a_happening() -> None:
    x = _dated(
        "A Superior Court judge on Thursday upheld a jury's recommendation for the killer.",
        "2007-05-04",
    )
    y = _dated(
        "The convicted killer laughed on Tuesday after hearing the jury's recommendation.",
        "2007-05-04",
        "b",
    )
    assert x.head is not None and y.head is not None and x.head != y.head
    assert not same_event(x, y)


def test_passing_away_is_no_vote_and_a_doer_is_a_whole_word() -> None:
    x = _dated("Senator Smith passed away on Tuesday at home in Ohio.", "2019-05-09")
    y = _dated("Senator Smith voted on Wednesday at home in Ohio.", "2019-05-09", "b")
    assert "elect" not in x.event and not same_event(x, y)
    z = _dated("On Sunday, Ms. Zimmer issued a statement about the inquiry.", "2014-01-24")
    f = _dated(
        "In a statement issued Thursday, a partner at Zimmerman LLP spoke about the inquiry.",
        "2014-01-24",
        "b",
    )
    assert not same_event(z, f)


def test_a_fronted_clause_finds_its_verb_past_a_lower_case_subject() -> None:
    x = _dated("On Wednesday, the jury convicted Smith of fraud.", "2005-12-20")
    assert x.head is not None
    y = _dated("On Monday, officials said the man fled the country.", "2005-12-20")
    assert y.doer is None and y.head is None


def test_a_date_inside_the_headlines_prose_is_no_dateline() -> None:
    headline = "Jury convicts man in killing of store clerk"
    page = article_from_text(
        "a",
        f"{headline} A jury on Friday convicted John Smith in the March 3, 2012 killing.",
        meta={"title": headline},
    )
    assert "March 3, 2012" in [m.value.text for m in date_mentions(page, page.sentences[0])]


def _dated(text: str, when: str | None = "2016-09-29", name: str = "a") -> DateMention:
    """The one date of a one-sentence article."""
    a = article(text, when, name)
    (found,) = date_mentions(a, a.sentences[0])
    return found


def test_second_review_misfires_stay_out() -> None:
    # A name ending in -ed is no verb: the doer of "filed" is Cruz.
    cruz = _dated("On Friday, Sen. Ted Cruz filed a bill to end the program.", "2013-07-05")
    assert cruz.doer == "cruz"
    # Datelines past an agency, a stamp word, a clock time or a byline.
    headline = "Gunman kills three at mall in suburban Omaha"
    for tail in (
        " April 4, 2012 (Reuters) - A gunman killed three.",
        " Posted on April 4, 2012 A gunman killed three.",
        " April 4, 2012, 10:15 AM A gunman killed three.",
        " April 4, 2012 by John Smith. A gunman killed three.",
    ):
        page = article_from_text("a", headline + tail, meta={"title": headline})
        assert written_on(page) == date(2012, 4, 4), tail
