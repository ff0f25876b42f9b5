"""Discrepancies found in the seeds, and the ``discrepancies --json`` contract."""

from __future__ import annotations

from tui.core.text.variants import name_variants


def test_name_variants_keep_places_and_peoples_apart() -> None:
    merged = name_variants(
        ["Russia", "Russian", "Korean", "Korenovo", "Korenewo", "Sirski", "Syrskyj"]
    )
    assert "Russia" not in merged and "Korean" not in merged
    assert merged["Korenovo"] == merged["Korenewo"]
    assert merged["Sirski"] == merged["Syrskyj"]


def test_a_long_transliteration_may_differ_from_its_second_letter() -> None:
    merged = name_variants(["Zainabieh", "Zinabieh", "Abdulhadi", "Adbulhadi", "Koohi", "Kavouhi"])
    assert merged["Zainabieh"] == merged["Zinabieh"]
    assert merged["Abdulhadi"] == merged["Adbulhadi"]
    assert "Koohi" not in merged  # Too short and too far apart: left to a reader.
