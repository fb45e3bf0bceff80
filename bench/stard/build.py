"""Build the STARD benchmark index in stages, so that a slow CPU can stop at any stage and resume later.

Stage 1 indexes every statute file that holds a gold article of any split; each later stage adds about
`--stage-clauses` clauses of the other national statutes in a fixed shuffled order (seed 0). Every stage
is an ordinary `index.build.build_index` run over the files so far into the same folder, so the
project's content-hash reuse skips what earlier stages embedded, and an interrupted run loses only
its current stage. Stages the index already covers are skipped. The index manifest's `sources` lists exactly which files a stage covered.

    .venv/bin/python -m bench.stard.build --index ~/.cache/gazette-stard/m3e-small
    .venv/bin/python -m bench.stard.build --index /tmp/stard-fake --model fake-64 --stages 0   # whole corpus, fake vectors
    nice -n 10 .venv/bin/python -m bench.stard.build --index /tmp/stard-full --stages 0 --backend onnx-int8
    nice -n 19 .venv/bin/python -m bench.stard.build --index /tmp/stard-sent --stages 0 --backend onnx-int8 \
        --threads 1 --sentence-vectors   # also answer with it (`gazette ask`, --latency)

By default indexes built here hold no answer-stage sentence vectors (retrieval does not use them, and they add
about half the windows' embedding time: whole corpus, int8 ONNX, one thread, 163,253 sentences in 632 s against
82,184 windows in 1,189 s). `--sentence-vectors` keeps them (the project's default Settings), so that answering
over the index embeds only the question, as a `gazette index` build does; measure `ask` latency on such an index.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

from bench.stard.gold import LAW_DIR, GoldMapper, Unit, corpus_files, load_queries, manifest_titles

DEFAULT_INDEX = Path.home() / ".cache" / "gazette-stard" / "m3e-small"


def plan_stages(stage_clauses: int, seed: int = 0) -> tuple[list[list[Path]], dict]:
    """Cumulative file lists: gold files first, then the others shuffled, about stage_clauses clauses a stage."""
    from corpus.parse import parse_file

    titles = manifest_titles()
    files = corpus_files()
    units, owner, sizes = [], {}, {}
    for path in files:
        rel = str(path.relative_to(LAW_DIR))
        n = 0
        for doc in parse_file(path):
            for clause in doc.clauses:
                owner[len(units)] = path
                units.append(Unit(len(units), titles.get(rel, doc.title), clause.label, clause.text))
                n += 1
        sizes[path] = n
    queries = load_queries(GoldMapper(units))
    gold_files = {owner[c] for q in queries for g in q.gold for c in g.clause_ids}
    first = [p for p in files if p in gold_files]
    rest = [p for p in files if p not in gold_files]
    random.Random(seed).shuffle(rest)
    stages, current, added = [list(first)], list(first), 0
    for path in rest:
        current.append(path)
        added += sizes[path]
        if added >= stage_clauses:
            stages.append(list(current))
            added = 0
    if added:
        stages.append(list(current))
    info = {"files": len(files), "clauses": len(units), "gold_files": len(first),
            "gold_clauses": sum(sizes[p] for p in first),
            "stage_clauses": [sum(sizes[p] for p in s) for s in stages]}
    return stages, info


def _indexed_sources(index_dir: Path) -> set[str]:
    """Source files the index at index_dir already holds (empty when there is none)."""
    try:
        return set(json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))["sources"])
    except (OSError, ValueError, KeyError):
        return set()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    ap.add_argument("--model", default="m3e-small")
    ap.add_argument("--stage-clauses", type=int, default=10_000)
    ap.add_argument("--stages", type=int, default=-1,
                    help="build this many stages (-1: all; 0: the whole corpus in one go)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--backend", default=None, help="embedding backend (default: the project's default)")
    ap.add_argument("--sentence-vectors", action="store_true",
                    help="also store the answer-stage sentence vectors (about 1.5x the embedding time; needed "
                         "for a realistic `ask` latency)")
    args = ap.parse_args(argv)

    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    if args.backend in ("torch", "int8"):
        import torch

        torch.set_num_threads(args.threads)
    from index.build import Settings, build_index
    from index.embed import resolve_model

    spec = resolve_model(args.model, args.backend)
    print(json.dumps({"model": spec.name, "backend": spec.backend}), flush=True)

    stages, info = plan_stages(args.stage_clauses)
    print(json.dumps(info, ensure_ascii=False), flush=True)
    if args.stages == 0:
        stages = [stages[-1]]
    elif args.stages > 0:
        stages = stages[:args.stages]
    held = _indexed_sources(args.index)
    for i, files in enumerate(stages, start=1):
        if i < len(stages) and {str(p.resolve()) for p in files} <= held:
            continue  # rebuilding a smaller stage over a larger index would drop the vectors of the rest
        t = time.perf_counter()
        # Retrieval needs no answer-stage sentence vectors: by default leave them out (a third of the embedding time).
        s = build_index(files, args.index, spec, progress=True,
                        settings=Settings(sentence_vectors=args.sentence_vectors))
        print(json.dumps({"stage": i, "of": len(stages), "files": len(files), "clauses": s.clauses,
                          "vectors": s.vectors, "embedded": s.embedded, "reused": s.reused,
                          "dense_index": s.dense_index, "seconds": round(time.perf_counter() - t, 1),
                          "timings": s.timings, "at": time.strftime("%H:%M:%S")}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
