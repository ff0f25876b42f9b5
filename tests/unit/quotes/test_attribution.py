"""Speaker rules, one small text each, and speaker canonicalisation across articles."""

from __future__ import annotations

import pytest

from tests.unit.quotes.test_extract import quotes_of
from tui.core.quotes import by_speaker
from tui.core.quotes.speakers import canonical_speakers, is_org, name_spans
from tui.core.text.names import same_name as same_person


def speakers(*texts: str) -> list[str | None]:
    return [q.speaker for q in quotes_of(*texts)]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"We are proving it every day," Zelensky stated on social media.', "Zelensky", "stated"),
        (
            '"We are proving it every day," said Donald Trump in an interview.',
            "Donald Trump",
            "said",
        ),
        ('Zelensky stated, "We are proving it every day."', "Zelensky", "stated"),
        (
            'President Joe Biden urged that "allies must act now and together."',
            "Joe Biden",
            "urged",
        ),
        (
            'Mr. Schumer, D-N.Y., concluded, "It was the President who did this."',
            "Schumer",
            "concluded",
        ),
        ('The governor vowed: "We will rebuild every single home."', None, "vowed"),
        ('"We had no defense at all," Sen. Rand Paul, R-Ky., said on Fox.', "Rand Paul", "said"),
    ],
)
def test_cue_verbs_in_either_order(text: str, speaker: str | None, cue: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.cue == cue
    if speaker:
        assert quote.speaker == speaker


def test_pronoun_resolves_to_the_last_named_speaker() -> None:
    text = (
        'Senator Jane Roe spoke on Sunday. "We will win this vote," she said. '
        'She added: "And we will win the next one too, whatever it takes."'
    )
    assert speakers(text) == ["Jane Roe", "Jane Roe"]


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = (
        'Host Meredith Vieira asked Donald Trump, "Have you been privy to all of this?" '
        'His response: "Well, I have people that actually have been studying it."'
    )
    assert speakers(text) == ["Meredith Vieira", "Donald Trump"]


def test_role_phrase_resolves_to_the_named_person_not_the_one_inside() -> None:
    text = (
        "In his reflection on the conflict, Andriy Yermak, the chief of staff for President "
        "Zelenskyy, succinctly voiced the rationale behind the measures: “It was necessary "
        "to destroy the military infrastructure.”"
    )
    assert speakers(text) == ["Andriy Yermak"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'In response, the Kremlin has labeled the incursion a "large-scale provocation."',
            "Kremlin",
        ),
        (
            'Russia’s Foreign Ministry has vowed, "A tough response will come."',
            "Russia’s Foreign Ministry",
        ),
        (
            'The National Counter-Terrorism Committee stated that the measures aim "to ensure '
            'the safety of citizens."',
            "National Counter-Terrorism Committee",
        ),
    ],
)
def test_institutions_are_speakers(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_according_to() -> None:
    text = (
        'According to Kyiv Mayor Vitaliy Klitschko, "Air defense units operating, alert continues."'
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Vitaliy Klitschko" and quote.cue == "according to"
    assert quote.speaker_mention == "Kyiv Mayor Vitaliy Klitschko"


def test_dash_attribution() -> None:
    (quote,) = quotes_of('"We will never give up our land, not one metre of it." — Jane Roe')
    assert quote.speaker == "Jane Roe" and quote.cue == "—"


def test_dash_signature_with_horizontal_bar() -> None:
    text = (
        "Readers wrote to us.\n\n"
        "“He has no plan for the farms. He never had one.” ― Dana Kline\n\n"
        "“The debate changed my mind about him entirely.”― Omar Reyes."
    )
    assert speakers(text) == ["Dana Kline", "Omar Reyes"]


def test_transcript_labels_name_each_turn() -> None:
    text = (
        "Radio host Ann Lee spoke with Gov. Tom Hale on Sunday.\n\n"
        '"LEE: Will the two of them meet before the vote?\n\n'
        '"HALE: Not this week. We have a great deal of work to do upstate.\n\n'
        '"And the voters know that very well, I think.\n\n'
        '"LEE: Thank you for joining us today."'
    )
    found = quotes_of(text)
    assert [q.speaker for q in found] == ["Ann Lee", "Tom Hale", "Tom Hale", "Ann Lee"]
    assert found[0].text.startswith("LEE:") and found[0].cue == ":"


def test_heading_labels_are_not_speakers() -> None:
    (quote,) = quotes_of('"BREAKING: The mill will close in May," the union wrote.')
    assert quote.speaker_mention != "Breaking"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"We will win this county!" Tom Hale said.', "Tom Hale", "said"),
        ('"Will you run again in the spring?" Ann Lee asked on Monday.', "Ann Lee", "asked"),
        ('"That vote was a disgrace to the town," Tom Hale fumed on Tuesday.', "Tom Hale", "fumed"),
        (
            'After the vote, Mayor Ann Lee shot back, "Not on my watch, not ever."',
            "Ann Lee",
            "shot back",
        ),
        ('"We are ready for the storm," Amy Pope, a deputy adviser, said.', "Amy Pope", "said"),
    ],
)
def test_cues_after_a_closed_quote_and_less_common_cues(text: str, speaker: str, cue: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.cue) == (speaker, cue)


