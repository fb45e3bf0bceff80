"""ONNX Runtime embedder: the transformer exported once with torch.onnx, optionally int8-quantized.

Export needs torch and transformers; using a cached export needs only onnxruntime, tokenizers and numpy,
so a search or a single-shot question never imports torch. Pooling follows the model's sentence-transformers
config (mean over real tokens, or the [CLS] token), then L2 normalization.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import uuid
import warnings
from pathlib import Path

import numpy as np

from index.errors import ModelUnavailable
from index.paths import data_dir

EXPORT_VERSION = "1"  # bump when the export or quantization recipe changes: old caches are ignored
# Tokens per batch (rows × longest row): bounds memory, keeps short texts in big batches. int8 runs faster in
# smaller batches (bench/reports/embed_backends.md: 2k tokens 4.1–4.5× the reference per CPU second, 8k 3.5–3.9×).
TOKEN_BUDGET = 8192
INT8_TOKEN_BUDGET = 2048
MAX_BATCH = 128
_SMALL = 64  # up to this many texts: one thread (see index.embed on spin-waiting workers)


def pooling_mode(folder: Path) -> str | None:
    """"mean" or "cls" as the model's sentence-transformers config says (mean when it has none);
    None when it has modules this backend does not reproduce (Dense layers, other poolings)."""
    modules_path = folder / "modules.json"
    if not modules_path.is_file():
        return "mean"  # sentence-transformers' default for a plain Hugging Face model
    modules = json.loads(modules_path.read_text(encoding="utf-8"))
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
    if any(k not in ("Transformer", "Pooling", "Normalize") for k in kinds):
        return None
    pooling = next((m for m, k in zip(modules, kinds) if k == "Pooling"), None)
    if pooling is None:
        return "mean"
    config_path = folder / pooling.get("path", "") / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.is_file() else {}
    modes = {k[len("pooling_mode_"):] for k, v in config.items() if k.startswith("pooling_mode_") and v}
    if modes == {"cls_token"}:
        return "cls"
    if modes in ({"mean_tokens"}, set()):
        return "mean"
    return None


def model_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def model_hash(folder: Path, cache_root: Path) -> str:
    """SHA-256 over the model's files; remembered by (path, size, mtime) so later runs only stat them."""
    files = model_files(folder)
    # EXPORT_VERSION is part of the memo's key too: bumping it must not find a memo made by the old recipe.
    stamp = hashlib.sha256(json.dumps([EXPORT_VERSION] + [[str(p), p.stat().st_size, p.stat().st_mtime_ns]
                                                          for p in files]).encode()).hexdigest()
    memo = cache_root / "hashes" / f"{stamp}.txt"
    if memo.is_file():
        return memo.read_text(encoding="utf-8").strip()
    h = hashlib.sha256(EXPORT_VERSION.encode())
    for p in files:
        h.update(str(p.relative_to(folder)).encode())
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    digest = h.hexdigest()
    _atomic_write(memo, digest.encode())
    return digest


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def export_onnx(model_dir: Path, out: Path) -> None:
    """Export the Hugging Face encoder at `model_dir` to `out` (last hidden state, dynamic batch and length)."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # a "Loading weights" bar in the middle of `gazette index`'s own progress
    model = AutoModel.from_pretrained(str(model_dir), local_files_only=True)
    model.eval()

    class Encoder(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    dummy = torch.ones((2, 8), dtype=torch.long)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        # The tracer warns about index operators with negative indices and about is_causal fixed as a constant;
        # neither applies to an encoder always given its attention mask. Users building an index need not see it.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(Encoder(model), (dummy, dummy, torch.zeros_like(dummy)), str(tmp),
                              input_names=["input_ids", "attention_mask", "token_type_ids"],
                              output_names=["last_hidden_state"],
                              dynamic_axes={n: {0: "batch", 1: "seq"} for n in
                                            ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")},
                              opset_version=17, do_constant_folding=True, dynamo=False)
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()


def quantize(src: Path, out: Path) -> None:
    """Dynamic int8 quantization of the linear layers' weights (activations quantized at run time)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}.onnx")
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # it advises "pre-processing" on the root logger at every run: noise to a user
    try:
        quantize_dynamic(str(src), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
        os.replace(tmp, out)
    finally:
        root.setLevel(level)
        if tmp.exists():
            tmp.unlink()


def cached_model(model_dir: Path, int8: bool, cache_root: Path | None = None) -> Path:
    """The exported (and quantized) model for `model_dir`, made on first use under <data>/onnx/<hash>/."""
    root = cache_root or data_dir() / "onnx"
    folder = root / model_hash(model_dir, root)
    fp32, q8 = folder / "model.onnx", folder / "model-int8.onnx"
    want = q8 if int8 else fp32
    if want.is_file():
        return want
    folder.mkdir(parents=True, exist_ok=True)
    lock = _FileLock(folder / ".lock")
    with lock:
        if not fp32.is_file():
            export_onnx(model_dir, fp32)
        if int8 and not q8.is_file():
            quantize(fp32, q8)
    return want


class _FileLock:
    """An exclusive lock file, so two processes never export into the same cache folder at once."""

    def __init__(self, path: Path):
        self.path = path
        self.fh = None

    def __enter__(self):
        import fcntl

        self.fh = open(self.path, "a+")
        fcntl.flock(self.fh, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        import fcntl

        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


class OnnxEmbedder:
    """Normalized sentence vectors from an ONNX export; batches sorted by length and sized by tokens."""

    def __init__(self, spec, int8: bool = False, cache_root: Path | None = None):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelUnavailable(spec.name, f"缺少 ONNX 推理所需的包：{exc.name}") from exc
        folder = Path(spec.path)
        if not (folder / "tokenizer.json").is_file():
            raise ModelUnavailable(spec.name, "ONNX 后端需要本地模型目录（含 tokenizer.json）")
        self.pooling = pooling_mode(folder)
        if self.pooling is None:
            raise ModelUnavailable(spec.name, "该模型的池化或附加层 ONNX 后端不支持，请改用 backend = \"torch\"")
        try:
            self.onnx_path = cached_model(folder, int8, cache_root)
        except Exception as exc:  # noqa: BLE001 - export or quantization failure means the same to the user
            raise ModelUnavailable(spec.name, f"导出 ONNX 模型失败：{type(exc).__name__}: {exc}") from exc
        self.spec = spec
        self.token_budget = INT8_TOKEN_BUDGET if int8 else TOKEN_BUDGET
        self.name = spec.name
        self.max_len = spec.max_seq_length
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_len)
        self._ort = ort
        self._sessions: dict[int, object] = {}
        self._lock = threading.Lock()
        config_path = folder / "config.json"
        config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.is_file() else {}
        self.pad_id = int(config.get("pad_token_id") or 0)
        session = self._session(1)
        self._inputs = {i.name for i in session.get_inputs()}
        width = session.get_outputs()[0].shape[-1]
        self.dim = int(width) if isinstance(width, int) else int(config["hidden_size"])
        # Chinese BERT vocabularies give about one token per character; [CLS] and [SEP] take two.
        self.max_chars = self.max_len - 2 - len(spec.passage_prefix)
        self.calls = 0
        self.embedded = 0

    def _session(self, threads: int):
        if threads not in self._sessions:
            opts = self._ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            opts.graph_optimization_level = self._ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            # Idle workers sleep instead of spinning: on a shared machine spinning only steals cycles.
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self._sessions[threads] = self._ort.InferenceSession(str(self.onnx_path), opts,
                                                                 providers=["CPUExecutionProvider"])
        return self._sessions[threads]

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        self.calls += 1
        self.embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encodings = self.tokenizer.encode_batch([prefix + t for t in texts])
        lengths = np.array([len(e.ids) for e in encodings])
        order = np.argsort(-lengths, kind="stable")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        threads = 1 if len(texts) <= _SMALL else max(1, os.cpu_count() or 1)
        with self._lock:
            session = self._session(threads)
            start = 0
            while start < len(order):
                width = int(lengths[order[start]])  # longest in the batch: sorted descending
                rows = max(1, min(MAX_BATCH, self.token_budget // max(width, 1)))
                batch = order[start:start + rows]
                out[batch] = self._run(session, [encodings[i] for i in batch], width)
                start += rows
        return out

    def _run(self, session, encodings, width: int) -> np.ndarray:
        ids = np.full((len(encodings), width), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for r, e in enumerate(encodings):
            ids[r, :len(e.ids)] = e.ids
            mask[r, :len(e.ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = session.run(None, feed)[0]
        if self.pooling == "cls":
            pooled = hidden[:, 0]
        else:
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return (pooled / norms).astype(np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.spec.passage_prefix)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.spec.query_prefix)
