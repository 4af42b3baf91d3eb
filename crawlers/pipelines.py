"""Turn fetched article pages into Article records: raw bytes kept as evidence, main text extracted."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from crawlers.extraction import ExtractionError, decode_html, extract_page
from presswatch.ids import article_id, canonical_url, sha256_hex
from presswatch.models import Article, RawResponse


def store_raw(raw_dir: Path, body: bytes, suffix: str) -> RawResponse:
    """Content-addressed: the same bytes are stored once, at raw/<aa>/<sha256><suffix>."""
    digest = sha256_hex(body)
    path = raw_dir / digest[:2] / f"{digest}{suffix}"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(body)
        tmp.replace(path)
    return RawResponse(path=str(path), sha256=digest)


class ArticlePipeline:
    """Needs the Scrapy settings PRESSWATCH_ARTICLES_FILE (JSONL output) and PRESSWATCH_RAW_DIR."""

    def __init__(self, crawler: Crawler, output: Path, raw_dir: Path) -> None:
        self.crawler = crawler
        self.output = output
        self.raw_dir = raw_dir
        self._fh: TextIO | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticlePipeline:
        output = crawler.settings.get("PRESSWATCH_ARTICLES_FILE")
        raw_dir = crawler.settings.get("PRESSWATCH_RAW_DIR")
        if not output or not raw_dir:
            raise NotConfigured("PRESSWATCH_ARTICLES_FILE and PRESSWATCH_RAW_DIR must be set")
        return cls(crawler, Path(output), Path(raw_dir))

    def open_spider(self, spider: Spider | None = None) -> None:
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self._fh = self.output.open("a", encoding="utf-8")

    def close_spider(self, spider: Spider | None = None) -> None:
        if self._fh is not None:
            self._fh.close()

    def process_item(self, item: dict[str, Any], spider: Spider | None = None) -> dict[str, Any]:
        url: str = item["url"]
        body: bytes = item["body"]
        content_type: str = item.get("content_type", "")
        if "html" not in content_type.lower() and not body.lstrip()[:200].lower().startswith((b"<!doctype", b"<html")):
            self._count("skipped_not_html")
            raise DropItem(f"source {item['source_id']}: {url}: not an HTML page ({content_type or 'no type'})")
        raw = store_raw(self.raw_dir, body, ".html")
        raw.content_type, raw.status = content_type, int(item.get("status", 200))
        try:
            page = extract_page(decode_html(body, content_type), item["final_url"])
        except ExtractionError as exc:
            self._count("extraction_failed")
            raise DropItem(f"source {item['source_id']}: {exc} (raw kept at {raw.path})") from None
        canonical = canonical_url(url)
        article = Article(
            id=article_id(url),
            url=url,
            canonical_url=canonical,
            source_id=item["source_id"],
            lang=item.get("lang"),
            title=page.title or item.get("hint_title") or "",
            text=page.text,
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            content_sha256=sha256_hex(page.text),
            published=page.published or item.get("hint_published"),
            authors=page.authors,
            raw=raw,
        )
        assert self._fh is not None
        self._fh.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        self._fh.flush()
        self._count("articles_extracted")
        return {"id": article.id, "url": url}

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"presswatch/{key}")
