"""Keyword tokenizer, BM25 scoring and fusion functions."""
from __future__ import annotations

import numpy as np
import pytest

from index import fusion
from index.bm25 import KeywordIndex
from index.tokenize import KeywordTokenizer, derive_terms, normalize_doc_number, personnel_name


@pytest.fixture(scope="module")
def tok():
    return KeywordTokenizer(derive_terms(
        ["温州市财政局关于印发《温州市政府产业基金财政鼓励政策实施细则》的通知"], ["放宽市场准入与设备配置"],
        ["（市经信局起草，于12月底前向市政府报送草案）"], ["温州市人民政府办公室"], ["温政办〔2019〕49号"]))


def test_doc_numbers_stay_whole(tok):
    tokens = tok.tokenize("根据温政办〔2019〕49号文件精神")
    assert "温政办〔2019〕49号" in tokens and "〔2019〕49号" in tokens and "49号" in tokens
    assert "根据" in tokens and "根据温政办〔2019〕49号" not in tokens
    assert "温委发〔2018〕45号" in tok.tokenize("依据温委发[2018]45号")
    assert "49号" in tok.tokenize("49号文的补贴标准") and "文" not in tok.tokenize("49号文的补贴标准")


def test_stop_words_dropped(tok):
    tokens = tok.tokenize("请问市经信局负责哪些工作？是否需要申请吗")
    assert "市经信局" in tokens
    for stop in ("请问", "哪些", "是否", "吗", "？", "需要"):
        assert stop not in tokens


def test_user_words_from_corpus(tok):
    assert "温州市政府产业基金财政鼓励政策实施细则" in tok.tokenize("温州市政府产业基金财政鼓励政策实施细则的内容")
    assert "市经信局" in tok.user_words and "温州市人民政府办公室" in tok.user_words


def test_private_jieba_instance(tok):
    import jieba

    assert tok._jieba is not jieba.dt
    assert "市经信局" not in jieba.dt.FREQ


def test_normalize_doc_number():
    assert normalize_doc_number("温政办[2019]49 号") == "温政办〔2019〕49号"
    assert normalize_doc_number("温政办（2019）049号") == "温政办〔2019〕49号"


def test_bm25_matches_rank_bm25():
    from rank_bm25 import BM25Okapi

    corpus = [["养犬", "管理", "条例"], ["医疗", "机构", "管理", "管理"], ["财政", "奖励"], ["养犬", "登记", "犬牌"]]
    ours = KeywordIndex()
    ours.index(corpus)
    theirs = BM25Okapi(corpus, k1=1.5, b=0.75)
    for q in (["养犬", "管理"], ["奖励"], ["医疗", "登记"]):
        s = ours.scores([q])[0]
        # Same tf saturation; idf differs (ours: ln(1 + ...), theirs: ln(...) with a floor), so compare ranks.
        assert np.argmax(s) == np.argmax(theirs.get_scores(q))
    scores, ids = ours.search([["养犬"], ["不存在"]], k=3)
    assert ids.shape == (2, 3) and set(ids[0][:2]) == {0, 3} and ids[0][2] == -1 and (ids[1] == -1).all()


def test_rrf_and_weighted():
    fused = fusion.rrf([[1, 2, 3], [3, 1]], k=60)
    assert fusion.ranked(fused)[0][0] == 1
    assert fused[3] == pytest.approx(1 / 63 + 1 / 61)
    w = fusion.weighted([{1: 5.0, 2: 5.0}, {2: 0.9, 3: 0.1}], [0.5, 0.5])
    assert w[2] == pytest.approx(1.0) and w[3] == pytest.approx(0.0)
    assert fusion.min_max({}) == {}


def test_bigrams_recover_words_split_by_segmentation():
    from index.tokenize import BIGRAM, KeywordTokenizer

    tok = KeywordTokenizer()
    # jieba cuts 开诊|所有 here; the bigram still carries 诊所.
    assert BIGRAM + "诊所" in tok.tokenize("开诊所有什么补贴")
    assert BIGRAM + "什么" not in tok.tokenize("开诊所有什么补贴")


def test_query_expansion_adds_official_vocabulary():
    from index.tokenize import KeywordTokenizer

    tok = KeywordTokenizer()
    query = tok.tokenize_query("私立医院的补贴什么时候到期")
    for term in ("~会办", "医疗机构", "补助", "有效期"):
        assert term in query
    assert "有效期" not in tok.tokenize("私立医院的补贴什么时候到期")


