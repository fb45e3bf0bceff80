"""An attachment named in a question ("附件2", "附件") is a clause reference: search puts it first in its document."""
from index.query import analyze


def test_an_attachment_is_a_clause_reference():
    assert analyze("48号文附件2是什么").clause_refs[0].matches(("附件2",))
    assert analyze("48号文附件二是什么").clause_refs[0].matches(("附件", "二"))
    assert analyze("105号文后面附件一共几个").clause_refs[0].paths == (("附件",),)  # 一共 is not 附件一
    assert analyze("特殊工时的变更申请表是第几号附件").clause_refs[0].matches(("附件",))
    assert analyze("开诊所有什么补贴？").clause_refs == ()


def test_an_item_of_an_attachment_is_that_item_not_a_top_level_one():
    # 国办发〔2018〕108号 prints its 130 commended practices as 附件 1…130.
    [ref] = analyze("国办发〔2018〕108号附件第85项表扬的是哪个地方的什么做法？").clause_refs
    assert ref.matches(("附件", "85")) and not ref.matches(("八十五",))
    [ref] = analyze("国办发〔2018〕108号附件所列的第67项典型经验做法是什么？").clause_refs
    assert ref.matches(("附件", "67")) and not ref.matches(("六十七",))
    [ref] = analyze("附件2第3条讲了什么").clause_refs
    assert ref.matches(("附件2", "三")) and ref.matches(("附件", "2", "3"))
    assert analyze("附件2讲了什么").clause_refs[0].paths == (("附件2",), ("附件", "2"), ("附件", "二"))


def test_a_year_after_the_word_attachment_numbers_no_attachment():
    # 温政办〔2019〕50号 has one 附件 titled "2019年温州城市经济新业态培育工作责任分解": "附件2019年…" is that one.
    ref, = analyze("50号文附件2019年新业态责任分解中，医疗健康服务街区有哪几个？").clause_refs
    assert ref.paths == (("附件",),)
    assert analyze("50号文附件2里讲了什么").clause_refs[0].paths[0] == ("附件2",)
