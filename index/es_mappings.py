"""Index templates for the Elasticsearch backend, as data: one index per record kind.

Every document keeps the full record (`Record.to_dict()`) in `_source`; `dynamic: false` means
only the fields listed here are indexed. Bookkeeping fields the records do not have start with
`pw_` (storage order, the resolution flag, never-null sort keys) and are dropped on read.

Title and text use the `folding` analyzer: lowercase + asciifolding, so "Phạm Chí Dũng" and
"Đặng" are indexed as "pham chi dung" and "dang" (Lucene's ASCIIFoldingFilter maps Đ/đ to d).
"""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 1
KINDS: tuple[str, ...] = ("articles", "mentions", "people", "events", "subscriptions", "alert_ledger")

ANALYSIS: dict[str, Any] = {
    "analysis": {
        "analyzer": {
            "folding": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding"],
            }
        }
    }
}

_KEYWORD = {"type": "keyword"}
_FOLDED_TEXT = {"type": "text", "analyzer": "folding"}


def _keywords(*names: str) -> dict[str, Any]:
    return {name: dict(_KEYWORD) for name in names}


MAPPINGS: dict[str, dict[str, Any]] = {
    "articles": {
        "dynamic": False,
        "properties": {
            **_keywords(
                "id", "url", "canonical_url", "source_id", "lang", "published", "fetched_at", "status",
                "removed_at", "nlp_version", "content_sha256", "duplicate_of", "pw_published",
            ),
            "title": dict(_FOLDED_TEXT),
            "text": dict(_FOLDED_TEXT),
            "pw_seq": {"type": "long"},
            "pw_resolved": {"type": "boolean"},
        },
    },
    "mentions": {
        "dynamic": False,
        "properties": {
            **_keywords("id", "article_id", "nlp_version"),
            "mentions": {"type": "object", "enabled": False},
        },
    },
    "people": {
        "dynamic": False,
        "properties": _keywords("id", "name", "aliases"),
    },
    "events": {
        "dynamic": False,
        "properties": {
            **_keywords(
                "id", "person_id", "event_type", "date", "date_precision", "first_reported_at", "indexed_at",
                "pw_date",
            ),
            "pw_charges": {"type": "integer"},
        },
    },
    "subscriptions": {
        "dynamic": False,
        "properties": _keywords("id", "email"),
    },
    "alert_ledger": {
        "dynamic": False,
        "properties": _keywords("id", "subscription_id", "event_id", "status", "sent_at", "message_id", "pw_sent_at"),
    },
}


def component_template() -> dict[str, Any]:
    """The settings every presswatch index shares (the folding analyzer)."""
    return {"settings": ANALYSIS}


def index_template(kind: str) -> dict[str, Any]:
    """The `template` body of the composable index template for one record kind."""
    return {"mappings": MAPPINGS[kind]}
