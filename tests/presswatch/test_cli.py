"""The command line, in process (click's runner), on a temporary data dir."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from presswatch.cli import main


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    for key in list(__import__("os").environ):
        if key.startswith("PRESSWATCH_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(tmp_path / "data"))
    return CliRunner()


def test_sources_list(runner: CliRunner) -> None:
    result = runner.invoke(main, ["sources", "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) >= 20 and {"vnexpress", "hrw"} <= {r["id"] for r in rows}


def test_bad_catalogue_names_the_field(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nid="x"\nname="X"\nhomepage="https://x.org/"\nlang="xx"\nkind="ngo"\n'
                   'feeds=["https://x.org/rss"]\n', encoding="utf-8")
    result = runner.invoke(main, ["sources", "list", "--file", str(bad)])
    assert result.exit_code != 0
    assert "'lang'" in result.output and "bad.toml" in result.output


def test_unknown_setting_is_a_clear_error(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSWATCH_SMTP_URLL", "smtp://x")
    result = runner.invoke(main, ["search", "x"])
    assert result.exit_code != 0 and "PRESSWATCH_SMTP_URLL" in result.output


def test_settings_mask_credentials(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSWATCH_SMTP_URL", "smtp://bob:pa55word@mail.example.org:2525")
    result = runner.invoke(main, ["settings"])
    assert result.exit_code == 0
    assert "pa55word" not in result.output and "mail.example.org:2525" in result.output


def test_subscribe_list_unsubscribe(runner: CliRunner) -> None:
    first = runner.invoke(main, ["alerts", "subscribe", "r@example.org", "--type", "arrest", "--type", "sentence"])
    assert first.exit_code == 0 and "subscribed: r@example.org (arrest, sentence)" in first.output
    again = runner.invoke(main, ["alerts", "subscribe", "r@example.org", "--type", "sentence", "--type", "arrest"])
    assert "already subscribed" in again.output
    listed = runner.invoke(main, ["alerts", "list"])
    assert listed.output.count("r@example.org") == 1
    sub_id = listed.output.split()[0]
    assert runner.invoke(main, ["alerts", "unsubscribe", sub_id]).exit_code == 0
    assert runner.invoke(main, ["alerts", "unsubscribe", sub_id]).exit_code != 0
    bad = runner.invoke(main, ["alerts", "subscribe", "not-an-address"])
    assert bad.exit_code != 0 and "not an email" in bad.output


def test_search_empty_store(runner: CliRunner) -> None:
    result = runner.invoke(main, ["search", "Pham Chi Dung", "--json"])
    assert result.exit_code == 0 and result.output == ""
    result = runner.invoke(main, ["search", "Pham Chi Dung"])
    assert "0 articles match" in result.output


def test_remote_backend_not_silently_ignored(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSWATCH_BACKEND", "http://elastic:secret@127.0.0.1:9")
    result = runner.invoke(main, ["search", "x"])
    assert result.exit_code != 0 and "secret" not in result.output and "127.0.0.1:9" in result.output
