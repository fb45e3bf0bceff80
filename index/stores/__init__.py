"""Where clauses live: the local index folder (default) or Milvus; `open_store` picks one from a path or URI."""
from __future__ import annotations

import os
from typing import Protocol

import numpy as np

from index.hits import ClauseHit
from index.query import Filters

STORE_ENV = "GAZETTE_STORE"


class ClauseStore(Protocol):
    """What index, search, ask, eval and serve need from a store (index.search.Searcher has it)."""

    manifest: dict

    @property
    def records(self) -> list: ...

    def __len__(self) -> int: ...

    def search(self, query: str, k: int = 10, filters: Filters | None = None,
               mode: str = "hybrid") -> list[ClauseHit]: ...

    def search_batch(self, queries: list[str], k: int = 10, filters: Filters | None = None,
                     mode: str = "hybrid") -> list[list[ClauseHit]]: ...

    def embed(self, texts: list[str]) -> np.ndarray: ...


def chosen_store(value: str | os.PathLike | None = None) -> str | None:
    """--store, else GAZETTE_STORE, else None (the local index folder)."""
    text = str(value) if value else os.environ.get(STORE_ENV, "")
    return text or None


def is_milvus(uri: str | os.PathLike | None) -> bool:
    from index.stores.milvus import is_milvus_uri

    return is_milvus_uri(uri)


def open_store(uri: str | os.PathLike | None = None, model: str | None = None, embedder=None, **kwargs) -> ClauseStore:
    """A searcher over `uri`: a `.db` file (milvus-lite) or http(s):// (Milvus server); anything else, or nothing,
    is a local index folder (index.search.load_index)."""
    uri = chosen_store(uri)
    if uri and is_milvus(uri):
        from index.stores.milvus import MilvusStore
        from index.stores.milvus_search import MilvusSearcher

        return MilvusSearcher(MilvusStore(uri), model=model, embedder=embedder, **kwargs)
    from index.search import load_index

    return load_index(uri, model, embedder=embedder)


def build_store(uri: str | os.PathLike | None, sources=None, model=None, **kwargs):
    """Build or update the store at `uri` (same dispatch as open_store); returns the build summary."""
    uri = chosen_store(uri)
    if uri and is_milvus(uri):
        from index.stores.milvus import build_milvus

        kwargs.pop("index_dir", None)
        return build_milvus(uri, sources, model, **kwargs)
    from index.build import build_index

    kwargs.pop("parse_many", None)
    return build_index(sources, uri, model, **kwargs)
