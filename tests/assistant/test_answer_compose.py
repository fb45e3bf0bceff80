"""End to end over the fake retriever: the right sentence, the direct answer first, the answer format, abstention."""
import re

from assistant.answer import AnswerConfig, answer_question
from assistant.answer.compose import MISSING, NOT_FOUND, compose
from assistant.answer.question import AMOUNT
from assistant.answer.select import Excerpt
from answer_fixtures import CLAUSES, N48, T48, make_hit

QUOTE_LINE = re.compile(r"^(根据|同一文件|另据).*：“(.+)”\[(\d+)\]$")


def quotes_of(answer):
    return [c.quote for c in answer.citations]


def test_amount_question_states_the_amount_sentence_first(retriever, config):
    a = answer_question("到2021年智能装备产业总产值目标是多少？", retriever, config)
    assert not a.abstained
    assert a.citations[0].doc_number == N48 and a.citations[0].label == "二、（二）"
    assert "智能装备产业总产值突破700亿元" in a.direct_answer
    assert "重点方向" not in a.direct_answer  # the goal sentence, not the whole clause
    first, second = a.text.split("\n")[:2]
    assert first == f"{a.direct_answer}[1]"
    assert second.startswith(f"根据《{T48}》（{N48}）二、（二）（促进智能装备产业突破发展）：“")  # heading named
    assert a.direct_answer in a.citations[0].quote


def test_device_subsidy_question_quotes_the_ten_percent_rule(retriever, config):
    a = answer_question("社会办医疗机构采购医用设备能补助多少？", retriever, config)
    assert any("不超过10%的补助" in q for q in quotes_of(a))
    assert a.citations[0].label == "三、（九）"


def test_date_and_agency_questions(retriever, config):
    date = answer_question("社会办医政策的有效期到什么时候？", retriever, config)
    assert "2024年12月31日" in date.citations[0].quote
    agency = answer_question("谁负责解释社会办医政策？", retriever, config)
    assert agency.citations[0].label == "附则3" and "负责解释" in agency.citations[0].quote


def test_every_quote_line_is_verbatim(retriever, config, clauses_by_id):
    a = answer_question("新获评三甲的社会办医院奖励多少？", retriever, config)
    for line in a.text.split("\n"):
        m = QUOTE_LINE.match(line)
        if m:
            c = a.citations[int(m.group(3)) - 1]
            assert m.group(2) == c.quote and c.quote in clauses_by_id[c.clause_id].text


def test_no_derived_figures_from_the_users_amount(retriever, config):
    a = answer_question("我投资6000万元建新医院能拿多少补助？", retriever, config)
    assert "分别给予50万元、150万元、300万元的一次性补助" in a.text
    assert "推算" not in a.text


def test_fact_in_the_next_sentence_of_a_short_clause_is_quoted(retriever, config):
    # 三（九）'s first sentence names the awards; the device subsidy sits two sentences later: the clause is quoted.
    a = answer_question("社会办医疗机构新获评三甲奖励多少？", retriever, config)
    assert any("200万元" in c.quote for c in a.citations)


def test_abstains_when_evidence_is_low(retriever, config):
    a = answer_question("温州市出租车起步价是多少？", retriever, config)
    assert a.abstained and a.citations == ()
    lines = a.text.split("\n")
    assert lines[0] == NOT_FOUND and lines[1] == "可能相关："
    assert 1 <= len(lines[2:]) <= 3 and "“" not in a.text and "[1]" not in a.text
    assert a.evidence < config.abstain_threshold


def test_threshold_comes_from_config(retriever):
    q = "到2021年智能装备产业总产值目标是多少？"
    assert not answer_question(q, retriever, AnswerConfig(abstain_threshold=0.3)).abstained
    assert answer_question(q, retriever, AnswerConfig(abstain_threshold=0.99)).abstained


def test_missing_fact_is_stated():
    hit = make_hit([r for r in CLAUSES if r[0] == 11][0])
    quote = "取消个体诊所具体数量和布局的限制，社会办中医诊所实行备案制。"
    start = hit.text.index(quote)
    a = compose("开个体诊所补助多少？", [Excerpt(hit, start, start + len(quote), quote)], [hit], kinds={AMOUNT})
    assert a.text.endswith(MISSING[AMOUNT])


def test_to_json_contract(retriever, config):
    a = answer_question("到2021年智能装备产业总产值目标是多少？", retriever, config)
    data = a.to_json()
    assert {"question", "answer", "direct_answer", "abstained", "citations", "related"} <= set(data)
    assert data["direct_answer"] == a.direct_answer and "700亿元" in data["direct_answer"]
    citation = data["citations"][0]
    assert {"marker", "doc_number", "title", "path", "label", "quote", "gazette_issue", "issue_date",
            "effective_until", "repealed_by"} <= set(citation)
    assert citation["path"] == ["二", "（二）"]
    assert data["related"][0] == a.related[0].to_json()
    assert data["question"] == "到2021年智能装备产业总产值目标是多少？" and data["abstained"] is False


def test_doc_without_number_has_no_parentheses():
    row = (7, None, "政务简讯", (), "第1段", None, "市政府召开常务会议，研究部署医疗服务工作。")
    hit = make_hit(row)
    quote = hit.text
    a = compose("q", [Excerpt(hit, 0, len(quote), quote)], [hit])
    assert a.text.startswith("根据《政务简讯》第1段：“")


def test_question_asking_two_things_cites_both_clauses(retriever, config):
    a = answer_question("新建项目投资补助分别是多少？采购医用设备补助多少？", retriever, config)
    labels = {c.label for c in a.citations}
    assert {"三、（八）", "三、（九）"} <= labels, a.text


def test_sentence_with_the_asked_for_fact_is_quoted(retriever, config):
    a = answer_question("智能装备产业的主要目标是多少？", retriever, config)
    assert any("700亿元" in c.quote for c in a.citations)


def test_a_clause_heading_is_named_in_the_lead_in():
    # 国办发明电〔2018〕15号 五、端午节：6月7日放假，与周末连休。 The subject is only in the heading.
    text = "6月7日放假，与周末连休。"
    row = (900, "国办发明电〔2018〕15号", "国务院办公厅关于2019年部分节假日安排的通知", ("五",), "五", "端午节", text)
    hit = make_hit(row)
    answer = compose("端午节怎么放假？", [Excerpt(hit, 0, len(text), text)], [hit])
    assert "五（端午节）：“6月7日放假，与周末连休。”[1]" in answer.text
