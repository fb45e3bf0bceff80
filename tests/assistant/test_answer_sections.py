"""List questions answered by the section they name (its items, under their headings), and table rows that stand
under their table's column header. Fast tier: real excerpts of 温政办〔2019〕47号、48号 as index records."""
from __future__ import annotations

from answer_fixtures import N47, N48, T47, T48
from assistant.answer import forms
from assistant.answer.config import AnswerConfig
from assistant.answer.context import Context
from assistant.answer.question import parse_question
from index.store import ClauseRecord

_ROWS = [
    (0, N47, T47, ("二",), "二", "力争在本年度内完成的立法项目（8件）", ""),
    (0, N47, T47, ("二", "（二）"), "二、（二）", "需要制定、修订的规章项目（5件）", ""),
    (0, N47, T47, ("二", "（二）", "1"), "二、（二）1", None,
     "为了优化营商环境，规范公权力行使，依法平等保护市场主体合法权益，维护市场秩序，激发市场活力，促进经济社会高质量发展，"
     "制定《温州市优化营商环境管理办法》（市经信局起草，于12月底前向市政府报送草案）。"),
    (0, N47, T47, ("二", "（二）", "2"), "二、（二）2", None,
     "为了防治建筑施工噪声污染，保护和改善生活环境，保障人体健康，制定《温州市建筑施工噪声污染防治管理办法》"
     "（市生态环境局起草，于12月底前向市政府报送草案）。"),
    (0, N47, T47, ("二", "（二）", "3"), "二、（二）3", None,
     "因为温州市机构改革，涉及有关部门及其职能调整，修订《温州市区国有土地上房屋征收与补偿办法》（市住建局起草，于7月底前向市政府报送修订稿）。"),
    (0, N47, T47, ("二", "（二）", "4"), "二、（二）4", None,
     "因为温州市机构改革，涉及有关部门及其职能调整，修订《温州市居住房屋出租安全管理办法》（市公安局起草，于7月底前向市政府报送修订稿）。"),
    (0, N47, T47, ("二", "（二）", "5"), "二、（二）5", None,
     "因为温州市机构改革，涉及有关部门及其职能调整，修订《温州市城市轨道交通管理办法（试行）》（市交通运输局起草，于7月底前向市政府报送修订稿）。"),
    (1, N48, T48, ("附件",), "附件", "温州市五大战略性新兴产业专项行动分工表",
     "备注：★为牵头单位序号产业名称2019年规模目标（亿元）2020年规模目标（亿元）2021年规模目标（亿元）年均增长率专项行动组成员单位"),
    (1, N48, T48, ("附件", "2"), "附件 第2行", None,
     "2 智能装备总产值555亿元 总产值639亿元 总产值735亿元 15% ★市经信局；市发改委、市科技局、市投资促进局、市级功能区管委会，"
     "龙湾区、瓯海区、乐清市、瑞安市政府"),
    (1, N48, T48, ("附件", "3"), "附件 第3行", None,
     "3 生命健康总产值932亿元 总产值1045亿元 总产值1150亿元 12% ★市科技局；市发改委、市经信局、市民政局、市卫健委（市康养办）、"
     "市市场监管局、市投资促进局、市级功能区管委会，各县（市、区）政府"),
]
RECORDS = [ClauseRecord(i, "gazette.txt", "gazette.txt", doc, number, title, "normative", None, None, path, label,
                        heading, "", text, str(i))
           for i, (doc, number, title, path, label, heading, text) in enumerate(_ROWS)]
CONTEXT = Context(RECORDS)
CONFIG = AnswerConfig()


def _hits(*ids):
    return [RECORDS[i].hit(rank, 1.0) for rank, i in enumerate(ids, start=1)]


def test_a_list_question_names_the_section_by_its_heading_and_count():
    q = parse_question("今年要制定、修订的5件规章是哪些？")
    assert q.count == 5
    found = forms.listed_section(q, _hits(2, 3), CONTEXT, CONFIG)
    assert found is not None and found.path == ("二", "（二）")
    answer = forms.section(q, found, _hits(2, 3), CONFIG, CONTEXT, None, 1.0)
    assert [c.path for c in answer.citations] == [("二", "（二）", str(n)) for n in range(1, 6)]
    assert "《温州市城市轨道交通管理办法（试行）》" in answer.text


