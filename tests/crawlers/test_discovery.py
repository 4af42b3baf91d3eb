import gzip

import pytest

from crawlers.discovery import DiscoveryError, iso_date, parse_feed, parse_listing, parse_sitemap

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ph\xc3\xa1p lu\xe1\xba\xadt</title>
<item><title>B\xe1\xba\xaft t\xe1\xba\xa1m giam</title><link>https://x.vn/a-1.html</link>
<pubDate>Sun, 28 Mar 2021 08:00:00 +0700</pubDate></item>
<item><title>relative</title><link>/b-2.html</link></item>
</channel></rss>"""

ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
<link rel="alternate" href="https://y.org/post/1"/><published>2021-01-05T10:00:00Z</published></entry></feed>"""

SITEMAP_INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://ngo.org/sitemap-2021.xml</loc></sitemap></sitemapindex>"""

NEWS_SITEMAP = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://ngo.org/r/1</loc><news:news><news:publication_date>2021-01-06T00:00:00Z</news:publication_date>
<news:title>Verdict</news:title></news:news></url>
<url><loc>https://ngo.org/r/2</loc><lastmod>2021-02-01</lastmod></url></urlset>"""


def test_rss_links_dates_and_relative_urls() -> None:
    links = parse_feed(RSS, "https://x.vn/rss/phap-luat.rss")
    assert [link.url for link in links] == ["https://x.vn/a-1.html", "https://x.vn/b-2.html"]
    assert links[0].published == "2021-03-28"
    assert links[0].title == "Bắt tạm giam"


def test_atom() -> None:
    (link,) = parse_feed(ATOM, "https://y.org/feed")
    assert link.url == "https://y.org/post/1" and link.published == "2021-01-05"


def test_sitemap_index_and_news_sitemap_gzipped() -> None:
    links, children = parse_sitemap(SITEMAP_INDEX, "https://ngo.org/sitemap.xml")
    assert links == [] and children == ["https://ngo.org/sitemap-2021.xml"]
    links, children = parse_sitemap(gzip.compress(NEWS_SITEMAP), "https://ngo.org/s.xml.gz")
    assert children == []
    assert [(link.url, link.published) for link in links] == [
        ("https://ngo.org/r/1", "2021-01-06"), ("https://ngo.org/r/2", "2021-02-01")]
    assert links[0].title == "Verdict"


@pytest.mark.parametrize("body", [b"", b"<html><body>not a feed</body></html>", b"\x1f\x8bgarbage"])
def test_broken_documents_raise_with_url(body: bytes) -> None:
    with pytest.raises(DiscoveryError, match="https://bad.example/feed"):
        parse_feed(body, "https://bad.example/feed")


def test_truncated_feed_keeps_what_it_can() -> None:
    links = parse_feed(RSS[: RSS.index(b"<item><title>relative")], "https://x.vn/rss")
    assert [link.url for link in links] == ["https://x.vn/a-1.html"]


def test_listing_links() -> None:
    html = b'<html><body><a href="/news/a.html">A</a><a href="mailto:x@y">m</a><a href="#top">t</a></body></html>'
    links = parse_listing(html, "https://z.org/news/")
    assert [link.url for link in links] == ["https://z.org/news/a.html"]


def test_iso_date_forms() -> None:
    assert iso_date("2021-03-28T08:00:00+07:00") == "2021-03-28"
    assert iso_date("Tue, 05 Jan 2021 10:00:00 GMT") == "2021-01-05"
    assert iso_date("yesterday") is None
