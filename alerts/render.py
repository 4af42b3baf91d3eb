"""Render a digest of new events as an email (plain text + HTML) with Jinja2 templates."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from jinja2 import Environment, PackageLoader, select_autoescape

from presswatch.ids import short_hash
from presswatch.models import Event, Subscription

_env = Environment(
    loader=PackageLoader("alerts", "templates"),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    trim_blocks=True,
    lstrip_blocks=True,
)


def describe_charges(event: Event) -> str:
    parts = []
    for charge in event.charges:
        if charge.article is not None:
            code = f" ({charge.code_year} code)" if charge.code_year else ""
            parts.append(f"Article {charge.article}{code}")
        elif charge.label:
            parts.append(charge.label)
    return ", ".join(parts)


def describe_term(event: Event) -> str:
    out = []
    if event.prison_months:
        years, months = divmod(event.prison_months, 12)
        out.append(" ".join(p for p in (f"{years} y" if years else "", f"{months} m" if months else "") if p)
                   + " prison" + (" (suspended)" if event.suspended else ""))
    if event.probation_months:
        out.append(f"{event.probation_months} months probation/house arrest")
    return "; ".join(out)


def render_digest(sub: Subscription, events: list[Event], sender: str, run_date: str) -> EmailMessage:
    rows = [
        {
            "event": e,
            "type": e.event_type,
            "charges": describe_charges(e),
            "term": describe_term(e),
            "sources": sorted({(ev.source_id, ev.url) for ev in e.evidence if ev.url}),
            "quote": e.evidence[0].quote if e.evidence else "",
        }
        for e in events
    ]
    kinds = sorted({e.event_type for e in events})
    noun = "new arrest" if kinds == ["arrest"] else "new event"
    subject = f"presswatch: {len(events)} {noun}{'s' if len(events) != 1 else ''} ({run_date})"
    context = {"subscription": sub, "rows": rows, "subject": subject, "run_date": run_date}
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = sender
    msg["To"] = sub.email
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    domain = sender.rsplit("@", 1)[-1] if "@" in sender else "presswatch.local"
    digest_key = short_hash(sub.id, *sorted(e.id for e in events))
    msg["Message-ID"] = make_msgid(idstring=f"digest-{digest_key}", domain=domain)
    msg["X-Presswatch-Subscription"] = sub.id
    msg["X-Presswatch-Digest"] = f"{run_date}-{sub.id}-{digest_key}"
    msg["X-Presswatch-Events"] = ",".join(sorted(e.id for e in events))
    msg.set_content(_env.get_template("digest.txt").render(**context))
    msg.add_alternative(_env.get_template("digest.html").render(**context), subtype="html")
    return msg
