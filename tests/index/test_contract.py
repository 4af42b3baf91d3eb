"""The Backend contract: every store (sqlite, Elasticsearch/osmem, a real cluster) passes the same
cases. The `backend` fixture (conftest.py) runs each test once per store."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders
from elastic_transport._node import NodeApiResponse
from osmem_server import OsmemServer

from index.base import Backend, BackendError, EventQuery, SearchQuery
from index.elasticsearch import ElasticsearchBackend
from index.es_mappings import KINDS
from index.es_transport import PlainJsonNode, parse_backend_url
from index.factory import open_backend
from index.sqlite import SqliteBackend
from presswatch.ids import article_id, canonical_url, event_id, sha256_hex
from presswatch.models import AlertEntry, Article, Charge, Event, Evidence, ExtractedEvent, Person, Subscription
from presswatch.settings import Settings

DUNG = "Tòa án tuyên phạt ông Phạm Chí Dũng 15 năm tù. Ông Đặng Đình Mạnh bào chữa."


def make_article(url: str, title: str, text: str, source: str = "s1", published: str | None = "2021-01-05",
                 lang: str = "vi") -> Article:
    return Article(id=article_id(url), url=url, canonical_url=canonical_url(url), source_id=source, lang=lang,
                   title=title, text=text, fetched_at="2026-11-28T00:00:00+00:00",
                   content_sha256=sha256_hex(text), published=published)


def urls(backend: Backend, **query: object) -> list[str]:
    return [hit.url for hit in backend.search(SearchQuery(**query)).hits]  # type: ignore[arg-type]


# -- articles ------------------------------------------------------------------------------
def test_articles_are_create_only(backend: Backend) -> None:
    art = make_article("https://a.vn/1.html", "T", "Phạm Chí Dũng bị tuyên phạt 15 năm tù.")
    assert backend.add_article(art) is True
    assert backend.add_article(art) is False
    other = make_article("https://b.org/2.html", "U", "Another text", source="s2")
    assert backend.add_article(other) is True
    assert backend.counts()["articles"] == 2
    assert backend.known_urls("s1") == {"https://a.vn/1.html"}
    assert backend.known_urls("nope") == set()
    got = backend.get_article(art.id)
    assert got is not None and got.text == art.text and got.title == "T" and got.published == "2021-01-05"
    assert backend.get_article("missing") is None
    assert [a.id for a in backend.iter_articles()] == [art.id, other.id]  # storage order
    assert [a.id for a in backend.iter_articles("s2")] == [other.id]


def test_setup_is_repeatable(backend: Backend) -> None:
    backend.add_article(make_article("https://a.vn/1.html", "T", "x"))
    backend.setup()
    assert backend.counts()["articles"] == 1


def test_syndicated_copy_is_marked_duplicate(backend: Backend) -> None:
    original = make_article("https://a.vn/1.html", "A", DUNG)
    copy = make_article("https://b.org/mirror/1.html", "A (mirror)", DUNG, source="s2")
    assert backend.add_article(original) and backend.add_article(copy)
    stored = backend.get_article(copy.id)
    assert stored is not None and stored.duplicate_of == original.id
    first = backend.get_article(original.id)
    assert first is not None and first.duplicate_of is None


def test_article_status(backend: Backend) -> None:
    art = make_article("https://a.vn/1.html", "T", DUNG)
    backend.add_article(art)
    backend.set_article_status(art.id, "removed", "2026-11-29T00:00:00+00:00")
    got = backend.get_article(art.id)
    assert got is not None and got.status == "removed" and got.removed_at == "2026-11-29T00:00:00+00:00"
    assert backend.counts()["removed_articles"] == 1
    assert backend.search(SearchQuery(text="Pham Chi Dung")).hits[0].status == "removed"
    assert backend.search(SearchQuery(text="Pham Chi Dung", include_removed=False)).total == 0
    backend.set_article_status("missing", "removed", None)  # nothing to change: no error


# -- search --------------------------------------------------------------------------------
def test_search_ignores_diacritics_and_keeps_them_in_snippets(backend: Backend) -> None:
    backend.add_article(make_article("https://a.vn/1.html", "Xét xử nhà báo", DUNG))
    backend.add_article(make_article("https://a.vn/2.html", "Weather", "Sunny in Hanoi today, no court news."))
    result = backend.search(SearchQuery(text="Pham Chi Dung"))
    assert result.total == 1
    hit = result.hits[0]
    assert "Phạm Chí Dũng" in hit.snippet
    assert {"Phạm", "Chí", "Dũng"} <= set(hit.matches)
    assert (hit.url, hit.title, hit.source_id, hit.published) == ("https://a.vn/1.html", "Xét xử nhà báo", "s1",
                                                                  "2021-01-05")
    assert hit.score > 0
    assert backend.search(SearchQuery(text="dang dinh manh")).total == 1  # đ folds to d
    assert backend.search(SearchQuery(text="DANG ĐÌNH MẠNH")).total == 1
    assert backend.search(SearchQuery(text="Đặng Đình Mạnh")).total == 1
    assert backend.search(SearchQuery(text="xet xu")).total == 1  # the title is searched too
    assert backend.search(SearchQuery(text="xet dung")).total == 1  # terms may sit in title and text


def test_search_phrases_and_required_terms(backend: Backend) -> None:
    backend.add_article(make_article("https://a.vn/1.html", "Xét xử nhà báo", DUNG))
    backend.add_article(make_article("https://a.vn/2.html", "Weather", "Sunny in Hanoi today, no court news."))
    assert backend.search(SearchQuery(text='"pham chi dung"')).total == 1
    assert backend.search(SearchQuery(text='"phạm chí dũng" 15')).total == 1
    assert backend.search(SearchQuery(text='"chi pham dung"')).total == 0  # phrase order matters
    assert backend.search(SearchQuery(text='"pham dung"')).total == 0  # phrase words are adjacent
    assert backend.search(SearchQuery(text="pham dung")).total == 1  # bare words need not be
    assert backend.search(SearchQuery(text="dung weather")).total == 0  # every term required
    assert backend.search(SearchQuery(text='"((("')).total == 0  # punctuation is no query syntax
    assert backend.search(SearchQuery(text="AND OR NOT")).total == 0


def test_search_filters(backend: Backend) -> None:
    backend.add_article(make_article("https://a.vn/1.html", "A", "bắt tạm giam Lê Trọng Hùng", "s1", "2021-03-28"))
    backend.add_article(make_article("https://b.org/1.html", "B", "arrest of Le Trong Hung", "s2", "2021-04-02",
                                     lang="en"))
    backend.add_article(make_article("https://c.org/1.html", "C", "Le Trong Hung, undated", "s3", None, lang="en"))
    assert backend.search(SearchQuery(text="Le Trong Hung")).total == 3
    assert urls(backend, text="Le Trong Hung", source_ids=("s2",)) == ["https://b.org/1.html"]
    assert backend.search(SearchQuery(text="Le Trong Hung", source_ids=("s1", "s2"))).total == 2
    assert urls(backend, text="hung", lang="vi") == ["https://a.vn/1.html"]
    assert urls(backend, text="hung", published_to="2021-03") == ["https://a.vn/1.html"]  # a prefix bound
    assert urls(backend, text="hung", published_to="2021-03-28") == ["https://a.vn/1.html"]
    assert backend.search(SearchQuery(text="hung", published_to="2021-03-27")).total == 0
    assert urls(backend, text="hung", published_from="2021-04-01") == ["https://b.org/1.html"]
    assert backend.search(SearchQuery(text="hung", published_from="2021-03-01", published_to="2021-04")).total == 2


def test_search_ranks_pages_and_lists(backend: Backend) -> None:
    backend.add_article(make_article("https://a.vn/1.html", "Thời tiết", "Hôm nay trời nắng. Khánh đi làm.",
                                     published="2021-03-01"))
    backend.add_article(make_article("https://a.vn/2.html", "Trần Quốc Khánh bị bắt", "Công an bắt giữ ông.",
                                     published="2021-03-12"))
    backend.add_article(make_article("https://a.vn/3.html", "Kinh tế", "Xuất khẩu cà phê tăng.",
                                     published="2021-04-02"))
    assert urls(backend, text="khanh") == ["https://a.vn/2.html", "https://a.vn/1.html"]  # title weighs more
    # no text: everything, newest first
    assert urls(backend) == ["https://a.vn/3.html", "https://a.vn/2.html", "https://a.vn/1.html"]
    page = backend.search(SearchQuery(limit=1, offset=1))
    assert page.total == 3 and [h.url for h in page.hits] == ["https://a.vn/2.html"]
    assert backend.search(SearchQuery(limit=2, offset=2)).hits[0].url == "https://a.vn/1.html"
    first = backend.search(SearchQuery(text="khanh", limit=1))
    assert first.total == 2 and len(first.hits) == 1
    as_json = first.hits[0].to_dict()
    assert {"url", "title", "source_id", "published", "snippet"} <= set(as_json)


def test_snippet_is_cut_from_the_stored_text(backend: Backend) -> None:
    text = ("Mở đầu. " * 60) + "Ngày 27/3, công an bắt ông Lê Trọng Hùng tại Hà Nội. " + ("Kết thúc. " * 60)
    backend.add_article(make_article("https://a.vn/1.html", "T", text))
    hit = backend.search(SearchQuery(text='"le trong hung"')).hits[0]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "Lê Trọng Hùng" in hit.snippet and len(hit.snippet) < 300


# -- extraction bookkeeping ----------------------------------------------------------------
def test_mentions_and_resolution_bookkeeping(backend: Backend) -> None:
    art = make_article("https://a.vn/1.html", "T", "text", published="2021-03-28")
    older = make_article("https://a.vn/2.html", "T2", "other text", published="2021-03-01")
    backend.add_article(art)
    backend.add_article(older)
    assert [a.id for a in backend.articles_needing_extraction("v1")] == [art.id, older.id]
    assert [a.id for a in backend.articles_needing_extraction("v1", limit=1)] == [art.id]
    mention = ExtractedEvent(person="Lê Trọng Hùng", event_type="arrest", charges=[Charge(117, 2015)],
                             date="2021-03-27", date_precision="day", quote="q", start=0, end=1)
    backend.put_mentions(art.id, "v1", [mention, ExtractedEvent(person="X", event_type="trial")])
    backend.put_mentions(older.id, "v1", [])
    assert backend.articles_needing_extraction("v1") == []
    assert [a.id for a in backend.articles_needing_extraction("v2")] == [art.id, older.id]
    stored = backend.get_article(art.id)
    assert stored is not None and stored.nlp_version == "v1"
    pending = backend.mentions_to_resolve()
    assert [a.id for a, _ in pending] == [older.id, art.id]  # by publication date
    assert pending[0][1] == []
    assert [m.person for m in pending[1][1]] == ["Lê Trọng Hùng", "X"]
    assert pending[1][1][0].charges[0].article == 117 and pending[1][1][0].date == "2021-03-27"
    backend.mark_resolved([art.id])
    assert [a.id for a, _ in backend.mentions_to_resolve()] == [older.id]
    backend.mark_resolved([older.id, "missing"])
    assert backend.mentions_to_resolve() == []
    backend.put_mentions(art.id, "v2", [mention])  # a new NLP version: resolve again, new mentions only
    ((again, mentions),) = backend.mentions_to_resolve()
    assert again.id == art.id and again.nlp_version == "v2" and len(mentions) == 1


# -- people and events ---------------------------------------------------------------------
def test_events_merge_evidence_and_sharpen_dates(backend: Backend) -> None:
    pid = "le-trong-hung"
    eid = event_id(pid, "arrest", "2021-03")
    first = Event(id=eid, person_id=pid, person_name="Le Trong Hung", event_type="arrest", date="2021-03",
                  date_precision="month", evidence=[Evidence("a1", "q1", 0, 2, "u1", "s1")],
                  first_reported_at="2021-03-29")
    second = Event(id=eid, person_id=pid, person_name="Lê Trọng Hùng", event_type="arrest", date="2021-03-27",
                   date_precision="day", charges=[Charge(117, 2015)], evidence=[Evidence("a2", "q2", 0, 2, "u2", "s2")],
                   first_reported_at="2021-03-28", location="Hà Nội")
    assert backend.add_event(first) is True
    assert backend.add_event(second) is False
    assert backend.add_event(second) is False
    merged = backend.get_event(eid)
    assert merged is not None
    assert [e.article_id for e in merged.evidence] == ["a1", "a2"]
    assert merged.date == "2021-03-27" and merged.date_precision == "day"
    assert merged.charges[0].article == 117 and merged.first_reported_at == "2021-03-28"
    assert merged.location == "Hà Nội" and merged.person_name == "Lê Trọng Hùng"
    assert backend.get_event("missing") is None
    assert backend.counts()["events"] == 1


def test_find_events(backend: Backend) -> None:
    def event(pid: str, kind: str, date: str | None, reported: str, charge: int | None = None) -> Event:
        return Event(id=event_id(pid, kind, date), person_id=pid, person_name=pid, event_type=kind, date=date,
                     charges=[Charge(charge, 2015)] if charge else [], first_reported_at=reported)

    events = [event("a", "arrest", "2021-03-27", "2021-03-28", 117), event("a", "sentence", "2021-12-31", "2022-01-01"),
              event("b", "arrest", "2020-10-06", "2020-10-07", 117), event("b", "trial", None, "2021-01-05", 331)]
    for e in events:
        assert backend.add_event(e) is True
    assert [e.date for e in backend.find_events(EventQuery())] == [None, "2020-10-06", "2021-03-27", "2021-12-31"]
    assert [e.person_id for e in backend.find_events(EventQuery(charge=117))] == ["b", "a"]
    assert [e.event_type for e in backend.find_events(EventQuery(person_id="a"))] == ["arrest", "sentence"]
    assert len(backend.find_events(EventQuery(event_types=("arrest", "trial")))) == 3
    assert backend.find_events(EventQuery(event_types=("release",))) == []
    assert [e.date for e in backend.find_events(EventQuery(reported_after="2021-01-05"))] == ["2021-03-27",
                                                                                              "2021-12-31"]
    assert len(backend.find_events(EventQuery(limit=2))) == 2
    assert [e.person_id for e in backend.find_events(EventQuery(charge=117, limit=1))] == ["b"]  # filter before limit


def test_people_merge_aliases_and_preferred_names(backend: Backend) -> None:
    pid = "le-trong-hung"
    assert backend.upsert_person(Person(pid, "Le Trong Hung", ["Le Trong Hung"])) is True
    assert backend.upsert_person(Person(pid, "Lê Trọng Hùng", ["Lê Trọng Hùng"])) is False
    assert backend.upsert_person(Person(pid, "Le Trong Hung", ["Le Trong Hung"])) is False
    person = backend.get_person(pid)
    assert person is not None and person.aliases == ["Le Trong Hung", "Lê Trọng Hùng"]
    assert person.name == "Lê Trọng Hùng"
    assert backend.upsert_person(Person("pham-chi-dung", "Phạm Chí Dũng", ["Phạm Chí Dũng"])) is True
    assert [p.name for p in backend.iter_people()] == ["Lê Trọng Hùng", "Phạm Chí Dũng"]
    assert backend.get_person("missing") is None
    assert backend.counts()["people"] == 2


# -- alerts --------------------------------------------------------------------------------
def test_subscriptions(backend: Backend) -> None:
    sub = Subscription(id="sub1", email="z@example.org", event_types=["arrest", "sentence"], charges=[117],
                       query="Phạm Chí Dũng", created="2026-11-28")
    assert backend.add_subscription(sub) is True
    assert backend.add_subscription(sub) is False
    assert backend.add_subscription(Subscription(id="sub2", email="a@example.org")) is True
    subs = backend.list_subscriptions()
    assert [s.id for s in subs] == ["sub2", "sub1"]  # by email
    assert subs[1] == sub
    assert backend.remove_subscription("sub2") is True
    assert backend.remove_subscription("sub2") is False
    assert [s.id for s in backend.list_subscriptions()] == ["sub1"]
    assert backend.counts()["subscriptions"] == 1


def test_alert_ledger_claims_once(backend: Backend) -> None:
    backend.add_subscription(Subscription(id="sub1", email="r@example.org"))
    assert backend.claim_alert(AlertEntry("sub1", "e1", "sending")) is True
    assert backend.claim_alert(AlertEntry("sub1", "e1", "sending")) is False
    assert backend.claim_alert(AlertEntry("sub1", "e0", "sending")) is True
    assert backend.claim_alert(AlertEntry("sub2", "e1", "sending")) is True
    backend.finish_alert("sub1", "e1", "sent", "2026-11-28T01:00:00", "<m@x>")
    backend.finish_alert("sub9", "e9", "sent", None, None)  # never claimed: nothing to finish
    entries = backend.alert_entries("sub1")
    assert [(e.event_id, e.status) for e in entries] == [("e0", "sending"), ("e1", "sent")]  # unsent first
    assert entries[1] == AlertEntry("sub1", "e1", "sent", "2026-11-28T01:00:00", "<m@x>")
    assert len(backend.alert_entries()) == 3
    assert backend.counts()["alert_ledger"] == 3


def test_counts_of_an_empty_store(backend: Backend) -> None:
    assert backend.counts() == {"articles": 0, "people": 0, "events": 0, "subscriptions": 0, "alert_ledger": 0,
                                "removed_articles": 0}


# -- Elasticsearch only --------------------------------------------------------------------
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.es
@pytest.mark.parametrize("scheme", ["http", "opensearch+http"])
def test_down_server_fails_loudly_without_the_password(scheme: str) -> None:
    port = closed_port()
    url = f"{scheme}://presswatch:s3cr3t-pw@127.0.0.1:{port}"
    backend = ElasticsearchBackend(url, max_retries=0, request_timeout=5)
    with pytest.raises(BackendError) as failure:
        backend.setup()
    message = str(failure.value)
    assert f"127.0.0.1:{port}" in message and "***@" in message
    assert "s3cr3t-pw" not in message
    backend._ready = True  # as if the server went away after setup
    with pytest.raises(BackendError, match=r"search 'x' failed") as failure:
        backend.search(SearchQuery(text="x"))
    assert "s3cr3t-pw" not in str(failure.value)
    with pytest.raises(BackendError, match="read articles"):
        backend.add_article(make_article("https://a.vn/1.html", "T", "x"))


@pytest.mark.es
def test_server_dying_mid_run_raises() -> None:
    spare = OsmemServer.start(japanese=False)
    backend = ElasticsearchBackend(spare.url, node_class=PlainJsonNode, max_retries=0, request_timeout=5)
    backend.setup()
    assert backend.add_article(make_article("https://a.vn/1.html", "T", "x")) is True
    spare.close()
    with pytest.raises(BackendError, match=r"articles .*failed: Connection error.*refused") as failure:
        backend.add_article(make_article("https://a.vn/2.html", "T", "y"))
    assert spare.url in str(failure.value)
    with pytest.raises(BackendError):
        backend.counts()


@pytest.mark.es
def test_versioned_indices_behind_aliases(osmem_backend: ElasticsearchBackend) -> None:
    client = osmem_backend.client
    prefix = osmem_backend.prefix
    for kind in KINDS:
        assert list(client.indices.get_alias(name=f"{prefix}-{kind}")) == [f"{prefix}-{kind}-v1"]
        assert client.indices.exists_index_template(name=f"{prefix}-{kind}")
    tokens = client.indices.analyze(index=f"{prefix}-articles", analyzer="folding",
                                    text="Đặng Đình Mạnh, Phạm Chí Dũng")
    assert [t["token"] for t in tokens["tokens"]] == ["dang", "dinh", "manh", "pham", "chi", "dung"]
    mapping = client.indices.get_mapping(index=f"{prefix}-articles")[f"{prefix}-articles-v1"]["mappings"]
    assert mapping["properties"]["title"]["analyzer"] == "folding"
    assert mapping["properties"]["source_id"]["type"] == "keyword"
    again = ElasticsearchBackend(osmem_backend.url, prefix=prefix, node_class=PlainJsonNode)
    again.setup()  # a second worker: finds the aliases, creates nothing
    assert again.counts()["articles"] == 0


@pytest.mark.es
def test_full_record_is_kept_in_source(osmem_backend: ElasticsearchBackend) -> None:
    art = make_article("https://a.vn/1.html", "T", DUNG)
    art.authors = ["Phóng viên"]
    osmem_backend.add_article(art)
    source = osmem_backend.client.get(index=f"{osmem_backend.prefix}-articles", id=art.id)["_source"]
    assert {k: source[k] for k in art.to_dict()} == art.to_dict()


@pytest.mark.es
def test_bulk_add_articles_is_create_only(osmem_backend: ElasticsearchBackend) -> None:
    first = make_article("https://a.vn/1.html", "A", DUNG)
    assert osmem_backend.add_article(first) is True
    batch = [first, make_article("https://b.org/1.html", "B", DUNG, source="s2"),
             make_article("https://c.org/1.html", "C", "Le Trong Hung", source="s3"),
             make_article("https://d.org/1.html", "D", "Le Trong Hung", source="s4")]
    assert osmem_backend.add_articles(batch) == 3
    assert osmem_backend.add_articles(batch) == 0
    assert osmem_backend.counts()["articles"] == 4
    dupes = {a.source_id: a.duplicate_of for a in osmem_backend.iter_articles()}
    assert dupes == {"s1": None, "s2": first.id, "s3": None, "s4": batch[2].id}
    assert osmem_backend.search(SearchQuery(text="dung")).total == 2


class RejectingBulk(PlainJsonNode):
    """Answers the first `rejections` _bulk requests with every item rejected (429: a busy cluster)."""

    status, rejections, bulk_calls = 429, 1, 0

    def perform_request(self, method: str, target: str, body: bytes | None = None,
                        headers: HttpHeaders | None = None, **kwargs: Any) -> NodeApiResponse:
        if "_bulk" not in target:
            return super().perform_request(method, target, body, headers, **kwargs)
        type(self).bulk_calls += 1
        if type(self).bulk_calls > self.rejections:
            return super().perform_request(method, target, body, headers, **kwargs)
        lines = [json.loads(line) for line in (body or b"").splitlines() if line.strip()]
        items = [{op: {"_index": meta.get("_index"), "_id": meta.get("_id"), "status": self.status,
                       "error": {"type": "rejected", "reason": f"test rejection {self.status}"}}}
                 for entry in lines[::2] for op, meta in entry.items()]
        meta = ApiResponseMeta(status=200, http_version="1.1", duration=0.0, node=self.config,
                               headers=HttpHeaders({"content-type": "application/json",
                                                    "x-elastic-product": "Elasticsearch"}))
        return NodeApiResponse(meta, json.dumps({"took": 1, "errors": True, "items": items}).encode())


class RejectingBulk400(RejectingBulk):
    status, rejections, bulk_calls = 400, 1000, 0


@pytest.mark.es
def test_bulk_retries_rejected_documents(osmem_backend: ElasticsearchBackend) -> None:
    busy = ElasticsearchBackend(osmem_backend.url, prefix=osmem_backend.prefix, node_class=RejectingBulk,
                                bulk_backoff=0.01)
    batch = [make_article(f"https://a.vn/{i}.html", "T", f"text {i}") for i in range(3)]
    assert busy.add_articles(batch) == 3
    assert RejectingBulk.bulk_calls == 2
    assert osmem_backend.counts()["articles"] == 3


@pytest.mark.es
def test_bulk_failures_are_loud(osmem_backend: ElasticsearchBackend) -> None:
    broken = ElasticsearchBackend(osmem_backend.url, prefix=osmem_backend.prefix, node_class=RejectingBulk400,
                                  bulk_backoff=0.01)
    with pytest.raises(BackendError, match=r"add 2 articles failed: 2 document\(s\) rejected.*400"):
        broken.add_articles([make_article(f"https://a.vn/{i}.html", "T", f"text {i}") for i in range(2)])
    assert RejectingBulk400.bulk_calls == 1  # a 400 is not retried


@pytest.mark.es
def test_concurrent_merges_are_not_lost(osmem_backend: ElasticsearchBackend, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = "le-trong-hung"
    other = ElasticsearchBackend(osmem_backend.url, prefix=osmem_backend.prefix, node_class=PlainJsonNode)
    assert osmem_backend.upsert_person(Person(pid, "Le Trong Hung", ["Le Trong Hung"])) is True
    real_get = osmem_backend._get
    raced: list[str] = []

    def get_then_race(kind: str, doc_id: str) -> dict[str, Any] | None:
        doc = real_get(kind, doc_id)
        if not raced:  # another worker writes between our read and our write
            raced.append(doc_id)
            other.upsert_person(Person(pid, "Lê Trọng Hùng", ["Lê Trọng Hùng"]))
        return doc

    monkeypatch.setattr(osmem_backend, "_get", get_then_race)
    assert osmem_backend.upsert_person(Person(pid, "Le T. Hung", ["Le T. Hung"])) is False
    person = osmem_backend.get_person(pid)
    assert person is not None and person.name == "Lê Trọng Hùng"
    assert person.aliases == ["Le T. Hung", "Le Trong Hung", "Lê Trọng Hùng"]


@pytest.mark.es
def test_official_media_type_is_refused_by_osmem(osmem_server: OsmemServer) -> None:
    """Why the tests use PlainJsonNode: osmem answers `compatible-with` with 406, loudly."""
    backend = ElasticsearchBackend(osmem_server.url, prefix="pwtest-406")
    with pytest.raises(BackendError, match="406"):
        backend.setup()


@pytest.mark.es
def test_factory_opens_opensearch_urls(osmem_server: OsmemServer,
                                       drop_es: Callable[[ElasticsearchBackend], None]) -> None:
    url = "opensearch+" + osmem_server.url
    assert parse_backend_url(url).opensearch
    backend = open_backend(Settings(backend=url))
    assert isinstance(backend, ElasticsearchBackend)
    try:
        assert backend.name == "opensearch" and backend.prefix == "presswatch"
        assert backend.add_article(make_article("https://a.vn/1.html", "T", DUNG)) is True
        assert backend.search(SearchQuery(text="dang dinh manh")).total == 1
    finally:
        drop_es(backend)
        backend.close()


def test_factory_keeps_sqlite_for_paths(tmp_path: Path) -> None:
    backend = open_backend(Settings(backend=str(tmp_path / "x.sqlite3")))
    try:
        assert isinstance(backend, SqliteBackend)
    finally:
        backend.close()


def test_bad_backend_url_is_a_backend_error() -> None:
    with pytest.raises(BackendError, match=r"\*\*\*@"):
        ElasticsearchBackend("http://u:secret@")
