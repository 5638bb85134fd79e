"""Every item model of the UI passes Qt's model tester, and changes rows in place: an insert,
a removal or an update never resets the view (its selection and scroll stay)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

from livegiving_desktop.core.moderation import DonationFilter
from livegiving_desktop.core.organizations import bundled_catalog
from livegiving_desktop.core.records import AuditRecord, CampaignRecord, StoredDonation
from livegiving_desktop.core.stickers import Sticker, StickerState
from livegiving_desktop.core.tickets import (
    AdmissionOutcome,
    AdmissionReason,
    AdmissionRecord,
    StoredTicket,
    TicketStatus,
)
from livegiving_desktop.db.moderation import BlockedDonorRecord
from livegiving_desktop.ui.common.model_base import RecordRole
from livegiving_desktop.ui.fundraiser.models import (
    DonationFeedModel,
    OnAirPrivacy,
    ThankQueueModel,
)
from livegiving_desktop.ui.home import CampaignListModel
from livegiving_desktop.ui.moderation.models import (
    AuditTableModel,
    BlockedDonorListModel,
    ModerationTableModel,
)
from livegiving_desktop.ui.paid_event.models import AdmissionLogModel, TicketSalesModel
from livegiving_desktop.ui.setup import OrganizationListModel
from livegiving_desktop.ui.story.sticker import StickerGalleryModel, StickerRole


def donation(i: int, **fields: Any) -> StoredDonation:
    base: dict[str, Any] = dict(
        id=i, campaign_id=1, external_id=f"x{i}", received_at_us=1_796_000_000_000_000 + i,
        donor_name=f"Donor {i}", anonymous=i % 5 == 0, amount_minor=100 * i, currency="EUR",
        message="Bravo" if i % 2 else None, message_status="visible" if i % 2 else None,
        status="completed", source="audience", thanked=False, donor_key=f"donor {i}",
    )  # fmt: skip
    base.update(fields)
    return StoredDonation(**base)


def campaign() -> CampaignRecord:
    from livegiving_desktop.core.campaigns import CampaignKind, CampaignStatus

    values: dict[str, Any] = {name: None for name in CampaignRecord.__dataclass_fields__}
    wanted = dict(
        id=1, kind=CampaignKind.FUNDRAISER, title="Marathon", status=CampaignStatus.LIVE,
        currency="EUR", created_at_us=0, is_demo=False, show_names_on_air=True,
        show_amounts_on_air=True, allow_anonymous=True, minimum_minor=1, maximum_minor=10**9,
        online_only=True, description="", total_minor=0, donation_count=0, held_count=0,
        donors_through_id=0, donor_count=0, sticker_hours=24, primary_color="#6D28D9",
        accent_color="#F59E0B", refund_window_hours=48, tickets_sold=0, admitted_count=0,
        denied_count=0, revenue_minor=0, change_seq=0, goal_minor=500_000,
    )  # fmt: skip
    values.update({k: v for k, v in wanted.items() if k in values})
    return CampaignRecord(**values)


class Resets:
    """Counts the resets of a model (a change must not reset)."""

    def __init__(self, model: QAbstractItemModel) -> None:
        self.count = 0
        model.modelReset.connect(self._on_reset)

    def _on_reset(self) -> None:
        self.count += 1


def ticket(i: int, status: TicketStatus = TicketStatus.VALID) -> StoredTicket:
    return StoredTicket(
        i, 1, f"t{i}", f"Buyer {i}", 1500, "EUR", status, 1_796_000_000_000_000, None, None
    )


def admission(i: int, admitted: bool) -> AdmissionRecord:
    return AdmissionRecord(
        i, 1, 1_796_000_000_000_000, i if admitted else None, f"Guest {i}",
        AdmissionOutcome.ADMITTED if admitted else AdmissionOutcome.REFUSED,
        None if admitted else AdmissionReason.WRONG_CODE,
    )  # fmt: skip


def test_the_feed_inserts_trims_updates_and_pages_without_a_reset(qtmodeltester: Any) -> None:
    model = DonationFeedModel(OnAirPrivacy(campaign(), "en"), live_limit=10)
    resets = Resets(model)
    model.show([donation(i) for i in range(20, 10, -1)], has_older=True)
    qtmodeltester.check(model)
    model.add_newest([donation(i) for i in range(25, 20, -1)])
    assert [model.record(r).id for r in range(3)] == [25, 24, 23]  # type: ignore[union-attr]
    assert model.rowCount() == 10  # the newest ten while watching the top
    model.add_newest([donation(25), donation(24)])  # shown already: not twice
    assert model.rowCount() == 10 and model.record(0).id == 25  # type: ignore[union-attr]
    model.update([donation(23, thanked=True, message_status="hidden")])
    assert model.record(2).thanked  # type: ignore[union-attr]
    assert "Message hidden by a moderator" in model.index(2).data()
    model.keep_older = True
    model.append_older([donation(i) for i in range(15, 10, -1)], page_size=5)
    assert model.rowCount() == 15
    qtmodeltester.check(model)
    # Rows kept (read below, or held under the pointer): a flush larger than the limit comes
    # whole, none left out between the new rows and the ones kept.
    assert model.add_newest([donation(i) for i in range(45, 25, -1)]) == 20
    assert [model.record(r).id for r in (0, 19, 20)] == [45, 26, 25]  # type: ignore[union-attr]
    assert model.rowCount() == 35
    assert resets.count == 1  # only `show`, another campaign's rows


def test_the_feed_says_what_goes_on_air() -> None:
    model = DonationFeedModel(OnAirPrivacy(campaign(), "en"))
    model.show([donation(1, hide_name_on_air=True), donation(2, hide_amount_on_air=True)])
    assert model.index(0).data().startswith("\u2068Anonymous\u2069 — €1.00")
    assert "€2.00" not in model.index(1).data()
    assert model.index(1).data(RecordRole).id == 2


def test_the_thank_queue_loses_thanked_and_refunded_rows(qtmodeltester: Any) -> None:
    model = ThankQueueModel(OnAirPrivacy(campaign(), "en"), limit=5)
    resets = Resets(model)
    model.reset([donation(i) for i in range(8, 0, -1)])
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    model.follow([donation(8, thanked=True), donation(6, status="refunded"), donation(5)])
    assert [model.record(r).id for r in range(model.rowCount())] == [7, 5, 4]  # type: ignore[union-attr]
    model.prepend([donation(9)])
    qtmodeltester.check(model)
    assert resets.count == 1


def test_the_thank_queue_pages_in_without_a_gap_and_is_bounded_again_on_a_new_page() -> None:
    """Rows arriving while an older page is read used to push the bottom rows out: the page,
    read from below the row that was oldest, never brought them back."""
    model = ThankQueueModel(OnAirPrivacy(campaign(), "en"), limit=5)
    asked: list[int] = []
    model.olderRequested.connect(asked.append)
    model.show([donation(i) for i in range(20, 15, -1)], has_older=True)  # 20 … 16
    model.fetchMore()  # what scrolling to the end asks: the rows before 16
    assert asked == [16]
    model.prepend([donation(22), donation(21)])  # given meanwhile
    model.append_older([donation(i) for i in range(15, 10, -1)], page_size=5)
    assert [d.id for d in model.records()] == list(range(22, 10, -1))  # every one, in order
    model.show([donation(i) for i in range(40, 30, -1)])  # a reload: its first page
    assert model.rowCount() == 5
    model.prepend([donation(41)])
    assert model.rowCount() == 5  # bounded again


def test_tickets_and_the_door(qtmodeltester: Any) -> None:
    sales = TicketSalesModel("en")
    sales.reset([ticket(2), ticket(1)])
    sales.prepend([ticket(3)])
    sales.update([ticket(2, TicketStatus.REFUNDED)])
    assert "refunded" in sales.index(1).data()
    qtmodeltester.check(sales)
    log = AdmissionLogModel()
    log.reset([admission(1, True)])
    log.prepend([admission(2, False)])
    assert log.index(0).data() == "✕ \u2068Guest 2\u2069 refused: wrong code"
    qtmodeltester.check(log)


def test_home_setup_gallery_audit_and_blocked(qtmodeltester: Any) -> None:
    campaigns = CampaignListModel()
    campaigns.reset([campaign(), replace(campaign(), id=2, title="Other")])
    qtmodeltester.check(campaigns)
    organizations = OrganizationListModel()
    organizations.reset(bundled_catalog().search("croix"))
    assert organizations.row_of("croix-rouge-francaise") >= 0
    qtmodeltester.check(organizations)
    gallery = StickerGalleryModel("en")
    gallery.reset([Sticker(1, "Marathon", "Croix-Rouge", "#6D28D9", "#F59E0B",
                           StickerState.LOCKED)])  # fmt: skip
    assert gallery.index(0).data(StickerRole).campaign_id == 1
    qtmodeltester.check(gallery)
    audit = AuditTableModel()
    rows = [AuditRecord(i, 1, 1_796_000_000_000_000, "Sam", "moderator", "hide", i, None,
                        "visible", "hidden", None) for i in (3, 2, 1)]  # fmt: skip
    resets = Resets(audit)
    audit.show_newest(rows[1:])
    audit.show_newest(rows)  # one newer row: inserted on top, no reset
    assert audit.rowCount() == 3 and audit.entry(0).id == 3  # type: ignore[union-attr]
    assert resets.count == 1
    assert audit.headerData(1, Qt.Orientation.Horizontal) == "Who"
    qtmodeltester.check(audit)
    blocked = BlockedDonorListModel()
    blocked.reset([BlockedDonorRecord("ann", "Ann", 0, "Sam")])
    assert blocked.index(0).data() == "Ann · blocked by Sam"
    qtmodeltester.check(blocked)


def test_the_moderation_table_pages(qtmodeltester: Any) -> None:
    model = ModerationTableModel("en", DonationFilter())
    wanted: list[int] = []
    model.pageWanted.connect(wanted.append)
    model.set_count(450, [donation(i) for i in range(450, 250, -1)])
    assert model.index(0, 2).data() == "Donor 450 (anonymous)"
    assert model.index(300, 0).data() == "…" and wanted == [1]  # asked for once
    model.page_loaded(model.generation, 1, [donation(i) for i in range(250, 50, -1)])
    assert model.index(300, 2).data() == "Donor 150 (anonymous)"
    qtmodeltester.check(model)


@pytest.mark.parametrize("rows", [0, 1, 3])
def test_an_empty_or_small_model_is_valid(qtmodeltester: Any, rows: int) -> None:
    model = DonationFeedModel(OnAirPrivacy(None, "en"))
    model.show([donation(i) for i in range(rows, 0, -1)], has_older=False)
    qtmodeltester.check(model)
