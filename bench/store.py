"""Benchmark the embedded store: article write throughput and search latency (figures, not a test).

    .venv/bin/python bench/store.py [--articles 5000]

Articles are built from the bundled sample outlets' text (Vietnamese and English), each copy
with a distinct URL and a distinct token so the index grows like a real archive.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import tempfile
import time
from pathlib import Path

from index.base import SearchQuery
from index.sqlite import SqliteBackend
from presswatch.ids import article_id, canonical_url, sha256_hex
from presswatch.models import Article
from presswatch.sample_site import SAMPLE_ROOT

QUERIES = [
    "Pham Chi Dung",
    "Phạm Chí Dũng",
    '"bắt tạm giam"',
    "Article 117",
    "tuyen truyen chong Nha nuoc",
    "sentenced prison",
    "Le Trong Hung Hanoi",
    "khởi tố bị can",
]


def sample_texts() -> list[str]:
    texts = []
    for page in sorted(SAMPLE_ROOT.rglob("*.html")):
        body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
        text = " ".join(re.sub(r"<[^>]+>", " ", body).split())
        if len(text) > 1500:
            texts.append(text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    texts = sample_texts()
    with tempfile.TemporaryDirectory() as tmp, SqliteBackend(Path(tmp) / "bench.sqlite3") as store:
        started = time.perf_counter()
        for n in range(args.articles):
            text = f"{texts[n % len(texts)]} ref{n}"
            url = f"https://bench.example/{n}.html"
            store.add_article(
                Article(
                    id=article_id(url),
                    url=url,
                    canonical_url=canonical_url(url),
                    source_id="bench",
                    lang="vi",
                    title=f"Article {n}",
                    text=text,
                    fetched_at="2026-11-28T00:00:00",
                    content_sha256=sha256_hex(text),
                    published=f"2021-{1 + n % 12:02d}-01",
                )
            )
        write_s = time.perf_counter() - started
        latencies: list[float] = []
        for _ in range(5):
            for query in QUERIES:
                t0 = time.perf_counter()
                store.search(SearchQuery(text=query, limit=20))
                latencies.append((time.perf_counter() - t0) * 1000)
        size_mb = (Path(tmp) / "bench.sqlite3").stat().st_size / 1e6
    latencies.sort()
    print(f"articles written: {args.articles} in {write_s:.1f} s = {args.articles / write_s:.0f} articles/s")
    print(f"store size: {size_mb:.1f} MB")
    print(
        f"search latency over {len(latencies)} queries (top 20 hits with snippets): "
        f"p50 {statistics.median(latencies):.1f} ms, p95 {latencies[int(len(latencies) * 0.95) - 1]:.1f} ms,"
        f" max {latencies[-1]:.1f} ms"
    )
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
