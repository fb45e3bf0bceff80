"""Staff tools: run an eval set through the assistant, per-question rows, aggregate metrics, CSV export."""
from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO_SETS = Path(__file__).resolve().parents[2] / "eval" / "sets"


class EvalSetError(ValueError):
    """An eval set file that cannot be read, or a case without a question."""


@dataclass(frozen=True)
class CaseResult:
    id: str
    persona: str
    question: str
    answerable: bool
    answer: str
    abstained: bool
    cited: tuple[str, ...]  # "文号 条款" of each citation
    expected: tuple[str, ...]  # the same for the gold clauses
    passed: bool
    reason: str
    seconds: float
    run_row: dict | None = field(default=None, compare=False)  # the eval harness's result row, when it ran

    def row(self) -> list:
        return [self.id, PERSONAS.get(self.persona, self.persona), self.question, self.answer, "；".join(self.cited) or "—",
                "；".join(self.expected) or ("（应拒答）" if not self.answerable else "—"),
                "通过" if self.passed else "未通过", self.reason, f"{self.seconds:.2f}"]


PERSONAS = {"resident": "居民", "clinic": "诊所经营者", "staff": "工作人员"}
HEADERS = ["编号", "用户类型", "问题", "回答", "引用条款", "应引用条款", "结果", "原因", "耗时（秒）"]


def list_sets() -> dict[str, Path]:
    """Eval sets shipped in eval/sets and those exported into <data>/eval; name -> path."""
    from index.paths import data_dir

    found: dict[str, Path] = {}
    for folder, prefix in ((REPO_SETS, ""), (data_dir() / "eval", "数据目录/")):
        if folder.is_dir():
            for p in sorted(folder.glob("*.jsonl")):
                found[prefix + p.name] = p
    return found


def load_cases(path: str | Path) -> list[dict]:
    cases = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalSetError(f"无法读取评测集 {path}：{exc}") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError:
            raise EvalSetError(f"评测集 {Path(path).name} 第 {n} 行不是有效的 JSON") from None
        if not isinstance(case, dict) or not isinstance(case.get("question"), str) or not case["question"].strip():
            raise EvalSetError(f"评测集 {Path(path).name} 第 {n} 行缺少问题（question）")
        case.setdefault("id", str(n))
        cases.append(case)
    return cases


def _ref(doc: str | None, path) -> str:
    return f"{doc or ''} {''.join(path or [])}".strip()


def _matches(citation, gold: dict) -> bool:
    """Same document (文号, else title) and the cited clause is the gold clause or inside it."""
    if gold.get("doc_number"):
        if citation.doc_number != gold["doc_number"]:
            return False
    elif gold.get("title") and citation.title != gold["title"]:
        return False
    want = tuple(gold.get("path") or ())
    return tuple(citation.path[: len(want)]) == want


def judge(case: dict, answer, seconds: float) -> CaseResult:
    """Pass: an answerable case cites a gold clause and states every fact; an unanswerable one abstains."""
    answerable = bool(case.get("answerable", True))
    gold = case.get("gold") or []
    facts = [f for f in case.get("facts") or [] if isinstance(f, str)]
    if not answerable:
        passed = answer.abstained
        reason = "" if passed else "应拒答却作答"
    elif answer.abstained:
        passed, reason = False, "未作答"
    else:
        hit = not gold or any(_matches(c, g) for c in answer.citations for g in gold)
        missing = [f for f in facts if f not in answer.text]
        passed = hit and not missing
        reason = "" if passed else ("引用条款不符" if not hit else "缺少要点：" + "、".join(missing))
    return CaseResult(str(case.get("id", "")), str(case.get("persona", "")), case["question"], answerable,
                      answer.text, answer.abstained, tuple(_ref(c.doc_number, c.path) for c in answer.citations),
                      tuple(_ref(g.get("doc_number") or g.get("title"), g.get("path")) for g in gold),
                      passed, reason, seconds)


def run_cases(cases: list[dict], ask: Callable[[str], object]) -> Iterator[CaseResult]:
    """Ask every case's question (no history) and judge it, one result at a time."""
    for case in cases:
        t0 = time.perf_counter()
        answer = ask(case["question"])
        yield judge(case, answer, time.perf_counter() - t0)


