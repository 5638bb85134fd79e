"""The simulated audience of a broadcast: deterministic for a seed.

Arrivals are Poisson at the asked rate with bursts (a raid, a shout-out); amounts look real (many
5, 10, 20, 50 and a long tail); names come from many languages and scripts; messages are French
or English, some empty, some with emoji, a small share abusive or spam; some donors give again;
a fraction of deliveries are duplicates of an earlier one (same external id), as a flaky
platform webhook would send them.
"""

from __future__ import annotations

import math
import random
from bisect import bisect
from collections import deque
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

from livegiving_desktop.core.donations import DonationDraft, DonationSource
from livegiving_desktop.core.errors import ValidationError
from livegiving_desktop.core.money import minor_per_major
from livegiving_desktop.core.resources import read_json

# Amounts in major units and how often viewers pick them.
_COMMON_AMOUNTS = (1, 2, 3, 5, 10, 15, 20, 25, 50, 100)
_COMMON_WEIGHTS = (3, 5, 3, 24, 23, 4, 14, 5, 9, 4)
_TAIL_SHARE = 0.06
# Currencies whose major unit is worth much less than a euro get rounder, bigger amounts.
_SCALE = {"JPY": 100, "KRW": 1000, "HUF": 300, "INR": 50, "ISK": 100, "CLP": 1000, "IDR": 10000}
# Where the names come from: French and English audiences first, the world after.
_LANGUAGE_WEIGHTS = {"fr": 30, "en": 24, "es": 6, "de": 5, "pt": 4, "it": 4, "ar": 4, "ja": 3,
                     "zh": 3, "ko": 2, "hi": 3, "ru": 2, "el": 1, "tr": 2, "sw": 2, "vi": 2,
                     "pl": 3}  # fmt: skip
_AMOUNT_TABLE = 1000
_NAME_POOL = 20_000
_FAMILY_NAME_FIRST = frozenset({"ja", "zh", "ko"})  # written without a space, family name first
_BURST_CHANCE_PER_SECOND = 0.04
_BURST_FACTOR = 4.0
_BURST_SECONDS = 3.0
_BURST_SHARE = _BURST_CHANCE_PER_SECOND * _BURST_SECONDS  # share of time spent in a burst
_MEAN_FACTOR = 1 - _BURST_SHARE + _BURST_SHARE * _BURST_FACTOR
_STREAM = DonationSource.STREAM.value
_new_draft = tuple.__new__


@dataclass(frozen=True, slots=True)
class AudienceProfile:
    """The shares that shape an audience (fractions of deliveries)."""

    duplicates: float = 0.0
    repeat_donors: float = 0.15
    anonymous: float = 0.08
    empty_message: float = 0.35
    abusive: float = 0.02
    spam: float = 0.01
    bursts: bool = True  # raids and shout-outs; the mean rate stays the asked one


@lru_cache(maxsize=1)
def _pools() -> dict[str, Any]:
    names = read_json("audience", "names.json")
    messages = read_json("audience", "messages.json")
    languages = [lang for lang in _LANGUAGE_WEIGHTS if lang in names["first"]]
    return {
        "languages": languages,
        "language_cum": list(accumulate(_LANGUAGE_WEIGHTS[lang] for lang in languages)),
        "first": names["first"],
        "last": names["last"],
        "fr": messages["fr"],
        "en": messages["en"],
        "abusive": messages["abusive"],
        "spam": messages["spam"],
    }


