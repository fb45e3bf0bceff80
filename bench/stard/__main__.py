"""STARD statute retrieval (1,543 real lay questions) against LawRefBook's national statutes:
Recall@5/10/20/50/100/200 and MRR@3/5/10 for keyword, dense and hybrid search beside the published
baselines. Prints the table and writes bench/reports/stard.md.

    .venv/bin/python -m bench.stard.build --index ~/.cache/gazette-stard/m3e-small     # once (slow on CPU)
    .venv/bin/python -m bench.stard --index ~/.cache/gazette-stard/m3e-small --split dev \
        --keyword-index ~/.cache/gazette-stard/fake-full --fusion weighted --weights 0.5,0.5 --k1 1.2 --b 0.75 \
        --summary ~/.cache/gazette-stard/summary.md --tuning ~/.cache/gazette-stard/notes.md
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import time
from collections import Counter
from pathlib import Path

from bench.paths import REPORTS
from bench.stard.gold import LAW_DIR, corpus_files
from bench.stard.runs import (BASELINES, ZERO_SHOT, evaluate, golds, metric_names, open_searcher, run, set_bm25,
                              set_fusion, stard_queries)

REPORT = REPORTS / "stard.md"
DEFAULT_INDEX = Path.home() / ".cache" / "gazette-stard" / "m3e-small"
MODES = ("keyword", "dense", "hybrid")
RUNNER_SECTION = "## Through the eval runner"
CAVEATS = [
    "- Subset indexes come from `bench/stard/build.py`: stage 1 is every statute file that holds a gold article of "
    "any split (all versions of those laws), later stages add other national statute files in a fixed shuffled order "
    "(seed 0). Fewer distractors make subset numbers optimistic; compare the keyword rows on the subset and on the "
    "whole corpus to see by how much for BM25.",
    "- Not directly comparable with the paper: a different corpus (LawRefBook 2025 snapshot, 73k clauses including "
    "several versions of some laws, against STARD's 55,348 articles), the repo's dev split (308 queries) where "
    "Dense-STARD was scored by five-fold cross-validation, and baseline cells that are partly secondary quotes.",
    "- Gold articles are mapped by law name + article number and checked against the gold text (`bench/stard/gold.py`); "
    "a gold article counts as found at the first rank of any clause that is that article (one per law version with "
    "the same text). Heading-only clauses (第X章) stay in the rankings, as the project's index returns them.",
    "- With 308 queries, differences under about 0.02–0.03 in recall are within noise (one query of 308 is 0.003).",
]


def fmt_row(name: str, scores: dict[str, float]) -> str:
    cells = [f"{scores[m]:.3f}" if m in scores else "–" for m in metric_names()]
    return f"| {name} | " + " | ".join(cells) + " |"


def table(rows: list[tuple[str, dict[str, float]]]) -> list[str]:
    names = metric_names()
    return ["| system | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)] + [fmt_row(n, s) for n, s in rows]


def goal_check(hybrid: dict[str, float]) -> list[str]:
    """Which published zero-shot cells the hybrid run beats, and how far it is from Dense-STARD."""
    lines = []
    beaten = [(b, m) for b in ZERO_SHOT for m, v in BASELINES[b].items() if hybrid[m] > v]
    total = [(b, m) for b in ZERO_SHOT for m in BASELINES[b]]
    lines.append(f"- Hybrid beats {len(beaten)} of {len(total)} published zero-shot cells"
                 + ("" if len(beaten) == len(total) else
                    f"; not: {', '.join(f'{b} {m}' for b, m in total if (b, m) not in beaten)}") + ".")
    fine = BASELINES["Dense-STARD (paper, fine-tuned, 5-fold CV)"]
    lines.append("- Against fine-tuned Dense-STARD: " + ", ".join(
        f"{m} {hybrid[m]:.3f} vs {v:.3f} ({hybrid[m] - v:+.3f})" for m, v in fine.items()) + ".")
    return lines


def index_description(searcher, all_files: int) -> list[str]:
    man = searcher.manifest
    sources = man["sources"]
    c = man["counts"]
    s = man["settings"]
    subset = len(sources) < all_files
    lines = [
        f"- Index `{searcher.stored.folder}`: {len(sources)} of {all_files} national statute files "
        f"({'SUBSET, see below' if subset else 'the whole corpus'}), {c['documents']} documents, "
        f"{c['clauses']} clauses, {c['vectors']} vectors (windows), dense index `{s['dense_index']}`, "
        f"built {man['created']}, last build step {man['build_seconds']:.0f} s.",
        f"- Model `{man['model']['name']}` ({man['dimensions']} dims, max {man['model']['max_seq_length']} tokens, "
        f"window {man['model']['window_chars']} chars), index stored BM25 k1={s['bm25']['k1']} b={s['bm25']['b']}, "
        f"fusion {s['fusion']} (rrf_k {s['rrf_k']}, weights {s['weights']}).",
    ]
    return lines


def coverage_lines(queries) -> list[str]:
    hows = Counter(g.how for q in queries for g in q.gold)
    n_gold = sum(len(q.gold) for q in queries)
    mappable = sum(q.mappable for q in queries)
    return [f"- {len(queries)} queries, {n_gold} gold articles: "
            + ", ".join(f"{k} {v}" for k, v in sorted(hows.items(), key=lambda kv: -kv[1]))
            + f"; {mappable} queries have every gold article in the index.",
            f"- Gold articles with more than one acceptable clause (identical text in several versions of a law): "
            f"{sum(len(g.clause_ids) > 1 for q in queries for g in q.gold)}."]


def single_query_latency(searcher, split: str, n: int) -> list[str]:
    """p50/p95 of one question at a time, as `gazette search` and `gazette ask` serve it with the model loaded:
    the search, and the whole answer (search, sentence scoring, composing, verifying)."""
    from assistant.answer import answer_question
    from eval.metrics import percentile

    texts = [q.text for q in stard_queries(searcher, split, n + 3)]
    for text in texts[:3]:  # load the model and the keyword tables once
        answer_question(text, searcher)
    search_ms, ask_ms = [], []
    for text in texts[3:]:
        t = time.perf_counter()
        searcher.search(text, k=10)
        search_ms.append(1000 * (time.perf_counter() - t))
        t = time.perf_counter()
        answer_question(text, searcher)
        ask_ms.append(1000 * (time.perf_counter() - t))
    stored = searcher.stored.sentences
    vectors = (f"this index stores {len(stored):,} sentence vectors, so an answer embeds only the question"
               if stored is not None else "this index stores no sentence vectors (built without "
               "--sentence-vectors), so each answer embeds the sentences of its top clauses")
    return [f"- single questions on index A ({len(search_ms)} of the {split} split, one at a time, model loaded): "
            f"search p50 {percentile(search_ms, 50):.0f} ms / p95 {percentile(search_ms, 95):.0f} ms; ask p50 "
            f"{percentile(ask_ms, 50):.0f} ms / p95 {percentile(ask_ms, 95):.0f} ms ({vectors}; issue 13's target "
            "is ask p50 ≤ 150 ms)"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="STARD retrieval benchmark (see module docstring)")
    ap.add_argument("--index", type=Path, action="append",
                    help=f"index folder (repeat for several; default {DEFAULT_INDEX}); the first one's hybrid is goal-checked")
    ap.add_argument("--keyword-index", type=Path, default=None,
                    help="a whole-corpus index (e.g. built with --model fake-64) for a keyword-only row on the full corpus")
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=None, help="first N queries of the split")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--k", type=int, default=200)
    ap.add_argument("--fusion", choices=("rrf", "weighted"), default=None, help="default: the index manifest's")
    ap.add_argument("--rrf-k", type=int, default=None)
    ap.add_argument("--weights", default=None, help="keyword,dense for --fusion weighted, e.g. 0.3,0.7")
    ap.add_argument("--k1", type=float, default=None, help="BM25 k1 (rebuilds the keyword backend in memory)")
    ap.add_argument("--b", type=float, default=None, help="BM25 b")
    ap.add_argument("--query-prefix", default=None, help="text put before every query for the dense model")
    ap.add_argument("--tuning", type=Path, default=None, help="markdown with the train-split tuning notes to include")
    ap.add_argument("--summary", type=Path, default=None, help="markdown to put right after the results")
    ap.add_argument("--report", type=Path, default=REPORT)
    ap.add_argument("--runs", type=Path, default=None, help="folder for run files (qid, clause id, rank)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--latency", type=int, default=0,
                    help="time N single questions of the split on the first index: search (k=10) and ask")
    args = ap.parse_args(argv)

    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    import torch

    torch.set_num_threads(args.threads)
    modes = [m for m in args.modes.split(",") if m]
    all_files = len(corpus_files())

    weights = tuple(float(x) for x in args.weights.split(",")) if args.weights else None
    rows, rows_mappable, timing, described, legend = [], [], [], [], []
    all_mappable = True
    hybrid_scores = None
    k1 = b = None
    for n_index, index_dir in enumerate(args.index or [DEFAULT_INDEX]):
        t0 = time.perf_counter()
        searcher = open_searcher(index_dir, args.query_prefix)
        load_s = time.perf_counter() - t0
        queries = stard_queries(searcher, args.split, args.limit)
        gold = golds(queries)
        mappable = [i for i, q in enumerate(queries) if q.mappable]
        all_mappable &= len(mappable) == len(queries)
        letter = "ABCDEFGH"[n_index]
        tag = f"index {letter}"
        legend.append(f"- index {letter}: {len(searcher.manifest['sources'])} of {all_files} files, "
                      f"{len(searcher):,} clauses (`{index_dir}`)")
        overridden = any(x is not None for x in (args.fusion, args.rrf_k, weights, args.k1, args.b, args.query_prefix))
        if overridden and "hybrid" in modes:  # the project's defaults first, as the index manifest records them
            plain = open_searcher(index_dir) if args.query_prefix is not None else searcher
            r = run(plain, queries, "hybrid", args.k)
            st = searcher.manifest["settings"]
            label = (f"hybrid, index defaults ({st['fusion']}, weights {st['weights']}, "
                     f"BM25 k1={st['bm25']['k1']} b={st['bm25']['b']}), {tag}")
            rows.append((label, evaluate(r.ranking, gold)))
            timing.append(f"- {tag}, hybrid with the index defaults: {r.seconds:.1f} s for {len(queries)}"
                          f" queries{' (model load included)' if n_index == 0 else ''}")
            print(fmt_row(label, rows[-1][1]), flush=True)
        set_fusion(searcher, args.fusion, args.rrf_k, weights)
        kw = searcher.stored.keyword
        k1, b = args.k1 if args.k1 is not None else kw.k1, args.b if args.b is not None else kw.b
        t = time.perf_counter()
        tokens = set_bm25(searcher, k1, b)
        rekey_s = time.perf_counter() - t
        described += [f"Index {letter}:", ""] + index_description(searcher, all_files) + coverage_lines(queries) + [""]
        timing.append(f"- {tag} load (sha256 checks included) {load_s:.1f} s"
                      + (f"; BM25 rebuilt in memory for k1={k1} b={b} in {rekey_s:.1f} s" if tokens else ""))
        for mode in modes:
            r = run(searcher, queries, mode, args.k)
            scores = evaluate(r.ranking, gold)
            rows.append((f"{mode}, {tag}", scores))
            rows_mappable.append((f"{mode}, {tag} ({len(mappable)} queries)",
                                  evaluate([r.ranking[i] for i in mappable], [gold[i] for i in mappable])))
            timing.append(f"- {tag}, {mode}: {r.seconds:.1f} s for {len(queries)} queries "
                          f"({1000 * r.seconds / max(len(queries), 1):.0f} ms/query, batches of 64, k={args.k})")
            if mode == "hybrid" and hybrid_scores is None:
                hybrid_scores = scores
            if args.runs:
                args.runs.mkdir(parents=True, exist_ok=True)
                with (args.runs / f"{args.split}.index{letter}.{mode}.tsv").open("w", encoding="utf-8") as fh:
                    for q, ranking in zip(queries, r.ranking):
                        fh.writelines(f"{q.qid}\t{cid}\t{rank}\n" for rank, cid in enumerate(ranking, start=1))
            print(fmt_row(f"{mode}, {tag}", scores), flush=True)

    if args.latency:
        timing += single_query_latency(open_searcher((args.index or [DEFAULT_INDEX])[0]), args.split, args.latency)

    full_rows = []
    if args.keyword_index and "keyword" in modes:
        full = open_searcher(args.keyword_index)
        set_bm25(full, k1, b)
        fq = stard_queries(full, args.split, args.limit)
        fr = run(full, fq, "keyword", args.k)
        n_full = len(full.manifest["sources"])
        full_rows.append(("keyword, whole corpus", evaluate(fr.ranking, golds(fq))))
        legend.append(f"- whole corpus: {n_full} of {all_files} files, {len(full):,} clauses (`{args.keyword_index}`, "
                      f"built with the fake embedder `{full.manifest['model']['name']}`: only its keyword side is used)")
        timing.append(f"- whole corpus, keyword: {fr.seconds:.1f} s for {len(fq)} queries")
        print(fmt_row("keyword (whole corpus)", full_rows[0][1]), flush=True)

    settings = (f"fusion {searcher.fusion}, rrf_k {searcher.rrf_k}, weights {list(searcher.weights)}, "
                f"BM25 k1={k1} b={b}, query prefix {json.dumps(args.query_prefix if args.query_prefix is not None else searcher.manifest['model']['query_prefix'], ensure_ascii=False)}")
    lines = ["# STARD statute retrieval", "",
             f"Generated {time.strftime('%Y-%m-%d %H:%M')} by `python -m bench.stard "
             f"{' '.join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))}`.", "",
             f"Queries: STARD `{args.split}` split ({len(queries)} queries{', limited' if args.limit else ''}), "
             "data/example/*.query.txt, the repo's random 4:1 split. Corpus: LawRefBook national statutes "
             f"(`{LAW_DIR}`, all `*.md` outside `DLC/` and `案例/`: {all_files} files). Metric definitions as in the "
             "paper: Recall@k is the share of a query's gold articles in the top k, averaged over queries; MRR@k "
             "is the reciprocal rank of the first gold article within k. Unmapped gold articles count as misses.",
             "", "## Results", "", f"Run settings: {settings}.", ""]
    lines += table(rows + full_rows + [(n, s) for n, s in BASELINES.items()])
    lines += [""] + legend
    if all_mappable:
        lines += ["", "Every query of the split has all its gold articles in every index, so recall over the "
                      "mappable queries equals the table above."]
    else:
        lines += ["", "Over the queries whose gold articles are all in the index:", ""] + table(rows_mappable)
    if hybrid_scores:
        lines += ["", "Goal check (tuned hybrid on index A, all queries):", ""] + goal_check(hybrid_scores)
    if args.summary and args.summary.is_file():
        lines += ["", args.summary.read_text(encoding="utf-8").strip()]
    lines += ["", "## Corpus and gold mapping", ""] + described
    lines += ["## Timings", ""] + timing
    lines += ["", "## Caveats", ""] + CAVEATS
    if args.tuning and args.tuning.is_file():
        lines += ["", args.tuning.read_text(encoding="utf-8").strip()]
    if args.report.is_file():  # keep the hand-run eval-runner section (bench/stard/evalset.py + gazette eval)
        kept = args.report.read_text(encoding="utf-8").partition(RUNNER_SECTION)[2]
        if kept:
            lines += ["", RUNNER_SECTION + kept.rstrip("\n")]
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(table(rows + full_rows + [(n, s) for n, s in BASELINES.items()])))
    print(f"wrote {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
