"""The nightly job as functions: crawl -> extract -> index (resolve) -> alert.

The CLI (`presswatch run`, `presswatch demo`, the single stages) and the Airflow DAG call these;
nothing here prints: progress goes to the `progress` callback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from index.base import Backend, EventQuery
from index.factory import open_backend
from presswatch.models import Article, Source
from presswatch.resolve import resolve_article
from presswatch.settings import Settings, settings_to_env
from presswatch.sources import load_catalogue

Progress = Callable[[str], None]
CRAWL_TIMEOUT_S = 3600


def _quiet(_: str) -> None:
    return None


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def backend_for(settings: Settings) -> Iterator[Backend]:
    backend = open_backend(settings)
    try:
        yield backend
    finally:
        backend.close()


# -- crawl ---------------------------------------------------------------------------------
@dataclass
class CrawlReport:
    source_id: str
    new_articles: int = 0
    already_stored: int = 0
    fetched: int = 0
    fetch_errors: int = 0
    dropped: int = 0
    seconds: float = 0.0
    error: str | None = None
    log_file: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def select_sources(settings: Settings, source_ids: list[str] | None = None) -> list[Source]:
    sources = load_catalogue(settings.sources or None)
    if source_ids:
        known = {s.id: s for s in sources}
        missing = [s for s in source_ids if s not in known]
        if missing:
            raise ValueError(f"unknown source id(s) {missing}; see `presswatch sources list`")
        return [known[s] for s in source_ids]
    return [s for s in sources if s.enabled]


def politeness_overrides(source: Source) -> list[str]:
    """Scrapy settings (-s NAME=VALUE) for a source's own politeness values in the catalogue."""
    out = []
    if source.download_delay is not None:
        out += ["-s", f"DOWNLOAD_DELAY={source.download_delay}"]
    if source.concurrency is not None:
        out += ["-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={source.concurrency}"]
    return out


def crawl_source(settings: Settings, source_id: str) -> CrawlReport:
    """Crawl one source of the catalogue (by id): what the DAG's mapped task calls."""
    (source,) = select_sources(settings, [source_id])
    return crawl_one(settings, source)


def crawl_one(settings: Settings, source: Source) -> CrawlReport:
    """Crawl one source in a Scrapy subprocess, then store the new articles (create-only)."""
    started = time.monotonic()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    workdir = (settings.data_dir / "crawls" / f"{source.id}-{stamp}").resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    report = CrawlReport(source_id=source.id, log_file=str(workdir / "scrapy.log"))
    with backend_for(settings) as backend:
        known = sorted(backend.known_urls(source.id))
    (workdir / "known_urls.txt").write_text("\n".join(known) + "\n", encoding="utf-8")
    report.error = _run_scrapy(settings, source, workdir, report.log_file)
    _read_stats(report, workdir / "stats.json")
    report.new_articles = _ingest(settings, workdir / "articles.jsonl")
    report.seconds = round(time.monotonic() - started, 2)
    return report


def _run_scrapy(settings: Settings, source: Source, workdir: Path, log_file: str) -> str | None:
    """Run the catalogue spider for one source; the error message when it fails."""
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "catalogue",
        "-a", f"source_id={source.id}",
        "-a", f"known_urls_file={workdir / 'known_urls.txt'}",
        "-s", f"PRESSWATCH_ARTICLES_FILE={workdir / 'articles.jsonl'}",
        "-s", f"PRESSWATCH_RAW_DIR={settings.raw_dir.resolve()}",
        "-s", f"PRESSWATCH_STATS_FILE={workdir / 'stats.json'}",
        "-s", f"LOG_FILE={log_file}",
        *politeness_overrides(source),
    ]
    env = {**os.environ, **settings_to_env(settings), "SCRAPY_SETTINGS_MODULE": "crawlers.settings"}
    try:
        proc = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True,
                              timeout=CRAWL_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return f"crawl of {source.id} timed out after {CRAWL_TIMEOUT_S} s (log: {log_file})"
    if proc.returncode != 0:
        tail = (proc.stderr or "").strip().splitlines()[-3:]
        return f"crawl of {source.id} failed (exit {proc.returncode}): {' | '.join(tail)} (log: {log_file})"
    if not (workdir / "stats.json").exists():
        return f"crawl of {source.id} wrote no stats (log: {log_file})"
    return None


