"""Evaluation gates on real labelled passages, read from ../shared (skipped when it is absent):

- the shared development set (../shared/data/dev_events.jsonl);
- the dev split of the real passages (../shared/data/real_dev_events.jsonl without the frozen ids of
  nlp/data/frozen_split.json: the frozen part is scored once, at the end of the extraction work, and
  never here).

The floors below are the figures measured when the gates were added, less 0.02: they guard against a
silent drop, they are not a target. The extraction work will raise them.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from presswatch.evaluation import evaluate_file, format_report

# Floors (measured with `.venv/bin/presswatch eval GOLD [--split dev]`, minus 0.02): raise them (the new
# figures minus 0.02) whenever the extraction gets better, so that it cannot silently fall back.
# dev_events.jsonl at NLP 0.7.0: F1 0.981, charge_articles 1.000 (n=42), prison_months 1.000 (n=51), date 0.960.
DEV_MIN_F1 = 0.961
DEV_MIN_CHARGE_ARTICLES = 0.980
DEV_MIN_PRISON_MONTHS = 0.980
DEV_MIN_DATE = 0.940
# real_dev_events.jsonl --split dev (54 passages, 31 Vietnamese) at NLP 0.7.0: F1 0.914, charge_articles 0.934
# (n=91), prison_months 0.868 (n=91), date 0.855 (n=131). (At NLP 0.6.2: F1 0.743, 0.847, 0.746, 0.656.)
# The frozen part was scored once, at NLP 0.7.0: F1 0.800 (0.781 at 0.6.2); see nlp/STATUS.md.
REAL_DEV_MIN_F1 = 0.894
REAL_DEV_MIN_CHARGE_ARTICLES = 0.914
REAL_DEV_MIN_PRISON_MONTHS = 0.848
REAL_DEV_MIN_DATE = 0.835

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev_events.jsonl"
REAL = SHARED / "data" / "real_dev_events.jsonl"
SCORER = SHARED / "tools" / "score_events.py"

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("gold", "split", "f1", "charges", "prison", "date"),
    [
        (DEV, "all", DEV_MIN_F1, DEV_MIN_CHARGE_ARTICLES, DEV_MIN_PRISON_MONTHS, DEV_MIN_DATE),
        (REAL, "dev", REAL_DEV_MIN_F1, REAL_DEV_MIN_CHARGE_ARTICLES, REAL_DEV_MIN_PRISON_MONTHS, REAL_DEV_MIN_DATE),
    ],
    ids=["shared-dev", "real-dev-split"],
)
def test_real_passages_gate(gold: Path, split: str, f1: float, charges: float, prison: float, date: float) -> None:
    if not gold.exists():
        pytest.skip(f"{gold} is not beside the repo (../shared)")
    report = evaluate_file(gold, None, "en_core_web_sm", split=split)
    print(format_report(report))
    accuracy = report["attribute_accuracy"]
    assert report["f1"] >= f1
    assert accuracy["charge_articles"] >= charges
    assert accuracy["prison_months"] >= prison
    assert accuracy["date"] >= date


@pytest.mark.skipif(not (SCORER.exists() and DEV.exists()), reason="../shared (scorer, dev set) is not beside the repo")
def test_cli_output_scores_the_same_with_the_shared_scorer(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps({k: r[k] for k in ("id", "lang", "text", "published")},
                                         ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    extract = subprocess.run([sys.executable, "-m", "presswatch.cli", "extract", "--input", str(inputs),
                              "--output", str(out)], capture_output=True, text=True, timeout=600, check=False)
    assert extract.returncode == 0, extract.stderr[-2000:]
    shared = subprocess.run([sys.executable, str(SCORER), str(DEV), str(out), "--json"],
                            capture_output=True, text=True, timeout=120, check=True)
    theirs = json.loads(shared.stdout)
    ours = evaluate_file(DEV, out, "en_core_web_sm")
    for key in ("tp", "fp", "fn", "precision", "recall", "f1", "attribute_accuracy"):
        assert ours[key] == theirs[key], key
