-- presswatch embedded store: one SQLite file, WAL mode, FTS5 over a diacritic-folded copy.
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    canonical_url TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    source_id TEXT NOT NULL,
    lang TEXT,
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    fetched_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'live',
    removed_at TEXT,
    nlp_version TEXT,
    resolved INTEGER NOT NULL DEFAULT 0,
    content_sha256 TEXT NOT NULL,
    duplicate_of TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source_id);
CREATE INDEX IF NOT EXISTS articles_nlp ON articles(nlp_version);
CREATE INDEX IF NOT EXISTS articles_sha ON articles(content_sha256);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE IF NOT EXISTS people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    data TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    date TEXT,
    first_reported_at TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_person ON events(person_id);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type);

CREATE TABLE IF NOT EXISTS subscriptions (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    data TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS alert_ledger (
    subscription_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    status TEXT NOT NULL,
    sent_at TEXT,
    message_id TEXT,
    PRIMARY KEY (subscription_id, event_id)
);