def test_an_everyday_word_jieba_cut_apart_is_expanded_too():
    from index.tokenize import KeywordTokenizer

    tok = KeywordTokenizer()
    # jieba cuts "出养|狗" and "管养|狗"; the table's 养狗 -> 养犬 still applies (温政办〔2019〕47号 says 养犬).
    assert "养犬" in tok.tokenize_query("温州是不是要出养狗的规定了")
    assert "养犬" in tok.tokenize_query("听说温州要出台管养狗的规定")
    # Not inside a word jieba keeps whole (工作 in 工作日), nor a question phrase cut apart (什么|时候).
    from index.tokenize import cut_apart

    table = {"工作": ("执业",), "什么时候": ("期限",), "养狗": ("养犬",)}
    assert cut_apart("10个工作日内什么时候", ["10", "个", "工作日", "内", "什么", "时候"], table) == []
    assert cut_apart("出养狗", ["出养", "狗"], table) == ["养狗"]


def test_answer_type_of_questions():
    from index.answer_types import AGENCY, AMOUNT, DATE, evidence_share, question_kinds

    assert question_kinds("特殊工时清单管理从哪天开始实行？") == {DATE}
    assert question_kinds("第二次全国污染源普查的标准时点是哪一天？") == {DATE}  # 哪一天 as well as 哪天
    assert AGENCY in question_kinds("数字经济专项行动由哪个部门牵头？")
    assert AMOUNT in question_kinds("评上二甲能拿多少奖励？")
    # a number of days asks a length of time; "十几个员工" states a count, it asks none
    assert DATE in question_kinds("外资企业申请特殊工时清单式管理，人社部门多少天内给结果？")
    assert AMOUNT not in question_kinds("我诊所有十几个员工，全员全额扣缴申报要在什么时候之前报？")
    assert AMOUNT in question_kinds("一户最多能养几只狗？") and AMOUNT in question_kinds("要配几台牙椅？")
    assert evidence_share(frozenset({DATE}), "本通知自2019年8月1日起施行。") == 1.0
    assert evidence_share(frozenset({DATE}), "人力社保部门将通过许可的目录向社会公布。") == 0.0
    assert evidence_share(frozenset(), "本通知自2019年8月1日起施行。") == 0.0


def test_being_within_a_validity_period_states_no_date():
    from index.answer_types import DATE, has_evidence

    # 温人社发〔2019〕105号 一 (who may apply) says a permit must be "在有效期内"; its 四 prints the date asked for
    # "从哪天起施行". A period printed is a date ("有效期至2020年12月31日", 国令第707号 "有效期为三年").
    assert not has_evidence(DATE, "企业注册地和实际经营地均在本市范围内，已取得特殊工时行政许可并在有效期内，"
                                  "以及初次或变更申请特殊工时行政许可的外商投资企业。")
    assert has_evidence(DATE, "本通知自2019年8月1日起施行。")
    assert has_evidence(DATE, "本《细则》自印发之日起施行，有效期至2020年12月31日。")
    assert has_evidence(DATE, "批准文件的有效期为三年。")


def test_a_question_asking_which_places_is_answered_by_a_list_of_places():
    from index.answer_types import PLACES, has_evidence, question_kinds

    assert question_kinds("政府网站集约化试点选了哪些地方？") == {PLACES}
    assert PLACES in question_kinds("试点确定了哪几个城市？")
    # 国办函〔2018〕71号 二 lists the pilot provinces; its 五（一） only speaks of "试点地区"
    assert has_evidence(PLACES, "确定北京、吉林、安徽、山东、湖北、湖南、广东、广西、重庆、贵州等10个省（区、市）开展试点。")
    assert has_evidence(PLACES, "瑞安市、乐清市重点培育智能电气产业集群。")
    assert not has_evidence(PLACES, "试点地区要高度重视政府网站集约化试点工作。")
    assert not has_evidence(PLACES, "各地区、各部门要认真贯彻执行。")


