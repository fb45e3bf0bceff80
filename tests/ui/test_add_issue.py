"""Adding a gazette file to the served index from the staff tab (Service.add_source), as `gazette index` would."""
from __future__ import annotations

import shutil

import pytest

from assistant.ui.service import Service, SourceRejected


@pytest.fixture
def service(fake_index, tmp_path):
    folder = tmp_path / "index"
    shutil.copytree(fake_index, folder)
    return Service.open(folder)


def test_added_file_is_searched_and_listed(service, new_issue):
    before = service.coverage.documents
    result = service.add_source(new_issue)
    assert (result.documents, result.new_documents) == (1, 1) and result.clauses >= 2
    assert service.coverage.documents == before + 1
    assert any(d.doc_number == "温政办〔2020〕1号" for d in service.documents)
    hits = service.search("烟花爆竹零售点", k=3)
    assert hits[0].doc_number == "温政办〔2020〕1号"
    again = Service.open(service.index_dir)  # it is in the index on disk, not only in memory
    assert again.coverage.documents == before + 1


def test_unreadable_file_is_refused_and_the_index_kept(service, tmp_path):
    before = (service.index_version, service.coverage.documents)
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 500)
    with pytest.raises(SourceRejected, match="scan.txt"):
        service.add_source(bad)
    assert service.coverage.documents == before[1]