class SimulatedAudience:
    """Generates donation deliveries; `next_gap(rate)` gives the wait before the next one."""

    def __init__(
        self,
        seed: int,
        currency: str,
        *,
        minimum_minor: int = 1,
        maximum_minor: int | None = None,
        profile: AudienceProfile | None = None,
        id_prefix: str | None = None,
    ) -> None:
        self.seed = seed
        self.profile = profile or AudienceProfile()
        self._rng = random.Random(seed)
        self._unit = minor_per_major(currency) * _SCALE.get(currency, 1)
        self._minimum = minimum_minor
        self._maximum = maximum_minor if maximum_minor is not None else 100_000 * self._unit
        self._prefix = id_prefix if id_prefix is not None else f"sim-{seed}-"
        self._count = 0
        self._recent: deque[DonationDraft] = deque(maxlen=256)
        self._donors: deque[str] = deque(maxlen=2000)
        self._clock = 0.0
        self._burst_until = -1.0
        self._pools = _pools()
        # Tables drawn once from the seed, so that each delivery costs a few random() calls.
        cum = list(accumulate(_COMMON_WEIGHTS))
        self._common_amounts = [
            _COMMON_AMOUNTS[bisect(cum, (i + 0.5) / _AMOUNT_TABLE * cum[-1])] * self._unit
            for i in range(_AMOUNT_TABLE)
        ]
        self._names = self._draw_names(_NAME_POOL)
        pools = self._pools
        self._abusive, self._spam = pools["abusive"], pools["spam"]
        self._french, self._english = pools["fr"], pools["en"]

    @property
    def delivered(self) -> int:
        return self._count

    def next_gap(self, rate: float) -> float:
        """Seconds until the next delivery at `rate` per second (Poisson, with bursts)."""
        if rate <= 0:
            return 0.0
        rng = self._rng
        if not self.profile.bursts:
            gap = rng.expovariate(rate)
            self._clock += gap
            return gap
        in_burst = self._clock < self._burst_until
        if not in_burst and rng.random() < _BURST_CHANCE_PER_SECOND / rate:
            self._burst_until = self._clock + _BURST_SECONDS
            in_burst = True
        # Bursts reshape the rate without changing its mean: calmer in between.
        gap = rng.expovariate(rate * (_BURST_FACTOR if in_burst else 1.0) / _MEAN_FACTOR)
        self._clock += gap
        return gap

    def next_delivery(self) -> DonationDraft:
        """The next delivery: a new donation, or now and then a duplicate of a recent one.

        On the ingestion hot path (a rehearsal asks for hundreds of thousands): the donor (as
        `_name` draws it), the amount and the message are drawn inline, and the draft is built
        without the NamedTuple's Python-level constructor. A test holds the stream of a seed
        unchanged. `int(random() * n)` is three times faster than rng.choice and as uniform
        for small pools."""
        random = self._rng.random
        profile = self.profile
        self._count += 1
        recent = self._recent
        if recent and random() < profile.duplicates:
            return recent[int(random() * len(recent))]
        donors = self._donors
        if donors and random() < profile.repeat_donors:
            name = donors[int(random() * len(donors))]
        else:
            name = self._names[int(random() * _NAME_POOL)]
            donors.append(name)
        if random() < _TAIL_SHARE:
            amount = self._tail_amount()
        else:
            amount = self._common_amounts[int(random() * _AMOUNT_TABLE)]
        if amount < self._minimum:
            amount = self._minimum
        elif amount > self._maximum:
            amount = self._maximum
        message: str | None
        roll = random()
        if roll < profile.abusive:
            pool: list[str] | None = self._abusive
        elif (roll := roll - profile.abusive) < profile.spam:
            pool = self._spam
        elif roll - profile.spam < profile.empty_message:
            pool = None
        else:
            pool = self._french if random() < 0.5 else self._english
        message = None if pool is None else pool[int(random() * len(pool))]
        draft = _new_draft(
            DonationDraft,
            (f"{self._prefix}{self._count}", name, amount, message,
             random() < profile.anonymous, _STREAM),
        )  # fmt: skip
        recent.append(draft)
        return draft

    def _tail_amount(self) -> int:
        # A Pareto tail from 10 up: now and then a very generous gift.
        major = int(10 * self._rng.paretovariate(1.3))
        return max(1, round(major, -1 if major >= 100 else 0)) * self._unit

    def next_name(self) -> str:
        """A viewer's name (now and then one seen before)."""
        return self._name()

    def _name(self) -> str:
        rng = self._rng
        if self._donors and rng.random() < self.profile.repeat_donors:
            return self._donors[int(rng.random() * len(self._donors))]
        name = self._names[int(rng.random() * _NAME_POOL)]
        self._donors.append(name)
        return name

    def _draw_names(self, count: int) -> list[str]:
        """`count` names, each from a language drawn by its weight: one loop with its lookups
        hoisted (every rehearsal draws 20,000 of them before its first donation). The same
        random() calls in the same order as one name at a time: a seed's stream is unchanged."""
        random = self._rng.random
        pools = self._pools
        cum = pools["language_cum"]
        total = cum[-1]
        languages, firsts_of, lasts_of = pools["languages"], pools["first"], pools["last"]
        names = []
        for _ in range(count):
            lang = languages[bisect(cum, random() * total)]
            firsts, lasts = firsts_of[lang], lasts_of[lang]
            first = firsts[int(random() * len(firsts))]
            last = lasts[int(random() * len(lasts))]
            style = random()
            if lang in _FAMILY_NAME_FIRST:
                names.append(f"{last}{first}")
            elif style < 0.6:
                names.append(f"{first} {last}")
            elif style < 0.85:
                names.append(f"{first} {last[0]}.")
            else:
                names.append(first)
        return names


def expected_deliveries(rate: float, seconds: float) -> int:
    """How many deliveries a rehearsal of `seconds` at `rate` asks for (for progress bars)."""
    return math.ceil(rate * seconds)


