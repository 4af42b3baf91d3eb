from presswatch.ids import article_id, canonical_url, date_bucket, event_id, fold, person_id


def test_canonical_url_drops_fragment_default_port_and_tracking() -> None:
    url = "HTTPS://Example.ORG:443/News/A-1.html?utm_source=x&id=7&fbclid=abc&at_medium=rss#comments"
    assert canonical_url(url) == "https://example.org/News/A-1.html?id=7"


def test_canonical_url_keeps_other_ports_and_path_case() -> None:
    assert canonical_url("http://127.0.0.1:8931/A/b.html") == "http://127.0.0.1:8931/A/b.html"
    assert canonical_url("http://example.org:80") == "http://example.org/"


def test_article_id_is_stable_across_tracking_variants() -> None:
    a = article_id("https://example.org/x.html?utm_campaign=y")
    assert a == article_id("https://example.org/x.html#top")
    assert a != article_id("https://example.org/y.html")
    assert len(a) == 16


def test_fold_vietnamese_names() -> None:
    assert fold("Phạm Chí Dũng") == "pham chi dung"
    assert fold("Đặng  Đình-Mạnh") == "dang dinh manh"
    assert person_id("Phạm Chí Dũng") == person_id("Pham Chi Dung") == "pham-chi-dung"


def test_event_ids_bucket_by_month() -> None:
    pid = person_id("Le Trong Hung")
    assert event_id(pid, "arrest", "2021-03-27") == event_id(pid, "arrest", "2021-03")
    assert event_id(pid, "arrest", "2021-03-27") != event_id(pid, "arrest", "2021-04-01")
    assert event_id(pid, "arrest", None) != event_id(pid, "sentence", None)
    assert date_bucket(None) == "undated"
