from pathlib import Path

import pytest

from presswatch.settings import SettingsError, load_settings, redact_url, settings_to_env


def test_defaults_then_file_then_env(tmp_path: Path) -> None:
    cfg = tmp_path / "presswatch.toml"
    cfg.write_text('data_dir = "/srv/pw"\ndownload_delay = 3\n', encoding="utf-8")
    s = load_settings(env={"PRESSWATCH_DOWNLOAD_DELAY": "0.5"}, settings_file=cfg)
    assert s.data_dir == Path("/srv/pw")
    assert s.download_delay == 0.5
    assert s.sqlite_path == Path("/srv/pw/presswatch.sqlite3")


def test_unknown_setting_is_named(tmp_path: Path) -> None:
    cfg = tmp_path / "presswatch.toml"
    cfg.write_text("data_dirr = 'x'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="data_dirr"):
        load_settings(env={}, settings_file=cfg)
    with pytest.raises(SettingsError, match="PRESSWATCH_BAKEND"):
        load_settings(env={"PRESSWATCH_BAKEND": "x"}, settings_file=tmp_path / "none.toml")


def test_bad_value_names_setting_and_origin(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="download_delay.*PRESSWATCH_DOWNLOAD_DELAY"):
        load_settings(env={"PRESSWATCH_DOWNLOAD_DELAY": "fast"}, settings_file=tmp_path / "none.toml")


def test_secrets_never_shown(tmp_path: Path) -> None:
    s = load_settings(env={"PRESSWATCH_SMTP_URL": "smtp://alice:s3cret@mail.example.org:587",
                           "PRESSWATCH_BACKEND": "https://elastic:hunter2@es.example.org:9200"},
                      settings_file=tmp_path / "none.toml")
    shown = repr(s) + str(s.describe())
    assert "s3cret" not in shown and "hunter2" not in shown
    assert "mail.example.org:587" in shown
    assert redact_url("smtp://mail.example.org:25") == "smtp://mail.example.org:25"


def test_env_round_trip(tmp_path: Path) -> None:
    s = load_settings(env={"PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_OBEY_ROBOTS": "false"},
                      settings_file=tmp_path / "none.toml")
    again = load_settings(env=settings_to_env(s), settings_file=tmp_path / "none.toml")
    assert again.data_dir == tmp_path.resolve()
    assert again.obey_robots is False
