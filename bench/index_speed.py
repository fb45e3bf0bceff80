"""Index-stage speed bench: build time split, query latency, memory, disk, BM25 vs rank_bm25, flat vs HNSW,
torch vs int8 vs ONNX embedding. Writes bench/reports/index_speed.md.

    .venv/bin/python -m bench.index_speed --law-docs 120      # lawrefbook subset size (0 = skip)
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.paths import ROOT, law_dir

LAW_DIR = law_dir()

QUERIES = [
    "社会办医疗机构能配置大型医用设备吗", "温政办〔2019〕49号第三部分第九条", "49号文件的奖励标准是多少",
    "立法工作计划有哪些项目", "养犬管理条例由谁起草", "特殊工时审批清单式改革试点", "产业基金财政鼓励政策",
    "五大战略性新兴产业培育", "城市经济新业态培育行动方案的目标", "全科诊所可以纳入基层医疗卫生服务体系吗",
    "市经信局负责哪些工作", "人事任免", "7月份国民经济主要统计指标", "外商投资企业特殊工时", "优化营商环境管理办法",
    "合同无效的情形", "正当防卫的规定", "劳动合同解除经济补偿", "行政处罚的种类", "未成年人保护",
]


class Report(list):
    """Lines of the report, rewritten to disk after every section."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path

    def flush(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text("\n".join(self) + "\n", encoding="utf-8")
        print("\n".join(self[self.__dict__.get("_printed", 0):]), flush=True)
        self._printed = len(self)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def latency(searcher, mode: str, repeat: int = 3) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        for q in QUERIES:
            searcher.clear_cache()  # time the query encoding too, not the cached vector
            t = time.perf_counter()
            searcher.search(q, k=10, mode=mode)
            times.append((time.perf_counter() - t) * 1000)
    return pct(times, 50), pct(times, 95)


def law_files(n: int) -> list[Path]:
    files = sorted(p for p in LAW_DIR.rglob("*.md") if "DLC" not in p.relative_to(LAW_DIR).parts
                   and p.name != "README.md")
    random.Random(0).shuffle(files)
    return files if n <= 0 else files[:n]


def bench_corpus(name: str, sources, model: str, lines: list[str]) -> None:
    from index.build import build_index
    from index.search import load_index

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "idx"
        s = build_index(sources, folder, model, progress=False)
        t = s.timings
        lines.append(f"### {name}\n")
        lines.append(f"- documents {s.documents}, clauses {s.clauses}, vectors (windows) {s.vectors}, dense index {s.dense_index}")
        lines.append(f"- build {s.seconds:.1f} s = parse {t['parse']:.1f} s ({s.clauses / max(t['parse'], 1e-9):.0f} clauses/s)"
                     f" + embed {t['embed']:.1f} s ({s.vectors / max(t['embed'], 1e-9):.1f} windows/s,"
                     f" {s.clauses / max(t['embed'], 1e-9):.1f} clauses/s, model load included)"
                     f" + keyword/dense index {t['index']:.1f} s ({s.clauses / max(t['index'], 1e-9):.0f} clauses/s)")
        t0 = time.perf_counter()
        searcher = load_index(folder)
        load_s = time.perf_counter() - t0
        searcher.embed_queries(["预热"])
        lines.append(f"- index on disk {dir_mb(folder):.1f} MB; load (with sha256 checks) {load_s * 1000:.0f} ms")
        for mode in ("keyword", "dense", "hybrid"):
            p50, p95 = latency(searcher, mode)
            lines.append(f"- query latency {mode}: p50 {p50:.1f} ms, p95 {p95:.1f} ms (k=10, {len(QUERIES)} queries × 3)")
        t0 = time.perf_counter()
        searcher.clear_cache()
        searcher.search_batch(QUERIES * 5, k=10)
        lines.append(f"- search_batch of {len(QUERIES) * 5} hybrid queries: {(time.perf_counter() - t0) * 1000 / (len(QUERIES) * 5):.1f} ms/query")
        rebuild = build_index(sources, folder, model, progress=False)
        lines.append(f"- unchanged rebuild: {rebuild.seconds:.1f} s, embedded {rebuild.embedded}, reused {rebuild.reused}")
        lines.append(f"- peak resident memory so far {rss_mb():.0f} MB\n")
        return s


def bench_bm25(files: list[Path], lines: list[str]) -> None:
    from rank_bm25 import BM25Okapi

    from corpus.parse import parse_file
    from index.bm25 import KeywordIndex
    from index.tokenize import KeywordTokenizer

    texts = [f"{d.title}\n{c.text}" for f in files for d in parse_file(f) for c in d.clauses]
    tok = KeywordTokenizer()
    t0 = time.perf_counter()
    tokens = tok.tokenize_batch(texts)
    t_tok = time.perf_counter() - t0
    queries = [tok.tokenize(q) for q in QUERIES]
    t0 = time.perf_counter()
    ours = KeywordIndex()
    ours.index(tokens)
    t_ours_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs = BM25Okapi(tokens, k1=1.5, b=0.75)
    t_theirs_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours.search(queries, 10)
    t_ours_q = (time.perf_counter() - t0) / len(queries)
    t0 = time.perf_counter()
    for q in queries:
        theirs.get_scores(q)
    t_theirs_q = (time.perf_counter() - t0) / len(queries)
    lines.append("### BM25: ours (scipy sparse, built once) vs rank_bm25 BM25Okapi, same tokens\n")
    lines.append(f"- {len(texts)} clauses, jieba tokenization {t_tok:.1f} s ({len(texts) / t_tok:.0f} clauses/s)")
    lines.append(f"- build: ours {t_ours_build:.2f} s, rank_bm25 {t_theirs_build:.2f} s")
    lines.append(f"- query (batch of {len(queries)}): ours {t_ours_q * 1000:.2f} ms/query, rank_bm25 {t_theirs_q * 1000:.1f} ms/query"
                 f" → **{t_theirs_q / t_ours_q:.0f}× faster**\n")


def bench_ann(lines: list[str], sizes=(10_000, 50_000, 100_000), dim=512) -> None:
    import numpy as np

    from index.dense import DenseIndex

    lines.append("### Dense: exact flat vs HNSW (M=32, efSearch=128), random unit vectors, d=512\n")
    lines.append("| vectors | flat build s | flat ms/query | HNSW build s | HNSW ms/query | HNSW recall@10 |")
    lines.append("|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    for n in sizes:
        x = rng.standard_normal((n, dim)).astype(np.float32)
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        q = x[rng.choice(n, 50, replace=False)] + 0.3 * rng.standard_normal((50, dim)).astype(np.float32)
        q /= np.linalg.norm(q, axis=1, keepdims=True)
        row = [str(n)]
        results = {}
        for threshold, label in ((10**9, "flat"), (0, "hnsw")):
            idx = DenseIndex(dim, threshold)
            t0 = time.perf_counter()
            idx.index(x)
            build = time.perf_counter() - t0
            t0 = time.perf_counter()
            for qi in q:
                _, ids = idx.search(qi[None], 10)
            per_q = (time.perf_counter() - t0) * 1000 / len(q)
            _, results[label] = idx.search(q, 10)
            row += [f"{build:.2f}", f"{per_q:.2f}"]
        recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(results["flat"], results["hnsw"])])
        lines.append("| " + " | ".join(row + [f"{recall:.3f}"]) + " |")
    lines.append("")