def metrics(results: list[CaseResult]) -> dict:
    n = len(results)
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    times = sorted(r.seconds for r in results)
    return {
        "cases": n,
        "passed": sum(r.passed for r in results),
        "pass_rate": _rate(sum(r.passed for r in results), n),
        "answerable_pass_rate": _rate(sum(r.passed for r in answerable), len(answerable)),
        "abstain_accuracy": _rate(sum(r.passed for r in unanswerable), len(unanswerable)),
        "false_abstentions": sum(1 for r in answerable if r.abstained),
        "mean_seconds": round(sum(times) / n, 3) if n else 0.0,
        "p95_seconds": round(times[min(n - 1, int(0.95 * n))], 3) if n else 0.0,
    }


METRIC_NAMES = {
    "cases": "题数",
    "passed": "通过",
    "pass_rate": "通过率",
    "answerable_pass_rate": "可答题通过率",
    "abstain_accuracy": "不可答题拒答率",
    "false_abstentions": "误拒答",
    "mean_seconds": "平均耗时（秒）",
    "p95_seconds": "P95 耗时（秒）",
}


def _rate(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


def to_csv(results: list[CaseResult]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(HEADERS)
    for r in results:
        writer.writerow(r.row())
    return buf.getvalue()


def write_csv(results: list[CaseResult], folder: Path, name: str) -> Path:
    """CSV with a BOM so spreadsheet programs read the Chinese correctly."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\ufeff" + to_csv(results), encoding="utf-8")
    return path


def _harness():
    """The eval package (eval/runner.py, eval/score.py) when installed; the UI falls back to judge() without it."""
    try:
        from eval import evalset, runner, score
    except ImportError:
        return None
    return evalset, runner, score


def run_file(path: str | Path, service, limit: int = 0) -> Iterator[CaseResult]:
    """Run an eval set file through the service's searcher and answer settings, one result at a time."""
    harness = _harness()
    if harness is None:
        cases = load_cases(path)
        yield from run_cases(cases[:limit] if limit > 0 else cases, lambda q: service.ask(q))
        return
    evalset, runner, _ = harness
    from eval.errors import EvalError

    try:
        cases = evalset.load_evalset(path)
    except EvalError as exc:
        raise EvalSetError(str(exc)) from None
    from assistant.evaluation import answerer_for

    answerer = answerer_for(service.searcher, service.config)
    clause_text = runner.clause_text_from(service.searcher)
    for case in cases[:limit] if limit > 0 else cases:
        yield from_run_row(runner.run_case(case, service.searcher, answerer, clause_text))


def from_run_row(row: dict) -> CaseResult:
    """A result row of eval.runner as a CaseResult for the staff table."""
    return CaseResult(
        row["id"], row["persona"], row["question"], row["answerable"], row["answer"], row["abstained"],
        tuple(f"{c['doc_number'] or c['title']} {c['label']}" for c in row["citations"]),
        tuple(_ref(g.get("doc_number") or g.get("title"), g.get("path")) for g in row["gold"]),
        bool(row["passed"]), row.get("reason") or "", (row.get("latency_ms") or 0.0) / 1000, row)


HARNESS_METRICS = ("pass_rate", "hit@5", "citation_precision", "citation_recall", "fact_recall",
                   "abstention_precision", "abstention_recall", "verbatim", "latency_p50_ms", "latency_p95_ms")


def summary(results: list[CaseResult]) -> list[tuple[str, str]]:
    """(Chinese label, shown value) pairs: the eval harness's metrics when it produced the rows."""
    harness = _harness()
    if harness and results and all(r.run_row is not None for r in results):
        score = harness[2]
        m = score.metrics_of([r.run_row for r in results])
        out = [("题数", str(m["n"]))]
        for key in HARNESS_METRICS:
            value = m.get(key)
            shown = "—" if value is None else (f"{value:.0f}" if key.endswith("_ms") else f"{value:.1%}")
            out.append((score.LABELS.get(key, key), shown))
        return out
    m = metrics(results)
    out = []
    for key, name in METRIC_NAMES.items():
        value = m[key]
        shown = "—" if value is None else (f"{value:.1%}" if key.endswith(("rate", "accuracy")) else str(value))
        out.append((name, shown))
    return out
