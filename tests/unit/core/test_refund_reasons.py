"""A refund's or a decision's reason and the name on its audit row: text the ledger can keep,
or a refusal naming the field (never a failure of the database later)."""

from __future__ import annotations

import pytest

from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.records import Actor, ActorRole
from livegiving_desktop.core.refunds import clean_actor, clean_reason


def test_a_reason_is_trimmed_and_kept() -> None:
    assert clean_reason("  Fraude signalée \n", "reason") == "Fraude signalée"


@pytest.mark.parametrize(
    ("text", "why"),
    [("", "required"), ("x" * 501, "500"), ("a\x07b", "control"), ("Caf\udce9", "valid text")],
)
def test_a_reason_the_ledger_cannot_keep_is_refused_naming_the_field(text: str, why: str) -> None:
    with pytest.raises(ValidationError) as refused:
        clean_reason(text, "--reason")
    assert "--reason" in str(refused.value) and why in str(refused.value)


@pytest.mark.parametrize("name", ["", "x" * 101, "Sam\x00", "S\udce9m"])
def test_a_moderator_name_the_ledger_cannot_keep_is_refused(name: str) -> None:
    with pytest.raises(ValidationError) as refused:
        clean_actor(Actor(name, ActorRole.MODERATOR), "moderator")
    assert "moderator" in str(refused.value)