def test_a_name_after_and_opens_its_own_clause() -> None:
    text = 'Jo Reyes accuses the mayor of "hiding the books" and Tom Hale says he is "losing the city."'
    assert speakers(text) == ["Jo Reyes", "Tom Hale"]


def test_a_verb_after_a_quote_without_comma_does_not_invert() -> None:
    text = (
        'The mayor, Ann Lee, wrote that the ad "plainly and wrongly" suggests that Tom Hale lied.'
    )
    assert speakers(text) == ["Ann Lee"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'In a speech, Tom Hale attacked Ann Lee for her record, saying, "She has failed us."',
            "Tom Hale",
        ),
        (
            'Jo Reyes endorsed Tom Hale last week, declaring that he "always kept his word."',
            "Jo Reyes",
        ),
        (
            'Tom Hale says he would sit Ann Lee down and tell her "no more excuses" today.',
            "Tom Hale",
        ),
        (
            "Speaking at a fair in Salem, New Hampshire, Tom Hale went after Jo Reyes, "
            'calling him "a total bore."',
            "Tom Hale",
        ),
        ('The crowd grew loud, with Ann Lee reportedly yelling, "Get out of my hall!"', "Ann Lee"),
        ('The vote was late, Tom Hale said, adding, "Ann Lee knew it all along."', "Tom Hale"),
    ],
)
def test_a_participle_cue_shares_the_main_subject(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"It is a long shot" that Jo Reyes can beat Ann Lee, said Tom Hale, a pollster.',
            "Tom Hale",
        ),
        (
            'Ann Lee "drew well with farmers" in the spring vote, said county historian Tom Hale.',
            "Tom Hale",
        ),
        ('"If she loses, she loses," Mr. Hale, a critic of Ann Lee, wrote on Twitter.', "Hale"),
        ('"They were kind to us," Rev. Tom Hale told Channel News.', "Tom Hale"),
        ('"It will pass this week," Ann Lee\'s campaign manager Tom Hale said.', "Tom Hale"),
        ('Tom Hale, Reyes\' senior adviser, said the plan was "dead on arrival."', "Tom Hale"),
        (
            '"We expect a close count," said Ann Lee\'s deputy campaign manager, Tom Hale.',
            "Tom Hale",
        ),
        (
            '"Deploy this update," said Microsoft security response communications head Tom Hale.',
            "Tom Hale",
        ),
        (
            '"Deploy this update," Microsoft security response communications head Tom Hale said.',
            "Tom Hale",
        ),
    ],
)
def test_inverted_speakers_roles_and_media(text: str, speaker: str) -> None:
    """``, said X`` after a partial quote; ``told``/``wrote on`` name a medium; roles of others."""
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "\"She said she would be 'above the law,' \" said Tom Hale, a retired judge.",
            "Tom Hale",
        ),
        ('"Forget about it," said retired surgeon Ann Lee, asked about her record.', "Ann Lee"),
        ('"Hale is sinking," Ohio-based Ann Lee said.', "Ann Lee"),
        ('"Would you sign it today?" Ann Lee pressed.', "Ann Lee"),
    ],
)
def test_inverted_cues_after_nested_quotes_and_modifiers(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_according_to_the_outlet_when_no_one_else_speaks() -> None:
    text = 'According to the Tribune, "the mill will reopen in May and hire forty people."'
    assert speakers(text) == ["Tribune"]


def test_a_name_and_colon_before_the_quote() -> None:
    assert speakers('Pollster Ann Lee: "The count was close in every ward this year."') == [
        "Ann Lee"
    ]


def test_the_object_before_a_colon_is_not_the_speaker() -> None:
    text = 'Tom Hale sent a blunt message to Ann Lee: "Stop attacking my staff today."'
    assert speakers(text) != ["Ann Lee"]


def test_a_later_quote_in_the_paragraph_keeps_its_speaker() -> None:
    text = (
        '"Oh my, those are very small towns," Ann Lee said. They lie far from the city. '
        '"That is a tough area."'
    )
    assert speakers(text) == ["Ann Lee", "Ann Lee"]


def test_another_person_in_between_breaks_the_paragraph_speaker() -> None:
    text = (
        '"Oh my, those are very small towns," Ann Lee said. Tom Hale lives far from the city. '
        '"That is a tough area."'
    )
    assert speakers(text) == ["Ann Lee", None]


def test_the_medium_of_an_interview_is_not_the_speaker() -> None:
    text = 'In an interview with the Weekly Star, the mayor said: "We will rebuild the bridge."'
    (quote,) = quotes_of(text)
    assert quote.speaker is None and quote.reason and "the mayor" in quote.reason


def test_a_cue_without_a_named_speaker_keeps_a_short_quote_with_a_reason() -> None:
    (quote,) = quotes_of('Many officials privately called it "a grave mistake."')
    assert quote.speaker is None and quote.cue == "called" and quote.reason


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'A fire broke out in a mill that Mayor Ann Lee described as "an act of arson."',
            "Ann Lee",
        ),
        (
            'Historian Tom Hale of Avon University told the Star it was "a bit of theater."',
            "Tom Hale",
        ),
        ('"The bill is a waste of time," said Del. Ann Lee of the Virgin Islands.', "Ann Lee"),
        ('"We will go back to normal," said the Rev. Tom Hale, of the Baptist church.', "Tom Hale"),
    ],
)
def test_a_name_right_before_its_cue_is_its_subject(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_pronoun_prefers_the_one_who_spoke_before() -> None:
    text = (
        "In the years since the Maple Grove flood, Tom Hale says, too little has changed. "
        'He says that "as a town, we have to do better."'
    )
    assert speakers(text) == ["Tom Hale"]


def test_a_long_quote_without_a_cue_belongs_to_the_sentence_subject() -> None:
    text = 'Ann Lee thanked Tom Hale for "taking these steps to make every one of us safer."'
    assert speakers(text) == ["Ann Lee"]


def test_a_cue_word_used_as_a_noun_names_no_subject() -> None:
    text = 'Ann Lee, a senior adviser, called Tom Hale\'s remarks "a true wake-up call."'
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.cue) == ("Ann Lee", "called")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Ann Clay spoke in Ohio on Monday. "We will win this state," the former secretary '
            "of state said.",
            "Ann Clay",
        ),
        ('Sen. Ann Lee met voters on Monday. "We need the bridge," the senator said.', "Ann Lee"),
        ('Tom Hale met Ann Lee in Ohio. "It was a good talk," she said.', "Ann Lee"),
        ('Ann Lee met Tom Hale in Ohio. "It was a good talk," he said.', "Tom Hale"),
    ],
)
def test_noun_phrases_and_pronouns_resolve_to_the_named_person(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_passive_agent() -> None:
    text = "The incursion, described by Russian President Vladimir Putin as “a major provocation,” went on."
    assert speakers(text) == ["Vladimir Putin"]


def test_role_phrase_after_the_quote() -> None:
    text = (
        "Earlier, Sen. Mitt Romney said he did not understand Pelosi's position.\n"
        '"Why won\'t you vote for another few miles now?" the Republican senator said.'
    )
    assert speakers(text) == ["Mitt Romney"]


def test_role_given_by_an_appositive_elsewhere() -> None:
    text = (
        "Aitan Goelman, Mr. Strzok’s lawyer, denounced the dismissal.\n"
        "The delays were merely the “result of bureaucratic snafus,” Mr. Strzok’s lawyer wrote."
    )
    assert speakers(text) == ["Aitan Goelman"]


def test_someone_s_role_is_never_the_one_named_before_it() -> None:
    assert speakers(
        'After the meeting with Vladimir Putin, Trump\'s lawyer said: "Nothing was agreed."'
    ) == [None]
    assert speakers('Tara Reid checked into a clinic.\n"She is fine," her publicist said.') == [
        None
    ]
    assert speakers(
        "Susan Rice, President Barack Obama's national security adviser, said the speech"
        ' will be "destructive" to relations.'
    ) == ["Susan Rice"]


def test_a_star_s_rep_or_publicist_speaks_not_the_star() -> None:
    text = (
        "Tara Reid checked into a clinic.\n"
        '"Tara Reid has checked herself into Promises Treatment Center," Reid\'s rep told Us.\n'
        '"She is doing well," the actress\'s publicist, Jack Ketsoyan, said.'
    )
    assert speakers(text) == [None, "Jack Ketsoyan"]


def test_quote_paragraph_follows_its_named_speaker() -> None:
    text = (
        'Chuck Schumer called the proposal "one-sided and ineffective."\n'
        '"There is only one way out: open the government, and then we can talk."\n'
        "Hoyer said negotiation can progress after the government reopens.\n"
        '"With the government open, we can negotiate an agreement on the border."'
    )
    assert speakers(text) == ["Chuck Schumer", "Chuck Schumer", "Hoyer"]


def test_no_cue_gives_null_with_a_reason() -> None:
    text = 'Kursk attack is a decision by Zelensky: "Invading Russia is his riskiest decision yet.'
    (quote,) = quotes_of(text)
    assert quote.speaker is None and quote.reason
    assert quote.unclosed


def test_mr_picks_the_man_and_drops_numbered_suffix() -> None:
    text = (
        "George T. Conway III, a lawyer and the husband of Kellyanne Conway, weighed in. "
        '"If he knows he is going to lose," Mr. Conway wrote on Twitter, "he knows he is wrong."'
    )
    assert speakers(text) == ["George T. Conway III", "George T. Conway III"]


def test_speaker_ids_are_canonical_across_articles() -> None:
    found = quotes_of(
        '"We are proving that we can restore justice," Zelensky said.',
        '"Ukraine is proving it can bring justice," President Volodymyr Zelenskyy said.',
    )
    assert {q.speaker_id for q in found} == {"Volodymyr Zelenskyy"}
    assert {q.speaker_mention for q in found} == {"Zelensky", "President Volodymyr Zelenskyy"}


def test_speaker_keeps_the_articles_own_spelling() -> None:
    found = quotes_of(
        '"We are proving that we can restore justice," Zelensky said.',
        '"Ukraine is proving it can bring justice," President Volodymyr Zelenskyy said.',
    )
    assert [q.speaker for q in found] == ["Zelensky", "Volodymyr Zelenskyy"]
    assert by_speaker(found)[0][0] == "Volodymyr Zelenskyy"


def test_canonical_speakers_prefers_the_fullest_name_without_titles() -> None:
    canon = canonical_speakers(["Zelensky", "Volodymyr Zelenskyy", "the Kremlin", "Kremlin"])
    assert canon["Zelensky"] == "Volodymyr Zelenskyy"
    assert canon["the Kremlin"] == canon["Kremlin"]


def test_name_spans_keep_abbreviated_titles_and_initials() -> None:
    text = "Then Rep. Brad Wenstrup and Ambassador Bridget A. Brink met U.S. Capitol Police."
    found = [text[s:e] for s, e in name_spans(text)]
    assert "Rep. Brad Wenstrup" in found
    assert "Ambassador Bridget A. Brink" in found
    assert "U.S. Capitol Police" in found


def test_same_person_ignores_suffixes() -> None:
    assert same_person("George T. Conway III", "Conway")
    assert not same_person("Rand Paul", "Ron Paul")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The label is the namer's, not the sentence subject's.
        (
            "John Boehner spoke on Monday. Mr. Boehner pointed to what aides called "
            '"orphan districts" in Democratic-leaning states.',
            None,
        ),
        (
            "Mitt Romney spoke in Ohio. Later Paul Ryan criticized what Mr. Romney called "
            '"a path to prosperity" in a speech.',
            "Mitt Romney",
        ),
        (
            'Todd Akin apologized on Sunday for what he called "legitimate rape" in an interview.',
            "Todd Akin",
        ),
    ],
)
def test_what_someone_called_is_the_namers_label(text: str, speaker: str | None) -> None:
    quote = quotes_of(text)[-1]
    assert quote.speaker == speaker
    assert quote.cue == "called"


