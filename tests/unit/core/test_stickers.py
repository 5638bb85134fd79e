"""The sticker's rule: unlocked by a completed donation for the campaign's hours."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from livegiving_desktop.core.stickers import (
    HOUR_US,
    DonorGiving,
    Sticker,
    StickerState,
    sort_gallery,
    sticker_state,
    sticker_title,
    unlock_window,
)

T0 = 1_800_000_000_000_000


def giving(completed: int = 1, refunded: int = 0, last: int | None = T0) -> DonorGiving:
    return DonorGiving(
        "alice", "Alice", completed_count=completed, refunded_count=refunded,
        first_completed_us=last, last_completed_us=last if completed else None,
    )  # fmt: skip


def test_never_gave_is_locked() -> None:
    assert sticker_state(None, 24, T0) is StickerState.LOCKED


def test_unlocked_for_the_campaign_hours_from_the_latest_donation() -> None:
    g = giving()
    assert sticker_state(g, 24, T0) is StickerState.UNLOCKED
    assert sticker_state(g, 24, T0 + 24 * HOUR_US - 1) is StickerState.UNLOCKED
    assert sticker_state(g, 24, T0 + 24 * HOUR_US) is StickerState.EXPIRED
    assert sticker_state(g, 48, T0 + 24 * HOUR_US) is StickerState.UNLOCKED
    assert unlock_window(g, 24) == (T0, T0 + 24 * HOUR_US)


def test_all_refunded_is_revoked_but_one_left_keeps_it() -> None:
    assert sticker_state(giving(completed=0, refunded=2, last=None), 24, T0) is (
        StickerState.REVOKED
    )
    assert sticker_state(giving(completed=1, refunded=2), 24, T0) is StickerState.UNLOCKED
    assert unlock_window(giving(completed=0, refunded=1, last=None), 24) == (None, None)


@given(st.integers(0, 10_000), st.integers(1, 24 * 365), st.integers(0, 10**12))
def test_unlocked_exactly_inside_the_window(completed: int, hours: int, elapsed: int) -> None:
    g = giving(completed=completed, refunded=0 if completed else 1)
    state = sticker_state(g, hours, T0 + elapsed)
    if completed == 0:
        assert state is StickerState.REVOKED
    else:
        assert (state is StickerState.UNLOCKED) == (elapsed < hours * HOUR_US)


def test_gallery_lists_unlocked_first_then_expired_then_locked() -> None:
    def s(cid: int, state: StickerState, at: int | None = None) -> Sticker:
        return Sticker(cid, f"c{cid}", "Org", "#000000", "#FFFFFF", state, at)

    rows = [s(1, StickerState.LOCKED), s(2, StickerState.EXPIRED, 5),
            s(3, StickerState.UNLOCKED, 1), s(4, StickerState.UNLOCKED, 9)]  # fmt: skip
    assert [r.campaign_id for r in sort_gallery(rows)] == [4, 3, 2, 1]
    assert [r.campaign_id for r in sort_gallery(rows, current_campaign_id=3)][:2] == [3, 4]


def test_words_follow_the_language() -> None:
    assert sticker_title("en") == "I donated"
    assert sticker_title("fr_FR") == "J'ai fait un don"
