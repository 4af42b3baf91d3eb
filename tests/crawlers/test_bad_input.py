"""A crawl that meets bad input (a truncated feed, a huge page, a PDF, a 404, a page with no text)
stores what is good, counts and names what is bad, and loses nothing else."""

from pathlib import Path

import pytest

from index.sqlite import SqliteBackend
from presswatch.pipeline import crawl_source
from presswatch.sample_site import PLACEHOLDER, SAMPLE_ROOT, SampleSite
from presswatch.settings import load_settings

pytestmark = pytest.mark.slow

GOOD_ARTICLE = (SAMPLE_ROOT / "vn_state" / "phap-luat").glob("*4250003.html")


def build_site(root: Path) -> None:
    (root / "site").mkdir(parents=True)
    good = next(iter(GOOD_ARTICLE)).read_text(encoding="utf-8")
    (root / "site" / "good.html").write_text(good, encoding="utf-8")
    (root / "site" / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (root / "site" / "huge.html").write_text("<html><body>" + "<p>lorem ipsum</p>" * 40_000 + "</body></html>",
                                             encoding="utf-8")
    (root / "site" / "report.pdf").write_bytes(b"%PDF-1.4\n%fake\n")
    items = "".join(f"<item><title>{name}</title><link>{PLACEHOLDER}/site/{name}</link></item>"
                    for name in ("good.html", "empty.html", "huge.html", "report.pdf", "missing.html"))
    # truncated: the channel and rss elements are never closed
    (root / "site" / "feed.rss").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>{items}',
                                            encoding="utf-8")
    (root / "site" / "broken.rss").write_text("this is not xml at all", encoding="utf-8")


def test_bad_input_is_counted_and_the_rest_is_kept(tmp_path: Path) -> None:
    build_site(tmp_path / "www")
    with SampleSite(root=tmp_path / "www") as site:
        catalogue = tmp_path / "sources.toml"
        catalogue.write_text(
            '[[source]]\nid = "rough"\nname = "Rough Outlet"\nhomepage = "' + site.base_url + '/site/"\n'
            'lang = "vi"\nkind = "independent_media"\n'
            f'feeds = ["{site.base_url}/site/feed.rss", "{site.base_url}/site/broken.rss"]\n',
            encoding="utf-8",
        )
        settings = load_settings(env={"PRESSWATCH_DATA_DIR": str(tmp_path / "data"),
                                      "PRESSWATCH_SOURCES": str(catalogue), "PRESSWATCH_DOWNLOAD_DELAY": "0",
                                      "PRESSWATCH_MAX_PAGE_BYTES": "200000"},
                                 settings_file=tmp_path / "none.toml")
        report = crawl_source(settings, "rough")
    assert report.error is None
    assert report.new_articles == 1
    assert report.fetched == 5
    assert report.fetch_errors == 3  # broken.rss (not a feed), missing.html (404), huge.html (over the limit)
    assert report.dropped == 2  # empty.html (no main text), report.pdf (not HTML)
    log = Path(report.log_file).read_text(encoding="utf-8")
    assert "broken.rss: not an RSS or Atom feed" in log or "broken.rss: not XML" in log
    assert "missing.html: HTTP 404" in log
    assert "empty.html: main text too short" in log or "empty.html: no main text" in log
    assert "report.pdf: not an HTML page" in log
    with SqliteBackend(settings.sqlite_path) as store:
        (article,) = list(store.iter_articles())
    assert article.url.endswith("/site/good.html") and "Phạm Chí Dũng" in article.text
