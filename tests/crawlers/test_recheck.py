"""Pages taken down after they were stored are noticed; their evidence stays searchable."""

from pathlib import Path

import pytest

from crawlers.spiders.recheck import classify
from index.base import SearchQuery
from index.sqlite import SqliteBackend
from presswatch.pipeline import crawl, recheck, write_sample_catalogue
from presswatch.sample_site import SampleSite
from presswatch.settings import load_settings


def test_classify() -> None:
    url = "https://x.vn/a/b-1.html"
    assert classify(url, url + "?utm_source=rss", 200) == "live"
    assert classify(url, url, 404) == "removed"
    assert classify(url, url, 410) == "removed"
    assert classify(url, "https://x.vn/", 200) == "removed"
    assert classify(url, "https://x.vn/a/b-2.html", 200) == "moved"
    assert classify(url, url, 503) == "unreachable"


@pytest.mark.slow
def test_takedown_is_noticed_and_reversible(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with SampleSite() as site:
        base = load_settings(env={"PRESSWATCH_DATA_DIR": str(data)}, settings_file=tmp_path / "none.toml")
        catalogue = write_sample_catalogue(base, site.base_url)
        settings = load_settings(env={"PRESSWATCH_DATA_DIR": str(data), "PRESSWATCH_SOURCES": str(catalogue),
                                      "PRESSWATCH_DOWNLOAD_DELAY": "0"}, settings_file=tmp_path / "none.toml")
        crawl(settings, ["sample_state_vi"])
        with SqliteBackend(settings.sqlite_path) as store:
            target = next(a for a in store.iter_articles() if "Phạm Chí Dũng" in a.title)
        path = target.url[len(site.base_url):]
        assert recheck(settings).removed == 0
        site.removed.add(path)
        report = recheck(settings)
        assert (report.checked, report.removed, report.moved, report.unreachable) == (6, 1, 0, 0)
        assert report.changes == [{"id": target.id, "url": target.url, "source_id": "sample_state_vi",
                                   "from": "live", "to": "removed", "reason": "HTTP 404"}]
        with SqliteBackend(settings.sqlite_path) as store:
            stored = store.get_article(target.id)
            assert stored is not None and stored.status == "removed" and stored.removed_at
            hits = {h.article_id: h for h in store.search(SearchQuery(text="Pham Chi Dung 15 năm")).hits}
            assert hits[target.id].status == "removed"  # the evidence stays searchable
            live_only = store.search(SearchQuery(text="Pham Chi Dung 15 năm", include_removed=False)).hits
            assert target.id not in {h.article_id for h in live_only} and live_only
        assert recheck(settings).removed == 0  # already known: no second notice
        site.removed.clear()
        back = recheck(settings)
        assert back.restored == 1
    with SqliteBackend(settings.sqlite_path) as store:
        again = store.get_article(target.id)
        assert again is not None and again.status == "live" and again.removed_at is None
