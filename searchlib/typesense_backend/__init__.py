"""searchdocs on Typesense: a collection (on one server or a Raft cluster) behind the same
interface as the local index (:class:`searchlib.backend.SearchBackend`).

Modules: :mod:`.config` (the ``typesense://`` URL), :mod:`.documents` (articles as
documents, analysed by searchdocs), :mod:`.translate` (queries and filters as search
parameters), :mod:`.backend` (searching), :mod:`.load` and :mod:`.writer` (batched,
retried, idempotent imports), :mod:`.local` (starting servers on this machine, for tests,
benchmarks and trying it out). Needs the ``typesense`` client package.
"""

from __future__ import annotations

from .backend import TypesenseBackend
from .config import TypesenseConfig, parse_url

__all__ = ["TypesenseBackend", "TypesenseConfig", "parse_url"]
