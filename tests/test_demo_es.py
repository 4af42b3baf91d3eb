"""The whole nightly job on the Elasticsearch-API backend (osmem-server, an in-memory server
speaking the Elasticsearch REST API), twice: same results as the embedded store, nothing doubled."""

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from osmem_server import OsmemServer

pytestmark = [pytest.mark.slow, pytest.mark.es]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def number(output: str, label: str) -> int:
    match = re.search(rf"^\s*{label}:\s+(\d+) ", output, re.M)
    assert match, output
    return int(match.group(1))


def test_demo_runs_on_elasticsearch_api(tmp_path: Path) -> None:
    server = OsmemServer.start(japanese=False)
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PRESSWATCH_")}
        env["PRESSWATCH_BACKEND"] = "opensearch+" + server.url
        cli = [sys.executable, "-m", "presswatch.cli"]
        port = str(free_port())
        runs = [subprocess.run([*cli, "demo", "--port", port], cwd=tmp_path, env=env, capture_output=True,
                               text=True, timeout=900, check=False) for _ in range(2)]
        for run in runs:
            assert run.returncode == 0, run.stderr[-3000:]
        assert not (tmp_path / "data" / "presswatch.sqlite3").exists()  # nothing went to the embedded store
        first, second = runs[0].stdout, runs[1].stdout
        assert number(first, "articles") == 15 and number(first, "events") >= 10 and number(first, "alerts") >= 4
        assert (number(second, "articles"), number(second, "events"), number(second, "alerts")) == (0, 0, 0)
        found = subprocess.run([*cli, "search", "Pham Chi Dung", "--json"], cwd=tmp_path, env=env,
                               capture_output=True, text=True, timeout=300, check=True)
        snippets = " ".join(json.loads(line)["snippet"] for line in found.stdout.splitlines())
        assert "Phạm Chí Dũng" in snippets and "Pham Chi Dung" in snippets
        events = subprocess.run([*cli, "events", "--json", "--person", "Phạm Chí Dũng"], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=300, check=True)
        sentences = [e for e in map(json.loads, events.stdout.splitlines()) if e["event_type"] == "sentence"]
        assert [e["prison_months"] for e in sentences] == [180]
    finally:
        server.close()
