"""Follow-ups: rewriting, history in both shapes, per-turn citations, preference for the cited document."""
import pytest

from assistant.answer import Conversation, HistoryError, answer_question, parse_history
from assistant.answer.answerer import retrieve
from assistant.answer.conversation import Turn, cited_docs, followup_topic, plan_question, rewrite
from answer_fixtures import N48, N49

FIRST = "到2021年智能装备产业总产值目标是多少？"


@pytest.mark.parametrize("question, topic", [
    ("那新材料产业呢？", "新材料产业"),
    ("那么数字经济产业呢", "数字经济产业"),
    ("新材料产业呢？", "新材料产业"),
    ("还有设备补助呢？", "设备补助"),
])
def test_followup_topic(question, topic):
    assert followup_topic(question) == topic


def test_full_questions_are_not_followups():
    assert followup_topic(FIRST) is None
    assert followup_topic("另外，社会办医疗机构的用电价格和公立医疗机构一样吗？这个规定适用于所有机构") is None


def test_rewrite_substitutes_the_topic():
    assert rewrite(FIRST, "新材料产业") == "到2021年新材料产业总产值目标是多少？"
    assert rewrite(FIRST, "2020年") == "到2020年智能装备产业总产值目标是多少？"


def test_conversation_rewrites_and_each_turn_keeps_its_citations(retriever, config):
    chat = Conversation(retriever, config)
    one = chat.ask(FIRST)
    two = chat.ask("那新材料产业呢？")
    assert one.rewritten_question is None and "700亿元" in one.citations[0].quote
    assert two.rewritten_question == "到2021年新材料产业总产值目标是多少？"
    assert two.question == "那新材料产业呢？"
    assert two.citations[0].label == "二、（五）" and "400亿元" in two.citations[0].quote
    assert chat.turns[0].doc_ids == (N48,) and chat.answers[1] is two
    assert retriever.queries[-1][0] == two.rewritten_question
    assert chat.messages()[2] == {"role": "user", "content": "那新材料产业呢？"}


def test_history_shapes_agree(retriever, config):
    one = answer_question(FIRST, retriever, config)
    as_messages = [{"role": "user", "content": FIRST}, {"role": "assistant", "content": one.text}]
    for history in (as_messages, [(FIRST, one.text)], [(FIRST, one)]):
        turns = parse_history(history)
        assert turns[0].doc_ids == (N48,)
        plan = plan_question("那新材料产业呢？", turns)
        assert plan.query == "到2021年新材料产业总产值目标是多少？" and plan.prefer_docs == (N48,)
    two = answer_question("那新材料产业呢？", retriever, config, history=as_messages)
    assert "400亿元" in two.citations[0].quote


def test_chained_followups_resolve_in_order():
    turns = parse_history([(FIRST, f"根据《x》（{N48}）二、（二）：“…”[1]"), ("那新材料产业呢？", ""), ])
    assert turns[1].rewritten == "到2021年新材料产业总产值目标是多少？"
    assert plan_question("那数字经济产业呢？", turns).query == "到2021年数字经济产业总产值目标是多少？"


def test_bad_history_raises():
    with pytest.raises(HistoryError):
        parse_history([{"role": "system", "content": "x"}])
    with pytest.raises(HistoryError):
        parse_history([42])


def test_cited_docs_skips_titles_inside_quotes():
    text = f"根据《温州市实施意见》（{N49}）三、（八）：“按《浙江省办法》执行”[1]"
    assert cited_docs(text) == (N49,)


def test_preferred_document_moves_to_the_front(retriever):
    plain = retrieve(retriever, "产业总产值", 4)
    boosted = retrieve(retriever, "产业总产值", 4, (N49,))
    assert any(h.doc_number != N49 for h in plain[:2])
    assert [h.doc_number for h in boosted[:2]] == [N49, N49]
    assert [h.rank for h in boosted] == [1, 2, 3, 4]
    only = retrieve(retriever, "这个文件的有效期", 4, (N49,), only_preferred=True)
    assert {h.doc_number for h in only} == {N49}


def test_anaphora_prefers_previous_document():
    turns = [Turn("社会办医疗机构新建项目补助多少？", "", (N49,))]
    plan = plan_question("这个政策的有效期到什么时候？", turns)
    assert plan.prefer_docs == (N49,) and plan.only_preferred and plan.rewritten is None
    assert plan_question("温州市养犬管理条例谁起草？", turns).prefer_docs == ()


def test_a_detail_follow_up_keeps_the_topic_and_its_document():
    turns = [Turn("105号文讲的是什么？", "", ("温人社发〔2019〕105号",))]
    plan = plan_question("有效期到什么时候？", turns)  # search-mode words 有效, 有效期: parts of a detail word
    assert plan.prefer_docs == ("温人社发〔2019〕105号",) and plan.only_preferred
    assert plan.query.startswith("105号文讲的是什么？")
    assert plan_question("最高多少？", [Turn("民营医院买设备有补助吗？", "", (N49,))]).query.startswith("民营医院买设备")


def test_a_short_question_on_words_the_last_answer_quoted_is_a_follow_up():
    from assistant.answer.conversation import Turn, plan_question

    last = Turn("楠溪江保护管理条例谁起草？",
                "根据……二、（一）1：“……提请审议《温州市楠溪江保护管理条例》（永嘉县人民政府起草，于6月上旬前向市政府报送草案）。”[1]",
                ("温政办〔2019〕47号",))
    plan = plan_question("什么时候报送草案？", [last])
    assert plan.query.startswith("楠溪江保护管理条例谁起草？") and plan.prefer_docs == ("温政办〔2019〕47号",)
    assert plan_question("养狗要办证吗？", [last]).rewritten is None  # words the last answer never quoted
