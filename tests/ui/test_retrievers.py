"""Every retriever the answer stage is given has what assistant.answer.types.Retriever declares, with the same
parameters: the answerer reads them directly, it does not probe."""
from __future__ import annotations

import inspect

import pytest

from assistant.answer.types import Retriever
from assistant.ui.service import FilteredRetriever
from index.query import Filters

MEMBERS = sorted(n for n in vars(Retriever) if not n.startswith("_"))


def _params(fn) -> list[str]:
    return [p for p in inspect.signature(fn).parameters if p != "self"]


def _check(retriever) -> None:
    for name in MEMBERS:
        declared = vars(Retriever)[name]
        assert hasattr(retriever, name), name
        if inspect.isfunction(declared):
            assert _params(getattr(retriever, name)) == _params(declared), name


def test_protocol_declares_what_the_answerer_reads():
    assert MEMBERS == ["embed", "mentions", "records", "search"]


def test_local_searcher_and_filtered_view(fake_service):
    searcher = fake_service.searcher
    _check(searcher)
    assert len(searcher.records) == len(searcher) and searcher.mentions(["医疗", "火星"]) == [True, False]
    view = FilteredRetriever(searcher, Filters(kind="appointments"))
    _check(view)
    assert view.records is None and view.mentions(["医疗"]) is None  # a partial view: nothing is looked up
    assert all(h.kind == "appointments" for h in view.search("副主任", k=5))


def test_milvus_searcher_declares_them_too():
    pytest.importorskip("pymilvus")
    from index.stores.milvus_search import MilvusSearcher

    for name in MEMBERS:
        assert hasattr(MilvusSearcher, name), name
    for name in ("search", "embed", "mentions"):
        assert _params(getattr(MilvusSearcher, name)) == _params(vars(Retriever)[name]), name