@pytest.mark.parametrize(
    ("text", "namer"),
    [
        ('Mr. Boehner pointed to what aides called "orphan districts" in blue states.', "aides"),
        ('It is what is called "debate" in the chamber.', None),  # a passive: no namer
        ('He pointed to what is now called "orphan districts" there.', None),
        ('He pointed to what has long been called "orphan districts" there.', None),
        ('He pointed to what his aides have long called "orphan districts" there.', "his aides"),
        (
            'He pointed to what residents of Italy called "orphan districts" there.',
            "residents of Italy",
        ),
        # The namer follows the last "what" or "which", not the first.
        (
            'The firm, which specializes in building what it called "psychographic" '
            "profiles, spoke.",
            None,
        ),
    ],
)
def test_a_namer_without_a_name_is_kept_as_the_mention(text: str, namer: str | None) -> None:
    quote = quotes_of(text)[-1]
    assert quote.speaker is None
    assert quote.speaker_mention == namer


def test_a_weekday_after_a_name_is_not_part_of_it() -> None:
    text = (
        "Republican senators kept up pressure on party Chairman Michael Steele Sunday to "
        'explain his claim. Mr. Steele said, "It was a war of choice."'
    )
    assert speakers(text) == ["Michael Steele"]


@pytest.mark.parametrize("opener", ["Plus", "Whether"])
def test_a_sentence_opener_is_not_part_of_a_name(opener: str) -> None:
    text = f'{opener} Obama said the plan works. "We will act," Obama said.'
    assert speakers(text) == ["Obama"]


