"""Embedding backends side by side: plain PyTorch fp32, int8 dynamic quantization, ONNX Runtime.

Throughput over the bundled gazette's clause windows and dense retrieval quality on the resident
questions (tests/index/test_resident_questions.py): hit@3 and recall@10 of the gold clause, dense only,
so backend differences are not hidden by keyword search. Writes bench/reports/embed_backends.md.
ONNX needs `optimum-onnx[onnxruntime]`, which pins older transformers; run this script from a separate
virtual environment that has it (see the report for the exact set-up).
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def resident_questions():
    spec = importlib.util.spec_from_file_location("rq", ROOT / "tests" / "index" / "test_resident_questions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.QUESTIONS


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--backends", default="torch,int8,onnx")
    ap.add_argument("--out", default=str(ROOT / "bench" / "reports" / "embed_backends.md"))
    args = ap.parse_args()
    import torch

    from corpus.parse import default_sources, parse_sources
    from index.embed import get_embedder, resolve_model, with_backend

    docs = list(parse_sources(default_sources()))
    clauses = [(d, c) for d in docs for c in d.clauses if c.text]
    texts = [f"{d.title}\n{c.heading or ''}\n{c.text}"[:254] for d, c in clauses]
    keys = [(d.doc_number or d.title, c.path) for d, c in clauses]
    questions = resident_questions()
    lines = ["# Embedding backends", "",
             f"m3e-small, {len(texts)} clause texts of the bundled gazette (title + heading + text, up to 254 "
             f"characters), torch {torch.__version__}, {torch.get_num_threads()} threads, `bench/embed_backends.py`. "
             f"Quality: dense-only retrieval of the {len(questions)} resident questions.", "",
             "| backend | load s | texts/s | hit@3 | recall@10 |", "|---|---|---|---|---|"]
    base = resolve_model(None)
    for backend in args.backends.split(","):
        try:
            t0 = time.perf_counter()
            emb = get_embedder(with_backend(base, backend))
            emb.embed_passages(texts[:8])
            load = time.perf_counter() - t0
        except Exception as exc:  # noqa: BLE001 - report and go on with the other backends
            lines.append(f"| {backend} | – | not available: {type(exc).__name__}: {str(exc)[:120]} | – | – |")
            continue
        t0 = time.perf_counter()
        vectors = emb.embed_passages(texts)
        rate = len(texts) / (time.perf_counter() - t0)
        q = emb.embed_queries([question for question, _ in questions])
        scores = q @ vectors.T
        hit3 = rec10 = 0
        for row, (_, gold) in zip(scores, questions):
            top = [keys[i] for i in np.argsort(-row)[:10]]
            hit3 += any(k in gold for k in top[:3])
            rec10 += any(k in gold for k in top)
        lines.append(f"| {backend} | {load:.1f} | {rate:.1f} | {hit3 / len(questions):.3f} | {rec10 / len(questions):.3f} |")
        print(lines[-1], flush=True)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
