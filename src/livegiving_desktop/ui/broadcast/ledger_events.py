"""One hub for changes made outside the live feed (a refund, an approval, a privacy choice, new
rules), so that every window follows at once: the live view and the moderation console."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class LedgerEvents(QObject):
    """Owned by the main window (or the moderator's console-only seat), shared by the views."""

    # campaign id, list[StoredDonation] as they are now
    donationsChanged = Signal(int, object)
    # campaign id, CampaignStats, list[TopDonor] (empty list: top donors unchanged)
    statsChanged = Signal(int, object, object)
    # campaign id, ModerationRules to apply to donations from now on
    rulesChanged = Signal(int, object)
