"""Deliver messages: over SMTP when a URL is configured, else as .eml files in the outbox folder."""

from __future__ import annotations

import re
import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from presswatch.settings import redact_url


class DeliveryError(RuntimeError):
    """Delivery failed; the message names the server (credentials masked) and the reason."""


class Outbox(Protocol):
    def deliver(self, msg: EmailMessage) -> str: ...


class FileOutbox:
    """Writes each message as <outbox>/<message-id>.eml (for the demo and for review before SMTP)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def deliver(self, msg: EmailMessage) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = msg["X-Presswatch-Digest"] or (msg["Message-ID"] or "message").strip("<>")
        path = self.folder / (re.sub(r"[^\w.-]+", "_", name) + ".eml")
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(msg.as_bytes())
        tmp.replace(path)
        return str(path)


class SmtpOutbox:
    """smtp://user:pass@host:port (STARTTLS when the server offers it), smtps:// for implicit TLS."""

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
            raise DeliveryError(f"PRESSWATCH_SMTP_URL {redact_url(url)}: expected smtp://host:port or smtps://host:port")
        self.url = url
        self.tls = parts.scheme == "smtps"
        self.host = parts.hostname
        self.port = parts.port or (465 if self.tls else 25)
        self.user = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.timeout = timeout

    def deliver(self, msg: EmailMessage) -> str:
        where = redact_url(self.url)
        try:
            client: smtplib.SMTP
            if self.tls:
                client = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout,
                                          context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            with client:
                client.ehlo()
                if not self.tls and client.has_extn("starttls"):
                    client.starttls(context=ssl.create_default_context())
                    client.ehlo()
                if self.user:
                    client.login(self.user, self.password or "")
                refused = client.send_message(msg)
        except (OSError, smtplib.SMTPException) as exc:
            reason = str(exc)
            if self.password:
                reason = reason.replace(self.password, "***")
            raise DeliveryError(f"SMTP server {where}: cannot deliver to {msg['To']}: {reason}") from None
        if refused:
            raise DeliveryError(f"SMTP server {where}: refused recipients {sorted(refused)}")
        return str(msg["Message-ID"])


def open_outbox(smtp_url: str, outbox_dir: Path) -> Outbox:
    return SmtpOutbox(smtp_url) if smtp_url else FileOutbox(outbox_dir)
