"""Subscriptions: who wants which new events."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from presswatch.ids import fold, short_hash
from presswatch.models import EVENT_TYPES, Event, Subscription

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class SubscriptionError(ValueError):
    pass


def make_subscription(email: str, event_types: list[str] | None = None, charges: list[int] | None = None,
                      persons: list[str] | None = None, sources: list[str] | None = None,
                      query: str = "", created: str | None = None) -> Subscription:
    email = email.strip()
    if not EMAIL_RE.match(email):
        raise SubscriptionError(f"not an email address: {email!r}")
    types = sorted(set(event_types or ["arrest"]))
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown:
        raise SubscriptionError(f"unknown event type(s) {unknown}; choose from {list(EVENT_TYPES)}")
    charges = sorted(set(charges or []))
    persons = sorted(set(persons or []))
    sources = sorted(set(sources or []))
    key = "|".join([email.lower(), ",".join(types), ",".join(map(str, charges)), ",".join(persons),
                    ",".join(sources), query])
    return Subscription(
        id=short_hash(key, length=12), email=email, event_types=types, charges=charges, persons=persons,
        sources=sources, query=query,
        created=created or datetime.now(UTC).isoformat(timespec="seconds"),
    )


def matches(sub: Subscription, event: Event) -> bool:
    """Does this event belong in this subscriber's digest?"""
    if event.event_type not in sub.event_types:
        return False
    if event.indexed_at and sub.created and event.indexed_at < sub.created:
        return False  # subscribers hear about events found after they subscribed
    if sub.charges and not any(c.article in sub.charges for c in event.charges):
        return False
    if sub.persons:
        wanted = {fold(p) for p in sub.persons}
        if fold(event.person_name) not in wanted:
            return False
    if sub.sources and not any(e.source_id in sub.sources for e in event.evidence):
        return False
    if sub.query:
        haystack = fold(" ".join([event.person_name] + [e.quote for e in event.evidence]))
        if not all(word in haystack for word in fold(sub.query).split()):
            return False
    return True
