"""Typed settings: defaults < presswatch.toml < environment (PRESSWATCH_*).

Secrets (SMTP and Elasticsearch credentials inside URLs) come from the environment or the
settings file and are never shown: `redact_url` masks them in every log line and error.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ENV_PREFIX = "PRESSWATCH_"
SETTINGS_FILE = "presswatch.toml"


class SettingsError(ValueError):
    """A setting is unknown or has a value of the wrong kind; the message names it."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    backend: str = ""  # "" or a path: sqlite; http(s)://: elasticsearch; opensearch+http(s)://
    smtp_url: str = ""  # smtp://user:pass@host:port, smtps:// for TLS; "" writes .eml files
    alert_from: str = "presswatch@localhost"
    sources: str = ""  # a catalogue file used instead of the bundled one
    en_model: str = "en_core_web_sm"
    user_agent: str = "presswatch/0.1 (+https://github.com/presswatch; press-freedom research crawler)"
    download_delay: float = 1.0
    concurrency_per_domain: int = 2
    download_timeout: float = 30.0
    max_articles_per_source: int = 500
    crawl_processes: int = 2  # sources crawled at once, one Scrapy process each
    max_page_bytes: int = 20_000_000
    obey_robots: bool = True
    extract_batch_size: int = 32
    log_level: str = "INFO"

    @property
    def sqlite_path(self) -> Path:
        """The embedded store: PRESSWATCH_BACKEND as a path, else data_dir/presswatch.sqlite3."""
        if self.backend and not is_remote_backend(self.backend):
            return Path(self.backend)
        return self.data_dir / "presswatch.sqlite3"

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    def describe(self) -> dict[str, str]:
        """Settings as strings for display, with credentials masked."""
        out: dict[str, str] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name] = redact_url(value) if f.name in {"smtp_url", "backend"} else str(value)
        return out

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.describe().items())
        return f"Settings({inner})"


def is_remote_backend(backend: str) -> bool:
    return backend.split("://", 1)[0] in {"http", "https", "opensearch+http", "opensearch+https"}


def redact_url(url: Any) -> str:
    """Mask the password (and user) of a URL: smtp://u:secret@h:25 -> smtp://***@h:25."""
    text = str(url)
    if "://" not in text:
        return text
    parts = urlsplit(text)
    if parts.username is None and parts.password is None:
        return text
    host = parts.hostname or ""
    netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}


def _coerce(name: str, raw: Any, origin: str) -> Any:
    default = getattr(Settings(), name)
    try:
        if isinstance(default, bool):
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(f"expected true/false, got {raw!r}")
        if isinstance(default, Path):
            return Path(str(raw)).expanduser()
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"setting {name!r} from {origin}: {exc}") from None


def load_settings(
    env: Mapping[str, str] | None = None, settings_file: Path | None = None, **overrides: Any
) -> Settings:
    """Build Settings from defaults, then presswatch.toml (cwd or given), then env, then overrides."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = settings_file or Path(env.get(f"{ENV_PREFIX}SETTINGS", SETTINGS_FILE))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path}: not valid TOML: {exc}") from None
        for key, raw in data.items():
            if key not in _FIELDS:
                known = ", ".join(sorted(_FIELDS))
                raise SettingsError(f"{path}: unknown setting {key!r} (known: {known})")
            values[key] = _coerce(key, raw, str(path))
    for key, raw in env.items():
        if not key.startswith(ENV_PREFIX) or key == f"{ENV_PREFIX}SETTINGS":
            continue
        name = key[len(ENV_PREFIX):].lower()
        if name in _FIELDS:
            values[name] = _coerce(name, raw, f"environment {key}")
        elif not name.startswith("test_"):
            raise SettingsError(
                f"unknown setting in environment: {key} (known: "
                + ", ".join(ENV_PREFIX + n.upper() for n in sorted(_FIELDS)) + ")"
            )
    for key, raw in overrides.items():
        if raw is None:
            continue
        if key not in _FIELDS:
            raise SettingsError(f"unknown setting {key!r}")
        values[key] = _coerce(key, raw, "command line")
    return Settings(**values)


def settings_to_env(settings: Settings) -> dict[str, str]:
    """The environment that reproduces these settings in a child process (a crawl subprocess)."""
    env: dict[str, str] = {}
    for f in dataclasses.fields(settings):
        value = getattr(settings, f.name)
        if isinstance(value, Path) or (f.name == "sources" and value):
            value = Path(value).resolve()
        env[ENV_PREFIX + f.name.upper()] = str(value).lower() if isinstance(value, bool) else str(value)
    return env
