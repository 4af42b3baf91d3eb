"""Write the crawl's stats as JSON when the spider closes, for the parent process to read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured


class StatsFile:
    """Enabled by the PRESSWATCH_STATS_FILE Scrapy setting (a path)."""

    def __init__(self, crawler: Crawler, path: Path) -> None:
        self.crawler = crawler
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StatsFile:
        path = crawler.settings.get("PRESSWATCH_STATS_FILE")
        if not path:
            raise NotConfigured("PRESSWATCH_STATS_FILE is not set")
        ext = cls(crawler, Path(path))
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        stats: dict[str, Any] = {k: v for k, v in self.crawler.stats.get_stats().items()}
        stats["finish_reason"] = reason
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(stats, default=str, indent=1), encoding="utf-8")
