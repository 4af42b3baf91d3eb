"""The bundled sample outlets, their server and the real source catalogue.

Everything runs against a SampleSite on loopback (port 0); no network.
"""

from __future__ import annotations

import http.client
import re
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest

from presswatch.sample_site import PLACEHOLDER, SAMPLE_ROOT, SampleSite, sample_catalogue
from presswatch.sources import load_catalogue, parse_catalogue

SOURCES_TOML = Path(__file__).resolve().parents[1] / "presswatch" / "sources.toml"
KINDS = {"state_media", "independent_media", "international_media", "ngo", "government"}
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
GONE_PATH = "/vn_state/phap-luat/bai-viet-da-go-4250008.html"
BROKEN_PATH = "/vn_state/phap-luat/noi-dung-dang-cap-nhat-4250007.html"


# --------------------------------------------------------------------------- helpers


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, method: str = "GET") -> Response:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return Response(resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read())
    except urllib.error.HTTPError as err:
        return Response(err.code, {k.lower(): v for k, v in err.headers.items()}, err.read())


def raw_get(site: SampleSite, path: str) -> Response:
    """GET a path exactly as written (urllib would not send some of the traversal forms)."""
    conn = http.client.HTTPConnection(site.host, urlsplit(site.base_url).port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
    finally:
        conn.close()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.html_lang: str | None = None
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        elif tag == "meta" and "content" in a:
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a["content"]
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "html":
            self.html_lang = a.get("lang")
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def parse_html(text: str) -> _Links:
    parser = _Links()
    parser.feed(text)
    parser.close()
    return parser


def strip_query(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        yield running


@pytest.fixture(scope="module")
def catalogue(site: SampleSite) -> list[dict]:
    return tomllib.loads(sample_catalogue(site.base_url))["source"]


def source(catalogue: list[dict], source_id: str) -> dict:
    return next(s for s in catalogue if s["id"] == source_id)


def matches(src: dict, url: str) -> bool:
    return any(re.search(p, url) for p in src["article_url_patterns"])


def rss_links(site: SampleSite, path: str) -> list[str]:
    resp = fetch(site.url(path))
    assert resp.status == 200
    assert resp.headers["content-type"].startswith("application/rss+xml")
    assert PLACEHOLDER not in resp.text
    channel = ET.fromstring(resp.body).find("channel")
    assert channel is not None
    return [item.findtext("link", "").strip() for item in channel.iter("item")]


def sitemap_urls(site: SampleSite) -> tuple[list[str], list[ET.Element]]:
    """Article URLs of the NGO sitemap index (following its children) and the <url> elements."""
    index = fetch(site.url("/ngo/sitemap.xml"))
    assert index.status == 200
    assert index.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(index.body)
    assert root.tag == f"{SM}sitemapindex"
    locs, elements = [], []
    for child in root.iter(f"{SM}loc"):
        child_url = (child.text or "").strip()
        assert child_url.startswith(site.base_url + "/")
        resp = fetch(child_url)
        assert resp.status == 200, child_url
        assert PLACEHOLDER not in resp.text
        urlset = ET.fromstring(resp.body)
        assert urlset.tag == f"{SM}urlset"
        for url_el in urlset.iter(f"{SM}url"):
            locs.append(url_el.findtext(f"{SM}loc", "").strip())
            elements.append(url_el)
    return locs, elements


def listing_links(site: SampleSite) -> list[str]:
    page = site.url("/exile_en/news/index.html")
    resp = fetch(page)
    assert resp.status == 200
    assert PLACEHOLDER not in resp.text
    return [urljoin(page, href) for href in parse_html(resp.text).hrefs]


def discovered_articles(site: SampleSite, catalogue: list[dict]) -> dict[str, str]:
    """Every article URL the three discovery paths yield (minus the deliberate 404) -> source id."""
    found: dict[str, str] = {}
    state = source(catalogue, "sample_state_vi")
    for feed in state["feeds"]:
        for link in rss_links(site, urlsplit(feed).path):
            if urlsplit(link).path != GONE_PATH:
                assert matches(state, link), link
                found[link] = state["id"]
    ngo = source(catalogue, "sample_ngo_en")
    for loc in sitemap_urls(site)[0]:
        if matches(ngo, loc):
            found[loc] = ngo["id"]
    exile = source(catalogue, "sample_exile_en")
    for link in listing_links(site):
        clean = strip_query(link)
        if matches(exile, clean):
            found[clean] = exile["id"]
    return found


# --------------------------------------------------------------------------- server


def test_base_url_needs_a_started_server() -> None:
    idle = SampleSite()
    with pytest.raises(RuntimeError):
        _ = idle.base_url
    idle.stop()  # stopping a server that never started is harmless


def test_start_stop_and_fixed_port() -> None:
    with SampleSite() as first:
        port = int(first.base_url.rsplit(":", 1)[1])
        assert first.base_url == f"http://127.0.0.1:{port}"
        assert fetch(first.url("/robots.txt")).status == 200
    with pytest.raises(OSError):
        fetch(f"http://127.0.0.1:{port}/robots.txt")
    with SampleSite(port=port) as again:  # the port is free again and can be given explicitly
        assert again.base_url.endswith(f":{port}")
        assert fetch(again.url("/robots.txt")).status == 200


def test_robots_allows_everything(site: SampleSite) -> None:
    resp = fetch(site.url("/robots.txt"))
    assert resp.headers["content-type"].startswith("text/plain")
    assert "User-agent: *" in resp.text
    assert "Allow: /" in resp.text
    assert "Disallow: /" not in resp.text
    assert f"Sitemap: {site.base_url}/ngo/sitemap.xml" in resp.text


def test_missing_file_is_404(site: SampleSite) -> None:
    assert fetch(site.url("/vn_state/phap-luat/khong-ton-tai-9999999.html")).status == 404
    assert fetch(site.url("/nowhere/")).status == 404


def test_directory_serves_its_index(site: SampleSite) -> None:
    resp = fetch(site.url("/vn_state/"))
    assert resp.status == 200
    assert resp.headers["content-type"] == "text/html; charset=utf-8"
    assert "Báo Pháp Luật Mẫu" in resp.text


def test_directory_without_slash_redirects(site: SampleSite) -> None:
    resp = raw_get(site, "/exile_en/news")
    assert resp.status == 301
    assert resp.headers["location"] == "/exile_en/news/"
    assert fetch(site.url("/exile_en/news")).status == 200  # urllib follows the redirect


def test_head_has_headers_and_no_body(site: SampleSite) -> None:
    resp = fetch(site.url("/ngo/sitemap.xml"), method="HEAD")
    assert resp.status == 200
    assert resp.body == b""
    assert int(resp.headers["content-length"]) > 0


def test_placeholder_replaced_by_real_base(site: SampleSite) -> None:
    on_disk = (SAMPLE_ROOT / "vn_state" / "rss" / "phap-luat.rss").read_text(encoding="utf-8")
    assert PLACEHOLDER in on_disk
    served = fetch(site.url("/vn_state/rss/phap-luat.rss")).text
    assert PLACEHOLDER not in served
    assert served.count(site.base_url) == on_disk.count(PLACEHOLDER)


@pytest.mark.parametrize(
    "path",
    [
        "/../pyproject.toml",
        "/../sample_site.py",
        "/vn_state/../../sample_site.py",
        "/%2e%2e/sample_site.py",
        "/vn_state/%2e%2e/%2e%2e/sample_site.py",
        "/..%2fsample_site.py",
        "/..%5csample_site.py",
    ],
)
def test_path_traversal_refused(site: SampleSite, path: str) -> None:
    resp = raw_get(site, path)
    assert resp.status == 403
    assert b"SampleSite" not in resp.body
    assert b"[build-system]" not in resp.body


def test_removed_paths_answer_404_and_come_back(site: SampleSite, catalogue: list[dict]) -> None:
    article = "/vn_state/phap-luat/khoi-to-bat-tam-giam-tran-quoc-khanh-4250001.html"
    assert fetch(site.url(article)).status == 200
    site.removed.add(article)
    try:
        gone = fetch(site.url(article))
        assert gone.status == 404
        assert "Trần Quốc Khánh" not in gone.text
        # other pages are unaffected, and the feed still lists the removed article
        assert fetch(site.url("/vn_state/")).status == 200
        assert site.url(article) in rss_links(site, "/vn_state/rss/phap-luat.rss")
        site.removed_status = 410
        assert fetch(site.url(article)).status == 410
    finally:
        site.removed.discard(article)
        site.removed_status = 404
    assert fetch(site.url(article)).status == 200


def test_removed_directory_index(site: SampleSite) -> None:
    site.removed.add("/exile_en/news/")
    try:
        assert fetch(site.url("/exile_en/news/")).status == 404
        assert fetch(site.url("/exile_en/news/index.html")).status == 404
    finally:
        site.removed.discard("/exile_en/news/")
    assert fetch(site.url("/exile_en/news/index.html")).status == 200


def test_quiet_logging(capfd: pytest.CaptureFixture[str]) -> None:
    with SampleSite() as quiet:
        fetch(quiet.url("/robots.txt"))
        fetch(quiet.url("/missing.html"))
    assert capfd.readouterr().err == ""


def test_module_main_serves_in_the_foreground() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "presswatch.sample_site", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)/", first)
        assert match, first
        base = match.group(1)
        lines: list[str] = []
        while line := proc.stdout.readline():  # the catalogue: three tables, each ending in notes
            lines.append(line)
            if line.startswith("notes =") and sum(ln.startswith("[[source]]") for ln in lines) == 3:
                break
        printed = "".join(lines)
        assert len(tomllib.loads(printed)["source"]) == 3
        assert fetch(base + "/robots.txt").status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# --------------------------------------------------------------------------- discovery


def test_rss_feed_items(site: SampleSite, catalogue: list[dict]) -> None:
    state = source(catalogue, "sample_state_vi")
    links = rss_links(site, "/vn_state/rss/phap-luat.rss")
    assert len(links) >= 5
    assert site.url(GONE_PATH) in links
    assert site.url(BROKEN_PATH) in links
    for link in links:
        assert link.startswith(site.base_url + "/vn_state/")
        assert matches(state, link), link
        resp = fetch(link)
        if urlsplit(link).path == GONE_PATH:
            assert resp.status == 404
            continue
        assert resp.status == 200, link
        assert resp.headers["content-type"] == "text/html; charset=utf-8"
        assert PLACEHOLDER not in resp.text


def test_rss_feed_fields(site: SampleSite) -> None:
    channel = ET.fromstring(fetch(site.url("/vn_state/rss/tin-moi-nhat.rss")).body).find("channel")
    assert channel is not None
    assert channel.findtext("language") == "vi-VN"
    items = list(channel.iter("item"))
    assert len(items) >= 6
    for item in items:
        assert item.findtext("title")
        assert item.findtext("guid") == item.findtext("link")
        assert re.fullmatch(r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0700", item.findtext("pubDate", ""))


def test_sitemap_index_and_news_entries(site: SampleSite, catalogue: list[dict]) -> None:
    ngo = source(catalogue, "sample_ngo_en")
    locs, elements = sitemap_urls(site)
    articles = [loc for loc in locs if matches(ngo, loc)]
    pages = [loc for loc in locs if not matches(ngo, loc)]
    assert len(articles) >= 5
    assert pages, "the pages sitemap lists non-article URLs the patterns must skip"
    news = [el for el in elements if el.find(f"{NEWS}news") is not None]
    assert len(news) == len(articles)
    for el in news:
        assert el.findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language") == "en"
        assert el.findtext(f"{NEWS}news/{NEWS}title")
        assert re.match(r"\d{4}-\d{2}-\d{2}T", el.findtext(f"{NEWS}news/{NEWS}publication_date", ""))
    for loc in locs:
        resp = fetch(loc)
        assert resp.status == 200, loc
        assert PLACEHOLDER not in resp.text


def test_listing_patterns_pick_articles_not_nav(site: SampleSite, catalogue: list[dict]) -> None:
    exile = source(catalogue, "sample_exile_en")
    links = listing_links(site)
    article_links = [link for link in links if matches(exile, strip_query(link))]
    nav_links = [link for link in links if not matches(exile, strip_query(link))]
    unique = {strip_query(link) for link in article_links}
    assert len(unique) >= 4
    # nav, category, pagination and about links exist and are not articles
    nav_paths = {urlsplit(link).path for link in nav_links}
    assert {"/exile_en/", "/exile_en/news/index.html", "/exile_en/about.html"} <= nav_paths
    assert "/exile_en/news/page/2.html" in nav_paths
    assert "/exile_en/news/category/politics.html" in nav_paths
    # one article is linked again with tracking parameters and a fragment
    tracked = [link for link in links if "utm_source=" in link]
    assert len(tracked) >= 2
    assert any(link.endswith("?utm_source=x#comments") for link in tracked)
    assert len({strip_query(link) for link in tracked}) == 1
    assert strip_query(tracked[0]) in unique
    for url in unique:
        assert fetch(url).status == 200, url


def test_catalogue_parses_and_points_at_the_site(site: SampleSite, catalogue: list[dict]) -> None:
    assert [s["id"] for s in catalogue] == ["sample_state_vi", "sample_ngo_en", "sample_exile_en"]
    for src in catalogue:
        assert src["kind"] in KINDS
        assert src["lang"] in ("vi", "en")
        entry_points = src["feeds"] + src["sitemaps"] + src["listings"]
        assert entry_points
        for url in [src["homepage"], *entry_points]:
            assert url.startswith(site.base_url + "/")
            assert fetch(url).status == 200, url
        for pattern in src["article_url_patterns"]:
            assert pattern.startswith("^" + re.escape(site.base_url))
            re.compile(pattern)
    assert source(catalogue, "sample_state_vi")["kind"] == "state_media"
    assert source(catalogue, "sample_ngo_en")["kind"] == "ngo"
    assert source(catalogue, "sample_exile_en")["kind"] == "independent_media"


def test_catalogue_patterns_are_anchored_to_the_base() -> None:
    text = sample_catalogue("http://127.0.0.1:8000/")
    src = tomllib.loads(text)["source"][2]
    good = "http://127.0.0.1:8000/exile_en/news/2021/03/le-trong-hung-arrested-in-hanoi.html"
    assert matches(src, good)
    assert not matches(src, good.replace("127.0.0.1", "127x0x0x1"))
    assert not matches(src, "http://evil.example/?u=" + good)
    assert PLACEHOLDER not in text


# --------------------------------------------------------------------------- content


@pytest.fixture(scope="module")
def articles(site: SampleSite, catalogue: list[dict]) -> dict[str, tuple[str, _Links, str]]:
    """URL -> (source id, parsed page, raw HTML) for every discovered article except the broken one."""
    out = {}
    for url, source_id in discovered_articles(site, catalogue).items():
        if urlsplit(url).path == BROKEN_PATH:
            continue
        text = fetch(url).text
        out[url] = (source_id, parse_html(text), text)
    return out


def test_at_least_fourteen_articles_in_both_languages(articles: dict) -> None:
    assert len(articles) >= 14
    langs = [page.html_lang for _, page, _ in articles.values()]
    assert langs.count("vi") >= 5
    assert langs.count("en") >= 8
    assert {source_id for source_id, _, _ in articles.values()} == {
        "sample_state_vi",
        "sample_ngo_en",
        "sample_exile_en",
    }


def test_article_metadata(articles: dict) -> None:
    for url, (_, page, _) in articles.items():
        assert page.html_lang in ("vi", "en"), url
        assert page.title.strip(), url
        assert page.meta.get("og:title"), url
        assert page.meta.get("author"), url
        assert re.fullmatch(r"2021-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", page.meta["article:published_time"])
        assert page.canonical == url


def test_article_pages_have_boilerplate_around_the_text(articles: dict) -> None:
    for url, (_, page, text) in articles.items():
        assert "<nav" in text and "<footer" in text and "©" in text, url
        assert 'id="comments"' in text, url
        assert re.search(r"Most Read|Đọc nhiều nhất", text), url
        assert len(page.hrefs) > 15, url


def _body_text(text: str) -> str:
    paras = re.findall(r"<p>(.*?)</p>", text, flags=re.S)
    return " ".join(paras).replace("&quot;", '"').replace("&#x27;", "'")


def test_article_bodies_are_long_enough(articles: dict) -> None:
    for url, (_, _, text) in articles.items():
        words = len(_body_text(text).split())
        assert 250 <= words <= 650, (url, words)


def test_names_and_phrases_extractors_rely_on(articles: dict) -> None:
    vi = [_body_text(t) for _, p, t in articles.values() if p.html_lang == "vi"]
    en = [_body_text(t) for _, p, t in articles.values() if p.html_lang == "en"]
    assert sum("Phạm Chí Dũng" in t for t in vi) >= 2
    assert sum("Pham Chi Dung" in t for t in en) >= 2
    assert any("Trần Quốc Khánh bị bắt tạm giam" in t and "Điều 117 Bộ luật Hình sự" in t for t in vi)
    assert any("Lê Trọng Hùng bị bắt tạm giam" in t and "khởi tố bị can" in t for t in vi)
    assert sum("was arrested on March 27, 2021" in t for t in en) >= 2
    assert sum("sentenced Pham Chi Dung to 15 years in prison" in t for t in en) >= 2
    assert any("Nguyen Tuong Thuy" in t and "Le Huu Minh Tuan" in t for t in en)
    assert any("Nguyễn Tường Thụy" in t and "Lê Hữu Minh Tuấn" in t for t in vi)


def test_some_articles_have_no_legal_event(articles: dict) -> None:
    legal = re.compile(r"arrest|sentenc|prison|Article \d|bắt|tù|Điều \d|khởi tố|xét xử", re.I)
    quiet = [url for url, (_, _, text) in articles.items() if not legal.search(_body_text(text))]
    assert len(quiet) >= 3, quiet


def test_main_text_extraction_drops_boilerplate(articles: dict) -> None:
    trafilatura = pytest.importorskip("trafilatura")
    for url, (_, _, text) in articles.items():
        main = trafilatura.extract(text, include_comments=False, url=url)
        assert main, url
        first_paragraph = _body_text(text).split(". ")[0]
        assert first_paragraph[:60] in main, url
        for boilerplate in ("Most Read", "Đọc nhiều nhất", "Quảng cáo", "Leave a Reply", "©"):
            assert boilerplate not in main, (url, boilerplate)


def test_broken_page_is_served_truncated(site: SampleSite) -> None:
    resp = fetch(site.url(BROKEN_PATH))
    assert resp.status == 200
    assert "</html>" not in resp.text
    assert len(_body_text(resp.text).split()) < 20


# --------------------------------------------------------------------------- the real catalogue


def test_sources_toml_catalogue() -> None:
    sources = tomllib.loads(SOURCES_TOML.read_text(encoding="utf-8"))["source"]
    assert len(sources) >= 24
    ids = [s["id"] for s in sources]
    assert len(ids) == len(set(ids))
    for src in sources:
        assert re.fullmatch(r"[a-z0-9_]+", src["id"]), src["id"]
        assert src["kind"] in KINDS, src["id"]
        assert src["lang"] in ("vi", "en"), src["id"]
        assert src["name"] and src["homepage"].startswith("https://"), src["id"]
        assert src["feeds"] or src["sitemaps"] or src["listings"], src["id"]
        for url in src["feeds"] + src["sitemaps"] + src["listings"]:
            assert url.startswith("https://"), (src["id"], url)
        if src["listings"]:
            assert src["article_url_patterns"], f"{src['id']}: a listing needs patterns to pick links"
        for pattern in src["article_url_patterns"]:
            re.compile(pattern)
            assert pattern.startswith("^https"), (src["id"], pattern)
        assert "sample.invalid" not in src["homepage"]
        assert isinstance(src.get("notes", ""), str)
    kinds = {s["kind"] for s in sources}
    assert {"state_media", "international_media", "independent_media", "ngo"} <= kinds
    assert {"vnexpress", "rfa_vi", "bbc_vi", "luatkhoa", "hrw", "the88project", "cpj"} <= set(ids)


def test_sources_toml_patterns_match_their_own_example_urls() -> None:
    sources = {s["id"]: s for s in tomllib.loads(SOURCES_TOML.read_text(encoding="utf-8"))["source"]}
    examples = {
        "vnexpress": "https://vnexpress.net/bat-tam-giam-mot-nguoi-4250001.html",
        "dantri": "https://dantri.com.vn/phap-luat/mot-vu-an-20210327101010123.htm",
        "bbc_vi": "https://www.bbc.com/vietnamese/articles/c0abc123xyz",
        "thevietnamese": "https://www.thevietnamese.org/2021/03/some-story/",
    }
    for source_id, url in examples.items():
        assert any(re.search(p, url) for p in sources[source_id]["article_url_patterns"]), source_id


def test_both_catalogues_pass_the_project_loader() -> None:
    assert len(load_catalogue(SOURCES_TOML)) >= 24
    sample = parse_catalogue(sample_catalogue("http://127.0.0.1:8000"), "sample")
    assert [s.id for s in sample] == ["sample_state_vi", "sample_ngo_en", "sample_exile_en"]
