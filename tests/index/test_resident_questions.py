"""Questions in residents' words find the right clause in the top 3 (real model, bundled gazette)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

D47, D48, D49, D50 = "温政办〔2019〕47号", "温政办〔2019〕48号", "温政办〔2019〕49号", "温政办〔2019〕50号"
D105, D491 = "温人社发〔2019〕105号", "温财企〔2019〕491号"
APPOINTMENTS, STATS = "7月份市政府人事任免", "温州市2019年7月份国民经济主要统计指标"

# (question, acceptable (document, path) pairs): any of them in the top 3 passes.
QUESTIONS = [
    ("开诊所有什么补贴？", [(D49, ("三", "（二）")), (D49, ("三", "（八）")), (D49, ("三", "（九）"))]),
    ("社会资本办的医院评上二甲能拿多少奖励？", [(D49, ("三", "（九）"))]),
    ("私立医院买贵的医疗设备政府补多少钱？", [(D49, ("三", "（九）"))]),
    ("新建一家私立医院投资两个亿，有什么补助？", [(D49, ("三", "（八）"))]),
    ("医生能同时在好几家医院上班吗？", [(D49, ("三", "（十二）"))]),
    ("民营医院的水电费按什么价格收？", [(D49, ("三", "（十四）"))]),
    ("办诊所需要的土地怎么解决？", [(D49, ("三", "（十五）"))]),
    ("这个社会办医扶持政策到哪年失效？", [(D49, ("附则", "3"))]),
    ("社会办医奖励的钱是市里出还是区里出？", [(D49, ("附则", "1"))]),
    ("同时符合两条奖励能都拿吗？", [(D49, ("附则", "2"))]),
    ("到2021年新材料产业产值要达到多少？", [(D48, ("二", "（五）"))]),
    ("智能装备产业到2021年的产值目标是多少？", [(D48, ("二", "（二）"))]),
    # Both plans name the lead unit of their digital-economy work (市经信局); either answers the question.
    ("数字经济专项行动由哪个部门牵头？", [(D48, ("附件", "1")), (D50, ("二", "（一）", "1"))]),
    ("今年市政府准备制定或修改哪些规章？", [(D47, ("二", "（二）"))]),
    ("养狗管理的条例是谁起草的？", [(D47, ("二", "（一）", "2"))]),
    ("外资企业申请特殊工时要准备哪些材料？", [(D105, ("二", "（二）")), (D105, ("二", "（二）", "1")), (D105, ("二", "（二）", "2"))]),
    ("特殊工时申请多久能批下来？", [(D105, ("二", "（三）"))]),
    ("特殊工时清单管理从哪天开始实行？", [(D105, ("四",))]),
    ("基金公司在温州租办公室，房租能补贴多少？", [(D491, ("二", "（二）", "1")), (D491, ("二", "（二）"))]),
    ("政府产业基金的奖励去哪里申报？", [(D491, ("三", "（一）"))]),
    ("产业基金鼓励政策什么时候到期？", [(D491, ("三", "（三）"))]),
    ("谁当上了市财政局副局长？", [(APPOINTMENTS, ("第4段",))]),
    ("7月份规模以上工业增加值增长了多少？", [(STATS, ("一",))]),
    ("温州要怎么发展夜间经济？", [(D50, ("二", "（五）", "10"))]),
    ("新业态企业办营业执照有没有绿色通道？", [(D50, ("三", "（四）"))]),
    ("49号文件第三部分第九条讲什么？", [(D49, ("三", "（九）"))]),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    from index.build import build_index
    from index.search import load_index

    folder = tmp_path_factory.mktemp("residents") / "idx"
    build_index(None, folder, None, progress=False)
    return load_index(folder)


def _key(hit):
    return (hit.doc_number or hit.title, tuple(hit.path))


@pytest.mark.parametrize("question,gold", QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_resident_question_finds_clause_in_top_3(searcher, question, gold):
    top = [_key(h) for h in searcher.search(question, k=3)]
    assert set(top) & set(gold), f"top 3: {top}"


def test_document_number_query_returns_that_document_first(searcher):
    for number in ("温政办〔2019〕50号", "105号文件", "〔2019〕491号"):
        hits = searcher.search(f"{number}讲了什么", k=5)
        assert hits[0].doc_number.endswith(number.replace("文件", "")), number


def test_filters_restrict_hits(searcher):
    from index.query import Filters

    hits = searcher.search("补助", k=10, filters=Filters(doc_number=D491))
    assert hits and all(h.doc_number == D491 for h in hits)
    hits = searcher.search("会议", k=10, filters=Filters(kind="news"))
    assert hits and all(h.kind == "news" for h in hits)
    hits = searcher.search("会议", k=10, filters=Filters(date_from="2019-07-25", date_to="2019-07-31"))
    # Dated documents inside the range; undated ones (news, appointments) by the month of their issue.
    assert hits and all("2019-07-25" <= h.date <= "2019-07-31" if h.date else h.issue_date == "2019-07" for h in hits)
