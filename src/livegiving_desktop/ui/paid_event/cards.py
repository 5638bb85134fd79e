"""The cards of the paid event's live view, each a widget of its own: ticket revenue, seats and
attendance, the donations of an event that also raises money, and the refund policy."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from livegiving_desktop.core.tickets import EventFigures
from livegiving_desktop.ui.common import format as fmt
from livegiving_desktop.ui.common.accessibility import describe, mark_graphic, set_figure
from livegiving_desktop.ui.common.widgets import Card, StatBlock, label
from livegiving_desktop.ui.paid_event.widgets import CapacityGauge


def refund_policy_text(window_hours: int, deadline: str | None = None) -> str:
    """The refund policy as the creator reads it (set-up and live view say the same)."""
    head = (
        QCoreApplication.translate(
            "RefundPolicy", "Buyers can ask for a refund until %1 (%2 hours before the start)."
        )
        .replace("%1", deadline)
        .replace("%2", str(window_hours))
        if deadline
        else QCoreApplication.translate(
            "RefundPolicy", "Buyers can ask for a refund up to %1 hours before the start."
        ).replace("%1", str(window_hours))
    )
    tail = QCoreApplication.translate(
        "RefundPolicy",
        "After that, only you can refund a ticket, with an override that is recorded. "
        "Cancelling the event refunds every ticket.",
    )
    return f"{head} {tail}"


class RevenueCard(Card):
    """TICKET REVENUE and the ticket price."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(vertical=16, parent=parent)
        self.revenue = label("", "total")
        self.revenue.setObjectName("revenueTotal")
        self.revenue.setAccessibleName(self.tr("Ticket revenue"))
        self.price = label("", "muted")
        layout = self.body
        layout.setSpacing(6)
        layout.addWidget(label(self.tr("TICKET REVENUE"), "eyebrow"))
        layout.addWidget(self.revenue)
        layout.addWidget(self.price)


class SeatsCard(Card):
    """SEATS AND ATTENDANCE: the capacity gauge, who is admitted now, sold, left, refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.gauge = CapacityGauge()
        self.gauge.setObjectName("capacityGauge")
        mark_graphic(self.gauge, self.tr("Seats sold and people admitted"))
        self.attendees = label("", "h2", wrap=True)
        self.attendees.setObjectName("attendeeCount")
        self.attendees.setAccessibleName(self.tr("People admitted"))
        self.sold = StatBlock(self.tr("TICKETS SOLD"), "ticketsSold")
        self.left = StatBlock(self.tr("SEATS LEFT"), "seatsLeft")
        self.denied = StatBlock(self.tr("REFUSED"), "deniedCount")
        layout = self.body
        layout.setSpacing(8)
        layout.addWidget(label(self.tr("SEATS AND ATTENDANCE"), "eyebrow"))
        gauge_row = QHBoxLayout()
        gauge_row.addWidget(self.gauge)
        gauge_text = QVBoxLayout()
        gauge_text.addStretch(1)
        gauge_text.addWidget(label(self.tr("Admitted now"), "muted"))
        gauge_text.addWidget(self.attendees)
        gauge_text.addStretch(1)
        gauge_row.addLayout(gauge_text, 1)
        layout.addLayout(gauge_row)
        stats = QHBoxLayout()
        for block in (self.sold, self.left, self.denied):
            stats.addWidget(block)
        layout.addLayout(stats)

    def show_figures(self, f: EventFigures, locale: str) -> None:
        def n(value: int) -> str:
            return fmt.count(value, locale)

        if f.capacity:
            attending = self.tr("%1 / %2 admitted").replace("%1", n(f.admitted))
            set_figure(self.attendees, self.tr("People admitted"),
                       attending.replace("%2", n(f.capacity)))  # fmt: skip
            caption = self.tr("%1 of %2 seats").replace("%1", n(f.tickets_sold)).replace(
                "%2", n(f.capacity))  # fmt: skip
            self.left.set_value(n(f.seats_left or 0))
        else:
            set_figure(self.attendees, self.tr("People admitted"),
                       self.tr("%1 admitted").replace("%1", n(f.admitted)))  # fmt: skip
            caption = self.tr("%1 sold").replace("%1", n(f.tickets_sold))
            self.left.set_value("∞")
        self.gauge.set_values(f.tickets_sold, f.admitted, f.capacity, caption)
        describe(self.gauge, self.tr("%1, %2 admitted").replace("%1", caption)
                 .replace("%2", n(f.admitted)))  # fmt: skip
        self.sold.set_value(n(f.tickets_sold))
        self.denied.set_value(n(f.denied))


class DonationsCard(Card):
    """ALSO RAISING FOR <nonprofit>: the donations of an event that also raises money."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("card-accent", parent=parent)
        self.total = label("", "stat")
        self.total.setObjectName("donationsTotal")
        self.total.setAccessibleName(self.tr("Donations raised"))
        self.caption = label("", "eyebrow", wrap=True)
        layout = self.body
        layout.addWidget(self.caption)
        layout.addWidget(self.total)

    def show_organization(self, name: str) -> None:
        self.caption.setText(self.tr("ALSO RAISING FOR %1").replace("%1", name.upper()))


class PolicyCard(Card):
    """REFUND POLICY, as the creator set it up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.text = label("", "muted", wrap=True)
        self.text.setObjectName("refundPolicy")
        self.text.setAccessibleName(self.tr("Refund policy"))
        layout = self.body
        layout.addWidget(label(self.tr("REFUND POLICY"), "eyebrow"))
        layout.addWidget(self.text)
