"""Scrapy settings for presswatch crawls; politeness values come from presswatch settings."""

from __future__ import annotations

from presswatch.settings import load_settings

_settings = load_settings()

BOT_NAME = "presswatch"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

USER_AGENT = _settings.user_agent
ROBOTSTXT_OBEY = _settings.obey_robots
DOWNLOAD_DELAY = _settings.download_delay
RANDOMIZE_DOWNLOAD_DELAY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = _settings.concurrency_per_domain
DOWNLOAD_TIMEOUT = _settings.download_timeout
DOWNLOAD_MAXSIZE = _settings.max_page_bytes
DOWNLOAD_WARNSIZE = min(_settings.max_page_bytes, 5_000_000)
AUTOTHROTTLE_ENABLED = _settings.download_delay > 0
AUTOTHROTTLE_START_DELAY = max(_settings.download_delay, 0.1)
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 2
HTTPERROR_ALLOWED_CODES: list[int] = []
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = _settings.log_level
FEED_EXPORT_ENCODING = "utf-8"

ITEM_PIPELINES = {"crawlers.pipelines.ArticlePipeline": 300}
EXTENSIONS = {"crawlers.extensions.StatsFile": 500}
