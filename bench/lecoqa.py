"""LeCoQA through the gazette eval harness: convert, index the relevant statutes, run, score against lawyer answers.

Usage (run from the repository root):
  .venv/bin/python -m bench.lecoqa convert [--split test|train] [--distractors N]   # writes bench/out/lecoqa/
  .venv/bin/python -m bench.lecoqa index                                            # builds bench/out/lecoqa/index
  .venv/bin/python -m bench.lecoqa run [--split test] [--limit N]                   # writes bench/reports/lecoqa.md

Data: ../shared/bench/LeCoQA (questions, gold articles, reference answers; random 4:1 train/test split, no dev
split) and ../shared/corpora/lawrefbook-laws (statutes as Markdown; DLC/ local regulations and 案例/ excluded).
Nothing here is tuned: the pipeline runs with its shipped settings; train is only converted, never scored for tuning.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time

from bench.paths import ROOT, bench_data_dir, law_dir

from corpus.parse import parse_file

LECOQA = bench_data_dir("LeCoQA")
LAWS = law_dir()
OUT = ROOT / "bench" / "out" / "lecoqa"
REPORT = ROOT / "bench" / "reports" / "lecoqa.md"
SPLITS = {"test": "data/example/test.json", "train": "data/example/train.json"}
EXCLUDED = ("DLC/", "案例/")
SEED = 20190711
# Below this character-bigram Dice similarity the numbered article is not the gold text (renumbered version).
SAME_ARTICLE = 0.5
_ARTICLE_MARK = re.compile(r"^第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?$")
_ARTICLE = re.compile(r"^(.+?)(第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)$")


def norm_law(name: str) -> str:
    """Law names compared without 中华人民共和国, book-title marks, brackets style or spaces."""
    name = name.replace("中华人民共和国", "").replace("《", "").replace("》", "")
    name = name.replace("(", "（").replace(")", "）")
    return re.sub(r"\s+", "", name)


def bigrams(text: str) -> set[str]:
    text = re.sub(r"\s+", "", text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def dice(a: str, b: str) -> float:
    """Sørensen–Dice coefficient over character bigram sets (Dice 1945); 0 when both are empty."""
    x, y = bigrams(a), bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x or y else 0.0


def law_files() -> dict[str, list[tuple[str, str]]]:
    """Normalized law title -> [(relative path, title)] over the non-DLC, non-案例 statute files."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in (LAWS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["path"].startswith(EXCLUDED):
            continue
        out.setdefault(norm_law(entry["title"]), []).append((entry["path"], entry["title"]))
    return out


def load_split(split: str) -> list[dict]:
    return json.loads((LECOQA / SPLITS[split]).read_text(encoding="utf-8"))


def _articles(rel: str) -> list[tuple[str, tuple[str, ...], str]]:
    """(document title, clause path, text) of every article clause of one file."""
    rows = []
    for doc in parse_file(LAWS / rel):
        for c in doc.clauses:
            if c.path and _ARTICLE_MARK.match(c.path[-1]):
                rows.append((doc.title, c.path, c.text))
    return rows


