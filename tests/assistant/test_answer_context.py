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
