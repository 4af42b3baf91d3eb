"""Canonical URLs, deterministic ids and name folding. Imports nothing of ours."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
        "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
        "at_format", "at_link", "at_link_id", "at_link_type", "at_ptr_name", "at_bbc_team",
        "_ga", "_gl", "ref_src", "cmpid", "ocid", "s_cid", "spm", "xtor", "vn_source",
        "vn_medium", "vn_campaign",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_")
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no default port, no tracking parameters.

    The path keeps its case (servers treat it as case-sensitive); query parameters keep their
    order; an empty path becomes "/".
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def short_hash(*parts: str, length: int = 16) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def article_id(url: str) -> str:
    """Deterministic article id: hash of the canonical URL."""
    return short_hash(canonical_url(url))


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


_SPACE_RE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, no diacritics (đ -> d), hyphens as spaces, single spaces."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE_RE.sub(" ", stripped.lower().replace("-", " ")).strip()


#: gender middle names that reporting often drops ("Phạm Thị Đoan Trang" = "Phạm Đoan Trang")
OPTIONAL_MIDDLE_NAMES = frozenset({"thi", "van"})


def name_key(name: str) -> str:
    """The folded name that identifies a person: a gender middle name is dropped from names of
    four or more syllables, so the long and the short form of one name meet."""
    words = fold(name).split()
    if len(words) >= 4 and words[1] in OPTIONAL_MIDDLE_NAMES:
        del words[1]
    return " ".join(words)


def preferred_name(names: list[str]) -> str:
    """The spelling to show: with diacritics before without, then the longer one."""
    return max(names, key=lambda n: (sum(1 for c in n if ord(c) > 127), len(n)))


def person_id(name: str, disambiguator: str = "") -> str:
    """Deterministic person id from the folded name (+ a disambiguator for namesakes)."""
    key = name_key(name)
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")
    return f"{slug}-{disambiguator}" if disambiguator else slug


def date_bucket(date: str | None) -> str:
    """The part of a date that keys an event: the month ("2021-03") or "undated".

    Two outlets reporting the same arrest a day apart, or one with the day and one with only
    the month, land in the same bucket.
    """
    if not date:
        return "undated"
    return date[:7] if len(date) >= 7 else date


def event_id(person: str, event_type: str, date: str | None) -> str:
    """Deterministic event id from (person id, type, date bucket)."""
    return short_hash(person, event_type, date_bucket(date))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
