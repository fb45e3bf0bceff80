"""Answer settings: weights, sizes and the abstention threshold, loaded from the index folder."""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from assistant.answer.errors import ConfigError

CONFIG_NAME = "answer_config.json"


@dataclass(frozen=True)
class AnswerConfig:
    # Abstain when the best sentence's evidence (relevance part of the score, 0..1) is below this.
    # 0.62 separates answerable from off-topic questions with m3e-small on the bundled gazette
    # (answerable 0.67-0.91, off-topic 0.45-0.57); calibrate_threshold() refits it on an eval set.
    abstain_threshold: float = 0.62
    top_clauses: int = 8
    max_sentences: int = 3
    w_semantic: float = 0.55
    w_keyword: float = 0.45
    w_rank: float = 0.10
    w_kind: float = 0.25
    # A second clause joins only when its best sentence scores within this margin of the best.
    second_clause_margin: float = 0.03
    # Another sentence of the chosen clause joins within this margin.
    same_clause_margin: float = 0.03
    # Only sentences whose evidence is within this window of the best compete for selection.
    evidence_window: float = 0.15
    related_shown: int = 3

    def to_json(self) -> dict:
        return asdict(self)


def load_config(index_dir: str | Path | None = None) -> AnswerConfig:
    """<index_dir>/answer_config.json over the defaults; defaults when there is no such file."""
    if index_dir is None:
        return AnswerConfig()
    path = Path(index_dir) / CONFIG_NAME
    if not path.is_file():
        return AnswerConfig()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(str(path), f"not readable JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ConfigError(str(path), "must be a JSON object")
    allowed = {f.name: f.type for f in fields(AnswerConfig)}
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ConfigError(str(path), f"unknown keys {unknown}; allowed: {sorted(allowed)}")
    values = {}
    for key, value in data.items():
        kind = int if allowed[key] == "int" else float
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(str(path), f"{key} must be a number, got {value!r}")
        values[key] = kind(value)
    return replace(AnswerConfig(), **values)


def save_config(config: AnswerConfig, index_dir: str | Path) -> Path:
    """Write answer_config.json atomically (temporary file, then os.replace)."""
    path = Path(index_dir) / CONFIG_NAME
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(config.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def calibrate_threshold(scored_cases: Iterable) -> float:
    """Threshold on evidence that maximizes abstention precision first, then abstention F1.

    scored_cases: (evidence, answerable) pairs, or objects/dicts with `evidence` and `answerable`.
    A case is abstained when evidence < threshold; the positive class is "not answerable".
    """
    cases = [_case(c) for c in scored_cases]
    if not cases:
        raise ValueError("calibrate_threshold needs at least one labelled case")
    scores = sorted({s for s, _ in cases})
    # Candidates: below everything, between neighbours, above everything.
    candidates = [scores[0] - 1e-6] + [(a + b) / 2 for a, b in zip(scores, scores[1:])] + [scores[-1] + 1e-6]
    best_key, best_t = None, candidates[0]
    for t in candidates:
        abstained = [answerable for s, answerable in cases if s < t]
        unanswerable = sum(1 for _, answerable in cases if not answerable)
        tp = sum(1 for answerable in abstained if not answerable)
        precision = tp / len(abstained) if abstained else 0.0
        recall = tp / unanswerable if unanswerable else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        key = (round(precision, 9), round(f1, 9))
        if best_key is None or key > best_key:
            best_key, best_t = key, t
    return round(best_t, 6)


def _case(case) -> tuple[float, bool]:
    if isinstance(case, dict):
        return float(case["evidence"]), bool(case["answerable"])
    if hasattr(case, "evidence"):
        return float(case.evidence), bool(case.answerable)
    score, answerable = case
    return float(score), bool(answerable)