def test_a_nickname_and_the_formal_name_are_one_speaker_across_articles() -> None:
    names = canonical_speakers(["Dick Durbin", "Richard J. Durbin", "Mike Thibodeau"])
    assert names["Dick Durbin"] == "Richard J. Durbin"
    assert names["Mike Thibodeau"] == "Mike Thibodeau"
    assert not same_person("Bill Clinton", "Hillary Clinton")
    assert same_person("Tim Murray", "Timothy Murray")


def test_what_it_called_is_the_subjects_label() -> None:
    text = (
        "The United Nations Security Council on Friday condemned the test, pledging "
        'sanctions against what it called "a clear threat to international peace."'
    )
    assert speakers(text) == ["United Nations Security Council"]


def test_an_organisation_with_a_curly_possessive_is_one() -> None:
    assert is_org("Washington Post’s") and is_org("Defense Department’s")
    assert canonical_speakers(["Washington Post’s"]) == {"Washington Post’s": "Washington Post"}
    names = canonical_speakers(["Washington Post’s", "The Washington Post"])
    assert len(set(names.values())) == 1  # One outlet, whichever way it is written.


def test_a_speaker_in_the_quote_s_own_sentence_beats_one_in_the_next() -> None:
    text = (
        'Mr. Kelly said there was "nothing to indicate the shooting was wrong." Mr. Cerar '
        'concurred, saying, "It appears to be a good shooting."'
    )
    assert speakers(text) == ["Kelly", "Cerar"]
    # A sentence that is only a speaker and a cue still takes the quote before it.
    assert speakers('"We are coming!" Bush said.') == ["Bush"]


