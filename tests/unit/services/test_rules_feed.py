"""Rules travel: a word blocked (or a donor blocked) on one seat holds the next such message in
every running ingestion pipeline, a headless `livegiving simulate` in another process too."""

from __future__ import annotations

import subprocess
import time

import pytest

from helpers.cli import cli_argv, cli_env
from helpers.ledger import fundraiser, valid
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.core.moderation import ModerationSettings
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.core.text import fold
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import ModerationService

pytestmark = pytest.mark.db

SAM = Actor("Sam", ActorRole.MODERATOR)
# To show the rules reached the other process, not when: a rule applies from the next
# submitted donations; those already queued (at most a few batches) are not re-checked.
GRACE_S = 1.5


def _has_word(message: str | None, word: str) -> bool:
    return message is not None and word in fold(message).split()


def test_a_word_blocked_here_holds_it_in_a_simulation_running_elsewhere(
    service: LedgerService, db_url: str, tmp_path: object
) -> None:
    campaign = fundraiser(service)
    service.go_live(campaign.id)
    simulate = subprocess.Popen(
        cli_argv("simulate", "--campaign", str(campaign.id), "--rate", "80", "--seconds", "5",
                 "--seed", "3", db=db_url),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=cli_env(tmp_path),  # type: ignore[arg-type]
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while service.campaign(campaign.id).donation_count < 40:
            assert time.monotonic() < deadline, "the simulation did not start"
            time.sleep(0.05)
        # Committed before the rule existed: these must stay visible. (Not "received before
        # the save": a donation received just before it may be written just after, under the
        # new rule, and be held rightly.)
        before = [d.id for d in service.iter_donations(campaign.id) if _has_word(d.message, "pour")]
        rules = ModerationSettings().with_words("fr", ModerationSettings().words("fr") | {"pour"})
        ModerationService(service).save_settings(campaign.id, rules, SAM)
        saved_us = time.time_ns() // 1000
        _, err = simulate.communicate(timeout=60)
        assert simulate.returncode == 0, err
    finally:
        if simulate.poll() is None:
            simulate.kill()
    rows = list(service.iter_donations(campaign.id))
    after = [
        d
        for d in rows
        if _has_word(d.message, "pour") and d.received_at_us > saved_us + GRACE_S * 1e6
    ]
    status = {d.id: d.message_status for d in rows}
    assert before and {status[i] for i in before} == {"visible"}  # the rule was new
    assert after, "no message with the word after the rule: the test says nothing"
    assert {d.message_status for d in after} == {"held"}


def test_a_donor_blocked_here_is_held_by_a_pipeline_of_another_connection(
    db_url: str,
) -> None:
    here, there = LedgerService.open(db_url), LedgerService.open(db_url)
    try:
        campaign = fundraiser(here)
        first = here.store.insert_batch(campaign.id, [valid("a1", "Troll", message="hello")])
        pipeline = there.ingestion_pipeline(campaign, follow_rules=True, max_delay=0.0)
        pipeline.submit_many([DonationDraft("a2", "Troll", 500, "hello again")])
        pipeline.flush()
        ModerationService(here).block_donor(first.accepted[0].id, SAM)
        deadline = time.monotonic() + 5
        while pipeline.moderation is None or not pipeline.moderation.blocked_donors:
            assert time.monotonic() < deadline, "the pipeline never got the blocked donor"
            time.sleep(0.02)
        pipeline.submit_many([DonationDraft("a3", "Troll", 500, "hello once more")])
        assert pipeline.close_within(10.0)
        status = {d.external_id: d.message_status for d in here.iter_donations(campaign.id)}
        assert status == {"a1": "visible", "a2": "visible", "a3": "held"}
    finally:
        here.close()
        there.close()
