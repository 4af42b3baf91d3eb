"""The backend protocol every store implements (sqlite embedded, elasticsearch)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from presswatch.models import AlertEntry, Article, Event, ExtractedEvent, Person, Subscription


class BackendError(RuntimeError):
    """The store failed; the message names the backend and the operation (never credentials)."""


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    source_ids: tuple[str, ...] = ()
    lang: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    include_removed: bool = True
    limit: int = 20
    offset: int = 0


@dataclass
class SearchHit:
    article_id: str
    url: str
    title: str
    source_id: str
    published: str | None
    lang: str | None
    status: str
    snippet: str
    score: float = 0.0
    matches: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "title": self.title,
            "source_id": self.source_id,
            "published": self.published,
            "snippet": self.snippet,
            "lang": self.lang,
            "status": self.status,
            "article_id": self.article_id,
            "score": round(self.score, 4),
        }


@dataclass
class SearchResult:
    total: int
    hits: list[SearchHit]


@dataclass(frozen=True)
class EventQuery:
    event_types: tuple[str, ...] = ()
    person_id: str | None = None
    charge: int | None = None
    reported_after: str | None = None
    limit: int = 1000


class Backend(Protocol):
    """Create-only writes keyed by deterministic ids: every call is safe to repeat."""

    name: str

    def setup(self) -> None: ...
    def close(self) -> None: ...

    # articles
    def add_article(self, article: Article) -> bool: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def known_urls(self, source_id: str) -> set[str]: ...
    def iter_articles(self, source_id: str | None = None) -> Iterator[Article]: ...
    def articles_needing_extraction(self, nlp_version: str, limit: int = 1000) -> list[Article]: ...
    def set_article_status(self, article_id: str, status: str, when: str | None) -> None: ...

    # extraction output per article
    def put_mentions(self, article_id: str, nlp_version: str, mentions: list[ExtractedEvent]) -> None: ...
    def mentions_to_resolve(self) -> list[tuple[Article, list[ExtractedEvent]]]: ...
    def mark_resolved(self, article_ids: list[str]) -> None: ...

    # people and events
    def upsert_person(self, person: Person) -> bool: ...
    def get_person(self, person_id: str) -> Person | None: ...
    def iter_people(self) -> Iterator[Person]: ...
    def add_event(self, event: Event) -> bool: ...
    def get_event(self, event_id: str) -> Event | None: ...
    def find_events(self, query: EventQuery) -> list[Event]: ...

    # search
    def search(self, query: SearchQuery) -> SearchResult: ...
    def counts(self) -> dict[str, int]: ...

    # alerts
    def add_subscription(self, sub: Subscription) -> bool: ...
    def remove_subscription(self, sub_id: str) -> bool: ...
    def list_subscriptions(self) -> list[Subscription]: ...
    def claim_alert(self, entry: AlertEntry) -> bool: ...
    def finish_alert(self, subscription_id: str, event_id: str, status: str, sent_at: str | None,
                     message_id: str | None) -> None: ...
    def alert_entries(self, subscription_id: str | None = None) -> list[AlertEntry]: ...
