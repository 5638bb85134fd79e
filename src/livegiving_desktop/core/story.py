"""A donor's Story (1080×1920) and the campaign's shared Story. Pure rules, no Qt.

A StoryDesign says how one frame looks: its background (a gradient, a solid colour or the
donor's image), where the sticker sits (its centre as fractions of the frame), its scale and
rotation, an optional caption, and whether the amount shows (hidden unless the donor asks).
It is stored as JSON in story_frames.design; the image's bytes go beside it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.text import CONTROL_RE

FRAME_WIDTH, FRAME_HEIGHT = 1080, 1920
CAPTION_MAX = 120
SCALE_MIN, SCALE_MAX = 0.3, 2.5
MAX_IMAGE_BYTES = 8 * 1024 * 1024  # what the composer stores (downscaled to the frame first)
FRAME_SECONDS = 5.0  # how long the player shows one frame

_COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")

# The gradients offered by the composer: (name, top colour, bottom colour).
GRADIENTS: dict[str, tuple[str, str]] = {
    "sunset": ("#FF4F7B", "#FFB547"),
    "violet": ("#6D28D9", "#EC4899"),
    "ocean": ("#0EA5E9", "#1E3A8A"),
    "forest": ("#10B981", "#064E3B"),
    "night": ("#1F2441", "#0B1530"),
}
SOLIDS = ("#151829", "#FFFFFF", "#FF4F7B", "#6D28D9", "#0E9F6E", "#F59E0B")


class BackgroundKind(StrEnum):
    GRADIENT = "gradient"
    SOLID = "solid"
    IMAGE = "image"


@dataclass(frozen=True, slots=True)
class StoryDesign:
    """One Story frame as the donor composed it."""

    background: BackgroundKind = BackgroundKind.GRADIENT
    color_top: str = GRADIENTS["sunset"][0]
    color_bottom: str = GRADIENTS["sunset"][1]
    sticker_x: float = 0.5  # the sticker's centre, a fraction of the frame's width
    sticker_y: float = 0.45  # ... and of its height
    sticker_scale: float = 1.0  # 1.0: the sticker is 60 % of the frame's width
    sticker_rotation: float = -6.0  # degrees, clockwise
    caption: str = ""
    show_amount: bool = False

    def with_changes(self, **changes: Any) -> StoryDesign:
        return replace(self, **changes)

    def to_json(self) -> str:
        data = asdict(self)
        data["background"] = self.background.value
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> StoryDesign:
        """Read a stored design; an unreadable one falls back to the defaults field by field."""
        try:
            data = json.loads(text)
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        try:
            return validate_design(cls(**known))
        except (ValidationError, TypeError, ValueError):
            return cls()


def _fraction(field: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(field, "must be a number")
    if not 0.0 <= value <= 1.0:
        raise ValidationError(field, "must be inside the frame (0 to 1)")
    return float(value)


def validate_design(design: StoryDesign) -> StoryDesign:
    """The design as it will be stored, or ValidationError naming the field."""
    try:
        background = BackgroundKind(design.background)
    except ValueError:
        raise ValidationError("background", "must be gradient, solid or image") from None
    for field in ("color_top", "color_bottom"):
        value = getattr(design, field)
        if not isinstance(value, str) or not _COLOR_RE.match(value):
            raise ValidationError(field, "must be a colour like #FF4F7B")
    x = _fraction("sticker_x", design.sticker_x)
    y = _fraction("sticker_y", design.sticker_y)
    scale = design.sticker_scale
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not math.isfinite(scale):
        raise ValidationError("sticker_scale", "must be a number")
    if not SCALE_MIN <= scale <= SCALE_MAX:
        raise ValidationError("sticker_scale", f"must be from {SCALE_MIN} to {SCALE_MAX}")
    rotation = design.sticker_rotation
    if (
        isinstance(rotation, bool)
        or not isinstance(rotation, int | float)
        or not math.isfinite(rotation)
    ):
        raise ValidationError("sticker_rotation", "must be a number of degrees")
    rotation = (float(rotation) + 180.0) % 360.0 - 180.0
    if not isinstance(design.caption, str):
        raise ValidationError("caption", "must be text")
    caption = " ".join(CONTROL_RE.sub(" ", design.caption).split())
    if len(caption) > CAPTION_MAX:
        raise ValidationError("caption", f"is longer than {CAPTION_MAX} characters")
    if not isinstance(design.show_amount, bool):
        raise ValidationError("show_amount", "must be true or false")
    return StoryDesign(
        background=background,
        color_top=design.color_top.upper(),
        color_bottom=design.color_bottom.upper(),
        sticker_x=x,
        sticker_y=y,
        sticker_scale=float(scale),
        sticker_rotation=rotation,
        caption=caption,
        show_amount=design.show_amount,
    )


_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
)


def image_format(data: bytes) -> str | None:
    """The image format the bytes start with (PNG, JPEG, GIF, BMP, WebP), or None."""
    for magic, name in _IMAGE_MAGIC:
        if data.startswith(magic):
            return name
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    return None


def check_background_image(data: bytes | None, name: str = "the file") -> bytes | None:
    """Refuse what is not an image (by its first bytes) or is too large to store."""
    if data is None:
        return None
    if image_format(data) is None:
        raise ValidationError("background", f"{name} is not an image (PNG, JPEG, GIF, BMP, WebP)")
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError("background", f"{name} is larger than 8 MB")
    return data


@dataclass(frozen=True, slots=True)
class SharedFrameRef:
    """One frame of the shared Story, light enough to list 10,000 of them."""

    frame_id: int
    donor_key: str
    shared_at_us: int


@dataclass(frozen=True, slots=True)
class SharedFrame:
    """One frame, loaded: what the player and the export draw. The privacy choices are
    already applied: `shown_name` is None for an anonymous donor, `amount_minor` None when
    the amount is not to be shown."""

    frame_id: int
    donor_key: str
    shown_name: str | None
    shared_at_us: int
    design: StoryDesign
    background_image: bytes | None
    amount_minor: int | None


def story_file_name(index: int) -> str:
    """`story-0001.png` for the first frame (1-based, at least four digits)."""
    return f"story-{index:04d}.png"