def bench_backends(files_texts: list[str], lines: list[str]) -> None:
    import numpy as np

    from index.embed import SentenceEmbedder, resolve_model, with_backend
    from index.onnx_backend import OnnxEmbedder

    spec = resolve_model(None)
    texts = files_texts
    lines.append(f"### Embedding backends, m3e-small, {len(texts)} clause windows, max_seq_length 256 unless noted\n")
    base = None
    queries = QUERIES
    rows = []
    for label, backend, max_len in (("torch fp32", "torch", 256), ("torch fp32", "torch", 128),
                                    ("torch fp32", "torch", 512), ("torch int8 dynamic", "int8", 256),
                                    ("onnx fp32", "onnx", 256), ("onnx int8", "onnx-int8", 256)):
        try:
            t0 = time.perf_counter()
            chosen = replace(with_backend(spec, backend), max_seq_length=max_len)
            emb = OnnxEmbedder(chosen, int8=backend == "onnx-int8") if backend.startswith("onnx") \
                else SentenceEmbedder(chosen)
            load = time.perf_counter() - t0
        except Exception as exc:  # noqa: BLE001
            rows.append(f"| {label} | {max_len} | skipped: {str(exc).splitlines()[0][:120]} | | |")
            continue
        emb.embed_passages(texts[:8])
        t0 = time.perf_counter()
        vec = emb.embed_passages(texts)
        secs = time.perf_counter() - t0
        qv = emb.embed_queries(queries)
        top = np.argsort(-(qv @ vec.T), axis=1)[:, :10]
        if base is None:
            base = top
            agree = "reference"
        else:
            agree = f"{np.mean([len(set(a) & set(b)) / 10 for a, b in zip(base, top)]):.3f}"
        rows.append(f"| {label} | {max_len} | {len(texts) / secs:.1f} texts/s (load {load:.1f} s) | {agree} | |")
    lines.append("| backend | max_seq_length | throughput | overlap@10 vs fp32/256 | |")
    lines.append("|---|---|---|---|---|")
    lines.extend(rows)
    lines.append("")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--law-docs", type=int, default=120, help="lawrefbook files to index (0 = skip, -1 = all)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--skip-backends", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench" / "reports" / "index_speed.md"))
    args = ap.parse_args()
    import torch

    lines = Report(Path(args.out))
    lines += ["# Index stage speed", "",
             f"Machine: {os.cpu_count()} CPU cores, torch {torch.__version__} ({torch.get_num_threads()} threads). "
             f"Model: {args.model or 'm3e-small'} unless noted. Generated by `python -m bench.index_speed`.", ""]
    from corpus.parse import default_sources

    bench_corpus("Bundled gazette (corpus/gazettes)", default_sources(), args.model, lines)
    lines.flush()
    if args.law_docs:
        files = law_files(args.law_docs)
        s = bench_corpus(f"lawrefbook subset: {len(files)} random files (DLC/ excluded)", files, args.model, lines)
        all_files = law_files(0)
        if len(files) < len(all_files):
            from corpus.parse import parse_file

            t0 = time.perf_counter()
            total = sum(len(d.clauses) for f in all_files for d in parse_file(f))
            parse_all = time.perf_counter() - t0
            rate = s.clauses / max(s.timings["embed"], 1e-9)
            lines.append(f"**Extrapolation to all {len(all_files)} lawrefbook files (DLC/ excluded):** {total} clauses "
                         f"(parsed in {parse_all:.0f} s); at the measured {rate:.1f} clauses/s the embedding would take "
                         f"≈ {total / rate / 60:.0f} min on this machine (not measured end to end).\n")
        lines.flush()
        bench_bm25(files, lines)
        lines.flush()
    bench_ann(lines)
    lines.flush()
    if not args.skip_backends:
        from corpus.parse import parse_file
        from index import store

        texts = []
        for f in law_files(40):
            for d in parse_file(f):
                recs = store.records_from_documents([d], str(f), 0, 0)
                texts.extend(w for r in recs for w in store.windows(r, 254))
        bench_backends(texts[:600], lines)
    lines.append(f"Peak resident memory of the bench process: {rss_mb():.0f} MB.")
    lines.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
