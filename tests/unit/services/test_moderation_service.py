"""Moderation actions on SQLite and PostgreSQL: each action and its audit row, the held count,
the campaign's saved rules applied by the ingestion pipeline, blocked donors, the table's
filters and sorting, and a refund's effect on every total."""

from __future__ import annotations

import csv
import io
import json

import pytest

from helpers.ledger import fundraiser
from livegiving_desktop.core.donations import DonationDraft
from livegiving_desktop.core.errors import StateError, ValidationError
from livegiving_desktop.core.goals import progress_permille
from livegiving_desktop.core.moderation import DonationFilter, MessageStatus, TableSort
from livegiving_desktop.core.records import Actor, ActorRole, CampaignRecord
from livegiving_desktop.services.ingest import BatchOutcome, IngestionPipeline
from livegiving_desktop.services.ledger import LedgerService
from livegiving_desktop.services.moderation import AUDIT_COLUMNS, ModerationService

pytestmark = pytest.mark.db

SAM = Actor("Sam", ActorRole.MODERATOR)


def _donate(service: LedgerService, c: CampaignRecord, name: str, amount: str,
            message: str | None = None) -> int:  # fmt: skip
    outcome = service.record_donation(c.id, amount=amount, donor_name=name, message=message)
    assert outcome.donation is not None
    return outcome.donation.id


def test_approve_and_hide_follow_the_held_count_with_an_audit_row_each(
    service: LedgerService,
) -> None:
    mod = ModerationService(service)
    c = fundraiser(service)
    held = _donate(service, c, "Bob", "5", "see www.spam.example")
    held2 = _donate(service, c, "Cid", "5", "c0nnard")
    shown = _donate(service, c, "Ann", "5", "Bravo")
    silent = _donate(service, c, "Dee", "5")
    assert service.campaign(c.id).held_count == 2

    change = mod.approve(c.id, [held, silent], SAM)
    assert [d.id for d in change.donations] == [held]  # no message: nothing to approve
    assert change.stats.held_count == 1
    assert service.store.donation(held).message_status == "visible"
    change = mod.hide(c.id, [held2, shown], SAM, reason="insult")
    assert {d.id for d in change.donations} == {held2, shown}
    assert service.campaign(c.id).held_count == 0
    assert mod.approve(c.id, [held], SAM).donations == []  # already on air: no row

    rows = [(e.action, e.donation_id, e.before, e.after, e.actor_name, e.actor_role, e.reason)
            for e in reversed(mod.audit_entries(c.id))]  # fmt: skip
    assert rows == [
        ("approve", held, "held", "visible", "Sam", "moderator", None),
        ("hide", held2, "held", "hidden", "Sam", "moderator", "insult"),
        ("hide", shown, "visible", "hidden", "Sam", "moderator", "insult"),
    ]
    with pytest.raises(StateError):
        service.moderation_store.set_message_status(c.id, [held], MessageStatus.HELD, SAM)
    with pytest.raises(ValidationError):
        mod.approve(c.id, [held2], Actor("  ", ActorRole.MODERATOR))  # a name is required


def test_on_air_privacy_per_donation(service: LedgerService) -> None:
    mod = ModerationService(service)
    c = fundraiser(service)
    ann = _donate(service, c, "Ann", "5")
    change = mod.set_privacy(c.id, [ann], SAM, hide_name=True)
    assert change.donations[0].hide_name_on_air and not change.donations[0].hide_amount_on_air
    mod.set_privacy(c.id, [ann], SAM, hide_amount=True)
    stored = service.store.donation(ann)
    assert stored.hide_name_on_air and stored.hide_amount_on_air
    assert mod.set_privacy(c.id, [ann], SAM, hide_amount=True).donations == []
    entries = mod.audit_entries(c.id)
    assert [e.action for e in entries] == ["privacy", "privacy"]
    assert json.loads(entries[0].after or "") == {"hide_name_on_air": True,
                                                  "hide_amount_on_air": True}  # fmt: skip


