"""A silent network outage to PostgreSQL (a proxy that stops forwarding, the client's TCP
connection still up): every service a seat runs can be closed within 10 s in all, says whether
everything was committed, and after the outage what was kept is saved once."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine

from helpers.feed import Collector
from helpers.ledger import fundraiser
from helpers.proxy import StallingProxy
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.db.engine import open_database
from livegiving_desktop.services.changes import ChangeFollower
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.presence import Presence

pytestmark = pytest.mark.db


@pytest.fixture
def proxied(db_url: str) -> Iterator[tuple[LedgerService, StallingProxy]]:
    """A ledger service whose every connection goes through a proxy the test can stall."""
    if not db_url.startswith("postgresql"):
        pytest.skip("a network to lose: PostgreSQL")
    url = create_engine(db_url).url
    LedgerService.open(db_url).close()  # migrated directly
    proxy = StallingProxy(url.host or "127.0.0.1", url.port or 5432)
    service = LedgerService(open_database(url.set(host="127.0.0.1", port=proxy.port)))
    try:
        yield service, proxy
    finally:
        proxy.close()
        service.close()


def test_quitting_during_a_silent_outage_takes_less_than_10_seconds(
    proxied: tuple[LedgerService, StallingProxy], service: LedgerService
) -> None:
    seat, proxy = proxied
    campaign = fundraiser(service)
    got = Collector()
    follower = ChangeFollower(seat.db, got.on_changes, on_health=got.on_health)
    follower.follow(campaign.id, 0)
    presence = Presence(seat.db, kind="creator", display_name="Cleo", campaign_id=campaign.id,
                        beat_every=0.5)  # fmt: skip
    presence.start()
    pipeline = seat.ingestion_pipeline(campaign, max_delay=0.0)
    pipeline.submit_many([DonationDraft("before", "Ann", 500)])
    assert pipeline.flush(10)
    got.wait(lambda: "connected" in got.states())

    proxy.stall()
    pipeline.submit_many([DonationDraft("during", "Bob", 700)])  # never committed
    time.sleep(1.0)
    started = time.monotonic()
    follower.close(2.0)  # True or False (stuck in a connect attempt): it never holds us up
    presence.close(2.0)
    committed = pipeline.close_within(3.0)
    assert time.monotonic() - started < 10.0
    assert not committed  # the app asks the user before giving up what was never shown
    pipeline.abandon()
    proxy.resume()
    ids = [d.external_id for d in service.iter_donations(campaign.id)]
    assert "before" in ids


def test_a_pipeline_keeps_what_it_could_not_save_and_saves_it_after_the_outage(
    proxied: tuple[LedgerService, StallingProxy], service: LedgerService
) -> None:
    seat, proxy = proxied
    campaign = fundraiser(service)
    pipeline = seat.ingestion_pipeline(campaign, max_delay=0.0)
    # Up and running first (the donors it knows are loaded with the first donation): then
    # the outage hits the writer, not a read of the producer's.
    pipeline.submit_many([DonationDraft("o-first", "Donor", 500)])
    assert pipeline.flush(10)
    proxy.stall()
    pipeline.submit_many([DonationDraft(f"o{i}", f"Donor {i}", 500) for i in range(20)])
    time.sleep(1.5)
    assert service.campaign(campaign.id).donation_count == 1
    proxy.resume()  # the stalled connection drops; the writer tries again on a new one
    assert pipeline.close_within(30.0)
    assert service.campaign(campaign.id).donation_count == 21
    assert service.store.completed_sum(campaign.id) == (21 * 500, 21)