def convert(split: str, distractors: int) -> dict:
    """Write the eval set, the list of files to index and a mapping log; returns counts for the report."""
    cases = load_split(split)
    files = law_files()
    cache: dict[str, list] = {}

    def articles(rel):
        if rel not in cache:
            cache[rel] = _articles(rel)
        return cache[rel]

    # Gold (law, article, text) per case.
    wanted: dict[str, list[tuple[str, str]]] = {}
    for case in cases:
        for name in case["match_name"]:
            m = _ARTICLE.match(name)
            if m:
                wanted.setdefault(norm_law(m.group(1)), []).append((m.group(2), case["相关法规"].get(name, "")))
    # One version per law: the file whose numbered articles best match the gold texts (laws were amended).
    chosen: dict[str, str] = {}
    for law, golds in wanted.items():
        best, best_score = None, -1.0
        for rel, _ in files.get(law, []):
            by_article = {p[-1]: t for _, p, t in articles(rel)}
            score = sum(dice(by_article.get(a, ""), text) for a, text in golds)
            if score > best_score:
                best, best_score = rel, score
        if best:
            chosen[law] = best
    # 民法典 is one law in eight files (编); all of them are indexed.
    for law, rels in files.items():
        if law == "民法典":
            for rel, _ in rels:
                chosen.setdefault(f"民法典::{rel}", rel)
    log, out_cases, stats = [], [], {"cases": len(cases), "gold": 0, "exact": 0, "renumbered": 0, "unmapped": 0,
                                    "dropped_cases": 0}
    for case in cases:
        gold, notes = [], []
        for name in case["match_name"]:
            stats["gold"] += 1
            m = _ARTICLE.match(name)
            law = norm_law(m.group(1)) if m else None
            rels = [r for k, r in chosen.items() if k == law or (law == "民法典" and k.startswith("民法典::"))]
            text = case["相关法规"].get(name, "")
            pool = [row for rel in rels for row in articles(rel)]
            numbered = [row for row in pool if m and row[1][-1] == m.group(2)]
            hit = max(numbered, key=lambda r: dice(r[2], text), default=None)
            if hit is not None and dice(hit[2], text) >= SAME_ARTICLE:
                stats["exact"] += 1
            else:
                best = max(pool, key=lambda r: dice(r[2], text), default=None)
                if best is not None and dice(best[2], text) >= SAME_ARTICLE:
                    hit = best
                    stats["renumbered"] += 1
                    notes.append(f"{name} → {best[1][-1]}（版本不同，按条文相似度对应）")
                else:
                    stats["unmapped"] += 1
                    log.append({"query_id": case["query_id"], "gold": name, "reason": "no article in the corpus"})
                    continue
            gold.append({"title": hit[0], "path": list(hit[1])})
        if not gold:
            stats["dropped_cases"] += 1
            continue
        out_cases.append({
            "id": f"lecoqa-{case['query_id']}", "persona": "resident", "question": case["问题"].strip(),
            "answerable": True, "gold": gold, "facts": [],
            "reference_answer": case["答案文本"] if isinstance(case["答案文本"], str) else "",
            "notes": "；".join(notes) if notes else f"LeCoQA {split}",
        })
    gold_files = sorted(set(chosen.values()))
    # Distractors: a seeded random sample of the other statute files (one version per title).
    others = sorted(rels[-1][0] for law, rels in files.items()
                    if law not in wanted and law != "民法典" and rels[-1][0] not in gold_files)
    sample = sorted(random.Random(SEED).sample(others, min(distractors, len(others))))
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
        for c in out_cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    (OUT / "files.json").write_text(json.dumps({"gold_laws": gold_files, "distractors": sample, "seed": SEED},
                                               ensure_ascii=False, indent=1), encoding="utf-8")
    (OUT / f"{split}-mapping.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in log),
                                                encoding="utf-8")
    stats.update(kept=len(out_cases), gold_files=len(gold_files), distractor_files=len(sample),
                 clauses=sum(len(articles(r)) for r in gold_files))
    (OUT / f"{split}-stats.json").write_text(json.dumps(stats, ensure_ascii=False, indent=1), encoding="utf-8")
    return stats


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("--split", choices=SPLITS, default="test")
    c.add_argument("--distractors", type=int, default=60)
    sub.add_parser("index")
    m = sub.add_parser("report", help="rewrite bench/reports/lecoqa.md from the saved run")
    m.add_argument("--split", choices=SPLITS, default="test")
    r = sub.add_parser("run")
    r.add_argument("--split", choices=SPLITS, default="test")
    r.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    if args.cmd == "convert":
        print(json.dumps(convert(args.split, args.distractors), ensure_ascii=False, indent=1))
    elif args.cmd == "index":
        build()
    elif args.cmd == "report":
        markdown(args.split)
    else:
        run(args.split, args.limit)
    return 0


def build() -> None:
    from index.build import build_index

    files = json.loads((OUT / "files.json").read_text(encoding="utf-8"))
    paths = [LAWS / rel for rel in files["gold_laws"] + files["distractors"]]
    t0 = time.time()
    summary = build_index(paths, OUT / "index", None, progress=True)
    print(json.dumps(summary.to_json(), ensure_ascii=False)[:600], f"{time.time() - t0:.0f}s")


def run(split: str, limit: int | None) -> None:
    """Retrieval metrics and answer overlap with the lawyer-written answers; writes the report and the run."""
    from dataclasses import replace

    from assistant.evaluation import answerer_for
    from eval.evalset import load_evalset
    from eval.metrics import char_f1, rouge_l
    from eval.report import write_report
    from eval.runner import run_eval
    from index.search import load_index

    cases = load_evalset(OUT / f"{split}.jsonl")[:limit]
    searcher = load_index(OUT / "index")
    t0 = time.time()

    def progress(done, total, row):
        if done % 20 == 0 or done == total:
            print(f"{done}/{total} {time.time() - t0:.0f}s", file=sys.stderr, flush=True)

    result = run_eval(cases, searcher, answerer_for(searcher), progress=progress,
                      meta={"benchmark": "LeCoQA", "split": split})
    marker = re.compile(r"\[\d+\]")
    rows = []
    for row in result.rows:
        ref = row.case.reference_answer or ""
        answer = "" if row.abstained else marker.sub("", row.answer)
        quotes = "".join(c.quote for c in row.citations)
        rows.append(replace(row, overlap={"answer": rouge_l(answer, ref), "answer_char_f1": char_f1(answer, ref),
                                          "quotes": rouge_l(quotes, ref)}))
    result.meta["seconds"] = round(time.time() - t0, 1)
    write_report(rows, OUT / f"report-{split}", result.meta, charts=False)
    markdown(split)


