"""Dates as the day intervals they name, resolved against the article's own date.

"on Wednesday" in a Thursday paper is the day before; "last week" is the calendar week
before the article's; "earlier this year", "in 2017", "January 2012", "Aug. 6" and year
ranges ("between 2009 and 2016") are intervals too. Two sources disagree on a date only
when their intervals are disjoint, and only for mentions that fill one slot (the words
around them name the same event: see :func:`same_event`); without an article date, a
weekday is compared by name.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from wordfreq import zipf_frequency

from tui.core.discrepancies.tokens import sentence_tokens
from tui.core.models import Article, DiscrepancyValue, Sentence
from tui.core.text import names
from tui.core.text.normalize import Token, rarity

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january february march april may june july august september october november december"
).split()
_ABBREVIATED = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
_MONTH = r"(?:" + "|".join(m.capitalize() for m in (*_ABBREVIATED, "may")) + r")[a-z]*\.?"
MONTH_WORD = (
    r"(?:(?:" + "|".join(f"{m.capitalize()}|{m.upper()}" for m in MONTHS) + r")\b"
    r"|(?:" + "|".join(f"{m.capitalize()}|{m.upper()}" for m in _ABBREVIATED) + r")\b\.?)"
)
"""A month written out or abbreviated, capitalised or in capitals ("May 3", "Nov. 30",
"MARCH 14"): exactly, so that "Mayor", "Marines" or the modal "may" is none."""
_NAMED_MONTH = (
    r"\b(?P<when>in|by|during|until|last|this|next)\s+(?:(?P<part>early|mid|late)[\s-]+)?"
    r"(?P<m3>" + "|".join(MONTHS) + r")\b"
)
"""A month by its name alone, after a word that makes it a date ("in April", "last May",
"in mid May"), not the modal "may"."""
_COUNTS = {
    "a": (1, 1), "an": (1, 1), "one": (1, 1), "two": (2, 2), "three": (3, 3), "four": (4, 4),
    "five": (5, 5), "six": (6, 6), "seven": (7, 7), "eight": (8, 8), "nine": (9, 9),
    "ten": (10, 10), "a couple": (2, 2), "a couple of": (2, 2), "a few": (2, 4),
    "several": (3, 7),
}  # fmt: skip
"""How many days, weeks, months or years ago a word says: "a few" from two to four."""
_SATURDAY = 5
"""``date.weekday()`` of Saturday."""
_SLACK_DAYS = {"day": 0, "week": 3, "month": 15, "year": 182}
"""Days either side of "N days/weeks/months/years ago": half the unit, but for days."""
# Every alternative holds a digit, day, night, week, year, month or a named month: see
# _MAY_HOLD_DATE.
_PATTERN = re.compile(
    r"(?P<range>(?:between|from)\s+(?P<y1>(?:19|20)\d\d)\s+(?:and|to|through|until)\s+(?P<y2>(?:19|20)\d\d))"
    r"|(?P<dash>\b(?P<d1>(?:19|20)\d\d)\s*[-–]\s*(?P<d2>(?:19|20)\d\d)\b)"
    r"|(?P<since>(?:since|back to|beginning in)\s+(?P<y3>(?:19|20)\d\d))\b"
    r"|(?P<dmy>\b(?P<dday>\d{1,2})\s+(?P<m4>" + _MONTH + r")(?:,?\s+(?P<y7>(?:19|20)\d\d))?)\b"
    r"|(?P<mday>\b(?P<m1>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:,?\s+(?P<y4>(?:19|20)\d\d))?)\b"
    r"|(?P<myear>\b(?P<m2>" + _MONTH + r")\s+(?P<y5>(?:19|20)\d\d))\b"
    r"|(?P<year>(?<![$\d,.])\b(?:in|by|during|of)\s+(?P<y6>(?:19|20)\d\d))\b(?!\s*(?:to|-|through))"
    r"|(?P<month>" + _NAMED_MONTH + r")(?![\s,]*\d)"
    r"|(?P<rel>\b(?:yesterday|today|tonight|last night|(?:this|last|over the) weekend|"
    r"last week|(?:earlier |later )?this week|earlier this year|this year|last year|"
    r"(?:earlier |later )?this month|last month)\b)"
    r"|(?P<weekday>\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"|(?P<ago>(?<![-–.\d/])\b(?P<count>" + "|".join(_COUNTS) + r"|\d{1,2})\s+"
    r"(?P<span>day|week|month|year)s?\s+ago)\b",
    re.IGNORECASE,
)
_MAY_HOLD_DATE = re.compile(r"\d|day|night|week|year|month|" + _NAMED_MONTH, re.IGNORECASE)
"""What every match of :data:`_PATTERN` contains (a digit, or one of these words in any
case): a quick test that spares the slow full search on the many sentences without a date."""
_STAMP = re.compile(
    r"(?:\b(?:PUBLISHED|UPDATED|POSTED|MODIFIED|LAST UPDATED)\b[\s:,]*"
    r"|\b(?:Published|Updated|Posted|Modified|Last updated)\s*:\s*"
    r"|(?<!^)\b(?:Published|Updated|Posted|Modified|Last updated)\b[\s,]*)"
    r"(?:on\s+|at\s+)?(?:(?i:" + "|".join(WEEKDAYS) + r")\b[\s,]*)?\Z"
)
"""A page's own time stamp before a date ("Posted on January 5, 2011", "UPDATED:
THURSDAY, MARCH 14"), as scraped pages carry in their text: the word in capitals, before
a colon, or capitalised inside a sentence (a prose "published on Tuesday" is an event)."""
_STAMP_REACH = 40
_CLOCK_STAMP = re.compile(
    r"\s*[,|]?\s*(?:\d{1,2}:\s?\d\d(?!\d)"
    r"|(?:[Ll]ast\s+updated|UPDATED|Updated|PUBLISHED|Published)\b)"
    r"|,?\s+" + MONTH_WORD + r"\s+\d{1,2},?\s+(?:19|20)\d\d\b"
)
"""After a date, a clock time or an update line (past a comma, a bar or a space), or the
full date a weekday opens: a page's time stamp ("26 September 2013, 10:00", "SEPTEMBER
16, 2013 11: 12AM", "7 July 2012 Last updated at 22:46", "THURSDAY, DECEMBER 3, 2009")."""
_FUTURE = re.compile(r"\b(?:expected|scheduled|due to|set to|plans? to|is to|are to|next)\b", re.I)
_FUTURE_REACH = 160
"""Characters before a weekday searched for a future cue ("is expected to ... on Thursday")."""
_DATE_WORDS = frozenset(
    [*WEEKDAYS, *MONTHS, "week", "weekend", "year", "month", "last", "night", "morning",
     "afternoon", "evening", "late", "early", "earlier", "yesterday", "today", "tonight"]
)  # fmt: skip
SLOT_EVIDENCE = 3.0
"""Summed rarity of shared neighbour words that makes two dates one event's."""
STRETCH_SLIP = 2
"""Years by which each end of two stretches may differ and still be one term misreported
(an election year for the first year in office)."""
CONTEXT_RARITY = 1.2
_EVENT_BEFORE, _EVENT_AFTER = 2, 0
"""Words before and after a day that name its happening ("filed against X on Friday")."""
_VOTE = "elect"
"""The synonym key of "vote" (:mod:`tui.core.text.synonyms`)."""
_ONE_DOING = {"pass": _VOTE, "approv": _VOTE, "adopt": _VOTE}
"""A chamber's vote on a measure is its passing it ("the House voted 396-9 on a bill" /
"passing a resolution on Tuesday"): one happening, whichever word dates it, in a
sentence about a measure (:data:`_MEASURE`; not "passed away", not "adopted a girl")."""
_MEASURE = re.compile(
    r"\b(?:bills?|resolutions?|measures?|legislation|laws?|budgets?|amendments?|motions?|"
    r"treat(?:y|ies)|nominations?|Act)\b"
)
_PASSED_AWAY = re.compile(r"\bpass(?:ed|es|ing)?\s+away\b", re.IGNORECASE)
_WINDOW = 4
"""Content words either side of a date that say what happened then."""
_ADVERB_LENGTH = 6
"""Letters from which a word ending in -ly may be an adverb ("only", "early" are not)."""
_LY_NOT_ADVERBS = frozenset(
    "daily nightly weekly biweekly monthly bimonthly quarterly yearly hourly deadly elderly "
    "friendly unfriendly likely unlikely costly timely untimely lovely lonely lively "
    "orderly disorderly kindly scholarly cowardly manly womanly worldly comply".split()
)
"""Words of a known word and -ly that are adjectives (or a verb) naming what happened."""
_ADVERB_STEM_ZIPF = 3.0
"""How common the word before "-ly" must be for the whole to be its adverb."""


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in a sentence: the days it allows and the words that say of what."""

    value: DiscrepancyValue
    low: date | None
    high: date | None
    """None without an article date: then ``value.value`` (a weekday) is compared."""
    weights: dict[str, float]
    grain: str
    """"day", "week", "month" or "year": only dates of one grain are compared (a
    Friday and "from 2007 to 2014" date different things)."""
    event: frozenset[str]
    """The words right next to the date, which say what happened then ("filed",
    "released"): a day is compared only with a day of the same happening."""
    actor: str | None = None
    """The name closest before the date since the previous one ("the Senate on
    Wednesday, followed by the House on Thursday"): whose day it is."""
    head: str | None = None
    """The verb right before the date ("taped" Monday, "released" Tuesday): two days of
    two different doings are not one happening's, whatever words they share."""
    contrasted: bool = False
    """Its sentence gives other actors other dates of its grain: the actor says whose."""
    since: bool = False
    """A stretch's start ("since 2002"): from that year to the article's date."""
    named_month: bool = False
    """A month by its name ("in April", "May 2019"): a day of one happening falls in it
    or not, so it is compared with days too ("April 30" vs "in mid May")."""
    stretch: bool = False
    """A stretch of years given by both ends ("from 1967 to 1979", "2001-2009"): a term
    or a tenure, which agrees with another only end for end."""
    sentence: str = ""
    """Its sentence's text: one sentence in two articles (a story run again the next day)
    dates one thing, whatever day each article is dated ("today", "on Tuesday")."""
    said: dict[str, float] | None = None
    """When the date is a saying's ("Devine said on Tuesday that ..."): the rare words
    after it, what was said, with their rarity."""
    hours: tuple[float, float] | None = None
    """The time of day given with a day, as hours from its midnight ("Tuesday afternoon":
    12 to 18; "today at 11am": 10.5 to 11.5), when no time zone is named."""
    doer: str | None = None
    """The doer a clause the date opens names ("On Sunday, Ms. Zimmer issued a statement"),
    folded: the other date's sentence must name it too to date the same happening."""

    def width(self) -> int:
        """How many days it allows (0 when unresolved: a weekday by name)."""
        return (self.high - self.low).days if self.low and self.high else 0

    def agrees(self, other: DateMention) -> bool:
        """The two can name the same day."""
        if self.sentence and self.sentence == other.sentence:
            return True
        if self.low is None or other.low is None or self.high is None or other.high is None:
            return self.value.value == other.value.value or not (
                self.value.value in WEEKDAYS and other.value.value in WEEKDAYS
            )
        if self.value.text.lower() == other.value.text.lower() and self.grain == "day":
            # One weekday name a week apart: the tense was misread, not the day.
            return abs((self.low - other.low).days) in (0, 7) and not _other_times(self, other)
        if self.stretch and other.stretch:
            # "1967 to 1979" and "1966 to 1978" overlap, but a term has one start and one end.
            return (self.low.year, self.high.year) == (other.low.year, other.high.year)
        if self.since and other.since:
            # "since 2002" and "since 2003": two starts of one stretch, not two stretches
            # that overlap.
            return self.low.year == other.low.year
        if not (self.low <= other.high and other.low <= self.high):
            return False
        return not (self.width() == other.width() == 0 and _other_times(self, other))


def _other_times(a: DateMention, b: DateMention) -> bool:
    """One day, given with times of day that cannot meet ("today at 11am" / "Tuesday
    afternoon")."""
    if a.hours is None or b.hours is None:
        return False
    return a.hours[1] <= b.hours[0] or b.hours[1] <= a.hours[0]


_PART_OF_DAY = {
    "morning": (5.0, 12.0),
    "afternoon": (12.0, 18.0),
    "evening": (17.0, 22.0),
    "night": (18.0, 29.0),
    "noon": (11.5, 12.5),
}
"""Hours of each part of a day ("midnight" is left out: which day's, the writer seldom says)."""
_TIME_AFTER = re.compile(
    r"\A(?:,?\s+(?:at\s+)?(?P<clock>\d{1,2})(?::(?P<minutes>\d\d))?\s*(?P<half>[ap])\.?m\b\.?"
    r"|\s+(?:at\s+)?(?P<part>morning|afternoon|evening|night|noon)\b)",
    re.IGNORECASE,
)
"""A time of day right after a day ("Tuesday afternoon", "today at 11am", "Friday at
4:20 p.m.")."""
_TIME_BEFORE = re.compile(
    r"\b(?:at\s+)?(?P<clock>\d{1,2})(?::(?P<minutes>\d\d))?\s*(?P<half>[ap])\.?m\b\.?,?\s+(?:on\s+)?\Z",
    re.IGNORECASE,
)
"""A time of day right before a day ("at 4:20 p.m. on Friday")."""
ZONES = r"GMT|UTC|[ECMP][SD]T|IST|BST|CES?T"
"""Time zones as news writes them after a clock time ("8 p.m. EDT", "1300 GMT"), in a form
no counted thing takes (not "MT", metric tons; not "CT", scans)."""
_TIME_ZONE = re.compile(
    r"\b(?:" + ZONES + r"|ET|PT)\b"
    r"|\b(?:[A-Z][a-z]+\s+){1,2}(?:[Ss]tandard\s+|[Dd]aylight\s+)?[Tt]ime\b"
    r"|\blocal\s+time\b|\((?:Eastern|Pacific|Central|Mountain)\)"
)
"""A time zone near a time of day: "8 p.m. ET", "Eastern Time", "New York time", "local
time", "(Eastern)"; not "Central Park" or "Eastern Europe"."""
_CLOCK_SLACK = 0.5
"""Hours around a clock time that still name it: "at 11 a.m." and "at 11:15 a.m." agree."""


def time_of_day(
    text: str, start: int, end: int, rel: str | None
) -> tuple[tuple[float, float], str] | None:
    """The hours of the day a date at ``text[start:end]`` is given with, and how to show
    them ("afternoon", "11:00"), if any and no time zone is named near it (8 p.m. Eastern
    is 5 p.m. Pacific)."""
    if _TIME_ZONE.search(text, max(0, start - 40), min(len(text), end + 40)):
        return None
    if rel and rel.lower() in ("tonight", "last night"):
        return _PART_OF_DAY["night"], "night"
    after = _TIME_AFTER.match(text[end : end + 30])
    before = _TIME_BEFORE.search(text[max(0, start - 30) : start])
    found = after or before
    if found is None:
        return None
    if found.groupdict().get("part"):
        part = found.group("part").lower()
        return _PART_OF_DAY[part], part
    hour = int(found.group("clock"))
    minutes = int(found.group("minutes") or 0)
    if not 1 <= hour <= 12 or minutes >= 60:
        return None
    hour = hour % 12 + (12 if found.group("half").lower() == "p" else 0)
    at = hour + minutes / 60
    return (at - _CLOCK_SLACK, at + _CLOCK_SLACK), f"{hour:02d}:{minutes:02d}"


def article_date(article: Article) -> date | None:
    """The article's own date, when its metadata has one."""
    try:
        return date.fromisoformat((article.date or "")[:10])
    except ValueError:
        return None


def written_on(article: Article) -> date | None:
    """When the article was written: its metadata's date, else its dateline's (a full
    date near the start of a text that opens with its headline, :func:`_dateline`)."""
    known = article_date(article)
    if known is not None:
        return known
    for sentence in article.sentences:
        if sentence.start > DATELINE_REACH:
            break
        for match in _PATTERN.finditer(sentence.text):
            if _dateline(article, sentence, match):
                span = resolve(match, None, sentence.text)
                return span[0] if span and span[0] == span[1] else None
    return None


def _month(name: str) -> int:
    return next(n for n, m in enumerate(MONTHS, 1) if m.startswith(name.lower().rstrip(".")[:3]))


def _month_span(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def resolve(match: re.Match[str], today: date | None, sentence: str) -> tuple[date, date] | None:
    """The days a matched date names, against the article's date (None: cannot tell)."""
    g = match.groupdict()
    year = today.year if today else None
    if g["range"] or g["dash"]:
        y1, y2 = int(g["y1"] or g["d1"]), int(g["y2"] or g["d2"])
        return date(min(y1, y2), 1, 1), date(max(y1, y2), 12, 31)
    if g["since"]:
        return date(int(g["y3"]), 1, 1), today or date(int(g["y3"]) + 50, 1, 1)
    if g["year"]:
        return date(int(g["y6"]), 1, 1), date(int(g["y6"]), 12, 31)
    if g["myear"]:
        return _month_span(int(g["y5"]), _month(g["m2"]))
    if g["month"]:
        return None if today is None else _named_month(g, today)
    if g["mday"] or g["dmy"]:
        written = g["y4"] or g["y7"]  # "May 3, 2013" or "3 May 2013"
        y = int(written) if written else year
        if y is None:
            return None
        try:
            day = date(y, _month(g["m1"] or g["m4"]), int(g["day"] or g["dday"]))
        except ValueError:
            return None
        return day, day
    if today is None:
        return None
    if g["rel"]:
        return _relative(g["rel"].lower(), today)
    if g["ago"]:
        return _ago(g["count"].lower(), g["span"].lower(), today)
    weekday = WEEKDAYS.index(g["weekday"].lower())
    back = (today.weekday() - weekday) % 7
    if back and _FUTURE.search(sentence, max(0, match.start() - _FUTURE_REACH), match.start()):
        day = today + timedelta(days=7 - back)  # "expected ... on Thursday": the next one
    else:
        day = today - timedelta(days=back)
    return day, day


_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
"""The days "early", "mid" and "late" give a named month."""


def _named_month(g: dict[str, str | None], today: date) -> tuple[date, date]:
    """A month named without its year ("in April", "last May", "in mid May"): the one
    "last" or "next" says, else the nearest to the article's date, before or after."""
    month = _month(g["m3"] or "")
    when = (g["when"] or "").lower()
    ahead = (month - today.month) % 12  # Months from the article's to the next such month.
    if when == "last":
        back = (today.month - month) % 12 or 12
        year = today.year - (1 if back >= today.month else 0)
    elif when == "next":
        year = today.year + (1 if month <= today.month else 0)
    elif when == "this" or ahead == 0:
        year = today.year
    elif ahead <= 6:
        year = today.year + (1 if month < today.month else 0)
    else:
        year = today.year - (1 if month > today.month else 0)
    first, last = _month_span(year, month)
    part = _PARTS.get((g["part"] or "").lower())
    if part is None:
        return first, last
    return first.replace(day=part[0]), min(last, first.replace(day=min(part[1], last.day)))


def _relative(phrase: str, today: date) -> tuple[date, date]:
    monday = today - timedelta(days=today.weekday())
    if phrase in ("yesterday", "last night"):
        return today - timedelta(days=1), today - timedelta(days=1)
    if phrase in ("today", "tonight"):
        return today, today
    if phrase.endswith("weekend"):
        # The weekend just past (Friday evening to Sunday); "last weekend" too.
        sunday = today - timedelta(days=(today.weekday() + 1) % 7)
        return sunday - timedelta(days=2), sunday
    if phrase == "last week":
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if phrase == "this week":
        return monday, monday + timedelta(days=6)
    if phrase == "earlier this week":
        # Before the article's day, from the Sunday that opens an American week.
        sunday = monday - timedelta(days=1)
        return sunday, max(sunday, today - timedelta(days=1))
    if phrase == "later this week":
        # After the article's day; on a weekend, the week ahead.
        end = monday + timedelta(days=6 if today.weekday() < _SATURDAY else 13)
        return today + timedelta(days=1), end
    if phrase == "earlier this year":
        return date(today.year, 1, 1), today
    if phrase == "this year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if phrase == "last year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if phrase.endswith("this month"):
        first, last = _month_span(today.year, today.month)
        if phrase.startswith("earlier"):
            return first, max(first, today - timedelta(days=1))
        if phrase.startswith("later"):
            return min(today + timedelta(days=1), last), last
        return first, last
    last = today.replace(day=1) - timedelta(days=1)  # "last month"
    return _month_span(last.year, last.month)


def _ago(count: str, span: str, today: date) -> tuple[date, date]:
    """A date counted back from the article's ("three days ago", "two weeks ago", "a few
    months ago", "four years ago"): that many units back, give or take half a unit (a
    week's three days, a month's fifteen, a year's six months), as such counts are
    rounded ("four years ago" in January 2017 is the 2012 election)."""
    few, many = _COUNTS.get(" ".join(count.split())) or (int(count), int(count))
    slack = timedelta(days=_SLACK_DAYS[span])
    return _back(today, many, span) - slack, _back(today, few, span) + slack


def _back(today: date, count: int, span: str) -> date:
    """The day ``count`` days, weeks, months or years before the article's (the month's
    last day when the same day does not exist: 31 March, one month back, is 29 February)."""
    if span in ("day", "week"):
        return today - timedelta(days=count * (7 if span == "week" else 1))
    months = count * (12 if span == "year" else 1)
    index = today.year * 12 + today.month - 1 - months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(today.day, _month_span(year, month)[1].day))


def date_mentions(article: Article, sentence: Sentence) -> list[DateMention]:
    """Every date of a sentence, resolved, with the words around it."""
    text = sentence.text
    if not _MAY_HOLD_DATE.search(text):
        return []
    today = article_date(article)
    matches = list(_PATTERN.finditer(text))
    if not matches:
        return []
    tokens = [t for t in sentence_tokens(text) if t.kind == "word" and not t.stop]
    found = []
    for n, match in enumerate(matches):
        if match.group("rel") and match.group(0)[0].isupper() and match.start() > 0:
            continue  # ABC's "This Week": a title, not a date.
        if _STAMP.search(text, max(0, match.start() - _STAMP_REACH), match.start()):
            continue  # "Published: July 29, 2004": when the page was written, no event.
        if _CLOCK_STAMP.match(text, match.end()):
            continue  # "26 September 2013, 10:00 (GMT+05:00)", "May 2, 2013 | 5:03pm": a stamp.
        if _dateline(article, sentence, match):
            continue  # "<headline> April 4, 2012 Despite ...": when the page was written.
        span = resolve(match, today, text)
        weekday = match.group("weekday")
        if span is None and not weekday:
            continue
        left = matches[n - 1].end() if n else 0
        right = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        weights = _context(tokens, match.start(), match.end(), left, right)
        shown = (
            span[0].isoformat()
            if span and span[0] == span[1]
            else (f"{span[0].isoformat()}..{span[1].isoformat()}" if span else weekday.lower())
        )
        timed = time_of_day(text, match.start(), match.end(), match.group("rel"))
        if timed is not None and span and span[0] == span[1]:
            shown += f" {timed[1]}"  # "2015-06-30 afternoon": the time is part of the value.
        value = DiscrepancyValue(
            article.id,
            sentence.index,
            match.group(0),
            shown,
            sentence.start + match.start(),
            sentence.start + match.end(),
        )
        low, high = (span[0], span[1]) if span else (None, None)
        event = _event(tokens, match.start(), match.end(), left, right)
        head = _head(text, tokens, match.start(), left)
        after = _verb_after(text, tokens, match.end(), right)
        before = names.find_names(text, left, match.start())
        actor = before[-1].key if before else None
        year = _grain(match) == "year"
        fronted = _fronted(text, tokens, match.start(), match.end(), right, year=year)
        doer = None
        if fronted is not None:
            after, named = fronted
            if named is not None:
                actor, doer = named.key, names.fold(named.text.split()[-1])
        if after is not None:
            head, event = after.key, event | {after.key}
        if _MEASURE.search(text) and not _PASSED_AWAY.search(text):
            head = _ONE_DOING.get(head, head) if head else head
            event = frozenset(_ONE_DOING.get(k, k) for k in event)
        said = _said(text, tokens, match.start(), match.end(), left)
        found.append(
            DateMention(
                value,
                low,
                high,
                weights,
                _grain(match),
                event,
                actor,
                head=head,
                since=bool(match.group("since")),
                stretch=bool(match.group("range") or match.group("dash")),
                named_month=bool(match.group("month") or match.group("myear")),
                sentence=text,
                said=said,
                hours=timed[0] if timed is not None and span and span[0] == span[1] else None,
                doer=doer,
            )
        )
    actors = {(m.grain, m.actor) for m in found if m.actor}
    return [
        replace(m, contrasted=len({a for g, a in actors if g == m.grain}) > 1 and bool(m.actor))
        for m in found
    ]


_HEADLINE_PREFIX = 24
"""Characters of the title that the text before a dateline must open with."""
DATELINE_REACH = 300
"""Characters from the start of the text within which a dateline stands."""


def _dateline(article: Article, sentence: Sentence, match: re.Match[str]) -> bool:
    """A full date (day, month and year) near the start of a text that opens with its
    headline: the page's dateline, scraped into the first sentences ("Gary Ross in
    negotiations to direct 'The Hunger Games' sequel April 4, 2012 Despite ...",
    "... Sheriff's Deputy (March 20, 2007) - - A jury ..."), not an event's date."""
    at = sentence.start + match.start()
    if at > DATELINE_REACH or not (match.group("y4") or match.group("y7")):
        return False
    if _IN_PROSE_BEFORE.search(article.text, 0, at) or not _NEW_SENTENCE_AFTER.match(
        article.text, sentence.start + match.end()
    ):
        return False  # "... convicted John Smith in the March 3, 2012 killing": prose.
    title = " ".join(article.title.split())[:_HEADLINE_PREFIX]
    before = " ".join(article.text[:at].split())
    return len(title) == _HEADLINE_PREFIX and before.startswith(title)


_IN_PROSE_BEFORE = re.compile(
    r"\b(?:the|in|(?<!Posted )(?<!Published )(?<!Updated )on|of|since|by|until|from|at|to|"
    r"before|after)\s+\Z"
)
"""Before a date, makes it part of a sentence, not a dateline ("Posted on" is a stamp)."""
_NEW_SENTENCE_AFTER = re.compile(
    r"\)?(?:\s*\([^)]{1,20}\))?(?:,?\s*\d{1,2}:\d\d\s*(?:[AaPp]\.?\s?[Mm]\.?)?)?"
    r"[\s\-–—|]*(?:by\s+)?(?:[A-Z\"“]|\Z)"
)
"""After a dateline, what follows: a new sentence, perhaps past an agency, a clock time or
a byline ("April 4, 2012 Despite ...", "April 4, 2012 (Reuters) - A gunman ...")."""


def _event(tokens: list[Token], start: int, end: int, left: int, right: int) -> frozenset[str]:
    """The words right before a date that name its happening; an adverb among them says
    how, not what ("term officially ends in 2019" / "term ends in 2018": one ending)."""
    words = [t for t in tokens if not t.capital and t.norm not in _DATE_WORDS]
    before = [t for t in words if left <= t.start < start][-_EVENT_BEFORE:]
    after = [t for t in words if end <= t.start < right][:_EVENT_AFTER]
    return frozenset(t.key for t in before + after if not is_adverb(t.norm))


def is_adverb(word: str) -> bool:
    """An adverb made of a known word and -ly ("officially", "reportedly", "finally");
    not a word that merely ends so ("assembly", "family", "only", "early"), nor an
    adjective that tells one thing from another ("its monthly report" is not "its
    quarterly report")."""
    return (
        len(word) >= _ADVERB_LENGTH
        and word.endswith("ly")
        and word not in _LY_NOT_ADVERBS
        and zipf_frequency(word[:-2], "en") >= _ADVERB_STEM_ZIPF
    )


_PAST_IRREGULAR = frozenset(
    "began begun sent met took taken made gave given went came held won lost left brought "
    "found struck hit shot caught fled flew paid sold bought built quit ran sat stood".split()
)
_SPEECH = frozenset(
    "said told announced stated claimed added noted reported wrote tweeted posted "
    "confirmed declared revealed disclosed explained acknowledged admitted".split()
)


def _head(text: str, tokens: list[Token], start: int, left: int) -> str | None:
    """The verb right before the date ("taped Monday", "sent Tuesday", "were announced
    Friday", "they meet on Monday"), if it names a happening: a noun ("letter") or an
    active verb of saying says nothing of which."""
    words = [t for t in tokens if left <= t.start < start and not t.capital]
    words = [t for t in words if t.norm not in _DATE_WORDS]
    if words and is_doing(text[words[-1].start : words[-1].end].lower()):
        return words[-1].key
    word = _PREVIOUS_WORD.search(text, left, start)
    if word is None:
        return None
    surface = word.group(1)
    before = text[max(left, word.start(1) - 12) : word.start(1)]
    passive = surface in _SPEECH and _PASSIVE.search(before)
    if passive or (_FINITE.search(before) and surface not in _SPEECH):
        # "indictments were announced Friday": the announcing happened then.
        return next((t.key for t in sentence_tokens(text) if t.start == word.start(1)), surface)
    return None


_BOUNDED_WEEK = ("earlier",)
"""A week that says which of its days it means ("earlier this week": those before the
article's) is compared with days; "later this week" is not (on a weekend, which week?)."""
_SCALE = {"day": "day", "week": "weeks", "month": "weeks", "year": "year"}
"""Grains whose dates are compared with each other: a week and a month ("last week",
"last month", "March 2020") can each date one report, and cannot both be right; a day
and a year date different things."""
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_PREVIOUS_WORD = re.compile(r"\b([a-z]+)\s+(?:(?:on|early|late|last|this)\s+)?\Z")
"""The lower-case word before a date, past ``on``/``early``/``last``."""
_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+\Z")
"""Before a verb of saying, makes it a happening: "were announced Friday"."""
_FINITE = re.compile(r"\b(?:they|he|she|we|I|you|will|would|to|shall|can|could|must)\s+\Z")
"""Before a word, makes it a verb: "when they meet on Monday", "will vote Tuesday"."""


def _said(
    text: str, tokens: list[Token], start: int, end: int, left: int
) -> dict[str, float] | None:
    """What was said, when a verb of saying stands right before the date ("said on
    Tuesday that ..."): the rare words after the date (:func:`_weighed`)."""
    word = _PREVIOUS_WORD.search(text, left, start)
    if word is None or word.group(1) not in _SPEECH:
        return None
    if _PASSIVE.search(text[max(left, word.start(1) - 12) : word.start(1)]):
        return None  # "were announced Friday": the announcing is the happening.
    return _weighed(t for t in tokens if t.start >= end)


def _verb_after(text: str, tokens: list[Token], end: int, right: int) -> Token | None:
    """The past-tense verb right after the date ("a staffer on Friday apologized"): the
    date sits between subject and verb, so that verb names its happening."""
    following = _NEXT_WORD.match(text, end, right)
    if following is None or not is_doing(following.group(1)):
        return None
    return next((t for t in tokens if t.start == following.start(1)), None)


_OPENING = re.compile(r"\W*(?:(?:on|early|late|last|this|by)\s+)?\Z", re.IGNORECASE)
"""What may stand before a date that opens its sentence: "On Wednesday, ..."."""
_FRONTED_CLAUSE = re.compile(r"(,?)\s+((?:[\w.'’-]+\s+){0,5}[\w.'’-]+)")
"""After a fronted date, its comma and the next six words: a subject of one to four
words, perhaps an auxiliary, and the verb ("On Wednesday, the House voted", "In 1957
Gigante was charged")."""
_FRONTED_SUBJECT_WORDS = 4
_AUXILIARY = frozenset("was were had has have been".split())


def _fronted(
    text: str, tokens: list[Token], start: int, end: int, right: int, *, year: bool
) -> tuple[Token, names.NameMention | None] | None:
    """The verb, and the name of its doer, of a clause a date opens ("On Wednesday, the
    House voted 396-9"): the date then dates that clause's happening, which follows it.
    A year may go without the comma ("In 1957 Gigante was charged"), a day not ("On
    Tuesday Trump ..." is as often a headline's run-on)."""
    if not _OPENING.match(text[:start]):
        return None
    clause = _FRONTED_CLAUSE.match(text, end, right)
    if clause is None or (not clause.group(1) and not year):
        return None
    words = list(re.finditer(r"[\w.'’-]+", clause.group(2)))
    for n, word in enumerate(words[1 : _FRONTED_SUBJECT_WORDS + 2], start=1):
        surface = word.group(0)
        if surface in _SPEECH:
            return None  # "On Monday, officials said the man fled": the saying's day.
        if surface in _AUXILIARY or not surface.islower() or not is_doing(surface):
            continue  # "Sen. Ted Cruz filed": a name ending in -ed is no verb.
        at = clause.start(2) + word.start()
        verb = next((t for t in tokens if t.start == at), None)
        if verb is None:
            return None
        doers = names.find_names(text, clause.start(2), clause.start(2) + words[n - 1].end())
        return verb, (doers[-1] if doers else None)
    return None


def is_doing(surface: str) -> bool:
    """A past-tense verb that names a happening (not one of saying): regular, irregular,
    or irregular after a prefix ("upheld", "became", "undertook")."""
    if surface in _SPEECH:
        return False
    if surface.endswith("ed") or surface in _PAST_IRREGULAR:
        return True
    prefix = _VERB_PREFIX.match(surface)
    return prefix is not None and surface[prefix.end() :] in _PREFIXED_IRREGULAR


_VERB_PREFIX = re.compile(r"(?:up|with|over|under|out|for|be|re|mis)(?=[a-z]{3})")
"""Prefixes that make a verb of a verb: "upheld", "withheld", "overcame", "forgave"."""
_PREFIXED_IRREGULAR = _PAST_IRREGULAR - {"shot", "hit", "sat", "set"}
"""Irregular forms a prefix keeps a verb ("upshot" is a noun)."""


def _grain(match: re.Match[str]) -> str:
    g = match.groupdict()
    if g["weekday"] or g["mday"] or g["dmy"]:
        return "day"
    if g["myear"] or g["month"]:
        return "month"
    if g["ago"]:
        return g["span"].lower()
    rel = (g["rel"] or "").lower()
    if rel in ("yesterday", "today", "tonight", "last night"):
        return "day"
    if "week" in rel:
        return "week"
    if "month" in rel:
        return "month"
    return "year"


def _context(tokens: list[Token], start: int, end: int, left: int, right: int) -> dict[str, float]:
    before = [t for t in tokens if left <= t.start < start][-_WINDOW:]
    after = [t for t in tokens if end <= t.start < right][:_WINDOW]
    return _weighed(before + after)


def _weighed(tokens: Iterable[Token]) -> dict[str, float]:
    """Each word's rarity, for words rare enough to say what happened
    (:data:`CONTEXT_RARITY`), no date words."""
    return {
        t.key: rarity(t.norm)
        for t in tokens
        if t.norm not in _DATE_WORDS and rarity(t.norm) >= CONTEXT_RARITY
    }


def evidence(a: DateMention, b: DateMention) -> float:
    """How much the words around two dates say they date the same event: one actor
    counts as much as the words that make a slot, and a sentence that gives two actors
    two days keeps each day with its own actor."""
    if rival_actors(a, b):
        return 0.0  # The Senate's Wednesday is not the House's day.
    return _shared_rarity(a.weights, b.weights) + (SLOT_EVIDENCE if same_actor(a, b) else 0.0)


def _shared_rarity(x: Mapping[str, float], y: Mapping[str, float]) -> float:
    """The rarity of the words two contexts share, each at the mean of its two spellings'
    ("primaries" / "primary"), summed exactly (fsum): the same both ways, in every process."""
    return math.fsum((w + y[k]) / 2 for k, w in x.items() if k in y)


def rival_actors(a: DateMention, b: DateMention) -> bool:
    """Two actors stand before the dates, and a sentence gives its actors other days."""
    return (a.contrasted or b.contrasted) and bool(a.actor and b.actor) and a.actor != b.actor


def same_actor(a: DateMention, b: DateMention) -> bool:
    """The same name stands right before both dates (the House's day), and one sentence
    gives another actor another date (the Senate's): the actor says which is whose."""
    return a.actor is not None and a.actor == b.actor and (a.contrasted or b.contrasted)


def slot_keys(m: DateMention) -> frozenset[tuple[str, str, str]]:
    """Keys that two dates of one event share (:func:`same_event` holds only then): the
    grain with each word around the date, and with the actor. Sentences are compared only
    when they share one (an index finds them)."""
    scales = {_SCALE[m.grain], "day"} if m.named_month or _bounded(m) else {_SCALE[m.grain]}
    keys = {(scale, "word", k) for k in m.weights for scale in scales}
    if m.actor is not None:
        keys |= {(scale, "actor", m.actor) for scale in scales}
    return frozenset(keys)


def _close_stretches(a: DateMention, b: DateMention) -> bool:
    """Each end of one stretch of years within :data:`STRETCH_SLIP` of the other's."""
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return False
    return (
        abs(a.low.year - b.low.year) <= STRETCH_SLIP
        and abs(a.high.year - b.high.year) <= STRETCH_SLIP
    )


def _years_apart(a: DateMention, b: DateMention) -> bool:
    """Two dates whose years are more than :data:`STRETCH_SLIP` apart: a year misreported
    is one or two off (every such disagreement labelled on BASIL and ECB+), years further
    apart date two happenings (a first and a second time, a start and an end: "began
    modelling in 1950" / "ended her career in 1957")."""
    if a.low is None or b.low is None:
        return False
    return abs(a.low.year - b.low.year) > STRETCH_SLIP


def _bounded(m: DateMention) -> bool:
    """A week that says which of its days it means (:data:`_BOUNDED_WEEK`)."""
    return m.grain == "week" and m.value.text.lower().startswith(_BOUNDED_WEEK)


def comparable(a: DateMention, b: DateMention) -> bool:
    """Dates of grains that can date one happening (see :data:`_SCALE`); a month by its
    name and a day too, and "earlier this week" and a day (:data:`_BOUNDED_WEEK`; not "last
    week", which reporters say loosely of the past seven days)."""
    if _SCALE[a.grain] == _SCALE[b.grain]:
        return True
    if {a.grain, b.grain} == {"day", "week"}:
        return _bounded(a if a.grain == "week" else b)
    return (a.named_month and b.grain == "day") or (b.named_month and a.grain == "day")


def _one_saying(a: DateMention, b: DateMention) -> bool:
    """Two days of which one dates a saying may be one happening only when the two say one
    thing: a spokesman says something every day ("Devine said on Tuesday that the campaign
    would not mislead voters" / "Devine said Monday that the senator will arrive with
    enough delegates"); what was said must share :data:`SLOT_EVIDENCE` of rare words. (It
    is not enough: one thing is often said on two days, a speech and an interview.)"""
    if a.said is None and b.said is None:
        return True
    said_a = a.said if a.said is not None else a.weights
    said_b = b.said if b.said is not None else b.weights
    return _shared_rarity(said_a, said_b) >= SLOT_EVIDENCE


def _names_doer(a: DateMention, b: DateMention) -> bool:
    """``b``'s sentence names the doer of ``a``'s clause, if ``a`` names one."""
    return a.doer is None or a.doer in names.fold(b.sentence).split()


def same_event(a: DateMention, b: DateMention) -> bool:
    """Enough shared neighbours to be one event's date. Two stretches of years are one
    term's only when each end is within :data:`STRETCH_SLIP` years of the other's, and then
    need half the words: two different terms rarely start and end so close ("1967 to
    1979" vs "1966 to 1978" for one senator)."""
    if not (_names_doer(a, b) and _names_doer(b, a)):
        return False  # Ms. Zimmer's statement on Sunday is not Mr. Sheridan's on Thursday.
    if a.stretch and b.stretch:
        # Ends far apart: two terms (Fox's 2000 to 2006, Calderón's 2006 to 2012).
        return _close_stretches(a, b) and evidence(a, b) >= SLOT_EVIDENCE / 2
    if not comparable(a, b) or _years_apart(a, b):
        return False
    one_doer = a.actor is not None and a.actor == b.actor
    if a.grain == b.grain == "day" and a.head and a.head == b.head and one_doer:
        # One doer and one doing right before both days ("The New York Times published
        # Saturday" / "The New York Times ... published Sunday"): one happening.
        return True
    if evidence(a, b) < SLOT_EVIDENCE:
        return False
    if a.grain == b.grain == "day" and not _one_saying(a, b):
        return False
    heads_differ = a.head is not None and b.head is not None and a.head != b.head
    if heads_differ and a.grain == b.grain == "year" and not same_actor(a, b):
        # "charged in 1957" and "acquitted in 1958": two doings. (A week's or a month's
        # report is told with any verb: "warned last week", "issued last month".)
        return False
    if a.grain != "day" or same_actor(a, b):
        return True
    return bool(a.event & b.event) and not heads_differ
