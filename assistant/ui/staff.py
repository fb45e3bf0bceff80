"""Staff tools: run an eval set through the assistant with the eval harness; table rows, metrics, CSV export.

Loading, judging and scoring all come from `eval`, so the staff tab and `gazette eval` can never disagree."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eval.errors import EvalError
from eval.evalset import PERSONAS, Case, load_evalset
from eval.results import ResultRow
from eval.runner import clause_text_from, run_case
from eval.score import LABELS, metrics_of

REPO_SETS = Path(__file__).resolve().parents[2] / "eval" / "sets"
HEADERS = ["编号", "用户类型", "问题", "回答", "引用条款", "应引用条款", "结果", "原因", "耗时（秒）"]
SHOWN_METRICS = ("pass_rate", "hit@5", "citation_precision", "citation_recall", "fact_recall",
                 "abstention_precision", "abstention_recall", "verbatim", "latency_p50_ms", "latency_p95_ms")
__all__ = ["EvalError", "CaseResult", "HEADERS", "list_sets", "load_cases", "run_cases", "run_file", "summary",
           "to_csv", "write_csv"]


@dataclass(frozen=True)
class CaseResult:
    """One eval.runner result row as the staff table shows it; `graded` is False for a case without gold."""
    row_data: ResultRow

    @property
    def id(self) -> str:
        return self.row_data.case.id

    @property
    def question(self) -> str:
        return self.row_data.case.question

    @property
    def answerable(self) -> bool:
        return self.row_data.case.answerable

    @property
    def graded(self) -> bool:
        return not (self.answerable and not self.row_data.case.gold)

    @property
    def passed(self) -> bool:
        return self.row_data.passed if self.graded else True

    @property
    def reason(self) -> str:
        return (self.row_data.reason or "") if self.graded else ""

    @property
    def cited(self) -> tuple[str, ...]:
        return tuple(f"{c.doc_number or c.title} {c.label}" for c in self.row_data.citations)

    @property
    def expected(self) -> tuple[str, ...]:
        return tuple(f"{g.doc_id} {''.join(g.path)}".strip() for g in self.row_data.case.gold)

    @property
    def seconds(self) -> float:
        return (self.row_data.latency_ms or 0.0) / 1000

    def row(self) -> list:
        r = self.row_data
        verdict = "—（无标准答案）" if not self.graded else ("通过" if self.passed else "未通过")
        return [r.case.id, PERSONAS.get(r.case.persona, r.case.persona), r.case.question, r.answer,
                "；".join(self.cited) or "—", "；".join(self.expected) or ("（应拒答）" if not self.answerable else "—"),
                verdict, self.reason, f"{self.seconds:.2f}"]


def list_sets() -> dict[str, Path]:
    """Eval sets shipped in eval/sets and those exported into <data>/eval; name -> path."""
    from index.paths import data_dir

    found: dict[str, Path] = {}
    for folder, prefix in ((REPO_SETS, ""), (data_dir() / "eval", "数据目录/")):
        if folder.is_dir():
            for p in sorted(folder.glob("*.jsonl")):
                found[prefix + p.name] = p
    return found


def load_cases(path: str | Path) -> list[Case]:
    """The cases of one eval set file (eval.evalset's format and checks); raises eval.errors.EvalSetError."""
    return load_evalset(path)


def run_cases(cases: Iterable[Case], service) -> Iterator[CaseResult]:
    """Search and answer every case (no history) with the service's searcher and answer settings, one at a time."""
    from assistant.evaluation import answerer_for

    answerer = answerer_for(service.searcher, service.config)
    clause_text = clause_text_from(service.searcher)
    for case in cases:
        yield CaseResult(run_case(case, service.searcher, answerer, clause_text))


def run_file(path: str | Path, service, limit: int = 0) -> Iterator[CaseResult]:
    """Run an eval set file (its first `limit` cases when limit > 0) through the service."""
    cases = load_cases(path)
    yield from run_cases(cases[:limit] if limit > 0 else cases, service)


def summary(results: list[CaseResult]) -> list[tuple[str, str]]:
    """(Chinese label, shown value) pairs of eval.score's metrics over the graded results."""
    graded = [r.row_data for r in results if r.graded]
    out = [("题数", str(len(results)))]
    if not graded:
        return out
    m = metrics_of(graded)
    for key in SHOWN_METRICS:
        value = m.get(key)
        shown = "—" if value is None else (f"{value:.0f}" if key.endswith("_ms") else f"{value:.1%}")
        out.append((LABELS.get(key, key), shown))
    return out


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
