"""`gazette eval`: run eval sets through search and ask; summary table, report folder, comparison, gate, calibration."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.commands import errors
from assistant.commands.errors import EXIT_GATE
from assistant.commands.options import add_index_options

if TYPE_CHECKING:
    from eval.results import ResultRow

THRESHOLDS = Path(__file__).resolve().parents[2] / "eval" / "thresholds.json"


def add_arguments(parser) -> None:
    parser.add_argument("evalsets", nargs="*", metavar="EVALSET", help="评测集 JSONL 文件（默认：测试集 wenzhou-203-test；--calibrate 默认用三个开发集）")
    add_index_options(parser)
    parser.add_argument("--json", action="store_true", help="输出一行 JSON 汇总")
    parser.add_argument("--report", metavar="DIR", help="写出 results.jsonl、summary.json 与 report.html")
    parser.add_argument("--compare", metavar="OLD_REPORT_DIR", help="与旧报告对比：指标变化及新失败/新通过的用例")
    parser.add_argument("--validate", action="store_true", help="只检查评测集格式及 gold 条款是否存在于语料，不运行模型")
    parser.add_argument("--corpus", nargs="+", metavar="FILE", help="--validate 时用来核对 gold 条款的语料（默认：随附的公报）")
    parser.add_argument("--calibrate", action="store_true",
                        help="在评测集上校准拒答阈值（拒答精确率不低于 0.8 时取 F1 最高），写入 <索引目录>/answer_config.json 后重新评测")
    parser.add_argument("--gate", nargs="?", const=str(THRESHOLDS), metavar="THRESHOLDS",
                        help="质量门槛文件（默认 eval/thresholds.json）；有指标低于门槛时退出码为 3")
    parser.add_argument("--limit", type=int, metavar="N", help="只运行前 N 条用例（调试用）")
    parser.add_argument("-q", "--quiet", action="store_true", help="不显示进度")


def run(args) -> int:
    from eval.errors import EvalError
    from eval.evalset import DEV_SETS, TEST_SET, is_test_set, load_evalsets

    # Measuring defaults to the held-out test set; calibrating defaults to the dev sets and refuses a test set.
    paths = args.evalsets or [str(p) for p in (DEV_SETS if args.calibrate else (TEST_SET,))]
    if args.calibrate and any(is_test_set(p) for p in paths):
        return errors.usage("测试集（*-test.jsonl）只用于测量，不能用于校准拒答阈值；请用开发集校准。")
    try:
        cases = load_evalsets(paths)
    except EvalError as exc:
        return errors.failed(str(exc))
    if args.limit is not None:
        if args.limit < 1:
            return errors.usage("--limit 必须是正整数。")
        cases = cases[: args.limit]
    if args.validate:
        return _validate(cases, args)
    try:
        return _evaluate(cases, paths, args)
    except EvalError as exc:
        return errors.failed(str(exc))


def _validate(cases, args) -> int:
    from corpus.parse import default_sources, parse_sources
    from eval.evalset import check_gold

    docs = list(parse_sources(args.corpus or default_sources()))
    problems = check_gold(cases, docs)
    for line, msg in problems:
        print(f"第 {line} 行：{msg}", file=sys.stderr)
    answerable = sum(1 for c in cases if c.answerable)
    if args.json:
        print(json.dumps({"cases": len(cases), "answerable": answerable, "problems": len(problems)}, ensure_ascii=False))
    elif not problems:
        print(f"评测集有效：{len(cases)} 条用例（可回答 {answerable}，无法回答 {len(cases) - answerable}），"
              f"gold 条款均在语料中，要点均出现在 gold 条款原文里。")
    return errors.EXIT_FAILED if problems else errors.EXIT_OK


def _evaluate(cases, paths, args) -> int:
    from assistant.answer import AnswerError, ConfigError
    from eval.report import load_report, write_report
    from eval.score import check_gate, compare, load_thresholds, score
    from index.errors import IndexStoreError, ModelUnavailable

    old_rows = None
    if args.compare:
        old_rows, _ = load_report(args.compare)  # fail before the long run, not after
    thresholds = None
    if args.gate:
        try:
            thresholds = load_thresholds(args.gate)
        except (OSError, ValueError, AttributeError) as exc:
            return errors.failed(f"无法读取门槛文件 {args.gate}：{exc}")
    try:
        run = _run(cases, paths, args)
    except ConfigError as exc:
        return errors.config_invalid(exc)
    except (AnswerError, IndexStoreError, ModelUnavailable) as exc:
        return errors.report(exc, "评测")
    comparison = compare(old_rows, run.rows) if old_rows is not None else None
    if args.report:
        summary = write_report(run.rows, args.report, run.meta, comparison)
    else:
        summary = {"meta": run.meta, **score(run.rows)}
    gate_failures = check_gate(summary["overall"], thresholds) if thresholds else []
    _print_outcome(summary, comparison, thresholds, gate_failures, args)
    return EXIT_GATE if gate_failures else errors.EXIT_OK


def _run(cases, paths, args):
    """Load the index and answer settings, run every case; with --calibrate, fit the abstain threshold, save it
    and run again."""
    from assistant.answer import calibrate_threshold, load_config, save_config
    from assistant.evaluation import answerer_for
    from eval.runner import run_eval
    from index.paths import resolve_index_dir
    from index.build import ensure_index
    from index.search import load_index

    from assistant.commands.store import searcher_for

    searcher = searcher_for(args, lambda: load_index(args.index, args.model) if args.index else ensure_index(None, args.model))
    folder = resolve_index_dir(args.index)
    config = load_config(folder)
    _warn_missing_gold(cases, searcher)
    started = time.time()
    progress = None if args.quiet else _progress
    run = run_eval(cases, searcher, answerer_for(searcher, config), progress=progress,
                   meta=_meta(searcher, folder, config, paths))
    if args.calibrate:
        from dataclasses import replace

        pairs = [(r.evidence, r.case.answerable) for r in run.rows if r.evidence is not None]
        threshold = calibrate_threshold(pairs)
        before = config.abstain_threshold
        config = replace(config, abstain_threshold=threshold)
        saved = save_config(config, folder)
        print(f"拒答阈值：{before} → {threshold}，已写入 {saved}；用新阈值重新评测……", file=sys.stderr)
        run = run_eval(cases, searcher, answerer_for(searcher, config), progress=progress,
                       meta=_meta(searcher, folder, config, paths))
    run.meta["seconds"] = round(time.time() - started, 1)
    return run


def _print_outcome(summary: dict, comparison: dict | None, thresholds, gate_failures: list[str], args) -> None:
    """One JSON line with --json; else the summary table, the comparison, the report folder and the gate."""
    from eval.score import LABELS

    if args.json:
        out = {**summary, "gate": None if thresholds is None else {"passed": not gate_failures, "failures": gate_failures}}
        if comparison:
            out["comparison"] = comparison
        print(json.dumps(out, ensure_ascii=False))
        return
    print_summary(summary, LABELS)
    if comparison:
        print_comparison(comparison, LABELS)
    if args.report:
        print(f"\n报告已写入 {args.report}（results.jsonl、summary.json、report.html）")
    if thresholds is not None:
        print("\n质量门槛：" + ("全部达到" if not gate_failures else "未达到"))
        for f in gate_failures:
            print(f"  ✗ {f}")


def _meta(searcher, folder, config, paths) -> dict:
    manifest = searcher.manifest or {}
    return {"index": str(folder), "model": (manifest.get("model") or {}).get("name"),
            "abstain_threshold": config.abstain_threshold, "evalsets": [str(p) for p in paths]}


def _warn_missing_gold(cases, searcher) -> None:
    from eval.evalset import document_keys

    records = searcher.records
    if not records:
        return
    have = {(key, tuple(r.path)) for r in records for key in document_keys(r.doc_number, r.title)}
    missing = [(c.id, g) for c in cases for g in c.gold if (g.key, g.path) not in have]
    for case_id, g in missing[:20]:
        print(f"注意：用例 {case_id} 的 gold 条款不在索引中：{g.doc_id} {list(g.path)}", file=sys.stderr)
    if len(missing) > 20:
        print(f"注意：另有 {len(missing) - 20} 条 gold 条款不在索引中。", file=sys.stderr)


def _progress(done: int, total: int, row: ResultRow) -> None:
    mark = "✓" if row.passed else "✗"
    print(f"\r评测中 {done}/{total} {mark}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def print_summary(summary: dict, labels: dict) -> None:
    from eval.evalset import PERSONAS
    from eval.report import fmt

    overall = summary["overall"]
    print(f"用例 {overall['n']} 条（可回答 {overall['answerable']}，无法回答 {overall['unanswerable']}），"
          f"引文 {overall['quotes']} 条")
    width = max(_width(v) for v in labels.values())
    for key, label in labels.items():
        print(f"  {label}{' ' * (width - _width(label))}  {fmt(overall.get(key), key)}")
    keys = ["hit@1", "hit@5", "mrr@10", "fact_recall", "citation_recall", "abstention_f1", "pass_rate"]
    for title, groups, names in (("按用户类型", summary["by_persona"], PERSONAS), ("按文件", summary["by_document"], {})):
        print(f"\n{title}：")
        print("  " + "\t".join(["分组", "用例"] + [labels[k] for k in keys]))
        for name, s in groups.items():
            print("  " + "\t".join([names.get(name, name), str(s["n"])] + [fmt(s.get(k), k) for k in keys]))
    failures = summary.get("failures", [])
    if failures:
        print(f"\n未通过的用例（{len(failures)}）：")
        for f in failures:
            print(f"  {f['id']} [{PERSONAS.get(f['persona'], f['persona'])}] {f['question']} —— {f['reason']}")


def _width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two (Unicode UAX #11)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_comparison(comparison: dict, labels: dict) -> None:
    from eval.report import delta_text, fmt

    print("\n与旧报告对比：")
    for key, v in comparison["metrics"].items():
        print(f"  {labels[key]}：{fmt(v['old'], key)} → {fmt(v['new'], key)}（{delta_text(v['delta'], key)}）")
    for title, key, field in (("新失败", "newly_failing", "reason"), ("新通过", "newly_passing", "was")):
        items = comparison[key]
        print(f"\n{title}的用例（{len(items)}）：")
        for i in items:
            print(f"  {i['id']} {i['question']}（{i.get(field) or ''}）")
