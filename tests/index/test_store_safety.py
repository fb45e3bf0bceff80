"""The index folder: atomic replacement, stale temp folders, checksums and named errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import index.build as build_mod
from index.build import build_index, clean_stale
from index.errors import IndexCorrupt, IndexIncompatible, IndexMissing
from index.search import load_index

ROOT = Path(__file__).resolve().parents[2]


def test_missing_index(tmp_path):
    with pytest.raises(IndexMissing) as err:
        load_index(tmp_path / "nothing")
    assert "gazette index --index" in str(err.value)


def test_interrupted_build_leaves_previous_index(built, sources, parser, embedder, monkeypatch):
    before = load_index(built, embedder=embedder).search("养犬", k=3)

    def boom(folder, manifest):
        raise RuntimeError("killed mid-build")

    monkeypatch.setattr(build_mod, "_write_manifest", boom)
    with pytest.raises(RuntimeError):
        build_index([sources["finance.txt"]], built, "fake-64", parser=parser, embedder=embedder, progress=False)
    after = load_index(built, embedder=embedder).search("养犬", k=3)
    assert [h.clause_id for h in after] == [h.clause_id for h in before]
    assert not list(built.parent.glob(".idx.tmp-*"))


def test_killed_build_process_leaves_previous_index(built, sources, embedder, tmp_path):
    """A build killed by a signal leaves its temp folder; the index still loads; the next build cleans up."""
    script = f"""
import os, signal, sys
sys.path.insert(0, {str(ROOT)!r})
import index.build as b
from tests_helper_parser import parse
def die(folder, manifest):
    os.kill(os.getpid(), signal.SIGKILL)
b._write_manifest = die
b.build_index([{str(sources['finance.txt'])!r}], {str(built)!r}, 'fake-64', parser=parse, progress=False)
"""
    helper = tmp_path / "tests_helper_parser.py"
    helper.write_text("import json\nfrom pathlib import Path\nfrom corpus.model import Clause, Document\n"
                      "def parse(path):\n"
                      "    out = []\n"
                      "    for d in json.loads(Path(path).read_text(encoding='utf-8')):\n"
                      "        cl = tuple(Clause(tuple(c['path']), c['label'], c['heading'], c['text']) for c in d.pop('clauses'))\n"
                      "        d['addressees'] = tuple(d['addressees']); d['attachments'] = tuple(d['attachments'])\n"
                      "        out.append(Document(clauses=cl, **d))\n"
                      "    return out\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"})
    assert proc.returncode == -9, proc.stderr
    assert list(built.parent.glob(".idx.tmp-*")), "the killed build should have left its temp folder"
    assert len(load_index(built, embedder=embedder)) == 14
    clean_stale(built)
    assert not list(built.parent.glob(".idx.tmp-*"))


@pytest.mark.parametrize("name", ["clauses.jsonl", "dense.faiss", "keyword/matrix.npz"])
def test_truncated_file_is_corrupt(built, name):
    path = built / name
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexCorrupt) as err:
        load_index(built)
    assert f"gazette index --index {built}" in str(err.value)
    assert name in str(err.value)


def test_deleted_file_is_corrupt(built):
    (built / "windows.npy").unlink()
    with pytest.raises(IndexCorrupt, match="windows.npy"):
        load_index(built)


def test_unreadable_manifest_is_corrupt(built):
    (built / "manifest.json").write_text("{", encoding="utf-8")
    with pytest.raises(IndexCorrupt, match="manifest.json"):
        load_index(built)


def test_other_format_version_is_incompatible(built):
    path = built / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["format_version"] = 99
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexIncompatible) as err:
        load_index(built)
    assert "gazette index --index" in str(err.value)


def test_query_model_with_other_dimensions_is_incompatible(built):
    from index.embed import FakeEmbedder

    searcher = load_index(built, embedder=FakeEmbedder(dim=32, name="fake-32"))
    assert searcher.search("养犬", mode="keyword")  # keyword search needs no model
    with pytest.raises(IndexIncompatible, match="维度"):
        searcher.search("养犬", mode="dense")


def test_ensure_index_builds_default_on_first_use(data_dir, monkeypatch):
    from index.build import ensure_index

    monkeypatch.setenv("GAZETTE_MODEL", "fake-64")
    searcher = ensure_index()
    assert (data_dir / "index" / "manifest.json").is_file()
    assert len(searcher) > 0
