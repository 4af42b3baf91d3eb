import re

import pytest

from presswatch.sources import CatalogueError, load_catalogue, parse_catalogue

GOOD = """
[[source]]
id = "vnexpress"
name = "VnExpress"
homepage = "https://vnexpress.net/"
lang = "vi"
kind = "state_media"
feeds = ["https://vnexpress.net/rss/phap-luat.rss"]
article_url_patterns = ['^https://vnexpress\\.net/[a-z0-9-]+-\\d{7}\\.html$']
"""


def test_parses_a_good_entry() -> None:
    (src,) = parse_catalogue(GOOD)
    assert src.id == "vnexpress" and src.feeds and src.enabled
    assert re.search(src.article_url_patterns[0], "https://vnexpress.net/abc-4250001.html")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (('lang = "vi"', 'lang = "fr"'), "lang"),
        (('kind = "state_media"', 'kind = "blog"'), "kind"),
        (('id = "vnexpress"', 'id = "Vn Express"'), "id"),
        (('feeds = ["https://vnexpress.net/rss/phap-luat.rss"]', 'feeds = ["ftp://x"]'), "feeds"),
        (("[a-z0-9-]+", "[a-z0-9-+"), "article_url_patterns"),
        (('name = "VnExpress"', 'name = ""'), "name"),
        (('country = "VN"', ""), None),
    ],
)
def test_bad_field_is_named(change: tuple[str, str], field: str | None) -> None:
    text = GOOD.replace(*change)
    if field is None:
        assert parse_catalogue(text)
        return
    with pytest.raises(CatalogueError, match=f"'{field}'"):
        parse_catalogue(text, "cat.toml")


def test_unknown_field_and_duplicates() -> None:
    with pytest.raises(CatalogueError, match="feedz"):
        parse_catalogue(GOOD + 'feedz = ["x"]\n')
    with pytest.raises(CatalogueError, match="duplicate id 'vnexpress'"):
        parse_catalogue(GOOD + GOOD)


def test_source_without_discovery_is_refused() -> None:
    text = GOOD.replace('feeds = ["https://vnexpress.net/rss/phap-luat.rss"]', "")
    with pytest.raises(CatalogueError, match="at least one of"):
        parse_catalogue(text)


def test_bundled_catalogue_is_valid_and_real() -> None:
    sources = load_catalogue()
    assert len(sources) >= 20
    kinds = {s.kind for s in sources}
    assert {"state_media", "ngo", "independent_media", "international_media"} <= kinds
    assert {s.lang for s in sources} == {"vi", "en"}
    assert any(s.id == "vnexpress" for s in sources)
