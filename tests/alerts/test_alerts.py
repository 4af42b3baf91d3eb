import email
import socket
import time
from datetime import UTC, datetime
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from alerts.digest import send_digests
from alerts.outbox import DeliveryError, FileOutbox, SmtpOutbox
from alerts.subscriptions import SubscriptionError, make_subscription, matches
from index.sqlite import SqliteBackend
from presswatch.ids import event_id
from presswatch.models import Charge, Event, Evidence


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook name
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


def arrest(name: str, pid: str, when: str, indexed: str = "2026-11-28T01:00:00+00:00") -> Event:
    return Event(id=event_id(pid, "arrest", when), person_id=pid, person_name=name, event_type="arrest", date=when,
                 date_precision="day", charges=[Charge(117, 2015, "")],
                 evidence=[Evidence("a1", f"{name} bị bắt tạm giam.", 0, 10, f"https://x.vn/{pid}.html", "x")],
                 indexed_at=indexed)


@pytest.fixture
def store(tmp_path: Path):
    backend = SqliteBackend(tmp_path / "pw.sqlite3")
    backend.setup()
    yield backend
    backend.close()


def test_subscription_validation_and_matching() -> None:
    with pytest.raises(SubscriptionError, match="not an email"):
        make_subscription("nobody")
    with pytest.raises(SubscriptionError, match="arest"):
        make_subscription("a@b.org", ["arest"])
    sub = make_subscription("a@b.org", ["arrest"], charges=[117], created="2026-01-01T00:00:00+00:00")
    assert matches(sub, arrest("Trần Quốc Khánh", "tran-quoc-khanh", "2021-03-10"))
    old = arrest("X Y", "x-y", "2021-03-10", indexed="2025-01-01T00:00:00+00:00")
    assert not matches(sub, old)  # found before the subscription existed
    sentence = arrest("A B", "a-b", "2021-01-05")
    sentence.event_type = "sentence"
    assert not matches(sub, sentence)
    assert make_subscription("a@b.org").id == make_subscription("A@b.org ").id


def test_digest_over_real_smtp_never_twice(store: SqliteBackend, smtp_server) -> None:
    inbox, port = smtp_server
    store.add_subscription(make_subscription("researcher@example.org", created="2026-01-01T00:00:00+00:00"))
    store.add_event(arrest("Trần Quốc Khánh", "tran-quoc-khanh", "2021-03-10"))
    store.add_event(arrest("Lê Trọng Hùng", "le-trong-hung", "2021-03-27"))
    outbox = SmtpOutbox(f"smtp://127.0.0.1:{port}")
    report = send_digests(store, outbox, "presswatch@example.org", datetime(2026, 11, 28, tzinfo=UTC))
    assert (report.digests_sent, report.events_alerted) == (1, 2)
    _wait_for(lambda: len(inbox.messages) == 1)
    msg = inbox.messages[0]
    assert inbox.envelopes[0] == ("presswatch@example.org", ["researcher@example.org"])
    assert msg["Subject"] == "presswatch: 2 new arrests (2026-11-28)"
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "Trần Quốc Khánh" in text and "Article 117 (2015 code)" in text
    assert "https://x.vn/le-trong-hung.html" in text and 'href="https://x.vn/le-trong-hung.html"' in html
    again = send_digests(store, outbox, "presswatch@example.org")
    assert (again.digests_sent, again.events_alerted) == (0, 0)
    store.add_event(arrest("Phạm Đoan Trang", "pham-doan-trang", "2020-10-06"))
    third = send_digests(store, outbox, "presswatch@example.org")
    assert third.events_alerted == 1
    _wait_for(lambda: len(inbox.messages) == 2)
    assert "Phạm Đoan Trang" in inbox.messages[1].get_body(("plain",)).get_content()
    assert "Lê Trọng Hùng" not in inbox.messages[1].get_body(("plain",)).get_content()


def test_down_server_is_reported_then_retried(store: SqliteBackend, smtp_server, tmp_path: Path) -> None:
    inbox, port = smtp_server
    store.add_subscription(make_subscription("r@example.org", created="2026-01-01T00:00:00+00:00"))
    store.add_event(arrest("Trần Quốc Khánh", "tran-quoc-khanh", "2021-03-10"))
    dead = SmtpOutbox(f"smtp://user:topsecret@127.0.0.1:{free_port()}", timeout=2)
    failed = send_digests(store, dead, "presswatch@example.org")
    assert failed.digests_sent == 0 and len(failed.failures) == 1
    assert "127.0.0.1" in failed.failures[0] and "topsecret" not in failed.failures[0]
    assert [e.status for e in store.alert_entries()] == ["failed"]
    retried = send_digests(store, SmtpOutbox(f"smtp://127.0.0.1:{port}"), "presswatch@example.org")
    assert retried.events_alerted == 1 and [e.status for e in store.alert_entries()] == ["sent"]


def test_file_outbox_writes_eml(store: SqliteBackend, tmp_path: Path) -> None:
    store.add_subscription(make_subscription("r@example.org", created="2026-01-01T00:00:00+00:00"))
    store.add_event(arrest("Lê Trọng Hùng", "le-trong-hung", "2021-03-27"))
    report = send_digests(store, FileOutbox(tmp_path / "outbox"), "presswatch@example.org")
    (path,) = (tmp_path / "outbox").glob("*.eml")
    assert report.deliveries == [str(path)]
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert "Lê Trọng Hùng" in msg.get_body(("plain",)).get_content()


def test_bad_smtp_url() -> None:
    with pytest.raises(DeliveryError, match="expected smtp://"):
        SmtpOutbox("http://mail.example.org")


def _wait_for(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)
