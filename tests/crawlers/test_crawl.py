"""Real crawls (Scrapy subprocesses) of the bundled sample outlets served on a local port."""

from pathlib import Path

import pytest

from index.base import SearchQuery
from index.sqlite import SqliteBackend
from presswatch.ids import sha256_hex
from presswatch.pipeline import crawl, write_sample_catalogue
from presswatch.sample_site import SampleSite
from presswatch.settings import Settings, load_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory):
    data = tmp_path_factory.mktemp("crawl") / "data"
    with SampleSite() as site:
        base = load_settings(env={"PRESSWATCH_DATA_DIR": str(data)}, settings_file=Path("/nonexistent"))
        catalogue = write_sample_catalogue(base, site.base_url)
        settings = load_settings(env={"PRESSWATCH_DATA_DIR": str(data), "PRESSWATCH_SOURCES": str(catalogue),
                                      "PRESSWATCH_DOWNLOAD_DELAY": "0"}, settings_file=Path("/nonexistent"))
        first = {r.source_id: r for r in crawl(settings)}
        site.removed.add("/vn_state/rss/phap-luat.rss")  # a feed that disappears between runs
        second = {r.source_id: r for r in crawl(settings)}
        yield settings, first, second, site.base_url


def test_first_crawl_stores_every_article(crawled: tuple[Settings, dict, dict, str]) -> None:
    settings, first, _, _ = crawled
    assert {k: r.error for k, r in first.items()} == {"sample_state_vi": None, "sample_ngo_en": None,
                                                      "sample_exile_en": None}
    assert first["sample_state_vi"].new_articles == 6
    assert first["sample_ngo_en"].new_articles == 5
    assert first["sample_exile_en"].new_articles == 4  # the utm/#comments duplicate is one article
    assert first["sample_state_vi"].fetch_errors == 1  # the feed's 404 link
    assert first["sample_state_vi"].dropped == 1  # the broken page
    with SqliteBackend(settings.sqlite_path) as store:
        assert store.counts()["articles"] == 15


def test_articles_have_clean_text_metadata_and_raw_evidence(crawled: tuple[Settings, dict, dict, str]) -> None:
    settings, _, _, base_url = crawled
    with SqliteBackend(settings.sqlite_path) as store:
        articles = list(store.iter_articles())
    for article in articles:
        assert article.canonical_url.startswith(base_url)
        assert "utm_" not in article.canonical_url and "#" not in article.canonical_url
        assert article.title and article.published and article.authors
        assert len(article.text) > 800
        assert "©" not in article.text and "Copyright" not in article.text  # footer boilerplate gone
        assert article.raw is not None
        raw = Path(article.raw.path)
        assert raw.is_file() and sha256_hex(raw.read_bytes()) == article.raw.sha256
        assert article.content_sha256 == sha256_hex(article.text)
    vi = [a for a in articles if a.source_id == "sample_state_vi"]
    assert any("Phạm Chí Dũng" in a.text for a in vi)
    assert all(a.lang == "vi" for a in vi)


def test_second_crawl_skips_stored_urls_and_survives_missing_feed(crawled: tuple[Settings, dict, dict, str]) -> None:
    settings, _, second, _ = crawled
    assert sum(r.new_articles for r in second.values()) == 0
    assert second["sample_ngo_en"].already_stored >= 5
    assert second["sample_ngo_en"].fetched == 0
    assert second["sample_state_vi"].error is None
    with SqliteBackend(settings.sqlite_path) as store:
        assert store.counts()["articles"] == 15
        assert store.search(SearchQuery(text="Pham Chi Dung")).total >= 3
