"""Serve the bundled sample outlets over loopback HTTP, for the demo and the tests.

``presswatch/sample_outlets/`` holds three small fictional news sites (a Vietnamese state outlet
found through RSS, an NGO found through a sitemap index, an English exile outlet found through a
listing page). Feeds, sitemaps, listings and canonical links are written against the placeholder
base ``http://sample.invalid``; the server swaps in its real base URL as it serves each text file,
so the same files work on any port.

Standard library only; imports nothing else of ours.

    with SampleSite() as site:
        catalogue_toml = sample_catalogue(site.base_url)
        ...

or, in the foreground: ``python -m presswatch.sample_site [--port N]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

SAMPLE_ROOT: Path = Path(__file__).parent / "sample_outlets"
PLACEHOLDER = "http://sample.invalid"

CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
"""Text files: served with the placeholder replaced. Anything else is served as bytes."""

BINARY_TYPES: dict[str, str] = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".css": "text/css; charset=utf-8",
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: SampleSite


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "presswatch-sample/1.0"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Quiet: tests and the demo should not spam stderr with access logs."""

    def _respond(self, *, send_body: bool) -> None:
        site = self.server.site
        url_path = unquote(urlsplit(self.path).path)
        file = site.resolve(url_path)
        if file is None:
            self._plain(HTTPStatus.FORBIDDEN, "forbidden\n", send_body)
            return
        if site.is_removed(url_path) or not file.is_file():
            status = HTTPStatus(site.removed_status) if file.is_file() else HTTPStatus.NOT_FOUND
            self._plain(status, f"{status.value} {status.phrase}\n", send_body)
            return
        if file.name == "index.html" and not url_path.endswith(("/", "index.html")):
            # like any web server: a directory without its trailing slash redirects
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", url_path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        suffix = file.suffix.lower()
        body = file.read_bytes()
        if suffix in CONTENT_TYPES:
            body = body.replace(PLACEHOLDER.encode("ascii"), site.base_url.encode("ascii"))
            content_type = CONTENT_TYPES[suffix]
        else:
            content_type = BINARY_TYPES.get(suffix, "application/octet-stream")
        self._send(HTTPStatus.OK, content_type, body, send_body)

    def _plain(self, status: HTTPStatus, text: str, send_body: bool) -> None:
        self._send(status, "text/plain; charset=utf-8", text.encode("utf-8"), send_body)

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class SampleSite:
    """The sample outlets on a loopback HTTP server running in a daemon thread.

    ``removed`` holds URL paths (e.g. ``"/vn_state/phap-luat/x-4250001.html"``) answered with
    ``removed_status`` (404 by default; 410 also makes sense) even though the file exists: a
    takedown, for the "page disappeared" checks. It may be changed while the server runs.
    """

    def __init__(self, root: Path = SAMPLE_ROOT, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = Path(root).resolve()
        self.host = host
        self.port = port
        self.removed: set[str] = set()
        self.removed_status = 404
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._base_url = ""

    @property
    def base_url(self) -> str:
        """``http://host:port`` without a trailing slash; only known once started."""
        if not self._base_url:
            raise RuntimeError("SampleSite is not started; call start() or use it as a context manager")
        return self._base_url

    def start(self) -> str:
        if self._server is not None:
            return self._base_url
        if not self.root.is_dir():
            raise FileNotFoundError(f"sample outlets folder not found: {self.root}")
        server = _Server((self.host, self.port), _Handler)
        server.site = self
        port = server.server_port
        self._base_url = f"http://{self.host}:{port}"
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name=f"sample-site-{port}", daemon=True)
        self._thread.start()
        return self._base_url

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> SampleSite:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def url(self, path: str) -> str:
        """Absolute URL of a path under the site, e.g. ``site.url("/ngo/sitemap.xml")``."""
        return self.base_url + "/" + path.lstrip("/")

    def resolve(self, url_path: str) -> Path | None:
        """The file behind a URL path, or None when the path escapes the root.

        A path ending in "/" maps to its ``index.html``. The file may not exist.
        """
        parts = [p for p in url_path.split("/") if p]
        if any(p in ("..", ".") or "\\" in p or "\x00" in p for p in parts):
            return None
        candidate = self.root.joinpath(*parts) if parts else self.root
        if url_path.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        resolved = candidate.resolve()
        if not resolved.is_relative_to(self.root):
            return None
        return resolved

    def is_removed(self, url_path: str) -> bool:
        if url_path in self.removed:
            return True
        if url_path.endswith("/index.html"):
            return url_path[: -len("index.html")] in self.removed
        return url_path.endswith("/") and url_path + "index.html" in self.removed