def test_a_question_that_names_no_heading_gets_no_section():
    q = parse_question("优化营商环境管理办法由哪个部门起草？")
    assert forms.listed_section(q, _hits(2, 3), CONTEXT, CONFIG) is None
    # A count that differs from the section's items does not name it either.
    assert forms.listed_section(parse_question("要制定的3件规章是哪些？"), _hits(2), CONTEXT, CONFIG) is None


def test_a_table_row_stands_under_its_column_header():
    row = RECORDS[8].hit(1, 1.0)
    above = CONTEXT.inherited(row)
    assert "牵头单位" in above and "2019年规模目标" in above
    assert CONTEXT.parent(row).path == ("附件",)
    # An item with a heading of its own inherits nothing.
    assert CONTEXT.inherited(RECORDS[1].hit(1, 1.0)) == ""


def test_a_later_part_without_a_subject_is_about_the_first_parts_subject():
    first, second = forms.part_questions(parse_question("生命健康产业2021年产值目标多少？牵头单位又是谁？"))
    assert {"生命", "健康", "牵头"} <= set(second.words)
    # A part with a subject of its own keeps to it.
    _, own = forms.part_questions(parse_question("新建项目补助多少？采购设备补助多少？"))
    assert "新建" not in own.query


def test_a_question_about_a_whole_document_gets_its_opening_and_its_sections():
    rows = [
        ((), "导语", None, "《温州市人民政府2019年立法工作计划》已经市政府同意，现印发给你们，请认真组织实施。"),
        (("一",), "一", "总体要求", "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。"),
        (("二",), "二", "力争在本年度内完成的立法项目（8件）", ""),
        (("四",), "四", "工作要求", ""),
    ]
    records = [ClauseRecord(i, "g.txt", "g.txt", 0, N47, T47, "normative", None, None, path, label, heading, "", text,
                            str(i)) for i, (path, label, heading, text) in enumerate(rows)]
    q = parse_question("47号文主要讲了什么")
    assert forms.asks_whole_document(q)
    assert not forms.asks_whole_document(parse_question("47号文二（一）讲了什么"))
    assert not forms.asks_whole_document(parse_question("开诊所有什么补贴？"))
    # what it is for
    assert forms.asks_whole_document(parse_question("温人社发〔2019〕105号这个通知主要是干什么的？"))
    # What a document named says, asked as a list: its parts; not what it asks of someone ("对…提了哪些要求").
    assert forms.asks_whole_document(parse_question("关于日军遗弃化学武器的那份通知，主要讲了哪些内容？"))
    assert forms.asks_whole_document(parse_question("九十年代国家关于日本遗留化学武器的那份通知，大概提了哪些要求？"))
    assert not forms.asks_whole_document(parse_question("47号文对立法项目的起草单位提了哪些工作要求？"))
    answer = forms.document_overview(q, [records[3].hit(1, 1.0)], Context(records), CONFIG, None, 1.0)
    # The cover note, then the opening of the first headed part (一、总体要求: what the whole sets out to do).
    assert [c.path for c in answer.citations] == [(), ("一",)]
    assert "一、总体要求；二、力争在本年度内完成的立法项目（8件）；四、工作要求" in answer.text


def test_a_lead_in_naming_every_item_is_the_direct_answer():
    rows = [(("五", "（二）"), "五、（二）", "联合采购办公室",
             "在试点工作小组及其办公室领导下，成立联合采购办公室。联合采购办公室下设监督组、专家组、集中采购小组。"),
            (("五", "（二）", "1"), "五、（二）1", "监督组", "负责对药品集中采购工作进行监督。"),
            (("五", "（二）", "2"), "五、（二）2", None, "组织若干领域专家成立专家组，负责提供技术咨询。"),
            (("五", "（二）", "3"), "五、（二）3", None, "负责集中采购具体实施工作。")]
    records = [ClauseRecord(i, "d.txt", "d.txt", 0, "国办发〔2019〕2号", "试点方案", "normative", None, None, path, label,
                            heading, "", text, str(i)) for i, (path, label, heading, text) in enumerate(rows)]
    context = Context(records)
    answer = forms.section(parse_question("联合采购办公室下设哪几个组？"), records[0].hit(1, 1.0), [records[0].hit(1, 1.0)],
                           CONFIG, context, None, 1.0)
    assert answer.direct_answer == "联合采购办公室下设监督组、专家组、集中采购小组。"
    assert [c.path for c in answer.citations] == [r[0] for r in rows]
