"""Runner, report folder and comparison with a fake searcher and answerer (no model)."""
from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from assistant.answer.types import Answer, Citation
from eval.evalset import parse_evalset
from eval.report import HTML, RESULTS, SUMMARY, load_report, write_report
from eval.runner import run_eval
from eval.score import check_gate, compare, score
from index.hits import ClauseHit

N49 = "温政办〔2019〕49号"
T49 = "温州市人民政府办公室关于支持社会力量提供多层次多样化医疗服务的实施意见"
CLAUSES = [  # (path, label, text)
    (("三", "（九）"), "三、（九）", "社会办医疗机构采购单件价位50万元以上的医用设备，给予设备实际价格不超过10%的补助，单件补助最高不超过50万元。"),
    (("附则", "3"), "附则3", "本政策有效期至2024年12月31日，由温州市人民政府负责解释。"),
    (("附则", "1"), "附则1", "本政策的奖励资金限于市区范围，适用于2019年1月1日至2023年12月31日的奖补项目。"),
]


@dataclass
class Record:
    text: str


class FakeSearcher:
    """Returns the fixture clauses in a fixed order per question; records what it was asked."""

    def __init__(self, order):
        self.records = [Record(t) for _, _, t in CLAUSES]
        self.order = order
        self.calls = 0

    def hit(self, cid, rank):
        path, label, text = CLAUSES[cid]
        return ClauseHit(rank, 1.0 / rank, cid, N49, T49, path, label, None, text, "g.txt")

    def search(self, query, k=10, filters=None, mode="hybrid"):
        self.calls += 1
        return [self.hit(c, r) for r, c in enumerate(self.order.get(query, [0, 1, 2])[:k], start=1)]


def fake_answerer(searcher, script):
    """question -> Answer citing the scripted clause with a quote (verbatim unless the script says otherwise)."""

    def answer(question):
        cid, quote, text = script[question]
        if cid is None:
            return Answer(question, "已收录的公报中没有找到与该问题直接相关的规定。", True, (), (), evidence=0.3)
        path, label, _ = CLAUSES[cid]
        c = Citation(1, cid, N49, T49, path, label, quote, "g.txt")
        return Answer(question, text, False, (c,), tuple(searcher.search(question)[:3]), evidence=0.8)

    return answer


Q_SCRIPT = "<script>alert('x')</script>买设备补多少？"
CASES = [
    {"id": "a", "persona": "clinic", "question": Q_SCRIPT, "answerable": True,
     "gold": [{"doc_number": N49, "path": ["三", "（九）"]}], "facts": ["10%", "50万元"]},
    {"id": "b", "persona": "resident", "question": "政策什么时候到期？", "answerable": True, "spans": True,
     "gold": [{"doc_number": N49, "path": ["附则", "3"]}, {"doc_number": N49, "path": ["附则", "1"]}],
     "facts": ["2024年12月31日", "2023年12月31日"], "notes": "spans"},
    {"id": "c", "persona": "staff", "question": "杭州有补贴吗？", "answerable": False, "gold": [], "facts": []},
    {"id": "d", "persona": "resident", "question": "宁波有补贴吗？", "answerable": False, "gold": [], "facts": []},
]


def _run(script, order=None):
    cases = parse_evalset([json.dumps(c, ensure_ascii=False) for c in CASES])
    searcher = FakeSearcher(order or {"政策什么时候到期？": [1, 0, 2]})
    seen = []
    run = run_eval(cases, searcher, fake_answerer(searcher, script), progress=lambda d, t, r: seen.append((d, t)))
    return run, searcher, seen


SCRIPT_V1 = {
    Q_SCRIPT: (0, "给予设备实际价格不超过10%的补助，单件补助最高不超过50万元", "补助不超过１０％，最高50万元。[1]"),
    "政策什么时候到期？": (1, "本政策有效期至2024年12月31日", "“本政策有效期至2024年12月31日”[1]"),
    "杭州有补贴吗？": (None, "", ""),
    "宁波有补贴吗？": (0, "单件补助最高不超过50万元", "最高50万元[1]"),
}