@pytest.mark.parametrize("caught_up_first", [True, False])
def test_a_name_hidden_on_air_leaves_the_top_donors_on_air(
    service: LedgerService, caught_up_first: bool
) -> None:
    mod = ModerationService(service)
    c = fundraiser(service)
    ann = _donate(service, c, "Ann", "50")
    _donate(service, c, "Bob", "5")
    if caught_up_first:
        service.stats(c.id)  # Ann's donation already in the per-donor figures
    mod.set_privacy(c.id, [ann], SAM, hide_name=True)
    assert [(d.name, d.total_minor) for d in service.top_donors(c.id)] == [
        (None, 5000),  # shown as Anonymous on air
        ("Bob", 500),
    ]
    mod.set_privacy(c.id, [ann], SAM, hide_name=False)
    assert [d.name for d in service.top_donors(c.id)] == ["Ann", "Bob"]
    mod.set_privacy(c.id, [ann], SAM, hide_name=True)
    mod.refund(ann, "chargeback", SAM)  # the refund takes back what the donation counted
    assert [d.name for d in service.top_donors(c.id)] == ["Bob"]
    _donate(service, c, "Ann", "1")
    assert ("Ann", 100) in [(d.name, d.total_minor) for d in service.top_donors(c.id)]


def test_blocked_donor_later_messages_are_held(service: LedgerService) -> None:
    mod = ModerationService(service)
    c = fundraiser(service)
    first = _donate(service, c, "Troll", "5", "hello")
    d, newly = mod.block_donor(first, SAM, reason="spam")
    assert newly and d.donor_key == "troll"
    assert mod.block_donor(first, SAM)[1] is False  # blocked once
    later = service.record_donation(c.id, amount="5", donor_name="TROLL", message="hi again")
    assert later.donation is not None
    assert (later.donation.message_status, later.donation.flags) == ("held", "blocked-donor")
    assert service.store.donation(first).message_status == "visible"  # earlier ones unchanged
    assert mod.unblock_donor(c.id, "troll", SAM)
    again = service.record_donation(c.id, amount="5", donor_name="Troll", message="sorry")
    assert again.donation is not None and again.donation.message_status == "visible"
    actions = [(e.action, e.reason) for e in reversed(mod.audit_entries(c.id))]
    assert actions == [("block-donor", "spam"), ("unblock-donor", None)]


def test_saved_rules_are_applied_and_audited(service: LedgerService) -> None:
    mod = ModerationService(service)
    c = fundraiser(service)
    settings = mod.settings(c.id)
    assert settings.large_amount_minor == 50_000  # 500 EUR by default
    edited = settings.with_words("en", ["banana"])
    rules = mod.save_settings(c.id, edited, SAM)
    assert rules.classify("I like bananas") is MessageStatus.HELD
    assert mod.settings(c.id) == edited
    held = service.record_donation(c.id, amount="5", donor_name="Ann", message="Banana!")
    assert held.donation is not None and held.donation.message_status == "held"
    fine = service.record_donation(c.id, amount="5", donor_name="Bob", message="what a moron")
    assert fine.donation is not None and fine.donation.message_status == "visible"  # removed
    entry = mod.audit_entries(c.id)[0]
    assert (entry.action, entry.before, json.loads(entry.after or "")["added_words"]) == (
        "rules", None, {"en": ["banana"]},
    )  # fmt: skip


def test_pipeline_applies_flags_and_swaps_rules_while_running(service: LedgerService) -> None:
    c = fundraiser(service)
    service.record_donation(c.id, amount="5", donor_name="Known")
    mod = ModerationService(service)
    outcomes: list[BatchOutcome] = []
    pipeline = IngestionPipeline(
        service.store, service.campaign(c.id), on_commit=outcomes.append,
        moderation=mod.rules(c.id),
        known_donors=lambda: service.moderation_store.known_donor_keys(c.id),
        max_delay=0.0,
    )  # fmt: skip
    pipeline.submit_many([
        DonationDraft("a", "Known", 30_000, "hi"),  # a large first donation? no: known
        DonationDraft("b", "Newcomer", 30_000, "hi"),
        DonationDraft("c", "Whale", 60_000, "hi"),
    ])  # fmt: skip
    pipeline.flush()
    service.record_donation(c.id, amount="1", donor_name="Later")
    d = service.store.donation(service.store.recent_donations(c.id, limit=1)[0].id)
    ext = {x.external_id: x for o in outcomes for x in o.accepted}
    assert ext["a"].flags is None
    assert ext["b"].flags == "large-first"
    assert ext["c"].flags == "large-amount,large-first"
    assert service.store.recent_donations(c.id, limit=5)[1].flags == "large-amount,large-first"
    assert d.donor_name == "Later"
    # A donor blocked while the pipeline runs: the next messages are held.
    first = ext["b"].id
    mod.block_donor(first, SAM)
    pipeline.set_moderation(mod.rules(c.id))
    pipeline.submit_many([DonationDraft("d", "newcomer", 100, "bonjour")])
    pipeline.flush()
    pipeline.close()
    last = [x for o in outcomes for x in o.accepted][-1]
    assert (last.external_id, last.message_status) == ("d", "held")
    assert service.campaign(c.id).held_count == 1


