"""SQLite-only behaviour. What every backend must do lives in test_contract.py."""

import sqlite3
from pathlib import Path

from index.base import SearchQuery
from index.sqlite import SqliteBackend
from presswatch.ids import article_id, canonical_url, sha256_hex
from presswatch.models import Article


def make_article(url: str, title: str, text: str, source: str = "s1", published: str = "2021-01-05") -> Article:
    return Article(id=article_id(url), url=url, canonical_url=canonical_url(url), source_id=source, lang="vi",
                   title=title, text=text, fetched_at="2026-11-28T00:00:00+00:00",
                   content_sha256=sha256_hex(text), published=published)


def test_store_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "pw.sqlite3"
    with SqliteBackend(path) as first:
        first.add_article(make_article("https://a.vn/1.html", "T", "Phạm Chí Dũng"))
    with SqliteBackend(path) as second:
        assert second.counts()["articles"] == 1
        assert second.search(SearchQuery(text="pham")).total == 1


def test_store_uses_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "pw.sqlite3"
    with SqliteBackend(path):
        mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_many_processes_open_a_new_store_at_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "fresh.sqlite3"
    script = ("import sys; from index.sqlite import SqliteBackend; b = SqliteBackend(sys.argv[1]); b.setup();"
              " print(b.counts()['articles']); b.close()")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(6)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, [err[-500:] for _, err in results]
    assert [out.strip() for out, _ in results] == ["0"] * 6
