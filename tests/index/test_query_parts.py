"""A part and an item of a document named in a question ("第三部分（四）", "第十二项") are clause references."""
from index.query import analyze


def test_an_item_of_a_part_in_brackets_is_a_clause_reference():
    ref = analyze("国办发〔1996〕2号转发的报告第三部分（四）要求什么？").clause_refs[0]
    assert ref.matches(("三", "（四）")) and not ref.matches(("三",))
    assert analyze("49号文第三部分第九条").clause_refs[0].matches(("三", "（九）"))


def test_a_numbered_item_is_a_clause_reference():
    ref = analyze("国办发〔2018〕117号第十二项督查激励措施是什么").clause_refs[0]
    assert ref.matches(("十二",)) and ref.matches(("（十二）",)) and not ref.matches(("二",))
