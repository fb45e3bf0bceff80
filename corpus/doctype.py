"""The form of a document as users name it (通知, 意见, 批复, 条例, 预案 …), from its title and 文号."""
from __future__ import annotations

import re

# Forms named at the end of a title (GB/T 9704 and 《党政机关公文处理工作条例》 forms, plus rules and plans).
# Longer names first; the value is the form reported ("复函" is a 函, "指导意见" an 意见).
_FORMS: tuple[tuple[str, str], ...] = (
    ("实施细则", "细则"), ("复函", "函"), ("答复", "答复"), ("批复", "批复"), ("通知", "通知"), ("通报", "通报"),
    ("通告", "通告"), ("公告", "公告"), ("意见", "意见"), ("决定", "决定"), ("决议", "决议"), ("命令", "令"),
    ("报告", "报告"), ("请示", "请示"), ("纪要", "纪要"), ("议案", "议案"), ("条例", "条例"), ("办法", "办法"),
    ("规定", "规定"), ("细则", "细则"), ("规则", "规则"), ("预案", "预案"), ("规划", "规划"), ("计划", "计划"),
    ("方案", "方案"), ("纲要", "纲要"), ("解释", "解释"), ("函", "函"), ("令", "令"), ("法", "法"),
)
# Parenthesised notes after the form: （试行）, （2019年修订）, （暂行）.
_TRAILING_NOTE = re.compile(r"[（(][^（）()]{1,16}[）)]$")
# Layout kinds that are not documents in a form of their own.
_NO_FORM = {"news", "appointments", "chronicle", "statistics", "feature", "captions", "unstructured"}


def doc_type(title: str, kind: str, doc_number: str | None = None) -> str | None:
    """The form the title ends with; an order's 文号 (国令第707号) makes 令 where the title names none."""
    if kind in _NO_FORM:
        return None
    name = title.strip().rstrip("。 ")
    while _TRAILING_NOTE.search(name):
        name = _TRAILING_NOTE.sub("", name).rstrip()
    name = name.rstrip("》”\"")
    for suffix, form in _FORMS:
        if name.endswith(suffix) and not (suffix == "法" and name.endswith(("办法", "方法", "做法", "说法", "想法"))):
            return form
    if doc_number and re.search(r"令第?\d", doc_number):
        return "令"
    return None