def test_runner_rows_and_summary():
    run, searcher, seen = _run(SCRIPT_V1)
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert searcher.calls >= 4
    rows = {r.case.id: r for r in run.rows}
    a, b, c, d = rows["a"], rows["b"], rows["c"], rows["d"]
    assert a.passed and a.facts_found == ("10%", "50万元") and a.citations[0].verbatim
    assert a.retrieved[0].gold and a.latency_ms >= 0
    assert not b.passed and b.reason.startswith("只引用了部分") and b.facts_missing == ("2023年12月31日",)
    assert c.passed and c.flags.abstention_ok
    assert not d.passed and d.reason == "应拒答却作答"
    s = score(run.rows)["overall"]
    assert s["hit@1"] == 1.0 and s["mrr@10"] == 1.0
    assert s["citation_recall"] == pytest.approx((1 + 0.5) / 2)
    assert s["fact_recall"] == pytest.approx((1 + 0.5) / 2)
    assert s["abstention_precision"] == 1.0 and s["abstention_recall"] == 0.5
    assert s["abstention_f1"] == pytest.approx(2 / 3)
    assert s["verbatim"] == 1.0 and s["pass_rate"] == 0.5
    by_persona = score(run.rows)["by_persona"]
    assert set(by_persona) == {"clinic", "resident", "staff"} and by_persona["staff"]["hit@1"] is None


def test_non_verbatim_quote_is_flagged():
    script = dict(SCRIPT_V1)
    script[Q_SCRIPT] = (0, "给予设备实际价格不超过２０％的补助", "补助不超过10%、50万元[1]")
    run, _, _ = _run(script)
    row = next(r for r in run.rows if r.case.id == "a")
    assert not row.citations[0].verbatim and not row.passed and "原文不一致" in row.reason
    assert score(run.rows)["overall"]["verbatim"] == pytest.approx(2 / 3)


def test_answerer_error_is_a_failed_case():
    def broken(question):
        raise RuntimeError("boom")

    cases = parse_evalset([json.dumps(CASES[0], ensure_ascii=False)])
    run = run_eval(cases, FakeSearcher({}), broken)
    assert run.rows[0].error == "RuntimeError: boom" and not run.rows[0].passed


def test_report_files_and_escaping(tmp_path):
    run, _, _ = _run(SCRIPT_V1)
    summary = write_report(run.rows, tmp_path / "rep", {"index": "<idx>"})
    for name in (RESULTS, SUMMARY, HTML):
        assert (tmp_path / "rep" / name).is_file()
    html = (tmp_path / "rep" / HTML).read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "data:image/png;base64," in html  # charts embedded, no external files
    assert "&lt;idx&gt;" in html
    rows, loaded = load_report(tmp_path / "rep")
    assert [r.case.id for r in rows] == ["a", "b", "c", "d"]
    assert loaded["overall"] == json.loads(json.dumps(summary["overall"]))
    # Re-scoring the written run gives the same numbers (evaluation reads files).
    assert score(rows)["overall"] == score(run.rows)["overall"]


def test_compare_deltas_and_case_changes():
    old, _, _ = _run(SCRIPT_V1)
    script = dict(SCRIPT_V1)
    script["宁波有补贴吗？"] = (None, "", "")  # now abstains: newly passing
    script[Q_SCRIPT] = (2, "本政策的奖励资金限于市区范围", "奖励资金限于市区范围[1]")  # wrong clause: newly failing
    new, _, _ = _run(script)
    cmp = compare(old.rows, new.rows)
    assert [x["id"] for x in cmp["newly_failing"]] == ["a"]
    assert [x["id"] for x in cmp["newly_passing"]] == ["d"]
    assert cmp["metrics"]["abstention_recall"]["delta"] == pytest.approx(0.5)
    assert cmp["metrics"]["fact_recall"]["delta"] == pytest.approx(0.25 - 0.75)
    assert cmp["metrics"]["hit@1"]["delta"] == 0.0


def test_gate():
    overall = {"hit@5": 0.96, "fact_recall": 0.80, "abstention_f1": None, "latency_p95_ms": 900.0}
    failures = check_gate(overall, {"hit@5": 0.95, "fact_recall": 0.85, "abstention_f1": 0.85, "latency_p95_ms": 500})
    assert len(failures) == 3
    assert any("要点召回率" in f for f in failures) and any("无法计算" in f for f in failures)
    assert check_gate(overall, {"hit@5": 0.95}) == []


def test_baseline_and_refusals_are_scored_beside_the_answers():
    # Case a: top hit 三（九） holds both facts; case b: top hit 附则3 holds one of two. The answerer refuses b.
    script = {Q_SCRIPT: (0, CLAUSES[0][2], CLAUSES[0][2]), "政策什么时候到期？": (None, "", ""),
              "杭州有补贴吗？": (None, "", ""), "宁波有补贴吗？": (None, "", "")}
    run, _, _ = _run(script)
    overall = run.summary()["overall"]
    assert overall["baseline_fact_recall"] == pytest.approx((1.0 + 0.5) / 2)
    assert overall["fact_recall"] == pytest.approx((1.0 + 0.0) / 2)
    assert overall["refused_answerable"] == pytest.approx(0.5)
