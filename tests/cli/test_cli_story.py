"""`livegiving story export`: the sticker and every frame as 1080×1920 PNG files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from helpers.cli import Cli
from helpers.ledger import PREPARED_FUNDRAISER
from livegiving_desktop.core.story import StoryDesign
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.stories import StoryService


def _share(db: Path, *names: str) -> None:
    service = LedgerService.open(str(db))
    try:
        stories = StoryService(service)
        for name in names:
            service.record_donation(PREPARED_FUNDRAISER, amount="5", donor_name=name)
            stories.share(PREPARED_FUNDRAISER, name, StoryDesign(caption=f"{name} gave"))
    finally:
        service.close()


def test_export_writes_sticker_and_frames(
    qapp: Any, cli_prepared: Cli, ledger_copy: Path, tmp_path: Path
) -> None:
    _share(ledger_copy, "Alice", "Bob")
    out = tmp_path / "story" / "nested"  # created when missing
    result = cli_prepared("story", "export", "--campaign", str(PREPARED_FUNDRAISER),
                          "--out", str(out))  # fmt: skip
    assert result.code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "sticker.png", "story-0001.png", "story-0002.png",
    ]  # fmt: skip
    assert QImage(str(out / "sticker.png")).size() == QSize(1080, 1080)
    for name in ("story-0001.png", "story-0002.png"):
        image = QImage(str(out / name))
        assert image.size() == QSize(1080, 1920)
    assert QImage(str(out / "story-0001.png")) != QImage(str(out / "story-0002.png"))


def test_export_of_a_story_nobody_shared_writes_the_sticker(
    cli_prepared: Cli, tmp_path: Path
) -> None:
    result = cli_prepared("story", "export", "--campaign", str(PREPARED_FUNDRAISER),
                          "--out", str(tmp_path / "out"))  # fmt: skip
    assert result.code == 0, result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["sticker.png"]


def test_export_refuses_a_file_and_an_unknown_campaign(cli_prepared: Cli, tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me")
    result = cli_prepared("story", "export", "--campaign", str(PREPARED_FUNDRAISER),
                          "--out", str(a_file))  # fmt: skip
    assert result.code == 2 and "--out" in result.stderr
    assert a_file.read_text() == "keep me"
    result = cli_prepared("story", "export", "--campaign", "999", "--out", str(tmp_path / "x"))
    assert result.code == 2 and "campaign" in result.stderr
    assert not (tmp_path / "x").exists()


def test_settings_set_the_sticker_hours_and_colours(cli_prepared: Cli, ledger_copy: Path) -> None:
    result = cli_prepared("story", "settings", "--campaign", str(PREPARED_FUNDRAISER),
                          "--sticker-hours", "48", "--primary-color", "#0ea5e9")  # fmt: skip
    assert result.code == 0, result.stderr
    service = LedgerService.open(str(ledger_copy))
    try:
        c = service.campaign(PREPARED_FUNDRAISER)
        assert (c.sticker_hours, c.primary_color, c.accent_color) == (48, "#0EA5E9", "#F59E0B")
    finally:
        service.close()
    for args in (("--sticker-hours", "1000"), ("--accent-color", "orange")):
        result = cli_prepared("story", "settings", "--campaign", str(PREPARED_FUNDRAISER), *args)
        assert result.code == 2 and args[0] in result.stderr


def test_leftovers_of_an_interrupted_export_are_cleaned_on_the_next_run(
    cli_prepared: Cli, ledger_copy: Path, tmp_path: Path
) -> None:
    _share(ledger_copy, "Alice")
    out = tmp_path / "story"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (out / ".part-story-0007.png").write_bytes(b"half a png")  # the export was quit
    (out / ".part-sticker.png").symlink_to(victim)  # planted: never written through
    (out / "notes.txt").write_text("mine")
    result = cli_prepared("story", "export", "--campaign", str(PREPARED_FUNDRAISER),
                          "--out", str(out))  # fmt: skip
    assert result.code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "sticker.png", "story-0001.png"]
    assert victim.read_text() == "precious"


def test_a_fifo_as_a_background_is_refused_without_blocking(qapp: Any, tmp_path: Path) -> None:
    import os

    import pytest

    from livegiving_desktop.core.errors import ValidationError
    from livegiving_desktop.ui.story.render import read_background

    fifo = tmp_path / "picture.png"
    os.mkfifo(fifo)  # a plain open() would wait for a writer for ever
    with pytest.raises(ValidationError, match="is not a file"):
        read_background(str(fifo))
    with pytest.raises(ValidationError, match="is not a file"):
        read_background("/dev/zero")
