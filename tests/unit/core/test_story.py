"""A Story's design: validated field by field, stored as JSON, background files checked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.story import (
    CAPTION_MAX,
    BackgroundKind,
    StoryDesign,
    check_background_image,
    image_format,
    story_file_name,
    validate_design,
)


def test_amount_is_hidden_by_default() -> None:
    assert StoryDesign().show_amount is False


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sticker_x": 1.5}, "sticker_x"),
        ({"sticker_y": -0.1}, "sticker_y"),
        ({"sticker_x": float("nan")}, "sticker_x"),
        ({"sticker_scale": 9.0}, "sticker_scale"),
        ({"sticker_rotation": float("inf")}, "sticker_rotation"),
        ({"color_top": "red"}, "color_top"),
        ({"caption": "x" * (CAPTION_MAX + 1)}, "caption"),
        ({"background": "video"}, "background"),
        ({"show_amount": "yes"}, "show_amount"),
    ],
)
def test_bad_design_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_design(StoryDesign().with_changes(**changes))
    assert refused.value.field == field


def test_caption_is_cleaned_and_rotation_wrapped() -> None:
    clean = validate_design(StoryDesign(caption="  Hello\n\tworld  ", sticker_rotation=370))
    assert clean.caption == "Hello world"
    assert clean.sticker_rotation == pytest.approx(10)


designs = st.builds(
    StoryDesign,
    background=st.sampled_from(list(BackgroundKind)),
    color_top=st.just("#112233"),
    color_bottom=st.just("#445566"),
    sticker_x=st.floats(0, 1),
    sticker_y=st.floats(0, 1),
    sticker_scale=st.floats(0.3, 2.5),
    sticker_rotation=st.floats(-180, 179.9),
    caption=st.text(max_size=CAPTION_MAX),
    show_amount=st.booleans(),
)


@given(designs)
def test_json_round_trip(design: StoryDesign) -> None:
    clean = validate_design(design)
    assert StoryDesign.from_json(clean.to_json()) == clean


def test_unreadable_stored_design_falls_back_to_defaults() -> None:
    assert StoryDesign.from_json("not json") == StoryDesign()
    assert StoryDesign.from_json('{"sticker_x": 7}') == StoryDesign()


def test_background_must_be_an_image() -> None:
    assert image_format(b"\x89PNG\r\n\x1a\n....") == "PNG"
    assert image_format(b"\xff\xd8\xff\xe0") == "JPEG"
    assert image_format(b"RIFF\0\0\0\0WEBPVP8 ") == "WebP"
    with pytest.raises(ValidationError, match="is not an image"):
        check_background_image(b"%PDF-1.7 hello", "notes.pdf")
    assert check_background_image(None) is None


def test_frame_file_names() -> None:
    assert story_file_name(1) == "story-0001.png"
    assert story_file_name(12345) == "story-12345.png"
