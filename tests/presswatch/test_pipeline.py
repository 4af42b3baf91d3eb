"""Pipeline helpers that need no crawl."""


def test_catalogue_politeness_reaches_scrapy() -> None:
    from presswatch.models import Source
    from presswatch.pipeline import politeness_overrides

    polite = Source(id="x", name="X", homepage="https://x.org/", lang="en", kind="ngo", download_delay=5.0,
                    concurrency=1)
    assert politeness_overrides(polite) == ["-s", "DOWNLOAD_DELAY=5.0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
    assert politeness_overrides(Source(id="y", name="Y", homepage="https://y.org/", lang="en", kind="ngo")) == []
