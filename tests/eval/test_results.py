"""Result rows: results.jsonl written before rows were typed loads, re-scores and is written back byte for byte."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eval.errors import ReportError
from eval.report import RESULTS, SUMMARY, load_report, write_report
from eval.results import ResultRow
from eval.score import score

# Written by the dict-based runner (tests/eval/test_report.py's cases, plus an answerer that raised).
OLD = Path(__file__).parent / "data" / "results-v1.jsonl"


def _old_lines() -> list[str]:
    return OLD.read_text(encoding="utf-8").splitlines()


def test_old_rows_round_trip_byte_for_byte():
    for line in _old_lines():
        assert json.dumps(ResultRow.from_json(json.loads(line)).to_json(), ensure_ascii=False) == line


def test_old_report_folder_loads_and_rescores(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / RESULTS).write_text(OLD.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / SUMMARY).write_text("{}", encoding="utf-8")
    rows, _ = load_report(folder)
    assert [r.case.id for r in rows] == ["a", "b", "c", "d", "a"]
    assert rows[4].error == "RuntimeError: boom" and rows[4].reason == "回答出错：RuntimeError: boom"
    assert rows[1].case.spans and rows[1].case.gold[1].path == ("附则", "1") and rows[1].case.notes == "spans"
    overall = score(rows)["overall"]
    assert overall["pass_rate"] == pytest.approx(2 / 5) and overall["hit@1"] == 1.0
    write_report(rows, tmp_path / "new", charts=False)
    assert (tmp_path / "new" / RESULTS).read_text(encoding="utf-8") == OLD.read_text(encoding="utf-8")


def test_rows_from_before_the_baseline_and_verdicts_load():
    # Early rows had no top_text, related, latency or verdict: they load, and scoring skips the missing baseline.
    data = json.loads(_old_lines()[0])
    for key in ("top_text", "related", "latency_ms", "facts_found", "facts_missing", "flags", "passed", "reason"):
        del data[key]
    row = ResultRow.from_json(data)
    assert row.top_text is None and row.related == () and row.flags is None and not row.passed
    overall = score([row])["overall"]
    assert overall["pass_rate"] == 1.0 and overall["baseline_fact_recall"] is None
    assert "top_text" not in row.to_json()


def test_extra_overlap_is_kept():
    # bench/lecoqa.py adds its overlap with the reference answer to each row before writing the report.
    row = ResultRow.from_json(json.loads(_old_lines()[0]))
    line = json.dumps({**row.to_json(), "overlap": {"answer": {"f": 0.5}}}, ensure_ascii=False)
    again = ResultRow.from_json(json.loads(line))
    assert again == replace(row, overlap={"answer": {"f": 0.5}})
    assert json.dumps(again.to_json(), ensure_ascii=False) == line


def test_a_row_missing_a_required_field_is_a_report_error(tmp_path):
    data = json.loads(_old_lines()[0])
    del data["retrieved"]
    (tmp_path / RESULTS).write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / SUMMARY).write_text("{}", encoding="utf-8")
    with pytest.raises(ReportError, match="文件格式不符"):
        load_report(tmp_path)
