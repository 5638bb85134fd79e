"""Overlay settings (checked field by field, stored as JSON, shown as CSS variables) and what an
overlay shows of a donation (through core/on_air.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.on_air import OnAirPolicy
from livegiving_desktop.core.overlays import (
    AlertSize,
    AlertSound,
    AlertTier,
    OverlaySettings,
    Position,
    SpeechSettings,
    labels,
    looks_like_token,
    new_overlay_token,
    overlay_item,
)
from livegiving_desktop.core.records import StoredDonation


def donation(**fields: object) -> StoredDonation:
    base = StoredDonation(
        id=7, campaign_id=1, external_id="x", received_at_us=1, donor_name="Zoé",
        anonymous=False, amount_minor=1250, currency="EUR", message="Bravo !",
        message_status="visible", status="completed", source="stream", thanked=False,
    )  # fmt: skip
    return base._replace(**fields)


SETTINGS = OverlaySettings.defaults("EUR")


def test_defaults_are_valid_with_three_tiers_in_the_currency_and_the_voice_off() -> None:
    assert SETTINGS.check() == SETTINGS
    assert [t.min_minor for t in SETTINGS.tiers] == [0, 5000, 50000]
    assert [t.min_minor for t in OverlaySettings.defaults("JPY").tiers] == [0, 50, 500]
    assert SETTINGS.speech.enabled is False


def test_settings_survive_their_json() -> None:
    settings = replace(
        SETTINGS,
        style=replace(SETTINGS.style, accent_color="#0EA5E9", position=Position.BOTTOM_LEFT,
                      font_family="Atkinson Hyperlegible", font_scale=140),
        speech=SpeechSettings(enabled=True, rate=120, volume=60),
        language="fr",
        alert_ms=3000,
        ticker_messages=False,
    )  # fmt: skip
    assert OverlaySettings.from_json(settings.to_json(), "EUR") == settings


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"style": {"accent_color": "red"}}, "accent colour"),
        ({"style": {"panel_color": "#12345"}}, "panel colour"),
        ({"style": {"font_family": 'Arial"; } body { display: none'}}, "font"),
        ({"style": {"font_family": "x</style><script>"}}, "font"),
        ({"style": {"position": "middle"}}, "position"),
        ({"style": {"font_scale": 10}}, "font size"),
        ({"tiers": [{"min_minor": 100, "color": "#FFFFFF"}]}, "tiers"),
        ({"tiers": [{"min_minor": 0, "color": "#FFFFFF", "sound": "airhorn"}]}, "tier 1 sound"),
        ({"alerts": {"alert_ms": 10}}, "alert duration"),
        ({"alerts": {"alert_ms": "5000"}}, "alert ms"),
        ({"speech": {"rate": 900}}, "voice speed"),
        ({"language": "de"}, "language"),
    ],
)
def test_a_bad_setting_is_refused_naming_its_field(change: dict[str, object], field: str) -> None:
    import json

    data = json.loads(SETTINGS.to_json())
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    with pytest.raises(ValidationError) as refused:
        OverlaySettings.from_json(json.dumps(data), "EUR")
    assert refused.value.field == field


def test_tiers_are_sorted_and_two_at_one_amount_are_refused() -> None:
    tiers = (AlertTier(5000, "#F59E0B", AlertSound.BELL, AlertSize.LARGE),
             AlertTier(0, "#FF4F7B"))  # fmt: skip
    assert [t.min_minor for t in replace(SETTINGS, tiers=tiers).check().tiers] == [0, 5000]
    with pytest.raises(ValidationError, match="same amount"):
        replace(SETTINGS, tiers=(AlertTier(0, "#FFFFFF"), AlertTier(0, "#000000"))).check()


def test_css_variables_carry_the_style() -> None:
    settings = replace(
        SETTINGS,
        style=replace(SETTINGS.style, text_color="#fafafa", position=Position.BOTTOM_RIGHT,
                      font_family="Noto Serif", font_scale=150),
    )  # fmt: skip
    css = settings.check().css_variables()
    assert css["--lg-text"] == "#FAFAFA"
    assert css["--lg-font"] == '"Noto Serif"'
    assert css["--lg-scale"] == "1.5"
    assert (css["--lg-justify"], css["--lg-align"]) == ("flex-end", "flex-end")
    assert Position.TOP_LEFT.flex == ("flex-start", "flex-start")
    assert Position.CENTER.flex == ("center", "center")


def test_the_tier_follows_the_amount_shown_and_a_hidden_amount_gets_the_first() -> None:
    assert SETTINGS.tier_index(100) == 0
    assert SETTINGS.tier_index(5000) == 1
    assert SETTINGS.tier_index(10**7) == 2
    assert SETTINGS.tier_index(None) == 0


def test_an_overlay_shows_what_goes_on_air_and_nothing_else() -> None:
    policy = OnAirPolicy()
    shown = overlay_item(donation(), policy, SETTINGS)
    assert (shown.name, shown.amount_minor, shown.message) == ("Zoé", 1250, "Bravo !")
    assert overlay_item(donation(message_status="held"), policy, SETTINGS).message is None
    assert overlay_item(donation(message_status="hidden"), policy, SETTINGS).message is None
    assert overlay_item(donation(anonymous=True), policy, SETTINGS).name is None
    assert overlay_item(donation(hide_name_on_air=True), policy, SETTINGS).name is None
    hidden_amount = overlay_item(donation(amount_minor=90000, hide_amount_on_air=True), policy,
                                 SETTINGS)  # fmt: skip
    assert (hidden_amount.amount_minor, hidden_amount.tier) == (None, 0)
    campaign_hides = OnAirPolicy(show_names=False, show_amounts=False)
    quiet = overlay_item(donation(), campaign_hides, SETTINGS)
    assert (quiet.name, quiet.amount_minor) == (None, None)
    refunded = overlay_item(donation(status="refunded"), policy, SETTINGS)
    assert refunded.gone and refunded.message is None


def test_tokens_are_long_random_and_url_safe() -> None:
    tokens = {new_overlay_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(looks_like_token(t) and len(t) == 32 for t in tokens)
    assert not looks_like_token("../../etc/passwd")
    assert not looks_like_token("short")


def test_the_words_of_the_overlays_in_french() -> None:
    words = labels("fr")
    assert words["anonymous"] == "Anonyme"
    assert words["i_donated"] == "J'ai fait un don"
    assert labels("en")["donated"] == "donated"
    assert set(labels("fr")) == set(labels("en"))
