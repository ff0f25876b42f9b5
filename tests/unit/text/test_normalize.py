"""Normalisation: tokens keep offsets; numbers, quotes, stems and synonyms fold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.text.normalize import concept, content_tokens, fold_text, has_number, stem, tokenize


def numbers(text: str) -> list[float]:
    return [t.value for t in tokenize(text) if t.kind == "number" and t.value is not None]


def test_thousands_all_spellings_agree() -> None:
    assert numbers("1,000") == numbers("1 thousand") == numbers("one thousand") == [1000.0]
    assert numbers("more than 76,000 residents") == [76000.0]
    assert numbers("1.5 million") == [1_500_000.0]


def test_a_quotation_closing_inside_an_amount_keeps_its_scale() -> None:
    assert numbers("“we’re asking for $5.6” billion, he said") == [5_600_000_000.0]
    assert numbers('"we want 5" and a billion more') == [5.0]  # A word between: no scale.
    assert numbers("“5” 6") == [5.0, 6.0]  # Only a scale word joins across the mark.


def test_ages_with_and_without_hyphens() -> None:
    a = [t.key for t in tokenize("a 4-year-old boy")]
    b = [t.key for t in tokenize("his four-year old boy")]
    assert a[1:] == b[1:] == ["#4", "year", "old", "child"]


def test_compound_number_words() -> None:
    assert numbers("twenty-five drones") == [25.0]
    assert numbers("20 5") == [20.0, 5.0]  # Digits never merge.


def test_bare_scale_word_is_not_a_number() -> None:
    assert numbers("thousands fled") == []
    assert numbers("hundreds of soldiers") == []


def test_percent_and_initialisms() -> None:
    tokens = tokenize("Russia controlled 18% of Ukraine, the U.S. said")
    keys = [t.key for t in tokens]
    assert "#18" in keys and "percent" in keys and "usa" in keys


def test_offsets_point_at_the_surface() -> None:
    text = "Zelensky’s “major provocation”: over 1 thousand square km."
    for token in tokenize(text):
        surface = text[token.start : token.end]
        assert surface
        if token.kind == "word":
            assert fold_text(surface).replace("'", "").startswith(token.norm[:3])
    merged = next(t for t in tokenize(text) if t.kind == "number")
    assert text[merged.start : merged.end] == "1 thousand"


def test_tokenize_honours_start_and_end() -> None:
    text = "One two. Three 4,000 five."
    tokens = tokenize(text, 9, len(text))
    assert tokens[0].start == 9
    assert [t.value for t in tokens if t.kind == "number"] == [3.0, 4000.0, 5.0]


def test_quotes_case_and_accents_fold() -> None:
    assert fold_text("“Kremlin” ‘Sudža’") == "\"kremlin\" 'sudza'"


def test_news_synonyms_share_a_concept() -> None:
    assert {concept(w) for w in ("evacuated", "fled", "displaced", "evacuation")} == {"evacuate"}
    assert concept("incursion") == concept("invasion") == concept("offensive")
    assert concept("caught") == concept("catching")
    assert concept("kiev") == concept("kyiv")


def test_news_register_families_are_general() -> None:
    assert concept("talks") == concept("negotiations") == concept("negotiating")
    assert concept("captives") == concept("prisoners") == concept("hostages")
    assert concept("wounded") == concept("injured")
    assert concept("annexing") == concept("occupying")
    assert concept("Russians".lower()) == concept("russian") == concept("russia")
    assert concept("faceoff") == concept("debate") == concept("debates")
    assert [t.key for t in tokenize("face-off")] == [concept("debate")]  # joined, then folded


def test_an_apprehension_is_an_arrest_but_apprehensive_is_a_mood() -> None:
    assert concept("apprehensions") == concept("apprehension") == concept("arrests")
    assert concept("apprehensive") != concept("arrests")


def test_settling_a_claim_is_not_a_settlement_of_houses() -> None:
    assert concept("settle") != concept("village")


def test_final_e_and_ate_stem_alike() -> None:
    assert stem("relocate") == stem("relocated") == stem("relocating")
    assert stem("evacuate") == stem("evacuated")


def test_light_stemming() -> None:
    assert stem("territories") == stem("territory")
    assert stem("negotiations") == stem("negotiating")
    assert stem("troops") == "troop"


def test_stop_words_are_flagged_not_dropped() -> None:
    tokens = tokenize("the offensive of the army")
    assert [t.stop for t in tokens] == [True, False, True, True, False]
    assert [t.norm for t in content_tokens(tokens)] == ["offensive", "army"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_tokens_are_ordered_in_range_and_disjoint(text: str) -> None:
    last = 0
    for token in tokenize(text):
        assert last <= token.start < token.end <= len(text)
        last = token.end


def test_readable_numbers() -> None:
    from tui.core.text.normalize import readable_number

    assert readable_number(76000) == "76,000"
    assert readable_number(5_700_000_000) == "5.7 billion"
    assert readable_number(2023) == "2023"
    assert readable_number(1.5) == "1.5"


def test_ordinals_are_words() -> None:
    tokens = tokenize("the 14th Amendment")
    assert [t.kind for t in tokens] == ["word", "word", "word"]


def test_hyphenated_compounds_written_solid_in_english_are_one_word() -> None:
    def keys(text: str) -> list[str]:
        return [t.key for t in tokenize(text) if not t.stop]

    assert keys("a January fund-raiser") == keys("a January fundraiser")
    assert "old" in keys("a four-year-old boy")  # Not a word written solid: left apart.


def test_ap_state_abbreviations_after_a_comma_are_the_state() -> None:
    keys = [t.key for t in tokenize("in Corpus Christi, Tex., on Monday") if not t.stop]
    assert keys == [t.key for t in tokenize("in Corpus Christi Texas on Monday") if not t.stop]
    assert tokenize("Tex said")[0].norm == "tex"  # Not after a comma: a name.


@given(
    st.lists(
        st.sampled_from(
            ["Five", "twenty-one", "a", "dozen", "1,000", "km", "Million's", "x7", "—", " "]
        ),
        max_size=8,
    ).map(" ".join)
)
def test_has_number_never_misses_a_number_the_tokenizer_reads(text: str) -> None:
    if any(t.value is not None for t in tokenize(text)):
        assert has_number(text)


def test_has_number_skips_sentences_without_one() -> None:
    assert not has_number("The senator said nothing more on Tuesday.")
    assert has_number("Nearly a dozen people") and has_number("76,000 evacuated")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("He was sentenced to 2 1/2 years, with 9 months to serve.", [2.5, 9.0]),
        ("Gomes served 9 months of a 2-1/2 year sentence.", [9.0, 2.5]),
        ("five points in the first 3½ minutes and ½ a mile", [5.0, 3.5, 0.5]),
        ("open 24/7 since the 9/11 attacks of 1/2/2013", [24.0, 7.0, 9.0, 11.0, 1.0, 2.0, 2013.0]),
        ("In 2013 1/2 of them, 1/2 3/4 cup", [2013.0, 1.0, 2.0, 1.0, 2.0, 3.0, 4.0]),
        ("a third, 2⅓, has no exact decimal", [2.0]),
    ],
)
def test_a_mixed_number_is_one_number_and_a_slash_between_others_is_not(
    text: str, values: list[float]
) -> None:
    numbers = [t for t in tokenize(text) if t.kind == "number"]
    assert [t.value for t in numbers] == values
    assert all(text[t.start : t.end].strip() == text[t.start : t.end] for t in numbers)


def test_a_percent_sign_follows_a_mixed_number_too() -> None:
    tokens = tokenize("rates of 6 1/2% and 3½%")
    assert [t.key for t in tokens if t.kind == "number" or t.norm == "%"] == [
        "#6.5",
        "percent",
        "#3.5",
        "percent",
    ]
