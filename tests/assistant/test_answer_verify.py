"""Verification: quotes must be exact substrings of the cited clause; failures are repaired or abstained."""
from dataclasses import replace

import pytest

from assistant.answer import QuoteMismatch, answer_question, verify_answer
from assistant.answer.compose import NOT_FOUND


def test_valid_answer_is_unchanged(retriever, config, clauses_by_id):
    a = answer_question("我投资6000万元建新医院能拿多少补助？", retriever, config)
    assert verify_answer(a, clauses_by_id) == a


def test_tampered_quote_is_dropped_and_answer_abstains(retriever, config, clauses_by_id):
    a = answer_question("到2021年智能装备产业总产值目标是多少？", retriever, config)
    forged = a.citations[0].quote.replace("700亿元", "900亿元")
    tampered = replace(a, text=a.text.replace("700亿元", "900亿元"), citations=(replace(a.citations[0], quote=forged),))
    checked = verify_answer(tampered, clauses_by_id)
    assert checked.abstained and checked.citations == () and "900亿元" not in checked.text
    assert checked.text.startswith(NOT_FOUND)
    with pytest.raises(QuoteMismatch):
        verify_answer(tampered, clauses_by_id, strict=True)


def test_one_bad_citation_of_two_is_removed_and_the_rest_renumbered(retriever, config, clauses_by_id):
    a = answer_question("到2021年智能装备产业总产值目标是多少？", retriever, config)
    first = a.citations[0]
    second = replace(first, marker=2, clause_id=5, label="二、（五）", quote="新材料产业总产值突破400亿元")
    two = replace(a, citations=(first, second), text=a.text + "\n同一文件二、（五）：“新材料产业总产值突破400亿元”[2]")
    assert verify_answer(two, clauses_by_id).citations == (first, second)
    bad_first = replace(first, quote=first.quote + "（伪造）")
    checked = verify_answer(replace(two, citations=(bad_first, second)), clauses_by_id)
    assert [c.marker for c in checked.citations] == [1]
    assert checked.citations[0].clause_id == 5
    assert checked.text.startswith("根据《") and checked.text.endswith("”[1]")
    assert "700亿元" not in checked.text


def test_unknown_marker_and_unsourced_quote_are_removed(retriever, config, clauses_by_id):
    a = answer_question("到2021年智能装备产业总产值目标是多少？", retriever, config)
    text = a.text + "[7]\n另据：“补贴为1000万元”[1]"
    checked = verify_answer(replace(a, text=text), clauses_by_id)
    assert "[7]" not in checked.text and "1000万元" not in checked.text
    assert checked.citations == a.citations


def test_figure_not_in_cited_clause_is_dropped(retriever, config, clauses_by_id):
    a = answer_question("到2021年智能装备产业总产值目标是多少？", retriever, config)
    text = a.text + "\n补贴为1000万元[1]。\n年均增长15%以上[1]。"
    checked = verify_answer(replace(a, text=text), clauses_by_id, require_marker=True)
    assert "1000万元" not in checked.text and "年均增长15%以上[1]。" in checked.text


def test_quote_spanning_lines_keeps_its_first_line(clauses_by_id):
    from assistant.answer import Answer, Citation
    from assistant.answer.verify import segments

    text = "当月79.52，同比5.6%，累计646.66，同比13.7%。\n#一般公共预算收入（亿元）：当月46.22，同比12.4%。"
    hit = replace(clauses_by_id[15], clause_id=300, text=text, label="三", path=("三",))
    line = f"根据《统计指标》三：“{text}”[1]"
    assert segments(line + "\n以上。") == [line + "\n", "以上。"]
    answer = Answer("q", line, False, (Citation(1, 300, None, "统计指标", ("三",), "三", text, "s"),), ())
    checked = verify_answer(answer, {300: hit})
    assert checked.text == line and "646.66" in checked.text


def test_a_figure_printed_in_the_clause_heading_is_sourced():
    from answer_fixtures import make_hit

    from assistant.answer.compose import compose
    from assistant.answer.select import whole

    # 国办发〔2018〕126号 附件 一: the heading "知识产权保护方面（共5项）" is shown after the label, its 5项 with it
    row = (7, "国办发〔2018〕126号", "国务院办公厅关于推广第二批支持创新相关改革举措的通知", ("附件", "一"), "附件 一",
           "知识产权保护方面（共5项）", "围绕专利应用和维权，开发包括专利代理责任险、专利执行险、专利被侵权损失险等保险产品。")
    hit = make_hit(row)
    answer = compose("第二批推广的专利保险机制里开发了哪些保险产品？", [whole(hit)], [hit],
                     headings={hit.clause_id: hit.heading})
    assert "（共5项）" in answer.text
    checked = verify_answer(answer, {hit.clause_id: hit})
    assert not checked.abstained and checked.text == answer.text


def test_a_quote_mark_in_the_clause_heading_is_sourced():
    from answer_fixtures import make_hit

    from assistant.answer.compose import compose
    from assistant.answer.select import whole

    # 国办发〔2004〕7号 一: the heading shown after the label quotes a phrase ("安全第一") the clause text does not
    row = (8, "国办发〔2004〕7号", "国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报", ("一",), "一",
           "牢固树立“安全第一”思想", "正确处理安全与生产、安全与效益的关系，警钟长鸣，常抓不懈。")
    hit = make_hit(row)
    answer = compose("国办发〔2004〕7号第一条要求各地正确处理哪两对关系？", [whole(hit)], [hit],
                     headings={hit.clause_id: hit.heading})
    assert "“安全第一”" in answer.text
    checked = verify_answer(answer, {hit.clause_id: hit})
    assert not checked.abstained and checked.text == answer.text
