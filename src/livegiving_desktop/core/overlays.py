"""OBS overlays: what each overlay is, a campaign's overlay settings, and what an overlay shows
of a donation.

The settings (styling as CSS variables, alert tiers by amount with their style and sound,
text-to-speech) are per campaign and stored in the ledger (`overlay_settings.settings`, JSON),
so every seat and every `livegiving overlay serve` of the campaign shows the same thing. They
are checked field by field here; a bad value names the field and the reason.

What goes on air is decided by core/on_air.py alone: `overlay_item` only asks it.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Protocol

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.money import minor_per_major
from livegiving_desktop.core.on_air import OnAirDonation, OnAirPolicy, shown_message
from livegiving_desktop.core.stickers import sticker_title

SETTINGS_VERSION = 1
TOKEN_BYTES = 24  # 192 bits, 32 URL-safe characters
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")
_COLOR_ALPHA_RE = re.compile(r"^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$")
# A font family name as CSS takes it between quotes: letters (any script), digits, spaces,
# hyphens. Nothing that could end the quoted string or the declaration.
_FONT_RE = re.compile(r"^[\w \-]{1,60}$")
MAX_TIERS = 6


class OverlayKind(StrEnum):
    """The overlays, each a page (its URL path) of the overlay server."""

    ALERTS = "alerts"  # the alert box: queued alerts, tiers, sound, optional voice
    GOAL = "goal"  # the goal bar with its milestones
    TICKER = "ticker"  # recent donations
    TOP = "top"  # top donors
    STORY = "story"  # the "I donated" sticker spotlight for new Story frames
    EVENT = "event"  # a paid event's seats and attendance


# 1080p browser-source sizes (width, height) for OBS, transparent around the content.
OVERLAY_SIZES: dict[OverlayKind, tuple[int, int]] = {
    OverlayKind.ALERTS: (800, 600),
    OverlayKind.GOAL: (1000, 160),
    OverlayKind.TICKER: (1920, 100),
    OverlayKind.TOP: (520, 420),
    OverlayKind.STORY: (600, 700),
    OverlayKind.EVENT: (640, 240),
}


class Position(StrEnum):
    """Where an overlay's content sits in its browser source."""

    TOP_LEFT = "top-left"
    TOP = "top"
    TOP_RIGHT = "top-right"
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    BOTTOM_LEFT = "bottom-left"
    BOTTOM = "bottom"
    BOTTOM_RIGHT = "bottom-right"

    @property
    def flex(self) -> tuple[str, str]:
        """(justify-content, align-items) of a column flex box: vertical, horizontal."""
        vertical = {"top": "flex-start", "bottom": "flex-end"}.get(self.value.split("-")[0])
        horizontal = "center"
        if self.value.endswith("left") or self is Position.LEFT:
            horizontal = "flex-start"
        elif self.value.endswith("right") or self is Position.RIGHT:
            horizontal = "flex-end"
        return vertical or "center", horizontal


class AlertSound(StrEnum):
    NONE = "none"
    CHIME = "chime"
    BELL = "bell"
    FANFARE = "fanfare"


class AlertSize(StrEnum):
    NORMAL = "normal"
    LARGE = "large"
    HUGE = "huge"


@dataclass(frozen=True, slots=True)
class OverlayStyle:
    """The look, as CSS variables (see `css_variables`)."""

    text_color: str = "#FFFFFF"
    accent_color: str = "#FF4F7B"
    panel_color: str = "#17131FCC"  # #RRGGBBAA: the box behind the text
    font_family: str = "Noto Sans"
    font_scale: int = 100  # percent
    position: Position = Position.CENTER


@dataclass(frozen=True, slots=True)
class AlertTier:
    """Donations from `min_minor` up (to the next tier) get this colour, size and sound."""

    min_minor: int
    color: str
    sound: AlertSound = AlertSound.CHIME
    size: AlertSize = AlertSize.NORMAL


@dataclass(frozen=True, slots=True)
class SpeechSettings:
    """Text-to-speech of alert messages (the browser's voice). Off unless the creator turns
    it on."""

    enabled: bool = False
    rate: int = 100  # percent of the voice's normal speed
    volume: int = 80  # percent


