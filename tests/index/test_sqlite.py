from pathlib import Path

import pytest

from index.base import EventQuery, SearchQuery
from index.sqlite import SqliteBackend
from presswatch.ids import article_id, canonical_url, event_id, sha256_hex
from presswatch.models import AlertEntry, Article, Charge, Event, Evidence, ExtractedEvent, Person, Subscription


def make_article(url: str, title: str, text: str, source: str = "s1", published: str = "2021-01-05") -> Article:
    return Article(id=article_id(url), url=url, canonical_url=canonical_url(url), source_id=source, lang="vi",
                   title=title, text=text, fetched_at="2026-11-28T00:00:00+00:00",
                   content_sha256=sha256_hex(text), published=published)


@pytest.fixture
def store(tmp_path: Path) -> SqliteBackend:
    backend = SqliteBackend(tmp_path / "pw.sqlite3")
    backend.setup()
    yield backend
    backend.close()


def test_articles_are_create_only(store: SqliteBackend) -> None:
    art = make_article("https://a.vn/1.html", "T", "Phạm Chí Dũng bị tuyên phạt 15 năm tù.")
    assert store.add_article(art) is True
    assert store.add_article(art) is False
    assert store.counts()["articles"] == 1
    assert store.known_urls("s1") == {"https://a.vn/1.html"}
    got = store.get_article(art.id)
    assert got is not None and got.text == art.text


def test_search_ignores_diacritics_and_keeps_them_in_snippets(store: SqliteBackend) -> None:
    store.add_article(make_article("https://a.vn/1.html", "Xét xử nhà báo",
                                   "Tòa án tuyên phạt ông Phạm Chí Dũng 15 năm tù. Ông Đặng Đình Mạnh bào chữa."))
    store.add_article(make_article("https://a.vn/2.html", "Weather", "Sunny in Hanoi today, no court news."))
    result = store.search(SearchQuery(text="Pham Chi Dung"))
    assert result.total == 1
    hit = result.hits[0]
    assert "Phạm Chí Dũng" in hit.snippet
    assert hit.url == "https://a.vn/1.html"
    assert store.search(SearchQuery(text="dang dinh manh")).total == 1  # đ folds to d
    assert store.search(SearchQuery(text="Đặng Đình Mạnh")).total == 1
    assert store.search(SearchQuery(text='"chi pham dung"')).total == 0  # phrase order matters
    assert store.search(SearchQuery(text="dung weather")).total == 0  # every term required


def test_search_filters(store: SqliteBackend) -> None:
    store.add_article(make_article("https://a.vn/1.html", "A", "bắt tạm giam Lê Trọng Hùng", "s1", "2021-03-28"))
    store.add_article(make_article("https://b.org/1.html", "B", "arrest of Le Trong Hung", "s2", "2021-04-02"))
    assert store.search(SearchQuery(text="Le Trong Hung")).total == 2
    assert store.search(SearchQuery(text="Le Trong Hung", source_ids=("s2",))).total == 1
    assert store.search(SearchQuery(text="hung", published_to="2021-03")).total == 1
    assert store.search(SearchQuery(text="hung", published_from="2021-04-01")).hits[0].source_id == "s2"
    assert store.search(SearchQuery(text='"((("')).total == 0  # punctuation is not FTS syntax


def test_mentions_and_resolution_bookkeeping(store: SqliteBackend) -> None:
    art = make_article("https://a.vn/1.html", "T", "text")
    store.add_article(art)
    assert [a.id for a in store.articles_needing_extraction("v1")] == [art.id]
    mention = ExtractedEvent(person="Lê Trọng Hùng", event_type="arrest", charges=[Charge(117, 2015)],
                             date="2021-03-27", date_precision="day", quote="q", start=0, end=1)
    store.put_mentions(art.id, "v1", [mention])
    assert store.articles_needing_extraction("v1") == []
    assert [a.id for a in store.articles_needing_extraction("v2")] == [art.id]
    pending = store.mentions_to_resolve()
    assert pending[0][1][0].charges[0].article == 117
    store.mark_resolved([art.id])
    assert store.mentions_to_resolve() == []


def test_events_merge_evidence_and_people_merge_aliases(store: SqliteBackend) -> None:
    pid = "le-trong-hung"
    eid = event_id(pid, "arrest", "2021-03")
    first = Event(id=eid, person_id=pid, person_name="Le Trong Hung", event_type="arrest", date="2021-03",
                  date_precision="month", evidence=[Evidence("a1", "q1", 0, 2, "u1", "s1")])
    second = Event(id=eid, person_id=pid, person_name="Lê Trọng Hùng", event_type="arrest", date="2021-03-27",
                   date_precision="day", charges=[Charge(117, 2015)], evidence=[Evidence("a2", "q2", 0, 2, "u2", "s2")])
    assert store.add_event(first) is True
    assert store.add_event(second) is False
    assert store.add_event(second) is False
    merged = store.get_event(eid)
    assert merged is not None
    assert [e.article_id for e in merged.evidence] == ["a1", "a2"]
    assert merged.date == "2021-03-27" and merged.charges[0].article == 117
    assert store.find_events(EventQuery(charge=117))[0].id == eid
    assert store.find_events(EventQuery(event_types=("sentence",))) == []
    assert store.upsert_person(Person(pid, "Le Trong Hung", ["Le Trong Hung"])) is True
    assert store.upsert_person(Person(pid, "Lê Trọng Hùng", ["Lê Trọng Hùng"])) is False
    person = store.get_person(pid)
    assert person is not None and person.aliases == ["Le Trong Hung", "Lê Trọng Hùng"]
    assert person.name == "Lê Trọng Hùng"
    assert merged.person_name == "Lê Trọng Hùng"


def test_alert_ledger_claims_once(store: SqliteBackend) -> None:
    store.add_subscription(Subscription(id="sub1", email="r@example.org"))
    assert store.claim_alert(AlertEntry("sub1", "e1", "sending")) is True
    assert store.claim_alert(AlertEntry("sub1", "e1", "sending")) is False
    store.finish_alert("sub1", "e1", "sent", "2026-11-28T01:00:00", "<m@x>")
    (entry,) = store.alert_entries("sub1")
    assert entry.status == "sent" and entry.message_id == "<m@x>"


def test_store_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "pw.sqlite3"
    with SqliteBackend(path) as first:
        first.add_article(make_article("https://a.vn/1.html", "T", "Phạm Chí Dũng"))
    with SqliteBackend(path) as second:
        assert second.counts()["articles"] == 1
        assert second.search(SearchQuery(text="pham")).total == 1


def test_syndicated_copy_is_marked_duplicate(store: SqliteBackend) -> None:
    text = "Tòa án tuyên phạt ông Phạm Chí Dũng 15 năm tù."
    original = make_article("https://a.vn/1.html", "A", text)
    copy = make_article("https://b.org/mirror/1.html", "A (mirror)", text, source="s2")
    assert store.add_article(original) and store.add_article(copy)
    stored = store.get_article(copy.id)
    assert stored is not None and stored.duplicate_of == original.id
    first = store.get_article(original.id)
    assert first is not None and first.duplicate_of is None