@pytest.mark.parametrize(
    "text",
    [
        '"Your budget appears to reflect the values of Ayn Rand," says the letter, which the '
        "faculty sent to Mr. Ryan.",
        '"Your budget appears to reflect the values of Ayn Rand," the faculty letter stated.',
        'The letter says: "Your budget appears to reflect the values of Ayn Rand."',
    ],
)
def test_a_document_holds_words_no_person_said(text: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.speaker is None
    assert (quote.speaker_mention or "").lower().endswith("letter")
    assert quote.cue in ("says", "stated")


@pytest.mark.parametrize(
    "text",
    [
        '"This is a great day for the country," said the ruling party\'s secretary general.',
        '"The findings are alarming and call for action now," said the report\'s authors.',
    ],
)
def test_a_document_word_opening_a_longer_subject_is_no_document(text: str) -> None:
    assert all(
        not (q.speaker_mention or "").endswith(("ruling", "report")) for q in quotes_of(text)
    )


def test_the_paragraph_s_speaker_beats_the_statement_that_carries_the_words() -> None:
    text = (
        '"We grieve with the families tonight," Mayor Ann Lee said. "We are saddened by '
        'the loss of these brave officers," the statement said.'
    )
    assert speakers(text) == ["Ann Lee", "Ann Lee"]
