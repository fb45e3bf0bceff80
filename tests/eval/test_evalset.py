"""Eval-set format: the validator's line-numbered messages, and the shipped set checked against the parsed gazette."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from corpus.parse import default_sources, parse_sources
from eval.errors import EvalSetError
from eval.evalset import SHIPPED, check_gold, clause_table, gold_text, load_evalset, parse_evalset

GOOD = {"id": "x1", "persona": "clinic", "question": "买一台80万的设备政府补多少？", "answerable": True,
        "gold": [{"doc_number": "温政办〔2019〕49号", "path": ["三", "（九）"]}], "facts": ["50万元"]}
NUMBERED = {"温政办〔2019〕47号", "温政办〔2019〕48号", "温政办〔2019〕49号", "温政办〔2019〕50号",
            "温人社发〔2019〕105号", "温财企〔2019〕491号"}


@pytest.fixture(scope="module")
def docs():
    return list(parse_sources(default_sources()))


@pytest.fixture(scope="module")
def shipped():
    return load_evalset(SHIPPED)


def _lines(*objs):
    return [o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objs]


def test_valid_lines_parse():
    cases = parse_evalset(_lines(GOOD, "", {**GOOD, "id": "x2", "gold": [], "facts": [], "answerable": False}))
    assert [c.id for c in cases] == ["x1", "x2"]
    assert cases[0].gold[0].path == ("三", "（九）") and cases[0].line == 1 and cases[1].line == 3


def test_malformed_lines_reported_by_number():
    lines = _lines(
        GOOD,
        "{not json",
        {**GOOD, "id": "x3", "persona": "doctor"},
        {**GOOD, "id": "x4", "answerable": "yes"},
        {k: v for k, v in GOOD.items() if k != "question"} | {"id": "x5"},
        {**GOOD, "id": "x6", "answerable": False},
        {**GOOD, "id": "x7", "gold": [{"path": ["三"]}]},
        {**GOOD, "id": "x8", "gold": [{"doc_number": "温政办〔2019〕49号", "path": "三（九）"}]},
        GOOD,
        {**GOOD, "id": "x10", "extra": 1},
        {**GOOD, "id": "x11", "spans": True},
    )
    with pytest.raises(EvalSetError) as err:
        parse_evalset(lines, "bad.jsonl")
    by_line = {}
    for n, msg in err.value.problems:
        by_line.setdefault(n, []).append(msg)
    assert sorted(by_line) == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert "JSON" in by_line[2][0]
    assert "persona" in by_line[3][0] and "resident" in by_line[3][0]
    assert "answerable" in by_line[4][0]
    assert "缺少字段" in by_line[5][0] and "question" in by_line[5][0]
    assert "无法回答" in by_line[6][0]
    assert "doc_number" in by_line[7][0]
    assert "path" in by_line[8][0]
    assert "重复" in by_line[9][0]
    assert "未知字段" in by_line[10][0]
    assert "spans" in by_line[11][0]
    assert "第 2 行" in str(err.value)


def test_unreadable_file(tmp_path):
    with pytest.raises(EvalSetError):
        load_evalset(tmp_path / "missing.jsonl")


def test_check_gold_reports_missing_clause_and_fact(docs):
    cases = parse_evalset(_lines(
        GOOD,
        {**GOOD, "id": "x2", "gold": [{"doc_number": "温政办〔2019〕49号", "path": ["三", "（九十）"]}]},
        {**GOOD, "id": "x3", "facts": ["80万元"]},
    ))
    problems = check_gold(cases, docs)
    assert [n for n, _ in problems] == [2, 3]
    assert "不在语料中" in problems[0][1] and "80万元" in problems[1][1]


def test_check_gold_reports_a_title_written_as_a_doc_number(docs):
    # Scoring matches doc_number against document numbers only: a title there would never be cited.
    with_number = next(d for d in docs if d.doc_number)
    path = list(with_number.clauses[0].path)
    cases = parse_evalset(_lines(
        {**GOOD, "id": "t1", "facts": [], "gold": [{"doc_number": with_number.title, "path": path}]},
        {**GOOD, "id": "t2", "facts": [], "gold": [{"title": with_number.title, "path": path}]},
    ))
    assert [n for n, _ in check_gold(cases, docs)] == [1]


def test_check_gold_reports_an_empty_heading_a_spans_case_needs(docs):
    # 四 of 47号 is a heading ("四、工作要求") whose text is in （一）…（三）: no answer can quote it, so a case needing
    # every gold clause cited could never pass.
    heading = {"doc_number": "温政办〔2019〕47号", "path": ["四"]}
    item = {"doc_number": "温政办〔2019〕47号", "path": ["四", "（一）"]}
    cases = parse_evalset(_lines(
        {**GOOD, "id": "s1", "facts": [], "gold": [heading, item], "spans": True},
        {**GOOD, "id": "s2", "facts": [], "gold": [heading, item]},  # alternatives: the item can be cited
    ))
    problems = check_gold(cases, docs)
    assert [n for n, _ in problems] == [1] and "只有标题" in problems[0][1]


def test_shipped_set_facts_in_gold_clause_text(shipped, docs):
    """For every answerable case, each fact occurs literally in at least one gold clause's parsed text."""
    table = clause_table(docs)
    for case in shipped:
        texts = [gold_text(g, table) for g in case.gold]
        assert all(t is not None for t in texts), (case.id, case.gold)
        for fact in case.facts:
            assert any(fact in t for t in texts), (case.id, fact)
    assert check_gold(shipped, docs) == []


def test_shipped_set_shape(shipped):
    assert len(shipped) >= 110
    unanswerable = [c for c in shipped if not c.answerable]
    assert len(unanswerable) >= 20 and all(not c.gold and not c.facts for c in unanswerable)  # 7 relabelled partial
    personas = Counter(c.persona for c in shipped)
    share = {p: n / len(shipped) for p, n in personas.items()}
    assert 0.40 <= share["resident"] <= 0.50 and 0.25 <= share["clinic"] <= 0.35 and 0.20 <= share["staff"] <= 0.30
    covered = {g.doc_id for c in shipped for g in c.gold}
    assert NUMBERED <= covered
    kinds = {"7月份市政府人事任免", "7月份市政府记事", "温州市2019年7月份国民经济主要统计指标"}
    assert kinds <= covered
    assert sum(1 for c in shipped if c.spans) >= 4 and all("spans" in (c.notes or "") for c in shipped if c.spans)
    annex = {(g.doc_id, g.path[0]) for c in shipped for g in c.gold if g.path[:1] == ("附件",)}
    assert ("温政办〔2019〕48号", "附件") in annex and ("温政办〔2019〕50号", "附件") in annex
    answerable = [c for c in shipped if c.answerable]
    assert all(c.facts for c in answerable)
    assert len({c.question for c in shipped}) == len(shipped)


def test_shipped_questions_paraphrase_not_copy(shipped, docs):
    """Questions are everyday paraphrases: none repeats 12 or more consecutive characters of its gold clause."""
    table = clause_table(docs)
    for case in shipped:
        texts = [gold_text(g, table) or "" for g in case.gold]
        q = case.question
        runs = {q[i:i + 12] for i in range(len(q) - 11)}
        assert not any(r in t for r in runs for t in texts), case.id