@dataclass(frozen=True, slots=True)
class OverlaySettings:
    """A campaign's overlay settings."""

    style: OverlayStyle = field(default_factory=OverlayStyle)
    tiers: tuple[AlertTier, ...] = ()
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    language: str = "en"  # the words on the overlays: "en" or "fr"
    alert_ms: int = 5000  # how long each alert stays on screen
    queue_max: int = 50  # alerts waiting beyond this are merged into one
    replay_window_s: int = 600  # a page that comes back gets the alerts it missed, this recent
    ticker_items: int = 12
    ticker_messages: bool = True

    @classmethod
    def defaults(cls, currency: str, language: str = "en") -> OverlaySettings:
        """Three tiers in the campaign's currency: from 0, 50 and 500 major units."""
        unit = minor_per_major(currency)
        tiers = (
            AlertTier(0, "#FF4F7B", AlertSound.CHIME, AlertSize.NORMAL),
            AlertTier(50 * unit, "#F59E0B", AlertSound.BELL, AlertSize.LARGE),
            AlertTier(500 * unit, "#22C55E", AlertSound.FANFARE, AlertSize.HUGE),
        )
        return cls(tiers=tiers, language="fr" if language.startswith("fr") else "en")

    def check(self) -> OverlaySettings:
        """The same settings, checked; raises ValidationError naming the field."""
        s = self.style
        _color(s.text_color, "text colour")
        _color(s.accent_color, "accent colour")
        _color(s.panel_color, "panel colour", alpha=True)
        if not isinstance(s.font_family, str) or not _FONT_RE.match(s.font_family.strip()):
            raise ValidationError(
                "font", "must be a font family name (letters, digits, spaces, hyphens)"
            )
        _whole(s.font_scale, "font size", 50, 300, "%")
        if not isinstance(s.position, Position):
            raise ValidationError("position", f"must be one of {', '.join(Position)}")
        if not self.tiers:
            raise ValidationError("tiers", "at least one alert tier is needed")
        if len(self.tiers) > MAX_TIERS:
            raise ValidationError("tiers", f"at most {MAX_TIERS} alert tiers")
        seen: set[int] = set()
        for i, tier in enumerate(self.tiers, start=1):
            _whole(tier.min_minor, f"tier {i} minimum", 0, 10**15, "")
            if tier.min_minor in seen:
                raise ValidationError(f"tier {i} minimum", "two tiers start at the same amount")
            seen.add(tier.min_minor)
            _color(tier.color, f"tier {i} colour")
            if not isinstance(tier.sound, AlertSound):
                raise ValidationError(f"tier {i} sound", f"must be one of {', '.join(AlertSound)}")
            if not isinstance(tier.size, AlertSize):
                raise ValidationError(f"tier {i} size", f"must be one of {', '.join(AlertSize)}")
        if 0 not in seen:
            raise ValidationError("tiers", "one tier must start at 0, so every donation has one")
        _whole(self.speech.rate, "voice speed", 50, 200, "%")
        _whole(self.speech.volume, "voice volume", 0, 100, "%")
        if self.language not in ("en", "fr"):
            raise ValidationError("language", "must be en or fr")
        _whole(self.alert_ms, "alert duration", 1000, 60_000, " ms")
        _whole(self.queue_max, "alert queue", 5, 500, "")
        _whole(self.replay_window_s, "replay window", 0, 86_400, " s")
        _whole(self.ticker_items, "ticker items", 1, 50, "")
        return replace(
            self,
            style=replace(s, font_family=s.font_family.strip()),
            tiers=tuple(sorted(self.tiers, key=lambda t: t.min_minor)),
        )

    def tier_index(self, amount_minor: int | None) -> int:
        """The tier of an amount shown on air; a hidden amount gets the first tier (a bigger
        alert would tell how big it was)."""
        if amount_minor is None:
            return 0
        index = 0
        for i, tier in enumerate(self.tiers):
            if amount_minor >= tier.min_minor:
                index = i
        return index

    def css_variables(self) -> dict[str, str]:
        """The style as the CSS custom properties the pages read (overlay.css)."""
        s = self.style
        justify, align = s.position.flex
        return {
            "--lg-text": s.text_color.upper(),
            "--lg-accent": s.accent_color.upper(),
            "--lg-panel": s.panel_color.upper(),
            "--lg-font": f'"{s.font_family}"',
            "--lg-scale": f"{s.font_scale / 100:g}",
            "--lg-justify": justify,
            "--lg-align": align,
        }

    # -- JSON (the stored form) --------------------------------------------------------------

    def to_json(self) -> str:
        s = self.style
        data = {
            "version": SETTINGS_VERSION,
            "language": self.language,
            "style": {
                "text_color": s.text_color,
                "accent_color": s.accent_color,
                "panel_color": s.panel_color,
                "font_family": s.font_family,
                "font_scale": s.font_scale,
                "position": s.position.value,
            },
            "tiers": [
                {"min_minor": t.min_minor, "color": t.color, "sound": t.sound.value,
                 "size": t.size.value}
                for t in self.tiers
            ],
            "speech": {
                "enabled": self.speech.enabled,
                "rate": self.speech.rate,
                "volume": self.speech.volume,
            },
            "alerts": {
                "alert_ms": self.alert_ms,
                "queue_max": self.queue_max,
                "replay_window_s": self.replay_window_s,
            },
            "ticker": {"items": self.ticker_items, "messages": self.ticker_messages},
        }  # fmt: skip
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, currency: str) -> OverlaySettings:
        """Stored settings; missing fields take their defaults. Raises ValidationError."""
        base = cls.defaults(currency)
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            raise ValidationError("overlay settings", "are not valid JSON") from None
        if not isinstance(data, dict):
            raise ValidationError("overlay settings", "must be a JSON object")
        style = _section(data, "style")
        speech = _section(data, "speech")
        alerts = _section(data, "alerts")
        ticker = _section(data, "ticker")
        d = base.style
        settings = cls(
            style=OverlayStyle(
                text_color=_get(style, "text_color", d.text_color, str),
                accent_color=_get(style, "accent_color", d.accent_color, str),
                panel_color=_get(style, "panel_color", d.panel_color, str),
                font_family=_get(style, "font_family", d.font_family, str),
                font_scale=_get(style, "font_scale", d.font_scale, int),
                position=_enum(Position, _get(style, "position", d.position.value, str),
                               "position"),
            ),
            tiers=tuple(_tier(t, i) for i, t in enumerate(data.get("tiers", []), start=1))
            or base.tiers,
            speech=SpeechSettings(
                enabled=_get(speech, "enabled", False, bool),
                rate=_get(speech, "rate", 100, int),
                volume=_get(speech, "volume", 80, int),
            ),
            language=_get(data, "language", base.language, str),
            alert_ms=_get(alerts, "alert_ms", base.alert_ms, int),
            queue_max=_get(alerts, "queue_max", base.queue_max, int),
            replay_window_s=_get(alerts, "replay_window_s", base.replay_window_s, int),
            ticker_items=_get(ticker, "items", base.ticker_items, int),
            ticker_messages=_get(ticker, "messages", base.ticker_messages, bool),
        )  # fmt: skip
        return settings.check()

    def for_page(self) -> dict[str, Any]:
        """What a page needs of the settings (sent on the WebSocket)."""
        return {
            "css": self.css_variables(),
            "tiers": [
                {"color": t.color.upper(), "sound": t.sound.value, "size": t.size.value}
                for t in self.tiers
            ],
            "speech": {
                "enabled": self.speech.enabled,
                "rate": self.speech.rate / 100,
                "volume": self.speech.volume / 100,
                "lang": "fr-FR" if self.language == "fr" else "en-US",
            },
            "alert_ms": self.alert_ms,
            "queue_max": self.queue_max,
            "ticker_items": self.ticker_items,
            "ticker_messages": self.ticker_messages,
            "labels": labels(self.language),
        }


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise ValidationError(name, "must be a JSON object")
    return value


