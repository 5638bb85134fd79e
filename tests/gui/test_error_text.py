"""Every refusal of the core rules has a translation template, and French shows French."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from livegiving_desktop.core.campaigns import fundraiser_spec, paid_event_spec
from livegiving_desktop.core.donations import (
    DonationDraft,
    DonationRules,
    DonationSource,
    clean_donor_name,
    clean_external_id,
    clean_message,
    validate_donation,
)
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.moderation import default_message_rules
from livegiving_desktop.core.money import check_currency, parse_amount
from livegiving_desktop.core.organizations import bundled_catalog
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.core.refunds import clean_actor, clean_reason
from livegiving_desktop.ui.common.error_text import describe, known_reason

CATALOG = bundled_catalog()
RULES = DonationRules(
    currency="EUR", minimum_minor=100, maximum_minor=10_000, allow_anonymous=False
)


def _fundraiser(**changes: str) -> Callable[[], object]:
    fields = {
        "title": "Marathon",
        "organization_id": "croix-rouge-francaise",
        "goal": "500",
        "currency": "EUR",
    } | changes
    return lambda: fundraiser_spec(catalog=CATALOG, **fields)


def _event(**changes: object) -> Callable[[], object]:
    fields: dict[str, object] = {
        "title": "Jazz night",
        "category": "performance",
        "price": "15",
        "currency": "EUR",
    } | changes
    return lambda: paid_event_spec(**fields)  # type: ignore[arg-type]


def _donation(amount: int = 500, anonymous: bool = False) -> Callable[[], object]:
    draft = DonationDraft("x-1", "Ana", amount, None, anonymous, DonationSource.OFFLINE.value)
    return lambda: validate_donation(draft, RULES, default_message_rules())


REFUSALS: list[Callable[[], object]] = [
    _fundraiser(title=""),
    _fundraiser(title="t" * 300),
    _fundraiser(title="a\x07b"),
    _fundraiser(organization_id=""),
    _fundraiser(organization_id="nowhere"),
    _fundraiser(goal=""),
    _fundraiser(goal="1" * 60),
    _fundraiser(goal="12,50"),
    _fundraiser(goal="-3"),
    _fundraiser(goal="abc"),
    _fundraiser(goal="1.234"),
    _fundraiser(goal="0"),
    _fundraiser(goal="99999999999"),
    _fundraiser(currency="XXQ"),
    _event(category="circus"),
    _event(capacity="0"),
    _event(starts_at="tomorrow"),
    _event(duration_minutes=0),
    _event(description="d" * 2001),
    lambda: parse_amount("1.5", "JPY"),
    lambda: check_currency("eu"),
    lambda: clean_donor_name(""),
    lambda: clean_donor_name("n" * 101),
    lambda: clean_message("m" * 501),
    lambda: clean_message("a\x00b"),
    lambda: clean_external_id(" "),
    lambda: clean_external_id("e" * 300),
    _donation(amount=50),
    _donation(amount=50_000),
    _donation(anonymous=True),
    lambda: clean_reason(""),
    lambda: clean_reason("r" * 501),
    lambda: clean_actor(Actor("", ActorRole.MODERATOR)),
    lambda: clean_actor(Actor("n" * 101, ActorRole.MODERATOR)),
]


@pytest.mark.parametrize("refusal", REFUSALS)
def test_every_core_refusal_has_a_template(refusal: Callable[[], object]) -> None:
    with pytest.raises(ValidationError) as caught:
        refusal()
    assert known_reason(caught.value.reason), caught.value.reason


def test_french_reasons_and_fields(qtbot: QtBot, french: None) -> None:
    shown = describe(ValidationError("donor name", "is 140 characters long; at most 100"))
    assert shown == "Donateur : fait 140 caractères ; 100 au maximum"
    shown = describe(ValidationError("amount", "must be at most 100000.00 EUR"))
    assert shown == "Montant : doit être au plus 100000.00 EUR"


def test_unknown_reason_stays_readable(qtbot: QtBot) -> None:
    assert describe(ValidationError("title", "something new")) == "Title: something new"


def test_every_conflict_and_database_failure_has_a_template() -> None:
    """The words of core/decisions and db/failures are all known to the translation tables."""
    from livegiving_desktop.core.decisions import CONFLICT_TEMPLATES
    from livegiving_desktop.db import failures
    from livegiving_desktop.ui.common import error_text

    assert set(CONFLICT_TEMPLATES) <= set(error_text._CONFLICTS)
    sentences = [*failures._SQLSTATE_REASONS.values(), failures.NO_ANSWER,
                 failures.DATABASE_ERROR, failures.UNREACHABLE]  # fmt: skip
    for sentence in sentences:
        assert known_reason(sentence), sentence


def test_a_lost_race_in_french(qtbot: QtBot, french: None) -> None:
    from livegiving_desktop.core.decisions import Conflict, ConflictError

    one = ConflictError([Conflict(42, 1, 2, "Sam", "hide")], asked=1)
    assert describe(one) == "Sam a masqué ce message ; rien n'a été modifié"
    two = ConflictError(
        [Conflict(42, 1, 2, "Sam", "hide"), Conflict(43, 1, 3, "Léa", "refund")], asked=5
    )
    assert describe(two) == (
        "Sam a masqué le message du don 42 ; Léa a remboursé le don 43 ; rien n'a été modifié"
    )


def test_a_refusal_by_role_is_said_in_words(qapp: object) -> None:
    from livegiving_desktop.services.team import RoleRefusedError, TeamRole
    from livegiving_desktop.ui.common.error_text import ROLE_ACTIONS, user_message

    refused = RoleRefusedError(TeamRole.MODERATOR, "end a broadcast")
    assert user_message(refused) == "Your role (moderator) cannot end a broadcast"
    assert str(refused) == "Your role (moderator) cannot end a broadcast"  # the CLI's words
    # every action ui/operations.py names has its words
    from pathlib import Path

    from livegiving_desktop.ui import operations

    source = Path(operations.__file__).read_text(encoding="utf-8")
    import re

    named = set(re.findall(r'self\._as\(\s*"([^"]+)"', source))
    assert named and named <= set(ROLE_ACTIONS)


def test_a_refusal_by_role_in_french(french: None) -> None:
    from livegiving_desktop.services.team import RoleRefusedError, TeamRole
    from livegiving_desktop.ui.common.error_text import user_message

    refused = RoleRefusedError(TeamRole.VIEWER, "refund a donation")
    assert user_message(refused) == (
        "Avec votre rôle (lecteur, lectrice), vous ne pouvez pas rembourser un don"
    )