def _read_stats(report: CrawlReport, stats_file: Path) -> None:
    if not stats_file.exists():
        return
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    report.fetched = int(stats.get("presswatch/articles_scheduled", 0))
    report.already_stored = int(stats.get("presswatch/articles_already_stored", 0))
    report.fetch_errors = int(stats.get("presswatch/fetch_errors", 0)) + int(
        stats.get("presswatch/discovery_errors", 0))
    report.dropped = int(stats.get("item_dropped_count", 0))


def _ingest(settings: Settings, articles_file: Path) -> int:
    """Store the crawl's articles; how many were new."""
    if not articles_file.exists():
        return 0
    new = 0
    with backend_for(settings) as backend, articles_file.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and backend.add_article(Article.from_dict(json.loads(line))):
                new += 1
    return new


def crawl(settings: Settings, source_ids: list[str] | None = None, progress: Progress = _quiet) -> list[CrawlReport]:
    """Crawl the sources, `settings.crawl_processes` Scrapy processes at a time; reports in catalogue order."""
    sources = select_sources(settings, source_ids)
    total = len(sources)
    with backend_for(settings):
        pass  # the store exists (schema, journal mode) before parallel crawls write to it

    def crawl_with_progress(number: int, source: Source) -> CrawlReport:
        progress(f"crawl [{number}/{total}] {source.id} ...")
        report = crawl_one(settings, source)
        status = f"error: {report.error}" if report.error else "ok"
        progress(
            f"crawl [{number}/{total}] {source.id}: {report.new_articles} new articles,"
            f" {report.already_stored} already stored, {report.fetch_errors} fetch errors,"
            f" {report.dropped} pages dropped, {report.seconds:.1f} s ({status})"
        )
        return report

    with ThreadPoolExecutor(max_workers=max(1, settings.crawl_processes)) as pool:
        futures = [pool.submit(crawl_with_progress, n, s) for n, s in enumerate(sources, start=1)]
        return [f.result() for f in futures]


# -- recheck: notice takedowns -------------------------------------------------------------
@dataclass
class RecheckReport:
    checked: int = 0
    removed: int = 0
    moved: int = 0
    restored: int = 0
    unreachable: int = 0
    changes: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def recheck(settings: Settings, source_ids: list[str] | None = None, progress: Progress = _quiet) -> RecheckReport:
    """Re-fetch stored articles (one Scrapy process) and record pages taken down, moved or back.

    A page that answers 404/410/451 or redirects to the front page is `removed` (with the time it
    was noticed); one that redirects to another URL is `moved`; one that comes back is `live`
    again. The stored text and raw page stay as evidence either way.
    """
    report = RecheckReport()
    wanted = {s.id for s in select_sources(settings, source_ids)} if source_ids else None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    workdir = (settings.data_dir / "rechecks" / stamp).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    with backend_for(settings) as backend:
        stored = {a.id: a for a in backend.iter_articles() if wanted is None or a.source_id in wanted}
    with (workdir / "urls.jsonl").open("w", encoding="utf-8") as fh:
        for article in stored.values():
            fh.write(json.dumps({"id": article.id, "url": article.url}) + "\n")
    progress(f"recheck: {len(stored)} stored articles ...")
    out, log_file = workdir / "results.jsonl", workdir / "scrapy.log"
    cmd = [sys.executable, "-m", "scrapy", "crawl", "recheck", "-a", f"urls_file={workdir / 'urls.jsonl'}",
           "-O", f"{out}:jsonlines", "-s", f"LOG_FILE={log_file}"]
    env = {**os.environ, **settings_to_env(settings), "SCRAPY_SETTINGS_MODULE": "crawlers.settings"}
    proc = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT_S,
                          check=False)
    if proc.returncode != 0 or not out.exists():
        report.error = f"recheck failed (exit {proc.returncode}; log: {log_file})"
        return report
    now = utcnow()
    with backend_for(settings) as backend, out.open(encoding="utf-8") as fh:
        for line in fh:
            result = json.loads(line)
            previous = stored.get(result["id"])
            if previous is None:
                continue
            report.checked += 1
            status = result["status"]
            if status == "unreachable":
                report.unreachable += 1
                continue
            if status == previous.status:
                continue
            backend.set_article_status(previous.id, status, now if status != "live" else None)
            report.changes.append({"id": previous.id, "url": previous.url, "source_id": previous.source_id,
                                   "from": previous.status, "to": status, "reason": result.get("reason", "")})
            if status == "removed":
                report.removed += 1
            elif status == "moved":
                report.moved += 1
            else:
                report.restored += 1
    progress(f"recheck: {report.checked} checked, {report.removed} removed, {report.moved} moved,"
             f" {report.restored} back online, {report.unreachable} unreachable")
    return report