def markdown(split: str) -> None:
    """bench/reports/lecoqa.md from the saved run (bench/out/lecoqa/report-<split>/), so it can be re-scored later."""
    from eval.metrics import mean
    from eval.report import load_report
    from eval.score import score

    rows, saved = load_report(OUT / f"report-{split}")
    overall = score(rows)["overall"]
    answered = [r for r in rows if not r.abstained]
    lines = _report_lines(split, rows, overall, answered, saved["meta"].get("seconds", 0.0), mean)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def _report_lines(split, rows, overall, answered, seconds, mean) -> list[str]:
    stats = json.loads((OUT / f"{split}-stats.json").read_text(encoding="utf-8"))
    files = json.loads((OUT / "files.json").read_text(encoding="utf-8"))
    manifest = json.loads((OUT / "index" / "manifest.json").read_text(encoding="utf-8"))
    f = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
    settings = manifest["settings"]
    fusion = (f"weighted sum, keyword/dense weights {settings['weights']}" if settings["fusion"] == "weighted"
              else f"RRF, k = {settings['rrf_k']}")
    from eval.metrics import rouge_l

    gold_texts = {f"lecoqa-{c['query_id']}": "".join(c["相关法规"].values()) for c in load_split(split)}
    ceiling = [rouge_l(gold_texts.get(r.case.id, ""), r.case.reference_answer or "")["f"] for r in rows]
    rl = [r.overlap["answer"]["f"] for r in rows]
    rl_answered = [r.overlap["answer"]["f"] for r in answered]
    return [
        "# LeCoQA through the gazette assistant",
        "",
        f"Split: **{split}** ({len(rows)} questions, LeCoQA `data/example/{split}.json`). LeCoQA has only a random 4:1 "
        "train/test split (no dev split); nothing was tuned on either split: the index and the answerer run with "
        "their shipped settings.",
        "",
        "## Corpus and index",
        f"- Statutes from `lawrefbook-laws` (DLC/ local regulations and 案例/ excluded). Embedding the full "
        f"statute set on 2 CPU cores would take hours, so the index holds **the {stats['gold_files']} files of the "
        f"laws cited in the {split} gold** (one version per law: the version whose numbered articles best match the "
        f"gold texts by character-bigram Dice; all eight 民法典 编 files) **plus {len(files['distractors'])} "
        f"distractor statute files drawn at random** (seed {files['seed']}, one version per title) from the "
        "remaining laws. Retrieval here is therefore easier than over the full corpus.",
        f"- Index: {manifest['counts']['clauses']} clauses, {manifest['counts']['vectors']} vectors, model "
        f"{manifest['model']['name']}, hybrid retrieval (jieba BM25 + dense; {fusion}).",
        f"- Gold mapping: {stats['gold']} gold articles; {stats['exact']} matched by law name + article number "
        f"with Dice ≥ {SAME_ARTICLE}, {stats['renumbered']} re-mapped by text, {stats['unmapped']} unmapped; "
        f"{stats['dropped_cases']} questions dropped.",
        "",
        "## Retrieval (clause = article)",
        "| metric | value |",
        "|---|---:|",
        *[f"| {k} | {f(overall[k])} |" for k in ("hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10",
                                                 "doc_hit@1", "doc_hit@5", "doc_hit@10")],
        "",
        "## Answers (extractive, no language model)",
        "| metric | value |",
        "|---|---:|",
        f"| answered (not abstained) | {len(answered)}/{len(rows)} |",
        f"| citation precision (cited article is gold) | {f(overall['citation_precision'])} |",
        f"| citation recall (gold articles cited) | {f(overall['citation_recall'])} |",
        f"| quotes verbatim | {f(overall['verbatim'])} |",
        f"| ROUGE-L F (char), all questions, abstention = empty answer | {f(mean(rl))} |",
        f"| ROUGE-L F (char), answered questions only | {f(mean(rl_answered))} |",
        f"| ROUGE-L P / R (char), answered | {f(mean(r.overlap['answer']['p'] for r in answered))} / "
        f"{f(mean(r.overlap['answer']['r'] for r in answered))} |",
        f"| char F1 (SQuAD-style bag of characters), answered | "
        f"{f(mean(r.overlap['answer_char_f1'] for r in answered))} |",
        f"| reference point: ROUGE-L F (char) of the gold articles' own text | {f(mean(ceiling))} |",
        f"| latency p50 / p95 (ms) | {overall['latency_p50_ms']:.0f} / {overall['latency_p95_ms']:.0f} |",
        "",
        "The reference answers are lawyer-written explanations (mean 231 characters) rather than quotations, so "
        "an extractive answer that quotes the right article still overlaps only partly. The published LeCoQA "
        "baselines report METEOR / BertScore / BLEU / LLM-judge, not ROUGE-L, so the numbers are not comparable.",
        "",
        f"Run time: {seconds:.0f} s for {len(rows)} questions on this machine. Per-question rows: "
        f"`bench/out/lecoqa/report-{split}/results.jsonl` (not committed).",
        "",
        "Reproduce: `.venv/bin/python -m bench.lecoqa convert --split test && .venv/bin/python -m bench.lecoqa index "
        "&& .venv/bin/python -m bench.lecoqa run --split test`.",
    ]


if __name__ == "__main__":
    sys.exit(main())