def _get(data: dict[str, Any], key: str, default: Any, kind: type) -> Any:
    value = data.get(key, default)
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValidationError(key.replace("_", " "), "must be a whole number")
    if not isinstance(value, kind):
        raise ValidationError(key.replace("_", " "), f"must be a {kind.__name__}")
    return value


def _enum(kind: Any, value: str, name: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise ValidationError(name, f"'{value}' is not one of {', '.join(kind)}") from None


def _tier(data: Any, i: int) -> AlertTier:
    if not isinstance(data, dict):
        raise ValidationError(f"tier {i}", "must be a JSON object")
    return AlertTier(
        min_minor=_get(data, "min_minor", 0, int),
        color=_get(data, "color", "#FF4F7B", str),
        sound=_enum(AlertSound, _get(data, "sound", "chime", str), f"tier {i} sound"),
        size=_enum(AlertSize, _get(data, "size", "normal", str), f"tier {i} size"),
    )


def _color(value: object, name: str, *, alpha: bool = False) -> None:
    pattern = _COLOR_ALPHA_RE if alpha else _COLOR_RE
    if not isinstance(value, str) or not pattern.match(value):
        example = "#17131FCC" if alpha else "#FF4F7B"
        raise ValidationError(name, f"'{value}' is not a colour like {example}")


def _whole(value: object, name: str, low: int, high: int, unit: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, "must be a whole number")
    if not low <= value <= high:
        raise ValidationError(name, f"must be from {low} to {high}{unit}")


# -- tokens ------------------------------------------------------------------------------------


def new_overlay_token() -> str:
    """An unguessable token for a campaign's overlay URLs (192 bits from `secrets`)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def looks_like_token(text: str) -> bool:
    return bool(_TOKEN_RE.match(text))


# -- what an overlay shows of a donation --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OverlayItem:
    """A donation as the overlays show it: the name (None = Anonymous), the amount in minor
    units (None = not shown), the message (None = none on air) and the alert tier. `gone`: the
    donation left the air (refunded): pulled from the queue and the ticker."""

    id: int
    name: str | None
    amount_minor: int | None
    message: str | None
    tier: int
    received_at_us: int
    gone: bool = False


class OnAirRecord(OnAirDonation, Protocol):
    """A stored donation: on-air fields, its id and time."""

    @property
    def id(self) -> int: ...
    @property
    def received_at_us(self) -> int: ...


def overlay_item(d: OnAirRecord, policy: OnAirPolicy, settings: OverlaySettings) -> OverlayItem:
    """What the overlays may show of a donation, decided by core/on_air.py: a held or hidden
    message never, a name or amount hidden on air never; a refunded donation is gone."""
    amount = policy.shown_amount(d)
    return OverlayItem(
        id=d.id,
        name=policy.shown_name(d),
        amount_minor=amount,
        message=shown_message(d),
        tier=settings.tier_index(amount),
        received_at_us=d.received_at_us,
        gone=d.status == "refunded",
    )


# -- words on the overlays ----------------------------------------------------------------------

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "anonymous": "Anonymous",
        "donated": "donated",
        "goal": "Goal",
        "raised": "raised",
        "of": "of",
        "top_donors": "Top donors",
        "recent": "Recent donations",
        "tickets_sold": "tickets sold",
        "admitted": "admitted",
        "seats_left": "seats left",
        "sold_out": "Sold out",
        "shared_story": "shared their Story",
        "more_donations": "{count} more donations",
        "test_name": "Test donor",
        "test_message": "This is a test alert",
        "paused": "Alerts paused",
    },
    "fr": {
        "anonymous": "Anonyme",
        "donated": "a fait un don",
        "goal": "Objectif",
        "raised": "récoltés",
        "of": "sur",
        "top_donors": "Meilleurs donateurs",
        "recent": "Derniers dons",
        "tickets_sold": "billets vendus",
        "admitted": "admis",
        "seats_left": "places restantes",
        "sold_out": "Complet",
        "shared_story": "a partagé sa Story",
        "more_donations": "{count} dons de plus",
        "test_name": "Donateur test",
        "test_message": "Ceci est une alerte de test",
        "paused": "Alertes en pause",
    },
}


def labels(language: str) -> dict[str, str]:
    """The words of the overlays in English or French (the overlay settings' language)."""
    words = dict(_LABELS["fr" if language.startswith("fr") else "en"])
    words["i_donated"] = sticker_title(language)
    return words
