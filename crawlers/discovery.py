"""Find article links in feeds (RSS 2.0, RSS 1.0, Atom), sitemaps (incl. news, indexes) and listings.

Pure functions over bytes so they are tested without a crawl. A document that is not what it
claims raises DiscoveryError naming the URL and what was wrong.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree, html

MAX_XML_BYTES = 50_000_000


class DiscoveryError(ValueError):
    pass


@dataclass(frozen=True)
class Link:
    url: str
    published: str | None = None  # ISO date (YYYY-MM-DD) when the feed or sitemap gives one
    title: str | None = None


def _xml_root(body: bytes, url: str) -> etree._Element:
    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError) as exc:
            raise DiscoveryError(f"{url}: broken gzip data: {exc}") from None
    if len(body) > MAX_XML_BYTES:
        raise DiscoveryError(f"{url}: document of {len(body)} bytes exceeds {MAX_XML_BYTES}")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body.strip(), parser=parser)
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"{url}: not XML: {exc}") from None
    if root is None:
        raise DiscoveryError(f"{url}: not XML (empty or unparseable document)")
    return root


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    for child in el:
        if _local(child.tag) in names:
            text = (child.text or "").strip()
            if text:
                return text
    return None


_ISO_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def iso_date(value: str | None) -> str | None:
    """'2021-03-28T08:00:00+07:00' or 'Sun, 28 Mar 2021 08:00:00 +0700' -> '2021-03-28'."""
    if not value:
        return None
    value = value.strip()
    match = _ISO_RE.match(value)
    if match:
        return match.group(1)
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def parse_feed(body: bytes, url: str) -> list[Link]:
    root = _xml_root(body, url)
    kind = _local(root.tag)
    links: list[Link] = []
    if kind in {"rss", "rdf"}:
        for item in root.iter():
            if _local(item.tag) != "item":
                continue
            href = _child_text(item, "link") or _child_text(item, "guid")
            if href:
                published = iso_date(_child_text(item, "pubdate", "date", "published"))
                links.append(Link(urljoin(url, href), published, _child_text(item, "title")))
    elif kind == "feed":
        for entry in root:
            if _local(entry.tag) != "entry":
                continue
            href = None
            for child in entry:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    href = child.get("href")
                    break
            if href:
                published = iso_date(_child_text(entry, "published", "updated"))
                links.append(Link(urljoin(url, href), published, _child_text(entry, "title")))
    else:
        raise DiscoveryError(f"{url}: not an RSS or Atom feed (root element <{kind or '?'}>)")
    return links


def parse_sitemap(body: bytes, url: str) -> tuple[list[Link], list[str]]:
    """-> (article links of a urlset, child sitemap URLs of a sitemapindex)."""
    root = _xml_root(body, url)
    kind = _local(root.tag)
    if kind not in {"urlset", "sitemapindex"}:
        raise DiscoveryError(f"{url}: not a sitemap (root element <{kind or '?'}>)")
    links: list[Link] = []
    children: list[str] = []
    for entry in root:
        name = _local(entry.tag)
        if name not in {"url", "sitemap"}:
            continue
        loc = _child_text(entry, "loc")
        if not loc:
            continue
        if name == "sitemap":
            children.append(urljoin(url, loc))
            continue
        published = None
        title = None
        for sub in entry.iter():
            local = _local(sub.tag)
            if local == "publication_date" and sub.text:
                published = iso_date(sub.text)
            elif local == "title" and sub.text:
                title = sub.text.strip()
        links.append(Link(urljoin(url, loc), published or iso_date(_child_text(entry, "lastmod")), title))
    return links, children


def parse_listing(body: bytes, url: str) -> list[Link]:
    try:
        doc = html.fromstring(body, base_url=url)
    except (etree.ParserError, ValueError) as exc:
        raise DiscoveryError(f"{url}: not an HTML page: {exc}") from None
    links = []
    for anchor in doc.iter("a"):
        href = anchor.get("href")
        if href and not href.startswith(("javascript:", "mailto:", "tel:", "#")):
            links.append(Link(urljoin(url, href.strip()), None, anchor.text_content().strip() or None))
    return links
