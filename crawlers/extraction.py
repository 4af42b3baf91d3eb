"""Main text, title, date and authors of an article page, through trafilatura."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import trafilatura

from crawlers.discovery import iso_date


class ExtractionError(ValueError):
    pass


@dataclass
class PageContent:
    title: str
    text: str
    published: str | None
    authors: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    lang: str | None = None


_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\band\b|\bvà\b)\s*")


def decode_html(body: bytes, content_type: str = "") -> str:
    charset = None
    match = re.search(r"charset=([\w-]+)", content_type, re.I)
    if match:
        charset = match.group(1)
    if not charset:
        meta = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", body[:4096], re.I)
        charset = meta.group(1).decode("ascii") if meta else "utf-8"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def extract_page(html_text: str, url: str, min_chars: int = 200) -> PageContent:
    """Raise ExtractionError (naming the URL) when the page has no usable main text."""
    doc = trafilatura.bare_extraction(
        html_text, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )
    if doc is None:
        raise ExtractionError(f"{url}: no main text found (empty or broken page)")
    text = getattr(doc, "text", None) or ""
    text = unicodedata.normalize("NFC", text).strip()
    if len(text) < min_chars:
        raise ExtractionError(f"{url}: main text too short ({len(text)} characters)")
    title = unicodedata.normalize("NFC", (getattr(doc, "title", None) or "").strip())
    author = getattr(doc, "author", None) or ""
    authors = [a.strip() for a in _AUTHOR_SPLIT.split(author) if a.strip()] if author else []
    return PageContent(
        title=title,
        text=text,
        published=iso_date(getattr(doc, "date", None)),
        authors=authors,
        canonical_url=getattr(doc, "url", None),
        lang=getattr(doc, "language", None),
    )
