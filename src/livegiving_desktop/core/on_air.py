"""What goes on air: the one home of whether a donor's name, amount and message are shown.

The live feed, the stage's alerts, the top donors, the shared Story and the OBS overlays all
ask here; none decides on its own. `None` for a name means "Anonymous" (each surface says it in
its own language); `None` for an amount means it is not shown.

SQL that must agree: `db/ledger.py` counts a donation as named in the per-donor figures
(`donors.named_count`) exactly when `counts_as_named` is true (`anonymous OR hide_name_on_air`
is its negation); tests/unit/core/test_on_air.py checks both.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class OnAirDonation(Protocol):
    """What the rules read of a donation (StoredDonation has it)."""

    @property
    def donor_name(self) -> str: ...
    @property
    def anonymous(self) -> bool: ...
    @property
    def amount_minor(self) -> int: ...
    @property
    def message(self) -> str | None: ...
    @property
    def message_status(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def hide_name_on_air(self) -> bool: ...
    @property
    def hide_amount_on_air(self) -> bool: ...


class OnAirCampaign(Protocol):
    @property
    def show_names_on_air(self) -> bool: ...
    @property
    def show_amounts_on_air(self) -> bool: ...


class MessageOnAir(StrEnum):
    """What takes a message's place on air."""

    SHOWN = "shown"  # the text itself
    NONE = "none"  # the donation has no message
    HELD = "held"  # waiting for a moderator: never on air
    HIDDEN = "hidden"  # a moderator kept it off the air
    REFUNDED = "refunded"  # the donation was refunded: its message leaves the air too


@dataclass(frozen=True, slots=True)
class OnAirPolicy:
    """A campaign's choices for the air (set at set-up)."""

    show_names: bool = True
    show_amounts: bool = True

    @classmethod
    def of(cls, campaign: OnAirCampaign | None) -> OnAirPolicy:
        """The campaign's policy; without a campaign (a view still loading) show everything,
        since there is nothing to show."""
        if campaign is None:
            return cls()
        return cls(campaign.show_names_on_air, campaign.show_amounts_on_air)

    def shown_name(self, d: OnAirDonation) -> str | None:
        """The donor's name on air, or None for "Anonymous": the donor gave anonymously, a
        moderator hid the name, or the campaign hides every name."""
        if not self.show_names or not counts_as_named(d):
            return None
        return d.donor_name

    def shown_amount(self, d: OnAirDonation) -> int | None:
        """The amount on air in minor units, or None when the campaign hides amounts or a
        moderator hid this one."""
        if not self.show_amounts or d.hide_amount_on_air:
            return None
        return d.amount_minor

    def shown_top_donor(self, name: str | None) -> str | None:
        """A top donor's name on air (the aggregate already holds None for a donor whose every
        counted gift was anonymous or hidden by a moderator)."""
        return name if name and self.show_names else None


def counts_as_named(d: OnAirDonation) -> bool:
    """Given under the donor's name and not hidden by a moderator."""
    return not (d.anonymous or d.hide_name_on_air)


def message_on_air(d: OnAirDonation) -> MessageOnAir:
    """Whether the message goes on air, and if not, why."""
    if d.status == "refunded":
        return MessageOnAir.REFUNDED
    if not d.message:
        return MessageOnAir.NONE
    if d.message_status == "held":
        return MessageOnAir.HELD
    if d.message_status == "hidden":
        return MessageOnAir.HIDDEN
    return MessageOnAir.SHOWN


def shown_message(d: OnAirDonation) -> str | None:
    """The message text when it may go on air, else None."""
    return d.message if message_on_air(d) is MessageOnAir.SHOWN else None
