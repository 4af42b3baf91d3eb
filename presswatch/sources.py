"""Load and validate the source catalogue (TOML). Imports nothing of ours but the records."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from presswatch.models import SOURCE_KINDS, Source

ID_RE = re.compile(r"^[a-z0-9_]+$")
LANGS = {"vi", "en"}
_LIST_FIELDS = ("feeds", "sitemaps", "listings", "article_url_patterns")
_KNOWN = {
    "id", "name", "homepage", "lang", "kind", "country", *_LIST_FIELDS,
    "download_delay", "concurrency", "max_articles", "enabled", "notes",
}


class CatalogueError(ValueError):
    """A catalogue entry is invalid; the message names the file, the source and the field."""


def bundled_catalogue_path() -> Path:
    return Path(str(resources.files("presswatch") / "sources.toml"))


def _check_url(where: str, field: str, url: Any) -> str:
    if not isinstance(url, str):
        raise CatalogueError(f"{where}: field {field!r} must hold URLs (strings), got {url!r}")
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise CatalogueError(f"{where}: field {field!r} has an invalid URL {url!r}")
    return url


def parse_source(entry: dict[str, Any], where: str) -> Source:
    """Validate one [[source]] table and build the Source; errors name the bad field."""
    unknown = sorted(set(entry) - _KNOWN)
    if unknown:
        raise CatalogueError(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}")
    for required in ("id", "name", "homepage", "lang", "kind"):
        if not isinstance(entry.get(required), str) or not entry[required].strip():
            raise CatalogueError(f"{where}: field {required!r} is missing or empty")
    sid = entry["id"]
    where = f"{where} (id {sid!r})"
    if not ID_RE.match(sid):
        raise CatalogueError(f"{where}: field 'id' must match [a-z0-9_]+")
    if entry["lang"] not in LANGS:
        raise CatalogueError(f"{where}: field 'lang' must be one of {sorted(LANGS)}, got {entry['lang']!r}")
    if entry["kind"] not in SOURCE_KINDS:
        raise CatalogueError(f"{where}: field 'kind' must be one of {list(SOURCE_KINDS)}, got {entry['kind']!r}")
    _check_url(where, "homepage", entry["homepage"])
    lists: dict[str, list[str]] = {}
    for name in _LIST_FIELDS:
        value = entry.get(name, [])
        if not isinstance(value, list):
            raise CatalogueError(f"{where}: field {name!r} must be a list")
        if name == "article_url_patterns":
            for pattern in value:
                try:
                    re.compile(pattern)
                except (re.error, TypeError) as exc:
                    raise CatalogueError(f"{where}: field {name!r} has a bad pattern {pattern!r}: {exc}") from None
        else:
            value = [_check_url(where, name, u) for u in value]
        lists[name] = list(value)
    if not (lists["feeds"] or lists["sitemaps"] or lists["listings"]):
        raise CatalogueError(f"{where}: needs at least one of 'feeds', 'sitemaps', 'listings'")
    if lists["listings"] and not lists["article_url_patterns"]:
        raise CatalogueError(f"{where}: field 'article_url_patterns' is required when 'listings' is set")
    for name, kind in (("download_delay", (int, float)), ("concurrency", int), ("max_articles", int)):
        value = entry.get(name)
        if value is not None and (not isinstance(value, kind) or isinstance(value, bool) or value < 0):
            raise CatalogueError(f"{where}: field {name!r} must be a non-negative number, got {value!r}")
    if not isinstance(entry.get("enabled", True), bool):
        raise CatalogueError(f"{where}: field 'enabled' must be true or false")
    return Source(
        id=sid,
        name=entry["name"],
        homepage=entry["homepage"],
        lang=entry["lang"],
        kind=entry["kind"],
        country=str(entry.get("country", "VN")),
        download_delay=entry.get("download_delay"),
        concurrency=entry.get("concurrency"),
        max_articles=entry.get("max_articles"),
        enabled=entry.get("enabled", True),
        notes=str(entry.get("notes", "")),
        **lists,
    )


def parse_catalogue(text: str, origin: str = "<catalogue>") -> list[Source]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{origin}: not valid TOML: {exc}") from None
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise CatalogueError(f"{origin}: no [[source]] tables found")
    sources: list[Source] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        source = parse_source(entry, f"{origin}: source #{number}")
        if source.id in seen:
            raise CatalogueError(f"{origin}: source #{number}: duplicate id {source.id!r}")
        seen.add(source.id)
        sources.append(source)
    return sources


def load_catalogue(path: str | Path | None = None) -> list[Source]:
    """Load a catalogue file (the bundled one when path is empty)."""
    file = Path(path) if path else bundled_catalogue_path()
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogueError(f"cannot read source catalogue {file}: {exc.strerror}") from None
    return parse_catalogue(text, str(file))
