"""The acceptance run: `presswatch demo` end to end, twice, then a search in the same folder."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def presswatch_cmd() -> list[str]:
    exe = shutil.which("presswatch", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "presswatch.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRESSWATCH_")}
    return subprocess.run(presswatch_cmd() + args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=900, check=False)


def summary_number(output: str, label: str) -> int:
    match = re.search(rf"^\s*{label}:\s+(\d+) ", output, re.M)
    assert match, f"no {label!r} line in:\n{output}"
    return int(match.group(1))


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str, str]:
    folder = tmp_path_factory.mktemp("demo")
    port = free_port()
    first = run(["demo", "--port", str(port)], folder)
    assert first.returncode == 0, first.stderr[-3000:]
    second = run(["demo", "--port", str(port)], folder)
    assert second.returncode == 0, second.stderr[-3000:]
    return folder, port, first.stdout, second.stdout


def test_first_demo_produces_articles_events_people_alerts(demo_folder: tuple[Path, int, str, str]) -> None:
    folder, _, out, _ = demo_folder
    assert summary_number(out, "articles") >= 12
    assert summary_number(out, "events") >= 3
    assert summary_number(out, "people") >= 3
    assert summary_number(out, "alerts") >= 2
    assert (folder / "data" / "presswatch.sqlite3").exists()
    emails = list((folder / "data" / "outbox").glob("*.eml"))
    assert len(emails) == 1
    body = emails[0].read_text(encoding="utf-8", errors="replace")
    assert "arrest" in body


def test_expected_events(demo_folder: tuple[Path, int, str, str]) -> None:
    folder = demo_folder[0]
    listed = run(["events", "--json"], folder)
    assert listed.returncode == 0, listed.stderr
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    by_person = {}
    for event in events:
        by_person.setdefault(event["person_id"], []).append(event)
    assert any(e["event_type"] == "arrest" for e in by_person["tran-quoc-khanh"])
    assert any(e["event_type"] == "arrest" for e in by_person["le-trong-hung"])
    sentences = [e for e in by_person["pham-chi-dung"] if e["event_type"] == "sentence"]
    assert [e["prison_months"] for e in sentences] == [180]
    assert len(sentences[0]["evidence"]) >= 2  # the same sentence reported by several outlets


def test_second_demo_adds_nothing(demo_folder: tuple[Path, int, str, str]) -> None:
    out = demo_folder[3]
    assert summary_number(out, "articles") == 0
    assert summary_number(out, "events") == 0
    assert summary_number(out, "alerts") == 0


def test_search_finds_both_spellings(demo_folder: tuple[Path, int, str, str]) -> None:
    folder, port = demo_folder[0], demo_folder[1]
    found = run(["search", "Pham Chi Dung", "--json"], folder)
    assert found.returncode == 0, found.stderr
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert hits
    for hit in hits:
        assert {"url", "title", "source_id", "published", "snippet"} <= hit.keys()
        assert hit["url"].startswith(f"http://127.0.0.1:{port}/")
    snippets = " ".join(h["snippet"] for h in hits)
    assert "Phạm Chí Dũng" in snippets and "Pham Chi Dung" in snippets