def test_a_post_that_acts_is_agency_evidence():
    from index.answer_types import AGENCY, has_evidence

    # 国发〔2004〕18号 第九章 四十四/四十五: who signs is a post, not a body.
    assert has_evidence(AGENCY, "国务院公布的行政法规、决定、命令，人员任免，由总理签署。")
    assert has_evidence(AGENCY, "以国务院办公厅名义发文，由国务院秘书长签发。")
    assert not has_evidence(AGENCY, "国务院及国务院办公厅的公文，除需要保密的外，应及时公布。")
    assert has_evidence(AGENCY, "总理出国访问期间，由负责常务工作的副总理代行总理职务。")
    assert has_evidence(AGENCY, "100张床（含）以上的社会办医疗机构由市财政支付。")
    assert has_evidence(AGENCY, "3月底前国家卫生健康委完成国家监测指标分析工作。")
    assert not has_evidence(AGENCY, "由于情况变化，由此可见理由充分。")


def test_a_person_in_charge_or_a_task_taken_on_asks_no_agency():
    from index.answer_types import AGENCY, question_kinds

    assert AGENCY not in question_kinds("对社团秘书长以上负责人的年龄和任期有要求吗？")  # 负责人: a person
    assert AGENCY not in question_kinds("民营医院参加医共体，承担任务有补助吗？")
    assert AGENCY in question_kinds("具体工作由哪个部门承担？") and AGENCY in question_kinds("这事谁负责？")


def test_as_of_asks_no_date_and_a_round_figure_is_an_amount():
    from index.answer_types import AMOUNT, DATE, has_evidence, question_kinds

    assert DATE not in question_kinds("截至七月末，温州居民在银行的住户存款余额是多少亿？")  # the time of the figure
    assert DATE in question_kinds("申报截止日期是哪天？")
    # 国办函〔2004〕57号: "湖北、河南两省各15万左右" states the numbers asked.
    assert has_evidence(AMOUNT, "湖北、河南两省各15万左右，且主要是农业人口")
    assert not has_evidence(AMOUNT, "万元以上的项目")


def test_who_may_apply_asks_for_the_section_on_whom_a_policy_applies_to():
    from index.tokenize import KeywordTokenizer

    tok = KeywordTokenizer()
    # 温人社发〔2019〕105号: "一、适用对象" holds none of the question's verbs; the procedure clause repeats 申请.
    clauses = ["适用对象\n企业注册地和实际经营地均在本市范围内，已取得特殊工时行政许可并在有效期内，以及初次或变更申请特殊工时"
               "行政许可的外商投资企业。",
               "初次申请特殊工时行政许可的企业，按照有关规定申报，并填报用人单位实行特殊工时岗位清单式管理申请表。申请材料包括：",
               "用人单位可向当地人力社保部门提出申请，申请实行特殊工时岗位清单式管理的企业应提交申请材料。"]
    index = KeywordIndex()
    index.index([tok.tokenize(c) for c in clauses])
    question = "哪些企业可以申请特殊工时清单式管理？"
    assert "适用" in tok.tokenize_query(question) and "适用" not in tok.tokenize(question)
    assert int(np.argmax(index.scores([tok.tokenize(question)])[0])) != 0  # the words alone find the procedure
    assert int(np.argmax(index.scores([tok.tokenize_query(question)])[0])) == 0
    assert "适用" not in tok.tokenize_query("特殊工时申请要交哪些材料？")


def test_a_personnel_items_name_is_a_word_of_its_own(tok):
    # 7月份市政府人事任免: jieba glues a name it does not know to 任 ("黄凡任", "陶庆|东任"); the item's keyword text
    # carries the name on a line of its own, for the local index and Milvus alike.
    from index.store import ClauseRecord

    assert personnel_name("黄凡任温州市应急指挥服务保障中心主任；") == "黄凡"
    assert personnel_name("蒋义炮兼任温州生态园管委会副主任；") == "蒋义炮"
    assert personnel_name("叶雪影的温州生态园管委会副主任职务。") == "叶雪影"
    assert personnel_name("市政府决定：") is None and personnel_name("免去：") is None
    item = ClauseRecord(25, "g.txt", "g.txt", 1, None, "7月份市政府人事任免", "appointments", None, None, ("第25段",),
                        "第25段", None, "第25段", "黄凡任温州市应急指挥服务保障中心主任；", "h")
    assert "黄凡" in tok.tokenize(item.keyword_text) and "黄凡" not in tok.tokenize(item.text)