def check_rehearsal(
    *, rate: float, count: int | None, seconds: float | None, duplicates: float
) -> None:
    """The options of a headless rehearsal (fundraiser or paid event): bad ones are refused
    with the field named, before anything runs."""
    if count is None and seconds is None:
        raise ValidationError("count", "give --count or --seconds")
    if count is not None and count <= 0:
        raise ValidationError("count", "must be a whole number above zero")
    if seconds is not None and seconds <= 0:
        raise ValidationError("seconds", "must be more than zero")
    if rate < 0:
        raise ValidationError("rate", "must be zero (as fast as possible) or more")
    if not 0.0 <= duplicates < 1.0:
        raise ValidationError("duplicates", "must be a fraction from 0 to below 1")


class ViewerCount:
    """The simulated number of people watching a fundraiser: about 60 plus 14 per donation a
    second of the audience's rate, eased towards that target with a little noise, as a live
    platform's counter moves."""

    BASE = 60
    PER_DONATION_PER_SECOND = 14

    def __init__(self, seed: int | None = None) -> None:
        self._rng = random.Random(seed)
        self._value = 0.0

    def next(self, rate_per_second: float) -> int:
        """The count shown at the next refresh, for the audience's current rate."""
        target = self.BASE + rate_per_second * self.PER_DONATION_PER_SECOND
        self._value += (target - self._value) * 0.3 + self._rng.gauss(0, target * 0.01)
        return max(0, int(self._value))


class EventAction(StrEnum):
    """What one member of a paid event's simulated audience does."""

    BUY = "buy"  # buys a ticket
    JOIN = "join"  # joins with the code of their ticket
    JOIN_AGAIN = "join-again"  # joins a second time with a code already used
    JOIN_WITHOUT_CODE = "join-without-code"
    JOIN_WRONG_CODE = "join-wrong-code"  # a mistyped or made-up code
    DONATE = "donate"  # gives to the nonprofit (when the event raises money)


@dataclass(frozen=True, slots=True)
class EventProfile:
    """Shares of each action once the event is live (before, everyone buys)."""

    buy: float = 0.45
    join: float = 0.33
    join_again: float = 0.04
    join_without_code: float = 0.07
    join_wrong_code: float = 0.06
    donate: float = 0.05
    duplicates: float = 0.0  # share of ticket orders delivered twice (same external id)


class EventDelivery(NamedTuple):
    """One action of the paid event's audience; `external_id` for a purchase, `draft` for a
    donation."""

    action: EventAction
    name: str
    external_id: str = ""
    draft: DonationDraft | None = None


class EventAudience:
    """The audience of a paid event: people buy tickets and try to get in, with and without
    one; deterministic for a seed. Donations come from a SimulatedAudience of the same seed."""

    def __init__(
        self,
        seed: int,
        currency: str,
        *,
        raises_money: bool = False,
        minimum_minor: int = 1,
        maximum_minor: int | None = None,
        profile: EventProfile | None = None,
        id_prefix: str | None = None,
    ) -> None:
        self.profile = profile or EventProfile()
        self.raises_money = raises_money
        self._rng = random.Random(seed ^ 0x5EA7)
        self._donors = SimulatedAudience(
            seed,
            currency,
            minimum_minor=minimum_minor,
            maximum_minor=maximum_minor,
            profile=AudienceProfile(bursts=False),
            id_prefix=f"{id_prefix if id_prefix is not None else f'sim-{seed}-'}d",
        )
        self._prefix = id_prefix if id_prefix is not None else f"sim-{seed}-"
        self._count = 0
        self._orders: deque[EventDelivery] = deque(maxlen=256)

    @property
    def delivered(self) -> int:
        return self._count

    def next_gap(self, rate: float) -> float:
        return self._donors.next_gap(rate)

    def next_delivery(self, *, live: bool) -> EventDelivery:
        """The next action; before the event is live, everyone buys (the pre-sale)."""
        rng = self._rng
        self._count += 1
        p = self.profile
        if self._orders and rng.random() < p.duplicates:
            return self._orders[int(rng.random() * len(self._orders))]
        roll = rng.random() if live else 0.0
        name = self._donors.next_name()
        shares = (
            (EventAction.BUY, p.buy),
            (EventAction.JOIN, p.join),
            (EventAction.JOIN_AGAIN, p.join_again),
            (EventAction.JOIN_WITHOUT_CODE, p.join_without_code),
            (EventAction.JOIN_WRONG_CODE, p.join_wrong_code),
            (EventAction.DONATE, p.donate if self.raises_money else 0.0),
        )
        action = EventAction.BUY
        total = sum(share for _, share in shares)
        roll *= total
        for candidate, share in shares:
            if roll < share:
                action = candidate
                break
            roll -= share
        if action is EventAction.DONATE:
            return EventDelivery(action, name, draft=self._donors.next_delivery())
        if action is EventAction.BUY:
            order = EventDelivery(action, name, f"{self._prefix}t{self._count}")
            self._orders.append(order)
            return order
        return EventDelivery(action, name)