# -- extract -------------------------------------------------------------------------------
@dataclass
class ExtractReport:
    articles: int = 0
    mentions: int = 0
    seconds: float = 0.0


def extract(settings: Settings, progress: Progress = _quiet) -> ExtractReport:
    """Run the NLP over every article not yet processed by the current NLP version."""
    from nlp.extract import NLP_VERSION, Extractor

    started = time.monotonic()
    report = ExtractReport()
    extractor = Extractor(en_model=settings.en_model)
    with backend_for(settings) as backend:
        while True:
            batch = backend.articles_needing_extraction(NLP_VERSION, limit=settings.extract_batch_size)
            if not batch:
                break
            docs = [(a.text, a.lang, a.published) for a in batch]
            for article, mentions in zip(batch, extractor.extract_many(docs), strict=True):
                backend.put_mentions(article.id, NLP_VERSION, mentions)
                report.mentions += len(mentions)
            report.articles += len(batch)
            progress(f"extract: {report.articles} articles, {report.mentions} events found")
    report.seconds = round(time.monotonic() - started, 2)
    return report


# -- index (resolve people and events) -----------------------------------------------------
@dataclass
class IndexReport:
    articles: int = 0
    new_people: int = 0
    new_events: int = 0
    updated_events: int = 0


def index(settings: Settings, progress: Progress = _quiet) -> IndexReport:
    report = IndexReport()
    now = utcnow()
    with backend_for(settings) as backend:
        def lookup(pid: str, event_type: str) -> list[Any]:
            return backend.find_events(EventQuery(event_types=(event_type,), person_id=pid))

        pending = backend.mentions_to_resolve()
        for number, (article, mentions) in enumerate(pending, start=1):
            resolution = resolve_article(article, mentions, lookup, now)
            for person in resolution.people:
                report.new_people += backend.upsert_person(person)
            for event in resolution.events:
                if backend.add_event(event):
                    report.new_events += 1
                else:
                    report.updated_events += 1
            backend.mark_resolved([article.id])
            report.articles += 1
            if number % 50 == 0 or number == len(pending):
                progress(f"index: {number}/{len(pending)} articles resolved")
    return report


# -- alert ---------------------------------------------------------------------------------
def alert(settings: Settings, progress: Progress = _quiet) -> Any:
    from alerts.digest import send_digests
    from alerts.outbox import open_outbox

    with backend_for(settings) as backend:
        outbox = open_outbox(settings.smtp_url, settings.outbox_dir)
        report = send_digests(backend, outbox, settings.alert_from)
    for failure in report.failures:
        progress(f"alert: {failure}")
    progress(f"alert: {report.digests_sent} digests, {report.events_alerted} events alerted")
    return report


# -- the whole run -------------------------------------------------------------------------
@dataclass
class RunSummary:
    crawl: list[CrawlReport] = field(default_factory=list)
    new_articles: int = 0
    articles_extracted: int = 0
    new_events: int = 0
    new_people: int = 0
    digests_sent: int = 0
    events_alerted: int = 0
    errors: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def run(settings: Settings, source_ids: list[str] | None = None, progress: Progress = _quiet) -> RunSummary:
    summary = RunSummary()
    summary.crawl = crawl(settings, source_ids, progress)
    summary.new_articles = sum(r.new_articles for r in summary.crawl)
    summary.errors.extend(r.error for r in summary.crawl if r.error)
    summary.articles_extracted = extract(settings, progress).articles
    indexed = index(settings, progress)
    summary.new_events, summary.new_people = indexed.new_events, indexed.new_people
    alerted = alert(settings, progress)
    summary.digests_sent, summary.events_alerted = alerted.digests_sent, alerted.events_alerted
    summary.errors.extend(alerted.failures)
    with backend_for(settings) as backend:
        summary.totals = backend.counts()
    return summary


def write_sample_catalogue(settings: Settings, base_url: str) -> Path:
    from presswatch.sample_site import sample_catalogue

    path = settings.data_dir / "sample_sources.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sample_catalogue(base_url), encoding="utf-8")
    return path
