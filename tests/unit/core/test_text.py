"""Text helpers: case- and accent-insensitive folding, bidi control removal, donor identity."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from livegiving_desktop.core.text import BIDI_CONTROLS, donor_key, fold, right_to_left, strip_bidi


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Croix-Rouge Française") == "croix-rouge francaise"
    assert fold("MÉDECINS") == fold("médecins") == fold("Medecins") == "medecins"
    assert fold("Œuvre") == "oeuvre"
    assert fold("Straße") == "strasse"


def test_fold_keeps_non_latin_scripts() -> None:
    assert fold("日本赤十字社") == "日本赤十字社"
    assert fold("Ελλάδα") == "ελλαδα"


def test_strip_bidi_removes_the_right_to_left_override() -> None:
    assert strip_bidi("\u202eabc") == "abc"
    assert strip_bidi("a\u2066b\u2069c\u200f") == "abc"
    assert strip_bidi("plain") == "plain"


@given(st.text())
def test_strip_bidi_leaves_no_bidi_control(text: str) -> None:
    cleaned = strip_bidi(text)
    assert not set(cleaned) & BIDI_CONTROLS
    assert cleaned == "".join(ch for ch in text if ch not in BIDI_CONTROLS)


def test_donor_key_groups_spellings_of_one_donor() -> None:
    assert donor_key("  Alice   Martin ") == donor_key("alice martin") == "alice martin"
    assert donor_key("Alice") != donor_key("Alicia")


def test_campaign_average_is_rounded_down_and_zero_without_donations() -> None:
    from livegiving_desktop.core.records import CampaignStats

    assert CampaignStats(1000, 3, 0, 2).average_minor == 333
    assert CampaignStats(0, 0, 0, 0).average_minor == 0


def test_a_text_reads_right_to_left_by_its_first_strong_character() -> None:
    """What the feed and the top donors tell the painter: `ليلى ا.` ends with its full stop
    on the left, as its readers write it."""
    assert right_to_left("ليلى ا.")
    assert right_to_left("« שלום »")  # punctuation first: not strong
    assert right_to_left("2 ليلى")  # digits are weak too
    assert not right_to_left("Ann")
    assert not right_to_left("Zoë ليلى")  # Latin first
    assert not right_to_left("")
    assert not right_to_left("123 …")
