"""Connection details of the Elasticsearch backend: URL parsing and the plain-JSON node.

The official client (9.x) sends `application/vnd.elasticsearch+json; compatible-with=9` as
Content-Type and Accept. OpenSearch-compatible servers answer that with 406, so for
`opensearch+http(s)://` URLs the requests go through `OpenSearchNode`, which sends plain
`application/json` / `application/x-ndjson` and vouches for the product in responses (the client
refuses to talk to a server that does not say `X-Elastic-Product: Elasticsearch`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from elastic_transport import HttpHeaders, Urllib3HttpNode
from elastic_transport._node import NodeApiResponse
from elastic_transport.client_utils import DEFAULT, DefaultType

OPENSEARCH_PREFIX = "opensearch+"
_COMPAT_MIMETYPE = re.compile(r"application/vnd\.elasticsearch\+([\w.-]+)\s*;\s*compatible-with=\d+")


@dataclass(frozen=True)
class BackendUrl:
    """A PRESSWATCH_BACKEND URL split into what the client needs."""

    host: str  # scheme://host:port/path, no credentials
    opensearch: bool
    username: str | None = None
    password: str | None = None


def parse_backend_url(url: str) -> BackendUrl:
    """`http(s)://[user:pass@]host:port[/path]`, optionally prefixed with `opensearch+`."""
    opensearch = url.startswith(OPENSEARCH_PREFIX)
    bare = url[len(OPENSEARCH_PREFIX):] if opensearch else url
    parts = urlsplit(bare)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError("expected http(s)://host:port or opensearch+http(s)://host:port")
    port = parts.port or (443 if parts.scheme == "https" else 9200)
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    path = parts.path.rstrip("/")
    return BackendUrl(
        host=f"{parts.scheme}://{host}:{port}{path}",
        opensearch=opensearch,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def plain_json(value: str) -> str:
    """`application/vnd.elasticsearch+json; compatible-with=9` -> `application/json`."""
    return _COMPAT_MIMETYPE.sub(r"application/\1", value)


class PlainJsonNode(Urllib3HttpNode):
    """A urllib3 node that sends plain JSON media types instead of the compatible-with ones."""

    def perform_request(self, method: str, target: str, body: bytes | None = None,
                        headers: HttpHeaders | None = None,
                        request_timeout: DefaultType | float | None = DEFAULT) -> NodeApiResponse:
        if headers is not None:
            plain = HttpHeaders()
            for name, value in headers.items():
                plain[name] = plain_json(value)
            headers = plain
        return super().perform_request(method, target, body=body, headers=headers, request_timeout=request_timeout)


class OpenSearchNode(PlainJsonNode):
    """Plain JSON, and responses marked as coming from a server the client may talk to."""

    def perform_request(self, method: str, target: str, body: bytes | None = None,
                        headers: HttpHeaders | None = None,
                        request_timeout: DefaultType | float | None = DEFAULT) -> NodeApiResponse:
        response = super().perform_request(method, target, body, headers, request_timeout)
        if "x-elastic-product" not in response.meta.headers:
            response.meta.headers["x-elastic-product"] = "Elasticsearch"
        return response
