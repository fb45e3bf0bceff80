"""Staff eval runs: the tab loads, judges and scores with the eval package (one judge), and exports CSV."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from assistant.answer.types import Answer
from assistant.ui import staff
from eval.errors import EvalSetError
from eval.evalset import parse_evalset
from eval.judge import judge

from tests.ui.test_render import N49, T49, TEXT, answer

CASES = [
    {"id": "c1", "persona": "clinic", "question": "个体诊所有数量限制吗？", "answerable": True,
     "gold": [{"doc_number": N49, "path": ["三", "（一）"]}], "facts": ["取消个体诊所具体数量"]},
    {"id": "c2", "persona": "resident", "question": "火星上能开诊所吗？", "answerable": False, "gold": [], "facts": []},
    {"id": "c3", "persona": "resident", "question": "别的", "answerable": True,
     "gold": [{"doc_number": N49, "path": ["三", "（九）"]}], "facts": []},
    # A gold path that is a prefix of the cited clause: eval matches exact paths, so this fails.
    {"id": "c4", "persona": "staff", "question": "三是什么？", "answerable": True,
     "gold": [{"doc_number": N49, "path": ["三"]}], "facts": []},
]


def _cases(items=CASES):
    return parse_evalset([json.dumps(c, ensure_ascii=False) for c in items])


def fake_ask(question):
    if question == "火星上能开诊所吗？":
        return Answer(question, "已收录的公报中没有找到与该问题直接相关的规定。", True, (), ())
    return answer(question=question)


@pytest.fixture
def service(monkeypatch):
    """A service whose searcher returns the cited clause first and whose answer stage is fake_ask."""
    hit = SimpleNamespace(rank=1, doc_number=N49, title=T49, path=("三", "（一）"), label="三、（一）", score=1.0, text=TEXT)
    records = [SimpleNamespace(text="")] * 11 + [SimpleNamespace(text=TEXT)] + [SimpleNamespace(text="")] * 4
    searcher = SimpleNamespace(search=lambda q, k=10: [hit], records=records)
    monkeypatch.setattr("assistant.evaluation.answerer_for", lambda searcher, config=None, k=None: fake_ask)
    return SimpleNamespace(searcher=searcher, config=None)


def test_verdicts_are_the_eval_judges(service):
    results = list(staff.run_cases(_cases(), service))
    assert [r.passed for r in results] == [True, True, False, False]
    for r in results:
        assert r.passed == judge(r.row_data).passed
    assert results[2].reason == results[2].row_data.reason == "检索未命中（gold 条款不在前 10）"
    assert results[0].cited == (f"{N49} 三、（一）",)
    assert results[0].expected == (f"{N49} 三（一）",)
    labels = dict(staff.summary(results))
    assert labels["题数"] == "4" and labels["用例通过率"] == "50.0%"


def test_missing_fact_fails(service):
    (result,) = staff.run_cases(_cases([{**CASES[0], "facts": ["床位"]}]), service)
    assert not result.passed and result.row_data.facts_missing == ("床位",)


def test_case_without_gold_is_shown_ungraded(service):
    from eval.evalset import Case

    (result,) = staff.run_cases([Case("x-1", "居民", "个体诊所有数量限制吗？", True, (), ())], service)
    assert not result.graded and result.row()[6] == "—（无标准答案）"
    assert dict(staff.summary([result])) == {"题数": "1"}


def test_load_cases_and_csv(tmp_path, service):
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in CASES) + "\n", encoding="utf-8")
    assert [c.id for c in staff.load_cases(path)] == ["c1", "c2", "c3", "c4"]
    csv_path = staff.write_csv(list(staff.run_file(path, service)), tmp_path, "out.csv")
    text = csv_path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("编号,用户类型,问题")
    assert "未通过" in text and "诊所经营者" in text
    path.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(EvalSetError, match="缺少字段"):
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