@dataclass(frozen=True)
class SampleSource:
    """One sample outlet as a catalogue entry: URLs are paths under the base URL, patterns are
    regex tails that follow the escaped base URL."""

    id: str
    name: str
    homepage: str
    lang: str
    kind: str
    country: str
    notes: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    article_url_patterns: tuple[str, ...] = ()


SAMPLE_SOURCES: tuple[SampleSource, ...] = (
    SampleSource(
        id="sample_state_vi",
        name="Báo Pháp Luật Mẫu",
        homepage="/vn_state/",
        lang="vi",
        kind="state_media",
        country="VN",
        feeds=("/vn_state/rss/phap-luat.rss", "/vn_state/rss/tin-moi-nhat.rss"),
        article_url_patterns=(r"/vn_state/[a-z0-9-]+/[a-z0-9-]+-\d{7}\.html$",),
        notes="Sample outlet (fictional): RSS discovery; the feed lists one 404 URL and one broken page.",
    ),
    SampleSource(
        id="sample_ngo_en",
        name="Vietnam Rights Watch Sample",
        homepage="/ngo/",
        lang="en",
        kind="ngo",
        country="US",
        sitemaps=("/ngo/sitemap.xml",),
        article_url_patterns=(r"/ngo/news/\d{4}/\d{2}/[a-z0-9-]+\.html$",),
        notes="Sample outlet (fictional): sitemap index -> posts sitemap (news namespace) + pages sitemap.",
    ),
    SampleSource(
        id="sample_exile_en",
        name="The Saigon Dispatch (sample)",
        homepage="/exile_en/",
        lang="en",
        kind="independent_media",
        country="US",
        listings=("/exile_en/news/index.html",),
        article_url_patterns=(r"/exile_en/news/\d{4}/\d{2}/[a-z0-9-]+\.html$",),
        notes="Sample outlet (fictional): listing page with nav links and a tracking-parameter duplicate.",
    ),
)


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(_toml_str(v) for v in values) + "]"


def _toml_literal(value: str) -> str:
    if "'" in value or "\n" in value:
        raise ValueError(f"cannot be written as a TOML literal string: {value!r}")
    return f"'{value}'"


def sample_catalogue(base_url: str) -> str:
    """TOML catalogue of the three sample outlets served at ``base_url``."""
    base = base_url.rstrip("/")
    escaped = re.escape(base)
    blocks = []
    for src in SAMPLE_SOURCES:
        patterns = [_toml_literal(f"^{escaped}{tail}") for tail in src.article_url_patterns]
        blocks.append(
            "\n".join(
                [
                    "[[source]]",
                    f"id = {_toml_str(src.id)}",
                    f"name = {_toml_str(src.name)}",
                    f"homepage = {_toml_str(base + src.homepage)}",
                    f"lang = {_toml_str(src.lang)}",
                    f"kind = {_toml_str(src.kind)}",
                    f"country = {_toml_str(src.country)}",
                    f"feeds = {_toml_list([base + p for p in src.feeds])}",
                    f"sitemaps = {_toml_list([base + p for p in src.sitemaps])}",
                    f"listings = {_toml_list([base + p for p in src.listings])}",
                    f"article_url_patterns = [{', '.join(patterns)}]",
                    "download_delay = 0.0",
                    f"notes = {_toml_str(src.notes)}",
                ]
            )
        )
    header = f"# Sample outlets served at {base} (generated by presswatch.sample_site)\n\n"
    return header + "\n\n".join(blocks) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m presswatch.sample_site",
        description="Serve the bundled sample outlets in the foreground (Ctrl-C to stop).",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    parser.add_argument("--root", type=Path, default=SAMPLE_ROOT, help="folder to serve")
    args = parser.parse_args(argv)
    site = SampleSite(args.root, host=args.host, port=args.port)
    base = site.start()
    print(f"Serving {site.root} at {base}/", flush=True)
    print(flush=True)
    print(sample_catalogue(base), flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        print("stopping", file=sys.stderr)
    finally:
        site.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
