"""Re-fetch stored article URLs to notice pages that were taken down or moved.

    python -m scrapy crawl recheck -a urls_file=IN.jsonl -O OUT.jsonl

IN lines: {"id", "url"}. OUT lines: {"id", "url", "status", "http_status", "final_url", "reason"} where
status is "live", "removed" (404, 410, 451, or a redirect to the site's front page) or "moved"
(a redirect to another article URL). Network failures give "unreachable": a site that is down
is not a page that was removed.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from presswatch.ids import canonical_url

REMOVED_CODES = (404, 410, 451)


def classify(url: str, final_url: str, http_status: int) -> str:
    if http_status in REMOVED_CODES:
        return "removed"
    if http_status >= 400:
        return "unreachable"
    if canonical_url(final_url) == canonical_url(url):
        return "live"
    if urlsplit(final_url).path in ("", "/"):
        return "removed"  # taken down pages often redirect to the front page
    return "moved"


class RecheckSpider(scrapy.Spider):
    name = "recheck"
    custom_settings = {"ITEM_PIPELINES": {}, "EXTENSIONS": {}}
    handle_httpstatus_list = [*REMOVED_CODES, 403, 500, 502, 503]

    def __init__(self, urls_file: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not urls_file:
            raise ValueError("spider 'recheck' needs -a urls_file=<jsonl of {id, url}>")
        with open(urls_file, encoding="utf-8") as fh:
            self.targets = [json.loads(line) for line in fh if line.strip()]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.recheck_requests():
            yield request

    def recheck_requests(self) -> Iterator[scrapy.Request]:
        for target in self.targets:
            yield scrapy.Request(target["url"], callback=self.parse_page, errback=self.on_error, dont_filter=True,
                                 cb_kwargs={"article_id": target["id"], "url": target["url"]})

    def parse_page(self, response: Response, article_id: str, url: str) -> Iterator[dict[str, Any]]:
        status = classify(url, response.url, response.status)
        yield {"id": article_id, "url": url, "status": status, "http_status": response.status,
               "final_url": response.url, "reason": f"HTTP {response.status}" if status != "live" else ""}

    def on_error(self, failure: Failure) -> Iterator[dict[str, Any]]:
        request = failure.request  # type: ignore[attr-defined]
        yield {"id": request.cb_kwargs["article_id"], "url": request.cb_kwargs["url"], "status": "unreachable",
               "http_status": None, "final_url": None, "reason": failure.getErrorMessage()}
