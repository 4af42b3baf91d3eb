"""One spider for every outlet: discovers articles from a source's feeds, sitemaps and listings.

Run one crawl per source in its own process (Scrapy's reactor cannot restart):
    python -m scrapy crawl catalogue -a source_id=vnexpress
The catalogue comes from presswatch settings (PRESSWATCH_SOURCES). URLs listed in the file given
as -a known_urls_file=... (one canonical URL a line: what the store holds) are skipped, so a second
run fetches only new articles. Articles are written by crawlers.pipelines.ArticlePipeline.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers.discovery import DiscoveryError, Link, parse_feed, parse_listing, parse_sitemap
from presswatch.ids import canonical_url
from presswatch.models import Source
from presswatch.settings import load_settings
from presswatch.sources import load_catalogue

MAX_SITEMAP_DEPTH = 3


class CatalogueSpider(scrapy.Spider):
    name = "catalogue"

    #: the source to crawl (spider argument -a source_id=...)
    source_id: str = ""

    def __init__(self, source_id: str = "", known_urls_file: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not source_id:
            raise ValueError("spider 'catalogue' needs -a source_id=<id from the catalogue>")
        settings = load_settings()
        sources = {s.id: s for s in load_catalogue(settings.sources or None)}
        if source_id not in sources:
            raise ValueError(f"source {source_id!r} is not in the catalogue {settings.sources or '(bundled)'}")
        self.source: Source = sources[source_id]
        self.source_id = source_id
        self.patterns = [re.compile(p) for p in self.source.article_url_patterns]
        self.limit = self.source.max_articles or settings.max_articles_per_source
        self.known: set[str] = set()
        if known_urls_file:
            with open(known_urls_file, encoding="utf-8") as fh:
                self.known = {line.strip() for line in fh if line.strip()}
        self.scheduled: set[str] = set()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.discovery_requests():
            yield request

    def discovery_requests(self) -> Iterator[scrapy.Request]:
        """One request per feed, sitemap and listing page of the source."""
        for url in self.source.feeds:
            yield scrapy.Request(url, callback=self.parse_feed, errback=self.on_error, dont_filter=True)
        for url in self.source.sitemaps:
            yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error,
                                 cb_kwargs={"depth": 0}, dont_filter=True)
        for url in self.source.listings:
            yield scrapy.Request(url, callback=self.parse_listing, errback=self.on_error, dont_filter=True)

    # -- discovery -------------------------------------------------------------------------
    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self._follow(self._discover(parse_feed, response), response, from_patterns_only=False)

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        yield from self._follow(self._discover(parse_listing, response), response, from_patterns_only=True)

    def parse_sitemap(self, response: Response, depth: int) -> Iterator[scrapy.Request]:
        try:
            links, children = parse_sitemap(response.body, response.url)
        except DiscoveryError as exc:
            self._count("discovery_errors")
            self.logger.error("source %s: %s", self.source_id, exc)
            return
        for child in children:
            if depth + 1 > MAX_SITEMAP_DEPTH:
                self.logger.warning("source %s: sitemap nesting deeper than %d at %s", self.source_id,
                                    MAX_SITEMAP_DEPTH, child)
                break
            yield scrapy.Request(child, callback=self.parse_sitemap, errback=self.on_error,
                                 cb_kwargs={"depth": depth + 1})
        yield from self._follow(links, response, from_patterns_only=False)

    def _discover(self, parse: Any, response: Response) -> list[Link]:
        try:
            return list(parse(response.body, response.url))
        except DiscoveryError as exc:
            self._count("discovery_errors")
            self.logger.error("source %s: %s", self.source_id, exc)
            return []

    def wanted(self, url: str) -> bool:
        """An article URL of this source: matches a pattern (when the source has patterns)."""
        return not self.patterns or any(p.search(url) for p in self.patterns)

    def _follow(self, links: Iterable[Link], response: Response, from_patterns_only: bool) -> Iterator[scrapy.Request]:
        for link in links:
            canonical = canonical_url(link.url)
            if not self.wanted(canonical) and not self.wanted(link.url):
                if not from_patterns_only:
                    self._count("links_not_matching_patterns")
                continue
            if canonical in self.known:
                self._count("articles_already_stored")
                continue
            if canonical in self.scheduled:
                continue
            if len(self.scheduled) >= self.limit:
                self._count("articles_over_limit")
                continue
            self.scheduled.add(canonical)
            self._count("articles_scheduled")
            yield scrapy.Request(
                link.url, callback=self.parse_article, errback=self.on_error,
                cb_kwargs={"hint_published": link.published, "hint_title": link.title},
            )

    # -- articles --------------------------------------------------------------------------
    def parse_article(self, response: Response, hint_published: str | None,
                      hint_title: str | None) -> Iterator[dict[str, Any]]:
        yield {
            "source_id": self.source_id,
            "lang": self.source.lang,
            "url": response.request.url if response.request else response.url,
            "final_url": response.url,
            "status": response.status,
            "content_type": (response.headers.get("Content-Type") or b"").decode("latin-1"),
            "body": response.body,
            "hint_published": hint_published,
            "hint_title": hint_title,
        }

    def on_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        response = getattr(failure.value, "response", None)
        reason = f"HTTP {response.status}" if response is not None else failure.getErrorMessage()
        self._count("fetch_errors")
        self.logger.error("source %s: cannot fetch %s: %s", self.source_id, url, reason)

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"presswatch/{key}")
