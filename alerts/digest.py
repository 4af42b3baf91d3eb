"""After a run: one digest per subscriber with the new matching events, never an event twice."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from alerts.outbox import DeliveryError, Outbox
from alerts.render import render_digest
from alerts.subscriptions import matches
from index.base import Backend, EventQuery
from presswatch.models import AlertEntry, Event


@dataclass
class AlertReport:
    digests_sent: int = 0
    events_alerted: int = 0
    failures: list[str] = field(default_factory=list)
    deliveries: list[str] = field(default_factory=list)


def pending_events(backend: Backend, sub_id: str, candidates: list[Event]) -> list[Event]:
    """Candidates never mailed to this subscriber (a failed delivery is tried again)."""
    ledger = {e.event_id: e.status for e in backend.alert_entries(sub_id)}
    return [e for e in candidates if ledger.get(e.id) in (None, "failed")]


def send_digests(backend: Backend, outbox: Outbox, sender: str, now: datetime | None = None) -> AlertReport:
    now = now or datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    report = AlertReport()
    subs = backend.list_subscriptions()
    if not subs:
        return report
    wanted_types = tuple(sorted({t for s in subs for t in s.event_types}))
    candidates = backend.find_events(EventQuery(event_types=wanted_types, limit=100_000))
    for sub in subs:
        events = pending_events(backend, sub.id, [e for e in candidates if matches(sub, e)])
        if not events:
            continue
        claimed = []
        for event in events:
            entry = AlertEntry(subscription_id=sub.id, event_id=event.id, status="sending")
            if backend.claim_alert(entry):
                claimed.append(event)
            else:  # a failed entry from an earlier run: take it over
                backend.finish_alert(sub.id, event.id, "sending", None, None)
                claimed.append(event)
        msg = render_digest(sub, claimed, sender, now.date().isoformat())
        try:
            where = outbox.deliver(msg)
        except DeliveryError as exc:
            for event in claimed:
                backend.finish_alert(sub.id, event.id, "failed", None, None)
            report.failures.append(str(exc))
            continue
        for event in claimed:
            backend.finish_alert(sub.id, event.id, "sent", stamp, str(msg["Message-ID"]))
        report.digests_sent += 1
        report.events_alerted += len(claimed)
        report.deliveries.append(where)
    return report
