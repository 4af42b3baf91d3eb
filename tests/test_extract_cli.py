"""`presswatch extract --input --output` follows the DESIGN.md contract."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROWS = [
    {"id": "en-1", "lang": "en", "published": "2021-01-06",
     "text": "A court in Ho Chi Minh City on Tuesday sentenced journalist Pham Chi Dung to 15 years in prison"
             " under Article 117 of the Penal Code."},
    {"id": "vi-1", "lang": "vi", "published": "2021-03-28",
     "text": "Ngày 27/3/2021, Cơ quan An ninh điều tra đã bắt tạm giam ông Lê Trọng Hùng về tội danh theo"
             " Điều 117 Bộ luật Hình sự."},
    {"id": "none-1", "lang": None, "published": None, "text": "It rained in Hanoi all week."},
]


def test_extract_contract(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "presswatch.cli", "extract", "--input", str(src),
                           "--output", str(out)], capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["en-1", "vi-1", "none-1"]
    for line in lines:
        for event in line["events"]:
            assert set(event) >= {"person", "event_type", "charge_articles", "prison_months",
                                  "probation_months", "date"}
            assert all(isinstance(a, int) for a in event["charge_articles"])
    (sentence,) = [e for e in lines[0]["events"] if e["event_type"] == "sentence"]
    assert sentence["person"] == "Pham Chi Dung" and sentence["prison_months"] == 180
    assert sentence["charge_articles"] == [117] and sentence["date"] == "2021-01-05"
    arrests = [e for e in lines[1]["events"] if e["event_type"] == "arrest"]
    assert arrests and arrests[0]["person"] == "Lê Trọng Hùng" and arrests[0]["date"] == "2021-03-27"
    assert lines[2]["events"] == []


def test_bad_input_line_is_named(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "x"}\n{not json\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "presswatch.cli", "extract", "--input", str(src)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode != 0
    assert f"{src}:2" in proc.stderr


@pytest.mark.parametrize("command", ["extract", "eval"])
def test_a_binary_file_is_named_not_a_traceback(tmp_path: Path, command: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a", "text": "x"}\n\xff\xfe\x00binary\n')
    args = ["extract", "--input", str(src)] if command == "extract" else ["eval", str(src)]
    proc = subprocess.run([sys.executable, "-m", "presswatch.cli", *args],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode != 0
    assert f"{src}:2: not UTF-8" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_eval_split_and_errors(tmp_path: Path) -> None:
    """`presswatch eval --split` keeps the gold rows of one split (a synthetic file: one row under an id
    of nlp/data/frozen_split.json, one under an id outside it); the error listing follows the figures."""
    from click.testing import CliRunner

    from presswatch.cli import main
    from presswatch.eval_split import frozen_ids

    frozen_id = sorted(frozen_ids())[0]
    gold_rows = [
        dict(ROWS[0], id=frozen_id, events=[{"person": "Pham Chi Dung", "event_type": "sentence",
                                             "prison_months": 180, "charge_articles": [117]}]),
        dict(ROWS[1], events=[{"person": "Lê Trọng Hùng", "event_type": "arrest", "date": "2021-03-27"},
                              {"person": "Lê Trọng Hùng", "event_type": "release"}]),
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold_rows), encoding="utf-8")
    runner = CliRunner()

    def run(*args: str) -> dict:
        result = runner.invoke(main, ["eval", str(gold), "--json", *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    assert run()["docs"] == 2
    dev = run("--split", "dev")
    assert (dev["docs"], dev["tp"], dev["fn"]) == (1, 1, 1)
    assert [(e["kind"], e["id"], e["event_type"]) for e in dev["errors"]] == [("missed", "vi-1", "release")]
    assert dev["errors"][0]["sentence"].startswith("Ngày 27/3/2021, Cơ quan An ninh")
    frozen = run("--split", "frozen")
    assert (frozen["docs"], frozen["tp"], frozen["fn"]) == (1, 1, 0)
    assert "errors" not in run("--split", "dev", "--no-errors")

    text = runner.invoke(main, ["eval", str(gold), "--split", "dev"]).output
    assert text.startswith("events: precision 1.000  recall 0.500")
    assert "\nmissed (1):\n    [vi-1] release Lê Trọng Hùng: gold - / got -  | Ngày 27/3/2021" in text
    assert "errors:" not in runner.invoke(main, ["eval", str(gold), "--split", "dev", "--no-errors"]).output
