"""The ``typesense://KEY@HOST:PORT[,HOST:PORT…]/COLLECTION`` backend URL."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from ..errors import BackendError

#: Environment variable read when the URL carries no key (keeps keys out of shell history).
KEY_ENV = "TYPESENSE_API_KEY"
DEFAULT_PORT = 8108
DEFAULT_COLLECTION = "searchdocs"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,63}$")
_HINT = "write it as typesense://KEY@HOST:PORT[,HOST:PORT…]/COLLECTION, e.g. typesense://xyz@127.0.0.1:8108/press"


@dataclass(frozen=True)
class TypesenseConfig:
    """Where a collection lives: the nodes of one cluster, the API key, the collection name."""

    nodes: tuple[tuple[str, int], ...]
    api_key: str
    collection: str = DEFAULT_COLLECTION
    protocol: str = "http"

    def url(self, *, with_key: bool = False) -> str:
        """The URL form, without the key unless asked (for messages)."""
        scheme = "typesense" if self.protocol == "http" else "typesenses"
        hosts = ",".join(f"{h}:{p}" for h, p in self.nodes)
        key = f"{self.api_key}@" if with_key else ""
        return f"{scheme}://{key}{hosts}/{self.collection}"

    def client_nodes(self) -> list[dict]:
        return [{"host": h, "port": p, "protocol": self.protocol} for h, p in self.nodes]


def parse_url(url: str) -> TypesenseConfig:
    """Parse a backend URL; ``typesenses://`` means HTTPS. Raises :class:`BackendError`."""
    m = re.match(r"^(typesenses?)://(?:([^@/]*)@)?([^/]*)(?:/([^/?#]*))?/?$", url.strip(), re.I)
    if not m:
        raise BackendError(f"cannot read the backend URL {_redact(url)!r}", _HINT)
    scheme, key, hosts, collection = m.groups()
    key = key or os.environ.get(KEY_ENV, "")
    if not key:
        raise BackendError(f"no API key in {_redact(url)!r}", f"put it before '@' in the URL or set {KEY_ENV}")
    nodes: list[tuple[str, int]] = []
    for part in filter(None, (p.strip() for p in hosts.split(","))):
        host, _, port = part.rpartition(":") if re.search(r":\d+$", part) else (part, "", str(DEFAULT_PORT))
        host = host.strip("[]")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise BackendError(f"bad node {part!r} in the backend URL", _HINT)
        nodes.append((host, int(port)))
    if not nodes:
        raise BackendError(f"no node in the backend URL {_redact(url)!r}", _HINT)
    collection = collection or DEFAULT_COLLECTION
    if not _NAME.match(collection):
        raise BackendError(f"bad collection name {collection!r}", "use letters, digits, '_' and '-'")
    return TypesenseConfig(tuple(nodes), key, collection, "https" if scheme.lower() == "typesenses" else "http")


def _redact(url: str) -> str:
    """The URL with any key replaced, for error messages."""
    return re.sub(r"(://)[^@/]*@", r"\1***@", url)
