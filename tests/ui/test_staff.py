"""Staff eval runs: judging answers against gold clauses, metrics, CSV."""
from __future__ import annotations

import json

import pytest

from assistant.answer.types import Answer
from assistant.ui import staff

from tests.ui.test_render import N49, answer

CASES = [
    {"id": "c1", "persona": "诊所经营者", "question": "个体诊所有数量限制吗？", "answerable": True,
     "gold": [{"doc_number": N49, "path": ["三", "（一）"]}], "facts": ["取消个体诊所具体数量"]},
    {"id": "c2", "persona": "居民", "question": "火星上能开诊所吗？", "answerable": False, "gold": [], "facts": []},
    {"id": "c3", "persona": "居民", "question": "别的", "answerable": True,
     "gold": [{"doc_number": N49, "path": ["三", "（九）"]}], "facts": []},
]


def fake_ask(question):
    if question == "火星上能开诊所吗？":
        return Answer(question, "已收录的公报中没有找到与该问题直接相关的规定。", True, (), ())
    return answer(question=question)


def test_judge_and_metrics():
    results = list(staff.run_cases(CASES, fake_ask))
    assert [r.passed for r in results] == [True, True, False]
    assert results[2].reason == "引用条款不符"
    assert results[0].cited == (f"{N49} 三（一）",)
    m = staff.metrics(results)
    assert m["cases"] == 3 and m["passed"] == 2 and m["abstain_accuracy"] == 1.0
    assert m["answerable_pass_rate"] == 0.5


def test_missing_fact_fails():
    case = {**CASES[0], "facts": ["床位"]}
    (result,) = staff.run_cases([case], fake_ask)
    assert not result.passed and "床位" in result.reason


def test_load_cases_and_csv(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in CASES) + "\n", encoding="utf-8")
    assert [c["id"] for c in staff.load_cases(path)] == ["c1", "c2", "c3"]
    csv_path = staff.write_csv(list(staff.run_cases(CASES, fake_ask)), tmp_path, "out.csv")
    text = csv_path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("编号,用户类型,问题")
    assert "未通过" in text
    path.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(staff.EvalSetError, match="缺少问题"):
        staff.load_cases(path)


def test_list_sets_includes_data_folder_exports(data_dir):
    (data_dir / "eval").mkdir(parents=True)
    (data_dir / "eval" / "feedback-1.jsonl").write_text("", encoding="utf-8")
    assert "数据目录/feedback-1.jsonl" in staff.list_sets()


def test_run_file_with_the_shipped_set(fake_service):
    sets = staff.list_sets()
    if "wenzhou-203.jsonl" not in sets:
        pytest.skip("eval/sets/wenzhou-203.jsonl not present")
    results = list(staff.run_file(sets["wenzhou-203.jsonl"], fake_service, limit=3))
    assert len(results) == 3 and all(r.question for r in results)
    labels = dict(staff.summary(results))
    assert labels["题数"] == "3"
    assert all(not r.passed or r.expected for r in results if r.answerable)
