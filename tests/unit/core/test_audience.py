"""The simulated audience: deterministic for a seed, realistic in its mix."""

from __future__ import annotations

import hashlib
import statistics
import unicodedata

import pytest

from livegiving_desktop.core.audience import AudienceProfile, SimulatedAudience, ViewerCount
from livegiving_desktop.core.donations import DonationDraft


def deliveries(
    seed: int, count: int, currency: str = "EUR", **kwargs: object
) -> list[DonationDraft]:
    audience = SimulatedAudience(seed, currency, **kwargs)  # type: ignore[arg-type]
    return [audience.next_delivery() for _ in range(count)]


def test_same_seed_gives_the_same_audience() -> None:
    assert deliveries(42, 500) == deliveries(42, 500)


@pytest.mark.parametrize(
    ("seed", "currency", "profile", "digest"),
    [
        (7, "EUR", None, "c4f18af3a5a715a965ce7eaf2951ec699cb48fcfcd4c1fdbb305601ada5d6db5"),
        (11, "JPY", AudienceProfile(duplicates=0.1, bursts=False),
         "664adba56b78d30ac97eec0ee041ba6fee0727a1197961322b7a01572b13166a"),
    ],
)  # fmt: skip
def test_a_seed_gives_the_same_audience_from_release_to_release(
    seed: int, currency: str, profile: AudienceProfile | None, digest: str
) -> None:
    """A rehearsal's `--seed` replays the same donations (names, amounts, messages,
    duplicates) as before the hot path was rewritten: the digest of 5,000 deliveries."""
    drafts = deliveries(seed, 5000, currency, minimum_minor=100, profile=profile)
    assert all(type(d) is DonationDraft for d in drafts)
    assert hashlib.sha256(repr(drafts).encode()).hexdigest() == digest


def test_different_seeds_give_different_audiences() -> None:
    first, second = deliveries(1, 500), deliveries(2, 500)
    assert [d.donor_name for d in first] != [d.donor_name for d in second]
    assert [d.amount_minor for d in first] != [d.amount_minor for d in second]


def test_external_ids_carry_the_seed() -> None:
    first = deliveries(7, 3)
    assert [d.external_id for d in first] == ["sim-7-1", "sim-7-2", "sim-7-3"]


def test_without_duplicates_every_external_id_is_new() -> None:
    ids = [d.external_id for d in deliveries(3, 3000)]
    assert len(set(ids)) == len(ids)


def test_duplicate_share_is_about_what_was_asked() -> None:
    drafts = deliveries(9, 5000, profile=AudienceProfile(duplicates=0.2))
    ids = [d.external_id for d in drafts]
    repeated = (len(ids) - len(set(ids))) / len(ids)
    assert 0.16 <= repeated <= 0.24
    first_seen: dict[str, DonationDraft] = {}
    for d in drafts:
        # A duplicate is the very same delivery again, as a flaky webhook sends it.
        assert first_seen.setdefault(d.external_id, d) == d


def test_names_come_from_many_scripts() -> None:
    scripts = {
        unicodedata.name(ch).split()[0]
        for d in deliveries(5, 2000)
        for ch in d.donor_name
        if ch.isalpha()
    }
    assert "LATIN" in scripts
    assert len(scripts - {"LATIN"}) >= 3, scripts


def test_some_messages_are_empty_and_some_have_emoji() -> None:
    drafts = deliveries(5, 2000)
    without = sum(1 for d in drafts if d.message is None)
    with_emoji = sum(
        1 for d in drafts if d.message and any(unicodedata.category(ch) == "So" for ch in d.message)
    )
    assert 0.2 * len(drafts) <= without <= 0.5 * len(drafts)
    assert with_emoji > 0


def test_amounts_respect_the_minimum_and_favour_round_figures() -> None:
    drafts = deliveries(11, 5000, minimum_minor=200, maximum_minor=10_000_000)
    amounts = [d.amount_minor for d in drafts]
    assert min(amounts) >= 200
    assert max(amounts) <= 10_000_000
    common = sum(1 for a in amounts if a in {500, 1000, 2000, 5000})
    assert common / len(amounts) > 0.5
    assert len(set(amounts)) > 10  # and a long tail


def test_yen_amounts_are_rounder() -> None:
    amounts = [d.amount_minor for d in deliveries(11, 2000, currency="JPY")]
    assert all(a % 100 == 0 for a in amounts)
    assert statistics.median(amounts) >= 500


def test_some_donors_give_again_and_some_are_anonymous() -> None:
    drafts = deliveries(13, 3000)
    ids = {d.external_id: d for d in drafts}
    names = [d.donor_name for d in ids.values()]
    assert len(set(names)) < len(names)
    assert any(d.anonymous for d in drafts)


@pytest.mark.parametrize("rate", [2.0, 10.0])
def test_mean_gap_follows_the_rate(rate: float) -> None:
    audience = SimulatedAudience(21, "EUR")
    gaps = [audience.next_gap(rate) for _ in range(20_000)]
    # Bursts (a raid, a shout-out) shorten the mean gap below 1/rate, never lengthen it.
    assert 0.5 / rate <= statistics.fmean(gaps) <= 1.2 / rate
    assert all(g >= 0 for g in gaps)


def test_rate_zero_means_no_wait() -> None:
    assert SimulatedAudience(1, "EUR").next_gap(0) == 0.0


def test_viewer_count_follows_the_audience_rate() -> None:
    viewers = ViewerCount(seed=3)
    quiet = [viewers.next(0) for _ in range(30)][-1]
    busy = [viewers.next(100) for _ in range(30)][-1]
    assert 50 <= quiet <= 70  # about 60 people with no donations
    assert 1_350 <= busy <= 1_570  # about 60 + 14 × 100
    assert ViewerCount(seed=3).next(100) == ViewerCount(seed=3).next(100)  # repeatable