def test_table_filters_and_sorting(service: LedgerService) -> None:
    mod = ModerationService(service)
    c = fundraiser(service)
    ann = _donate(service, c, "Ann Lee", "20", "Bravo à tous")
    _donate(service, c, "Bob", "15", "www.spam.example")
    cid = _donate(service, c, "Cid", "5")
    _donate(service, c, "ann lee", "50", "encore 100% bravo_")
    mod.refund(cid, "duplicate", SAM)

    def names(f: DonationFilter, **kw: object) -> list[str]:
        return [d.donor_name for d in mod.page(c.id, f, **kw)]  # type: ignore[arg-type]

    everything = DonationFilter()
    assert mod.count(c.id, everything) == 4
    assert names(everything) == ["ann lee", "Cid", "Bob", "Ann Lee"]  # newest first
    assert names(everything, sort=TableSort.AMOUNT, descending=False) == [
        "Cid", "Bob", "Ann Lee", "ann lee"]  # fmt: skip
    assert names(everything, sort=TableSort.DONOR, descending=False)[:2] in (
        ["Ann Lee", "ann lee"], ["ann lee", "Ann Lee"])  # fmt: skip
    assert names(DonationFilter(message_statuses=("held",))) == ["Bob"]
    assert names(DonationFilter(statuses=("refunded",))) == ["Cid"]
    assert names(DonationFilter(min_minor=1500, max_minor=2000)) == ["Bob", "Ann Lee"]
    assert names(DonationFilter(donor="ANN")) == ["ann lee", "Ann Lee"]
    assert names(DonationFilter(text="bravo")) == ["ann lee", "Ann Lee"]
    assert names(DonationFilter(text="100%")) == ["ann lee"]  # % is text, not a wildcard
    assert names(DonationFilter(text="o_")) == ["ann lee"]
    assert names(DonationFilter(), offset=1, limit=2) == ["Cid", "Bob"]
    with pytest.raises(ValidationError):
        mod.count(c.id, DonationFilter(min_minor=10, max_minor=5))
    assert mod.donations(c.id, [ann])[0].message == "Bravo à tous"


def test_refund_moves_every_figure(service: LedgerService) -> None:
    mod = ModerationService(service)
    c = fundraiser(service, goal="100")
    big = _donate(service, c, "Whale", "60")
    _donate(service, c, "Ann", "20")
    _donate(service, c, "Bob", "10")
    service.thank(c.id, [big])
    before = service.stats(c.id)
    assert progress_permille(before.total_minor, c.goal_minor) == 900
    change = mod.refund(big, "stolen card", SAM)
    assert change.refund is not None and change.refund.was_thanked
    assert not change.refund.donor_has_completed
    assert (change.stats.total_minor, change.stats.donation_count, change.stats.donor_count) == (
        3000, 2, 2)  # fmt: skip
    assert progress_permille(change.stats.total_minor, c.goal_minor) == 300
    assert [t.name for t in change.top] == ["Ann", "Bob"]
    assert service.stats(c.id) == change.stats
    assert service.campaign(c.id).total_minor == 3000


def test_audit_export_csv_and_json(service: LedgerService) -> None:
    mod = ModerationService(service)
    c = fundraiser(service)
    d = _donate(service, c, "Ann", "5", "www.x.com")
    mod.approve(c.id, [d], Actor("=HYPERLINK(1)", ActorRole.MODERATOR))
    mod.refund(d, "-fraud", SAM)
    out = io.StringIO()
    assert mod.export_audit(c.id, "csv", out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == AUDIT_COLUMNS
    assert rows[1][2:8] == ["'=HYPERLINK(1)", "moderator", "approve", str(d), "", "held"]
    assert rows[2][4] == "refund" and rows[2][9] == "'-fraud"
    out = io.StringIO()
    mod.export_audit(c.id, "json", out)
    data = json.loads(out.getvalue())
    assert data[0]["actor_name"] == "=HYPERLINK(1)" and data[0]["ticket_id"] is None
    assert data[1]["reason"] == "-fraud" and data[1]["at"].endswith("+00:00")
    with pytest.raises(ValidationError):
        mod.export_audit(c.id, "xml", io.StringIO())
