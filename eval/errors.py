"""Named errors of the eval harness; only the CLI and UI turn them into exit codes."""
from __future__ import annotations


class EvalError(Exception):
    """Base class of the eval harness's errors."""


class EvalSetError(EvalError):
    """An eval set with malformed lines; `problems` holds (line number, Chinese message) pairs."""

    def __init__(self, path: str, problems: list[tuple[int, str]]):
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  第 {n} 行：{msg}" for n, msg in problems[:50])
        more = f"\n  ……另有 {len(problems) - 50} 处问题" if len(problems) > 50 else ""
        super().__init__(f"评测集 {path} 有 {len(problems)} 处问题：\n{lines}{more}")


class ReportError(EvalError):
    """A report folder that cannot be read (missing or malformed summary.json / results.jsonl)."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"无法读取评测报告 {path}：{reason}")
