"""Throughput of the NLP stage (not a test).

Builds English and Vietnamese articles of realistic length (400-900 words) from the labelled dev
passages plus neutral filler paragraphs, then measures, in one process (= one core):
  - the full Extractor (prefilter + spaCy pipeline + our components + event assembly)
  - the bare spaCy pipeline on the same texts (English: the trained model; Vietnamese: blank "vi"
    with our tokenizer and sentence splitter)
and prints articles/s, words/s, the full/bare time ratio and peak RSS.

Usage: .venv/bin/python bench/nlp.py [--articles 200] [--dev PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nlp.extract import Extractor  # noqa: E402
from nlp.pipelines import load_english_model  # noqa: E402
from nlp.tokenizer_vi import blank_vi  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "dev_events.jsonl"

FILLER = {
    "en": [
        "The province has seen rapid growth in tourism over the past decade, with new hotels along the coast.",
        "Local farmers said the rainy season arrived late this year, and rice prices rose in the markets.",
        "Officials opened a new bridge across the river, cutting travel time between the two districts.",
        "Social media use keeps growing in the country, where tens of millions of people have accounts.",
        "Students returned to school after the holiday, and teachers reported larger classes than before.",
        "The city plans to expand its metro network, although construction has been repeatedly delayed.",
    ],
    "vi": [
        "Tỉnh này đã chứng kiến sự phát triển nhanh của ngành du lịch trong mười năm qua, với nhiều khách sạn mới.",
        "Nông dân địa phương cho biết mùa mưa năm nay đến muộn và giá lúa gạo tăng ở các chợ.",
        "Chính quyền vừa khánh thành cây cầu mới bắc qua sông, rút ngắn thời gian đi lại giữa hai huyện.",
        "Số người dùng mạng xã hội tiếp tục tăng, với hàng chục triệu tài khoản trên cả nước.",
        "Học sinh trở lại trường sau kỳ nghỉ, nhiều giáo viên cho biết lớp học đông hơn trước.",
        "Thành phố dự kiến mở rộng mạng lưới tàu điện, dù việc xây dựng nhiều lần bị chậm tiến độ.",
    ],
}


def build_articles(dev: Path, lang: str, n: int, seed: int = 7) -> list[tuple[str, str | None]]:
    rows = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    passages = [(r["text"], r.get("published")) for r in rows if r["lang"] == lang]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text, published = passages[i % len(passages)]
        paras = [text]
        while sum(len(p.split()) for p in paras) < rng.randint(400, 900):
            paras.append(" ".join(rng.sample(FILLER[lang], 3)))
        rng.shuffle(paras)
        out.append(("\n\n".join(paras), published))
    return out


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args(argv)

    ex = Extractor()
    bare = {"en": load_english_model(ex.en_model, ex.fallback_en_model), "vi": blank_vi()}
    bare["vi"].add_pipe("pw_sentences")
    print(f"{'lang':4} {'pipeline':9} {'articles/s':>11} {'words/s':>10} {'sec':>7}  (one process = one core)")
    for lang in ("en", "vi"):
        arts = build_articles(args.dev, lang, args.articles)
        words = sum(len(t.split()) for t, _ in arts)
        # warm up (model load, data files)
        list(ex.extract_many([(t, lang, p) for t, p in arts[:4]]))
        list(bare[lang].pipe([t for t, _ in arts[:4]]))
        full_s = timed(lambda: list(ex.extract_many(((t, lang, p) for t, p in arts), batch_size=args.batch_size)))  # noqa: B023
        bare_s = timed(lambda: list(bare[lang].pipe((t for t, _ in arts), batch_size=args.batch_size)))  # noqa: B023
        for name, secs in (("full", full_s), ("bare", bare_s)):
            print(f"{lang:4} {name:9} {len(arts) / secs:11.1f} {words / secs:10.0f} {secs:7.2f}")
        print(f"{lang:4} ratio full/bare time: {full_s / bare_s:.2f}  (avg {words / len(arts):.0f} words/article)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
