"""How a record that is stored already absorbs a new sighting (shared by every backend)."""

from __future__ import annotations

from presswatch.ids import preferred_name
from presswatch.models import Event, Person


def merge_events(stored: Event, new: Event) -> Event:
    """The same event from another source: keep one record, union the evidence, fill gaps."""
    seen = {(e.article_id, e.start) for e in stored.evidence}
    stored.evidence.extend(e for e in new.evidence if (e.article_id, e.start) not in seen)
    if new.date and (not stored.date or len(new.date) > len(stored.date)):
        stored.date, stored.date_precision = new.date, new.date_precision
    known = {c.article for c in stored.charges if c.article is not None}
    stored.charges.extend(c for c in new.charges if c.article is None or c.article not in known)
    if new.first_reported_at and (not stored.first_reported_at or new.first_reported_at < stored.first_reported_at):
        stored.first_reported_at = new.first_reported_at
    stored.prison_months = stored.prison_months if stored.prison_months is not None else new.prison_months
    stored.probation_months = (
        stored.probation_months if stored.probation_months is not None else new.probation_months
    )
    stored.location = stored.location or new.location
    stored.person_name = preferred_name([stored.person_name, new.person_name])
    return stored


def merge_person(stored: Person, new: Person) -> bool:
    """Union the aliases and keep the preferred display name; True when `stored` changed."""
    aliases = sorted(set(stored.aliases) | set(new.aliases))
    name = preferred_name([stored.name, new.name])
    if aliases == stored.aliases and name == stored.name:
        return False
    stored.aliases, stored.name = aliases, name
    return True
