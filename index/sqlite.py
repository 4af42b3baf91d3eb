"""The embedded backend: one SQLite file, WAL mode, FTS5 search that ignores diacritics."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from index.base import BackendError, EventQuery, SearchHit, SearchQuery, SearchResult
from index.merge import merge_events, merge_person
from index.textmatch import fold_aligned, fts_expression, make_snippet, parse_terms
from presswatch.models import AlertEntry, Article, Event, ExtractedEvent, Person, Subscription


def _enable_wal(conn: sqlite3.Connection, attempts: int = 50) -> None:
    """Switch to WAL once per file. Changing the journal mode needs the file to itself and does not
    wait on the busy timeout, so a process opening the store while another one creates it retries."""
    for attempt in range(attempts):
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.1)


def _dump(record: Any) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True)


class SqliteBackend:
    name = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self.setup()
        assert self._conn is not None
        return self._conn

    def setup(self) -> None:
        if self._conn is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            _enable_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            schema = (resources.files("index") / "schema.sql").read_text(encoding="utf-8")
            conn.executescript(schema)
        except sqlite3.Error as exc:
            raise BackendError(f"sqlite store {self.path}: cannot open: {exc}") from exc
        self._conn = conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> SqliteBackend:
        self.setup()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, sql: str, params: tuple[Any, ...]) -> int:
        try:
            return self.conn.execute(sql, params).rowcount
        except sqlite3.Error as exc:
            raise BackendError(f"sqlite store {self.path}: {exc} (in: {sql.split('(')[0].strip()})") from exc

    # -- articles --------------------------------------------------------------------------
    def add_article(self, article: Article) -> bool:
        """Create-only: an article whose id (canonical URL) is stored already is left alone.

        An article whose text is the same as a stored one (a syndicated copy) is kept, marked
        `duplicate_of` that article."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            if article.duplicate_of is None:
                same = conn.execute(
                    "SELECT id FROM articles WHERE content_sha256=? AND id != ? ORDER BY rowid LIMIT 1",
                    (article.content_sha256, article.id),
                ).fetchone()
                article.duplicate_of = same[0] if same else None
            cur = conn.execute(
                "INSERT OR IGNORE INTO articles (id, canonical_url, url, source_id, lang, title, published,"
                " fetched_at, status, removed_at, nlp_version, content_sha256, duplicate_of, data)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id, article.canonical_url, article.url, article.source_id, article.lang,
                    article.title, article.published, article.fetched_at, article.status,
                    article.removed_at, article.nlp_version, article.content_sha256,
                    article.duplicate_of, _dump(article),
                ),
            )
            created = cur.rowcount == 1
            if created:
                rowid = conn.execute("SELECT rowid FROM articles WHERE id=?", (article.id,)).fetchone()[0]
                conn.execute(
                    "INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)",
                    (rowid, fold_aligned(article.title), fold_aligned(article.text)),
                )
            conn.execute("COMMIT")
            return created
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise BackendError(f"sqlite store {self.path}: cannot add article {article.url}: {exc}") from exc

    def _article(self, row: sqlite3.Row | tuple[Any, ...]) -> Article:
        data, status, removed_at, nlp_version = row
        article = Article.from_dict(json.loads(data))
        article.status, article.removed_at, article.nlp_version = status, removed_at, nlp_version
        return article

    _ARTICLE_COLS = "data, status, removed_at, nlp_version"

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id=?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def known_urls(self, source_id: str) -> set[str]:
        rows = self.conn.execute("SELECT canonical_url FROM articles WHERE source_id=?", (source_id,))
        return {r[0] for r in rows}

    def iter_articles(self, source_id: str | None = None) -> Iterator[Article]:
        sql = f"SELECT {self._ARTICLE_COLS} FROM articles"
        params: tuple[Any, ...] = ()
        if source_id:
            sql, params = sql + " WHERE source_id=?", (source_id,)
        for row in self.conn.execute(sql + " ORDER BY rowid", params).fetchall():
            yield self._article(row)

    def articles_needing_extraction(self, nlp_version: str, limit: int = 1000) -> list[Article]:
        rows = self.conn.execute(
            f"SELECT {self._ARTICLE_COLS} FROM articles WHERE nlp_version IS NULL OR nlp_version != ?"
            " ORDER BY rowid LIMIT ?",
            (nlp_version, limit),
        ).fetchall()
        return [self._article(r) for r in rows]

    def set_article_status(self, article_id: str, status: str, when: str | None) -> None:
        self._write("UPDATE articles SET status=?, removed_at=? WHERE id=?", (status, when, article_id))

    # -- mentions --------------------------------------------------------------------------
    def put_mentions(self, article_id: str, nlp_version: str, mentions: list[ExtractedEvent]) -> None:
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM mentions WHERE article_id=?", (article_id,))
            conn.executemany(
                "INSERT INTO mentions (article_id, position, data) VALUES (?,?,?)",
                [(article_id, i, _dump(m)) for i, m in enumerate(mentions)],
            )
            conn.execute("UPDATE articles SET nlp_version=?, resolved=0 WHERE id=?", (nlp_version, article_id))
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise BackendError(f"sqlite store {self.path}: cannot store events of article {article_id}: {exc}") from exc

    def mentions_to_resolve(self) -> list[tuple[Article, list[ExtractedEvent]]]:
        rows = self.conn.execute(
            f"SELECT id, {self._ARTICLE_COLS} FROM articles WHERE nlp_version IS NOT NULL AND resolved=0"
            " ORDER BY published, rowid"
        ).fetchall()
        out = []
        for row in rows:
            article = self._article(row[1:])
            mentions = [
                ExtractedEvent.from_dict(json.loads(m[0]))
                for m in self.conn.execute(
                    "SELECT data FROM mentions WHERE article_id=? ORDER BY position", (row[0],)
                )
            ]
            out.append((article, mentions))
        return out

    def mark_resolved(self, article_ids: list[str]) -> None:
        self.conn.executemany("UPDATE articles SET resolved=1 WHERE id=?", [(a,) for a in article_ids])

    # -- people and events -----------------------------------------------------------------
    def upsert_person(self, person: Person) -> bool:
        """Create the person, or merge new aliases into the stored one. True when created."""
        existing = self.get_person(person.id)
        if existing is None:
            return self._write(
                "INSERT OR IGNORE INTO people (id, name, data) VALUES (?,?,?)",
                (person.id, person.name, _dump(person)),
            ) == 1
        if merge_person(existing, person):
            self._write("UPDATE people SET name=?, data=? WHERE id=?", (existing.name, _dump(existing), person.id))
        return False

    def get_person(self, person_id: str) -> Person | None:
        row = self.conn.execute("SELECT data FROM people WHERE id=?", (person_id,)).fetchone()
        return Person.from_dict(json.loads(row[0])) if row else None

    def iter_people(self) -> Iterator[Person]:
        for (data,) in self.conn.execute("SELECT data FROM people ORDER BY name").fetchall():
            yield Person.from_dict(json.loads(data))

    def add_event(self, event: Event) -> bool:
        """Create the event; if it exists, merge evidence and sharpen attributes. True when created."""
        existing = self.get_event(event.id)
        if existing is None:
            return self._write(
                "INSERT OR IGNORE INTO events (id, person_id, event_type, date, first_reported_at, data)"
                " VALUES (?,?,?,?,?,?)",
                (event.id, event.person_id, event.event_type, event.date, event.first_reported_at, _dump(event)),
            ) == 1
        self._write(
            "UPDATE events SET date=?, data=? WHERE id=?",
            (existing.date, _dump(merge_events(existing, event)), event.id),
        )
        return False

    def get_event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT data FROM events WHERE id=?", (event_id,)).fetchone()
        return Event.from_dict(json.loads(row[0])) if row else None

    def find_events(self, query: EventQuery) -> list[Event]:
        clauses: list[str] = []
        params: list[Any] = []
        if query.event_types:
            clauses.append(f"event_type IN ({','.join('?' * len(query.event_types))})")
            params.extend(query.event_types)
        if query.person_id:
            clauses.append("person_id=?")
            params.append(query.person_id)
        if query.reported_after:
            clauses.append("first_reported_at > ?")
            params.append(query.reported_after)
        if query.charge is not None:
            clauses.append("EXISTS (SELECT 1 FROM json_each(events.data, '$.charges') AS c"
                           " WHERE json_extract(c.value, '$.article') = ?)")
            params.append(query.charge)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        rows = self.conn.execute(
            f"SELECT data FROM events{where} ORDER BY date, id LIMIT ?", (*params, query.limit)
        ).fetchall()
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    # -- search ----------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        terms = parse_terms(query.text)
        if query.text.strip() and not terms:
            return SearchResult(total=0, hits=[])  # only punctuation: nothing can match
        clauses: list[str] = []
        params: list[Any] = []
        if terms:
            clauses.append("articles_fts MATCH ?")
            params.append(fts_expression(terms))
        if query.source_ids:
            clauses.append(f"a.source_id IN ({','.join('?' * len(query.source_ids))})")
            params.extend(query.source_ids)
        if query.lang:
            clauses.append("a.lang=?")
            params.append(query.lang)
        if query.published_from:
            clauses.append("a.published >= ?")
            params.append(query.published_from)
        if query.published_to:
            clauses.append("substr(a.published, 1, ?) <= ?")
            params.extend([len(query.published_to), query.published_to])
        if not query.include_removed:
            clauses.append("a.status='live'")
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        join = "FROM articles a JOIN articles_fts ON articles_fts.rowid = a.rowid"
        order = "bm25(articles_fts, 5.0, 1.0)" if terms else "a.published DESC"
        try:
            total = self.conn.execute(f"SELECT count(*) {join}{where}", params).fetchone()[0]
            rows = self.conn.execute(
                f"SELECT {', '.join('a.' + c.strip() for c in self._ARTICLE_COLS.split(','))},"
                f" {'bm25(articles_fts, 5.0, 1.0)' if terms else '0.0'} {join}{where}"
                f" ORDER BY {order} LIMIT ? OFFSET ?",
                (*params, query.limit, query.offset),
            ).fetchall()
        except sqlite3.Error as exc:
            raise BackendError(f"sqlite store {self.path}: search {query.text!r} failed: {exc}") from exc
        hits = []
        for row in rows:
            article = self._article(row[:4])
            snippet, matches = make_snippet(article.text, terms)
            hits.append(
                SearchHit(
                    article_id=article.id, url=article.url, title=article.title,
                    source_id=article.source_id, published=article.published, lang=article.lang,
                    status=article.status, snippet=snippet, score=-float(row[4]), matches=matches,
                )
            )
        return SearchResult(total=total, hits=hits)

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "people", "events", "subscriptions", "alert_ledger"):
            out[table] = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        out["removed_articles"] = self.conn.execute(
            "SELECT count(*) FROM articles WHERE status != 'live'"
        ).fetchone()[0]
        return out

    # -- alerts ----------------------------------------------------------------------------
    def add_subscription(self, sub: Subscription) -> bool:
        return self._write(
            "INSERT OR IGNORE INTO subscriptions (id, email, data) VALUES (?,?,?)", (sub.id, sub.email, _dump(sub))
        ) == 1

    def remove_subscription(self, sub_id: str) -> bool:
        return self._write("DELETE FROM subscriptions WHERE id=?", (sub_id,)) == 1

    def list_subscriptions(self) -> list[Subscription]:
        rows = self.conn.execute("SELECT data FROM subscriptions ORDER BY email").fetchall()
        return [Subscription.from_dict(json.loads(r[0])) for r in rows]

    def claim_alert(self, entry: AlertEntry) -> bool:
        """Record (subscription, event) once; False when it was claimed before (never mail twice)."""
        return self._write(
            "INSERT OR IGNORE INTO alert_ledger (subscription_id, event_id, status, sent_at, message_id)"
            " VALUES (?,?,?,?,?)",
            (entry.subscription_id, entry.event_id, entry.status, entry.sent_at, entry.message_id),
        ) == 1

    def finish_alert(self, subscription_id: str, event_id: str, status: str, sent_at: str | None,
                     message_id: str | None) -> None:
        self._write(
            "UPDATE alert_ledger SET status=?, sent_at=?, message_id=? WHERE subscription_id=? AND event_id=?",
            (status, sent_at, message_id, subscription_id, event_id),
        )

    def alert_entries(self, subscription_id: str | None = None) -> list[AlertEntry]:
        sql = "SELECT subscription_id, event_id, status, sent_at, message_id FROM alert_ledger"
        params: tuple[Any, ...] = ()
        if subscription_id:
            sql, params = sql + " WHERE subscription_id=?", (subscription_id,)
        return [AlertEntry(*row) for row in self.conn.execute(sql + " ORDER BY sent_at, event_id", params)]
