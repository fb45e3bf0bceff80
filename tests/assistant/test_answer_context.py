"""Context.children: the clauses directly below a heading clause, within its document only."""
from __future__ import annotations

from assistant.answer.context import Context
from index.store import ClauseRecord

_ROWS = [
    (0, ("二",), ""),
    (0, ("二", "（一）"), "第一项。"),
    (0, ("二", "（一）", "1"), "第一项之下。"),
    (0, ("二", "（二）"), "第二项。"),
    (0, ("三",), "第三部分。"),
    (1, ("二", "（三）"), "另一文件的同名编号。"),
]
RECORDS = [ClauseRecord(i, "g.txt", "g.txt", doc, None, f"文件{doc}", "normative", None, None, path, "、".join(path),
                        None, "", text, str(i)) for i, (doc, path, text) in enumerate(_ROWS)]


def test_children_are_the_direct_items_in_order():
    context = Context(RECORDS)
    assert [h.clause_id for h in context.children(RECORDS[0].hit(1, 1.0))] == [1, 3]
    assert [h.clause_id for h in context.children(RECORDS[1].hit(1, 1.0))] == [2]


def test_children_stop_at_the_next_part_and_the_next_document():
    context = Context(RECORDS)
    assert context.children(RECORDS[3].hit(1, 1.0)) == []  # 三 follows: not below （二）
    assert context.children(RECORDS[4].hit(1, 1.0)) == []  # the next document's 二（三） is not below 三
    assert context.children(RECORDS[5].hit(1, 1.0)) == []  # the last record
    assert Context(None).children(RECORDS[0].hit(1, 1.0)) == []


# 国函〔2018〕145号: a preamble that only acknowledges the request and says the reply follows, then the numbered parts.
_REPLY = [
    (0, (), "你们关于支持乌鲁木齐、昌吉、石河子高新技术产业开发区建设国家自主创新示范区的请示（国科发高〔2018〕235号）收悉。"
            "现批复如下："),
    (0, ("一",), "同意乌鲁木齐、昌吉、石河子3个高新技术产业开发区建设国家自主创新示范区。"),
    (0, ("一", "（一）"), "下一层。"),
    (0, ("二",), "同意乌鲁木齐、昌吉、石河子高新区享受国家自主创新示范区相关政策。"),
    (1, ("一",), "另一文件。"),
    # 国函〔2006〕132号: a preamble that states a fact of its own before "批复如下：" is not a bare lead-in.
    (2, (), "依照2006年10月31日第十届全国人民代表大会常务委员会第二十四次会议通过的决定，现就港方口岸区的范围和土地使用期限"
            "批复如下："),
    (2, ("一",), "港方口岸区的范围。"),
]
REPLY = [ClauseRecord(i, "g.txt", "g.txt", doc, None, f"文件{doc}", "normative", None, None, path, "、".join(path),
                      None, "", text, str(i)) for i, (doc, path, text) in enumerate(_REPLY)]


def test_a_preamble_that_only_introduces_the_reply_introduces_the_numbered_parts():
    context = Context(REPLY)
    assert [h.clause_id for h in context.parts_after_preamble(REPLY[0].hit(1, 1.0))] == [1, 3]
    assert context.parts_after_preamble(REPLY[1].hit(1, 1.0)) == []  # a part is not a preamble
    assert context.parts_after_preamble(REPLY[5].hit(1, 1.0)) == []  # says something of its own


# 国办函〔2005〕57号 6.4.2: the items are the cases; what follows from them is in the line above them.
_CASES = [
    (0, ("6", "6.4", "6.4.2"), "有下列行为之一的，依照国家有关法律法规处理。"),
    (0, ("6", "6.4", "6.4.2", "（1）"), "不按照本预案规定和国家粮食应急工作指挥部要求采取应急措施的；"),
    (0, ("6", "6.4", "6.4.2", "（5）"), "粮食储备或粮食经营企业的库存量未达到规定水平，影响应急使用的；"),
    (0, ("6", "6.5"), "预案管理。"),
    (0, ("6", "6.5", "6.5.1"), "本预案由发展改革委负责解释。"),
]
CASES = [ClauseRecord(i, "g.txt", "g.txt", doc, None, f"文件{doc}", "normative", None, None, path, "、".join(path),
                      None, "", text, str(i)) for i, (doc, path, text) in enumerate(_CASES)]


def test_an_item_completes_the_lead_in_above_it():
    context = Context(CASES)
    assert context.lead_in(CASES[2].hit(1, 1.0)) == "有下列行为之一的，依照国家有关法律法规处理"
    assert context.lead_in(CASES[0].hit(1, 1.0)) is None  # not an item: it has items of its own
    assert context.lead_in(CASES[4].hit(1, 1.0)) is None  # "预案管理。" introduces nothing
