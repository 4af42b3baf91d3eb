"""The Elasticsearch backend (also OpenSearch-compatible clusters): the same contract as sqlite.

One index per record kind, `<prefix>-<kind>-v<N>`, created from composable index templates and
reached only through the alias `<prefix>-<kind>` (a schema change is a new versioned index and an
atomic alias swap). Writes are create-only with deterministic ids (`op_type=create`; 409 means
"stored already"), merges use optimistic concurrency (`if_seq_no`), and every write that a
following read depends on is refreshed. No scripts, ingest pipelines, ILM or point-in-time are
used, so any Elasticsearch 8/9 or OpenSearch-compatible server will do.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from elastic_transport import BaseNode, TransportError
from elasticsearch import ApiError, ConflictError, Elasticsearch, NotFoundError, helpers

from index.base import BackendError, EventQuery, SearchHit, SearchQuery, SearchResult
from index.es_mappings import KINDS, SCHEMA_VERSION, component_template, index_template
from index.es_transport import OpenSearchNode, parse_backend_url
from index.merge import merge_events, merge_person
from index.textmatch import make_snippet, parse_terms
from presswatch.models import AlertEntry, Article, Event, ExtractedEvent, Person, Subscription
from presswatch.settings import redact_url

SEARCH_FIELDS = ["title^5", "text"]
PAGE = 500  # documents per request when reading everything (search_after paging)
MERGE_ATTEMPTS = 5  # optimistic-concurrency retries of a merge before giving up loudly


class ElasticsearchBackend:
    """`Backend` on an Elasticsearch (http(s)://) or OpenSearch (opensearch+http(s)://) cluster."""

    def __init__(self, url: str, *, prefix: str = "presswatch", node_class: type[BaseNode] | None = None,
                 request_timeout: float = 30.0, max_retries: int = 2, bulk_retries: int = 5,
                 bulk_backoff: float = 1.0) -> None:
        self.url = url
        self.where = redact_url(url)
        self.prefix = prefix
        self.bulk_retries, self.bulk_backoff = bulk_retries, bulk_backoff
        try:
            parsed = parse_backend_url(url)
        except ValueError as exc:
            raise BackendError(f"backend {self.where}: {exc}") from None
        self.name = "opensearch" if parsed.opensearch else "elasticsearch"
        self._password = parsed.password
        # Only refused connections and 429 (rejected, not applied) are retried. A timeout or a
        # 502/503/504 may come after the write was applied, and its retry would answer 409: the
        # caller would read "stored before" (for an alert claim: never sent). Those fail loudly.
        options: dict[str, Any] = {"request_timeout": request_timeout, "max_retries": max_retries,
                                   "retry_on_timeout": False, "retry_on_status": (429,)}
        if parsed.username is not None:
            options["basic_auth"] = (parsed.username, parsed.password or "")
        chosen = node_class or (OpenSearchNode if parsed.opensearch else None)
        if chosen is not None:
            options["node_class"] = chosen
        self.client = Elasticsearch(parsed.host, **options)
        self._ready = False
        self._last_seq = 0

    # -- lifecycle -------------------------------------------------------------------------
    def alias(self, kind: str) -> str:
        return f"{self.prefix}-{kind}"

    def index_name(self, kind: str, version: int = SCHEMA_VERSION) -> str:
        return f"{self.prefix}-{kind}-v{version}"

    def setup(self) -> None:
        """Put the templates, then create each versioned index and its alias unless the alias exists."""
        if self._ready:
            return
        shared = f"{self.prefix}-shared"
        with self._errors("put component template"):
            self.client.cluster.put_component_template(name=shared, template=component_template())
        for kind in KINDS:
            with self._errors(f"set up index {self.alias(kind)}"):
                self.client.indices.put_index_template(
                    name=self.alias(kind), index_patterns=[f"{self.alias(kind)}-v*"], composed_of=[shared],
                    template=index_template(kind), priority=500,
                    meta={"managed_by": "presswatch", "schema_version": SCHEMA_VERSION},
                )
                if self.client.indices.exists_alias(name=self.alias(kind)):
                    continue
                try:
                    self.client.indices.create(index=self.index_name(kind))
                except ApiError as exc:
                    if _error_type(exc) != "resource_already_exists_exception":
                        raise
                self.client.indices.update_aliases(actions=[
                    {"add": {"index": self.index_name(kind), "alias": self.alias(kind), "is_write_index": True}}
                ])
        self._ready = True

    def close(self) -> None:
        self.client.close()
        self._ready = False

    def __enter__(self) -> ElasticsearchBackend:
        self.setup()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self, operation: str) -> Iterator[None]:
        """Turn every client error into a BackendError naming the URL (masked) and the operation."""
        try:
            yield
        except (ApiError, TransportError) as exc:
            detail = str(exc)
            if isinstance(exc, TransportError) and exc.message and str(exc.message) not in detail:
                detail = f"{detail} ({exc.message})"  # e.g. "Connection error (... Connection refused)"
            if self._password:
                detail = detail.replace(self._password, "***")
            raise BackendError(f"{self.name} backend {self.where}: {operation} failed: {detail}") from None

    def _use(self, kind: str) -> str:
        if not self._ready:
            self.setup()
        return self.alias(kind)

    # -- generic document operations -------------------------------------------------------
    def _create(self, kind: str, doc_id: str, doc: dict[str, Any], refresh: bool = True) -> bool:
        """Create-only write: False when a document with this id is stored already."""
        with self._errors(f"create {kind} {doc_id}"):
            try:
                self.client.create(index=self._use(kind), id=doc_id, document=doc, refresh=refresh)
            except ConflictError:
                return False
        return True

    def _get(self, kind: str, doc_id: str) -> dict[str, Any] | None:
        """The stored document (with `_seq_no`/`_primary_term`), or None."""
        with self._errors(f"get {kind} {doc_id}"):
            try:
                return dict(self.client.get(index=self._use(kind), id=doc_id))
            except NotFoundError as exc:
                if _missing_doc(exc):
                    return None
                raise

    def _replace(self, kind: str, doc_id: str, doc: dict[str, Any], stored: dict[str, Any]) -> bool:
        """Overwrite `stored` unless someone changed it meanwhile (then False: read and merge again)."""
        with self._errors(f"update {kind} {doc_id}"):
            try:
                self.client.index(index=self._use(kind), id=doc_id, document=doc, refresh=True,
                                  if_seq_no=stored["_seq_no"], if_primary_term=stored["_primary_term"])
            except ConflictError:
                return False
        return True

    def _update(self, kind: str, doc_id: str, fields: dict[str, Any]) -> bool:
        """Partial update of stored fields; False when there is no such document."""
        with self._errors(f"update {kind} {doc_id}"):
            try:
                self.client.update(index=self._use(kind), id=doc_id, doc=fields, refresh=True)
            except NotFoundError as exc:
                if _missing_doc(exc):
                    return False
                raise
        return True

    def _scan(self, kind: str, query: dict[str, Any], sort: list[Any], limit: int | None = None,
              fields: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Every matching hit in `sort` order, paged with search_after (no point-in-time needed).

        The sort keys must never be missing and must end with a unique field."""
        after: list[Any] | None = None
        seen = 0
        while True:
            size = PAGE if limit is None else min(PAGE, limit - seen)
            if size <= 0:
                return
            with self._errors(f"read {kind}"):
                resp = self.client.search(index=self._use(kind), query=query, sort=sort, size=size,
                                          source_includes=fields, search_after=after, track_total_hits=False)
            hits = resp["hits"]["hits"]
            yield from hits
            seen += len(hits)
            if len(hits) < size:
                return
            after = hits[-1]["sort"]

    def _count(self, kind: str, query: dict[str, Any] | None = None) -> int:
        with self._errors(f"count {kind}"):
            return int(self.client.count(index=self._use(kind), query=query or {"match_all": {}})["count"])

    def _bulk(self, kind: str, operation: str, actions: Iterable[dict[str, Any]], ignore: tuple[int, ...]) -> int:
        """streaming_bulk with retries on 429; returns how many succeeded.

        Statuses in `ignore` are expected outcomes (409: stored already, 404: nothing to update).
        Items are checked here rather than with raise_on_error=True, which raises on the first
        rejected item before streaming_bulk gets to retry it. Any other failure, once the retries
        are spent, raises after the successful writes have been refreshed."""
        done = 0
        failed: list[dict[str, Any]] = []
        with self._errors(operation):
            for ok, item in helpers.streaming_bulk(
                self.client, actions, chunk_size=PAGE, max_retries=self.bulk_retries,
                initial_backoff=self.bulk_backoff, max_backoff=30, raise_on_error=False, raise_on_exception=True,
            ):
                info: dict[str, Any] = next(iter(item.values()))
                if ok:
                    done += 1
                elif info.get("status") not in ignore:
                    failed.append(info)
            self.client.indices.refresh(index=self._use(kind))
        if failed:
            first = failed[0]
            raise BackendError(f"{self.name} backend {self.where}: {operation} failed: {len(failed)} document(s)"
                               f" rejected; first: {first.get('_id')}: {first.get('status')} {first.get('error')}")
        return done

    def _next_seq(self) -> int:
        """Storage order of articles (sqlite's rowid): nanoseconds, strictly increasing per process."""
        self._last_seq = max(time.time_ns(), self._last_seq + 1)
        return self._last_seq

    # -- articles --------------------------------------------------------------------------
    def _article_doc(self, article: Article) -> dict[str, Any]:
        doc = article.to_dict()
        doc.update(pw_seq=self._next_seq(), pw_resolved=False, pw_published=article.published or "")
        return doc

    def _first_with_sha(self, sha: str, exclude_id: str) -> str | None:
        query = {"bool": {"filter": [{"term": {"content_sha256": sha}}],
                          "must_not": [{"term": {"id": exclude_id}}]}}
        for hit in self._scan("articles", query, [{"pw_seq": "asc"}, {"id": "asc"}], limit=1, fields=["id"]):
            return str(hit["_source"]["id"])
        return None

    def add_article(self, article: Article) -> bool:
        """Create-only: an article whose id (canonical URL) is stored already is left alone.

        A syndicated copy (same text as a stored article) is kept, marked `duplicate_of` it. The
        check and the write are two requests: two workers storing two copies at the same moment
        may both end up unmarked (never lost, never duplicated by id)."""
        if article.duplicate_of is None:
            article.duplicate_of = self._first_with_sha(article.content_sha256, article.id)
        return self._create("articles", article.id, self._article_doc(article))

    def add_articles(self, articles: Iterable[Article]) -> int:
        """Bulk `add_article` (streaming_bulk, retries on 429); returns how many were created."""
        batch = list(articles)
        shas = sorted({a.content_sha256 for a in batch if a.duplicate_of is None})
        earlier: dict[str, list[str]] = {}
        for start in range(0, len(shas), PAGE):
            query = {"terms": {"content_sha256": shas[start:start + PAGE]}}
            for hit in self._scan("articles", query, [{"pw_seq": "asc"}, {"id": "asc"}],
                                  fields=["id", "content_sha256"]):
                earlier.setdefault(hit["_source"]["content_sha256"], []).append(hit["_source"]["id"])
        for article in batch:
            same = earlier.setdefault(article.content_sha256, [])
            if article.duplicate_of is None:
                article.duplicate_of = next((i for i in same if i != article.id), None)
            same.append(article.id)
        actions = ({"_op_type": "create", "_index": self._use("articles"), "_id": a.id, "_source": self._article_doc(a)}
                   for a in batch)
        return self._bulk("articles", f"add {len(batch)} articles", actions, ignore=(409,))

    def get_article(self, article_id: str) -> Article | None:
        doc = self._get("articles", article_id)
        return Article.from_dict(doc["_source"]) if doc else None

    def known_urls(self, source_id: str) -> set[str]:
        hits = self._scan("articles", {"term": {"source_id": source_id}}, [{"id": "asc"}], fields=["canonical_url"])
        return {hit["_source"]["canonical_url"] for hit in hits}

    def iter_articles(self, source_id: str | None = None) -> Iterator[Article]:
        query = {"term": {"source_id": source_id}} if source_id else {"match_all": {}}
        for hit in self._scan("articles", query, [{"pw_seq": "asc"}, {"id": "asc"}]):
            yield Article.from_dict(hit["_source"])

    def articles_needing_extraction(self, nlp_version: str, limit: int = 1000) -> list[Article]:
        query = {"bool": {"must_not": [{"term": {"nlp_version": nlp_version}}]}}
        hits = self._scan("articles", query, [{"pw_seq": "asc"}, {"id": "asc"}], limit=limit)
        return [Article.from_dict(hit["_source"]) for hit in hits]

    def set_article_status(self, article_id: str, status: str, when: str | None) -> None:
        self._update("articles", article_id, {"status": status, "removed_at": when})

    # -- mentions --------------------------------------------------------------------------
    def put_mentions(self, article_id: str, nlp_version: str, mentions: list[ExtractedEvent]) -> None:
        doc = {"id": article_id, "article_id": article_id, "nlp_version": nlp_version,
               "mentions": [m.to_dict() for m in mentions]}
        with self._errors(f"store events of article {article_id}"):
            self.client.index(index=self._use("mentions"), id=article_id, document=doc, refresh=True)
        self._update("articles", article_id, {"nlp_version": nlp_version, "pw_resolved": False})

    def mentions_to_resolve(self) -> list[tuple[Article, list[ExtractedEvent]]]:
        query = {"bool": {"filter": [{"exists": {"field": "nlp_version"}}, {"term": {"pw_resolved": False}}]}}
        sort = [{"pw_published": "asc"}, {"pw_seq": "asc"}, {"id": "asc"}]
        articles = [Article.from_dict(hit["_source"]) for hit in self._scan("articles", query, sort)]
        found: dict[str, list[ExtractedEvent]] = {}
        for start in range(0, len(articles), PAGE):
            ids = [a.id for a in articles[start:start + PAGE]]
            with self._errors("read mentions"):
                docs = self.client.mget(index=self._use("mentions"), ids=ids)["docs"]
            for doc in docs:
                if doc.get("found"):
                    found[doc["_id"]] = [ExtractedEvent.from_dict(m) for m in doc["_source"]["mentions"]]
        return [(a, found.get(a.id, [])) for a in articles]

    def mark_resolved(self, article_ids: list[str]) -> None:
        actions = ({"_op_type": "update", "_index": self._use("articles"), "_id": a, "doc": {"pw_resolved": True}}
                   for a in article_ids)
        self._bulk("articles", f"mark {len(article_ids)} articles resolved", actions, ignore=(404,))

    # -- people and events -----------------------------------------------------------------
    def _merge(self, kind: str, doc_id: str, new: dict[str, Any],
               merge: Callable[[dict[str, Any]], dict[str, Any] | None]) -> bool:
        """Create `new`, or merge it into the stored document; True when created.

        `merge(stored_source)` returns the merged document, or None when nothing changes."""
        for _ in range(MERGE_ATTEMPTS):
            stored = self._get(kind, doc_id)
            if stored is None:
                if self._create(kind, doc_id, new):
                    return True
                continue  # created by someone else meanwhile: merge into theirs
            merged = merge(stored["_source"])
            if merged is None or self._replace(kind, doc_id, merged, stored):
                return False
        raise BackendError(f"{self.name} backend {self.where}: {kind} {doc_id} kept changing under"
                           f" {MERGE_ATTEMPTS} merge attempts")

    def upsert_person(self, person: Person) -> bool:
        """Create the person, or merge new aliases into the stored one. True when created."""
        def merge(source: dict[str, Any]) -> dict[str, Any] | None:
            stored = Person.from_dict(source)
            return stored.to_dict() if merge_person(stored, person) else None

        return self._merge("people", person.id, person.to_dict(), merge)

    def get_person(self, person_id: str) -> Person | None:
        doc = self._get("people", person_id)
        return Person.from_dict(doc["_source"]) if doc else None

    def iter_people(self) -> Iterator[Person]:
        for hit in self._scan("people", {"match_all": {}}, [{"name": "asc"}, {"id": "asc"}]):
            yield Person.from_dict(hit["_source"])

    @staticmethod
    def _event_doc(event: Event) -> dict[str, Any]:
        doc = event.to_dict()
        doc.update(pw_date=event.date or "",
                   pw_charges=sorted({c.article for c in event.charges if c.article is not None}))
        return doc

    def add_event(self, event: Event) -> bool:
        """Create the event; if it exists, merge evidence and sharpen attributes. True when created."""
        def merge(source: dict[str, Any]) -> dict[str, Any] | None:
            stored = Event.from_dict(source)
            before = stored.to_dict()
            merged = merge_events(stored, event)
            return self._event_doc(merged) if merged.to_dict() != before else None

        return self._merge("events", event.id, self._event_doc(event), merge)

    def get_event(self, event_id: str) -> Event | None:
        doc = self._get("events", event_id)
        return Event.from_dict(doc["_source"]) if doc else None

    def find_events(self, query: EventQuery) -> list[Event]:
        filters: list[dict[str, Any]] = []
        if query.event_types:
            filters.append({"terms": {"event_type": list(query.event_types)}})
        if query.person_id:
            filters.append({"term": {"person_id": query.person_id}})
        if query.reported_after:
            filters.append({"range": {"first_reported_at": {"gt": query.reported_after}}})
        if query.charge is not None:
            filters.append({"term": {"pw_charges": query.charge}})
        hits = self._scan("events", {"bool": {"filter": filters}}, [{"pw_date": "asc"}, {"id": "asc"}],
                          limit=query.limit)
        return [Event.from_dict(hit["_source"]) for hit in hits]

    # -- search ----------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        terms = parse_terms(query.text)
        if query.text.strip() and not terms:
            return SearchResult(total=0, hits=[])  # only punctuation: nothing can match
        must: list[dict[str, Any]] = []
        words = [t[0] for t in terms if len(t) == 1]
        if words:
            must.append({"multi_match": {"query": " ".join(words), "fields": SEARCH_FIELDS,
                                         "type": "cross_fields", "operator": "and"}})
        for phrase in (t for t in terms if len(t) > 1):
            must.append({"multi_match": {"query": " ".join(phrase), "fields": SEARCH_FIELDS, "type": "phrase"}})
        filters: list[dict[str, Any]] = []
        if query.source_ids:
            filters.append({"terms": {"source_id": list(query.source_ids)}})
        if query.lang:
            filters.append({"term": {"lang": query.lang}})
        published: dict[str, str] = {}
        if query.published_from:
            published["gte"] = query.published_from
        if query.published_to:  # a prefix bound, like sqlite: "2021-03" includes 2021-03-31
            published["lt"] = query.published_to[:-1] + chr(ord(query.published_to[-1]) + 1)
        if published:
            filters.append({"range": {"published": published}})
        if not query.include_removed:
            filters.append({"term": {"status": "live"}})
        sort: list[Any] = [{"_score": "desc"}, {"id": "asc"}] if terms else [
            {"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
        with self._errors(f"search {query.text!r}"):
            resp = self.client.search(
                index=self._use("articles"), query={"bool": {"must": must, "filter": filters}}, sort=sort,
                from_=query.offset, size=query.limit, track_total_hits=True,
            )
        hits = []
        for hit in resp["hits"]["hits"]:
            article = Article.from_dict(hit["_source"])
            snippet, matches = make_snippet(article.text, terms)
            hits.append(SearchHit(
                article_id=article.id, url=article.url, title=article.title, source_id=article.source_id,
                published=article.published, lang=article.lang, status=article.status, snippet=snippet,
                score=float(hit.get("_score") or 0.0), matches=matches,
            ))
        return SearchResult(total=int(resp["hits"]["total"]["value"]), hits=hits)

    def counts(self) -> dict[str, int]:
        out = {kind: self._count(kind) for kind in ("articles", "people", "events", "subscriptions", "alert_ledger")}
        out["removed_articles"] = self._count("articles", {"bool": {"must_not": [{"term": {"status": "live"}}]}})
        return out

    # -- alerts ----------------------------------------------------------------------------
    def add_subscription(self, sub: Subscription) -> bool:
        return self._create("subscriptions", sub.id, sub.to_dict())

    def remove_subscription(self, sub_id: str) -> bool:
        with self._errors(f"remove subscription {sub_id}"):
            try:
                self.client.delete(index=self._use("subscriptions"), id=sub_id, refresh=True)
            except NotFoundError as exc:
                if _missing_doc(exc):
                    return False
                raise
        return True

    def list_subscriptions(self) -> list[Subscription]:
        hits = self._scan("subscriptions", {"match_all": {}}, [{"email": "asc"}, {"id": "asc"}])
        return [Subscription.from_dict(hit["_source"]) for hit in hits]

    @staticmethod
    def _ledger_id(subscription_id: str, event_id: str) -> str:
        return f"{subscription_id}:{event_id}"

    def claim_alert(self, entry: AlertEntry) -> bool:
        """Record (subscription, event) once; False when it was claimed before (never mail twice)."""
        doc = entry.to_dict()
        doc.update(id=self._ledger_id(entry.subscription_id, entry.event_id), pw_sent_at=entry.sent_at or "")
        return self._create("alert_ledger", doc["id"], doc)

    def finish_alert(self, subscription_id: str, event_id: str, status: str, sent_at: str | None,
                     message_id: str | None) -> None:
        self._update("alert_ledger", self._ledger_id(subscription_id, event_id),
                     {"status": status, "sent_at": sent_at, "message_id": message_id, "pw_sent_at": sent_at or ""})

    def alert_entries(self, subscription_id: str | None = None) -> list[AlertEntry]:
        query = {"term": {"subscription_id": subscription_id}} if subscription_id else {"match_all": {}}
        hits = self._scan("alert_ledger", query, [{"pw_sent_at": "asc"}, {"event_id": "asc"}, {"id": "asc"}])
        return [AlertEntry.from_dict(hit["_source"]) for hit in hits]


def _error_type(exc: ApiError) -> str:
    body = exc.body if isinstance(exc.body, dict) else {}
    error = body.get("error")
    return str(error.get("type", "")) if isinstance(error, dict) else ""


def _missing_doc(exc: NotFoundError) -> bool:
    """A 404 about the document (fine: "not there"), not about the index (an error)."""
    body = exc.body if isinstance(exc.body, dict) else {}
    return body.get("found") is False or body.get("result") == "not_found" or (
        _error_type(exc) == "document_missing_exception")

