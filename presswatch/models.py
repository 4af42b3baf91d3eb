"""The records that pass between stages: crawl -> extract -> resolve -> index -> alert.

Plain dataclasses, no imports of ours. Every record converts to and from a JSON-ready dict
(`to_dict` / `from_dict`) so stages can hand them over through files, the store or Airflow XCom.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args

SourceKind = Literal["state_media", "independent_media", "international_media", "ngo", "government"]
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)

EventType = Literal["arrest", "charge", "trial", "sentence", "appeal", "release", "other"]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)

DatePrecision = Literal["day", "month", "year"]
ArticleStatus = Literal["live", "removed", "moved"]

T = TypeVar("T", bound="Record")


class Record:
    """Mixin: dict round trip for nested dataclasses."""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs = {k: v for k, v in data.items() if k in names}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            nested = _NESTED.get((cls.__name__, f.name))
            if nested is not None and kwargs.get(f.name) is not None:
                kwargs[f.name] = [nested.from_dict(x) if isinstance(x, dict) else x for x in kwargs[f.name]]
        return cls(**kwargs)


@dataclass
class Source(Record):
    id: str
    name: str
    homepage: str
    lang: str
    kind: str
    country: str = "VN"
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    article_url_patterns: list[str] = field(default_factory=list)
    download_delay: float | None = None
    concurrency: int | None = None
    max_articles: int | None = None
    enabled: bool = True
    notes: str = ""


@dataclass
class RawResponse(Record):
    """Where the raw bytes of a fetched page are kept as evidence."""

    path: str
    sha256: str
    content_type: str = ""
    status: int = 200


@dataclass
class Article(Record):
    id: str
    url: str
    canonical_url: str
    source_id: str
    lang: str | None
    title: str
    text: str
    fetched_at: str
    content_sha256: str
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    raw: RawResponse | None = None
    status: str = "live"
    removed_at: str | None = None
    nlp_version: str | None = None
    duplicate_of: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        art = super().from_dict(data)
        if isinstance(art.raw, dict):
            art.raw = RawResponse.from_dict(art.raw)
        return art


@dataclass
class Charge(Record):
    article: int | None
    code_year: int | None
    label: str = ""
    inferred: bool = False  # the article number comes from an official charge title, not the text


@dataclass
class Evidence(Record):
    article_id: str
    quote: str
    start: int
    end: int
    url: str = ""
    source_id: str = ""


@dataclass
class Person(Record):
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class ExtractedEvent(Record):
    """One event as the NLP stage finds it in one text, before resolution across articles."""

    person: str
    event_type: str
    person_full: str | None = None
    charges: list[Charge] = field(default_factory=list)
    prison_months: int | None = None
    probation_months: int | None = None
    suspended: bool = False
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: str | None = None
    quote: str = ""
    start: int = 0
    end: int = 0

    @property
    def charge_articles(self) -> list[int]:
        return sorted({c.article for c in self.charges if c.article is not None})

    def to_contract(self) -> dict[str, Any]:
        """The `presswatch extract` output shape (DESIGN.md), plus extra keys."""
        return {
            "person": self.person,
            "event_type": self.event_type,
            "charge_articles": self.charge_articles,
            "prison_months": self.prison_months,
            "probation_months": self.probation_months,
            "date": self.date,
            "person_full": self.person_full,
            "code_years": sorted({c.code_year for c in self.charges if c.code_year}),
            "charge_labels": [c.label for c in self.charges if c.label],
            "charge_articles_inferred": sorted({c.article for c in self.charges if c.inferred and c.article}),
            "suspended": self.suspended,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "evidence": self.quote,
            "span": [self.start, self.end],
        }


@dataclass
class Event(Record):
    id: str
    person_id: str
    person_name: str
    event_type: str
    date: str | None = None
    date_precision: str | None = None
    charges: list[Charge] = field(default_factory=list)
    prison_months: int | None = None
    probation_months: int | None = None
    suspended: bool = False
    location: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    first_reported_at: str | None = None  # earliest publication date among the evidence articles
    indexed_at: str | None = None  # when presswatch first stored the event (alerts look at this)


@dataclass
class Subscription(Record):
    id: str
    email: str
    event_types: list[str] = field(default_factory=lambda: ["arrest"])
    charges: list[int] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    query: str = ""
    created: str = ""


@dataclass
class AlertEntry(Record):
    """One row of the alert ledger: (subscription, event) is unique."""

    subscription_id: str
    event_id: str
    status: str = "pending"
    sent_at: str | None = None
    message_id: str | None = None


_NESTED: dict[tuple[str, str], type[Record]] = {
    ("ExtractedEvent", "charges"): Charge,
    ("Event", "charges"): Charge,
    ("Event", "evidence"): Evidence,
}
