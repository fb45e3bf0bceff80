"""Marker families, level inference, headings, closing units, tables of contents, attachments and doc_type."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from corpus.doctype import doc_type
from corpus.numbering import drop_toc, match_marker
from corpus.outline import segment
from corpus.parse import parse_file
from corpus.policy import parse_policy

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "govcn-policy-sample" / "docs"

# 国办发〔2019〕6号, shortened: （一）… numbered straight through 一、二、三、, a closing paragraph after the last item.
RUN_ON = """国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见
国办发〔2019〕6号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
近年来，各地区、各部门认真贯彻落实《国务院关于促进融资担保行业加快发展的意见》。
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导。
（二）基本原则。
聚焦支小支农主业。政府性融资担保、再担保机构要严格以小微企业和“三农”融资担保业务为主业。
坚持保本微利运行。政府性融资担保、再担保机构不以营利为目的。
二、坚持聚焦支小支农融资担保业务
（三）明确支持范围。各级政府性融资担保、再担保机构要合理界定服务对象范围。
（四）聚焦重点对象。各级政府性融资担保、再担保机构要重点支持单户授信500万元及以下的小微企业。
三、优化监管考核机制
（五）实施差异化监管措施。金融管理部门要对银行业金融机构和融资担保机构实施差异化监管。
（六）完善绩效评价体系。各级财政部门要会同有关方面研究制定绩效评价办法。
各地区、各部门要充分认识规范政府性融资担保机构运作的重要意义。
国务院办公厅
2019年1月22日
"""

# 国办函〔2005〕57号, shortened: the plan after the signature, with a table of contents and decimal numbering.
DECIMAL = """国务院办公厅关于印发国家粮食应急预案的函
国办函〔2005〕57号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
《国家粮食应急预案》已经国务院同意，现印发给你们，请认真实施。
国务院办公厅
二〇〇五年六月十一日
国家粮食应急预案
目　　录
1　总则
　　1.1　编制目的及依据
2　组织机构和职责
　　2.1　国家粮食应急工作指挥部
1　总则
1.1　编制目的及依据
为了有效监测和控制各类突发公共事件或者其他原因引起的粮食市场异常波动，制定本预案。
1.2　等级划分
1.2.1　国家级（Ⅰ级）：两个以上省、自治区、直辖市出现粮食应急状态。
1.2.2　省级（Ⅱ级）：在一个省、自治区、直辖市较大范围出现粮食应急状态。
2　组织机构和职责
2.1　国家粮食应急工作指挥部
总指挥：国家发展改革委主要负责人。
2.1.1　国家粮食应急工作指挥部职责
（1）掌握粮食市场形势，向国务院提出启动或终止实施应急措施的建议。
（2）完成国务院交办的其他事项。
2.1.2　国家粮食应急工作指挥部办公室及其职责
国家粮食应急工作指挥部下设办公室，负责日常工作。
2.2　地方粮食应急机构及其职责
省级人民政府应根据需要，比照国家粮食应急工作指挥部的组成和职责，成立相应的粮食应急工作指挥机构。
"""

# 国办发明电〔2018〕15号, shortened: headings ending with ：.
HOLIDAYS = """国务院办公厅关于2019年部分节假日安排的通知
国办发明电〔2018〕15号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2019年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。
二、春节：2月4日至10日放假调休，共7天。
三、端午节：6月7日放假，与周末连休。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。
国务院办公厅
2018年12月4日
"""

# 国函〔2018〕144号, shortened: the attachment list above the signature, the attachment printed below it.
ANNEX = """国务院关于同意建立国务院职业教育工作部际联席会议制度的批复
国函〔2018〕144号
教育部：
你部《关于建立国务院职业教育工作部际联席会议制度的请示》收悉。现批复如下：
同意建立由国务院领导同志牵头负责的国务院职业教育工作部际联席会议制度。
附件：国务院职业教育工作部际联席会议制度
国务院
2018年11月20日
附件
国务院职业教育工作部际联席会议制度
为贯彻落实全国教育大会精神，经国务院同意，建立国务院职业教育工作部际联席会议制度。
一、主要职能
在党中央、国务院领导下，统筹协调全国职业教育工作。
二、成员单位
联席会议由教育部、发展改革委等9个部门和单位组成。
"""


def _paths(doc):
    return [c.path for c in doc.clauses]


def test_numbering_that_runs_on_across_sections_stays_under_each_section():
    doc = parse_policy(RUN_ON, "02.txt")
    assert _paths(doc) == [(), ("一",), ("一", "（一）"), ("一", "（二）"), ("二",), ("二", "（三）"), ("二", "（四）"),
                           ("三",), ("三", "（五）"), ("三", "（六）"), ("结语",)]
    by_path = {c.path: c for c in doc.clauses}
    assert by_path[("二", "（三）")].heading == "明确支持范围"
    assert by_path[("二", "（三）")].text.startswith("各级政府性融资担保")
    # A marker line that is only a phrase ending with 。 is the heading; the line stays quotable in the text.
    assert by_path[("一", "（二）")].heading == "基本原则"
    assert by_path[("一", "（二）")].text.startswith("基本原则。\n聚焦支小支农主业")
    assert by_path[("三", "（六）")].text == "各级财政部门要会同有关方面研究制定绩效评价办法。"
    assert by_path[("结语",)].label == "结语"
    assert by_path[("结语",)].text.startswith("各地区、各部门要充分认识")


def test_decimal_numbering_with_table_of_contents():
    doc = parse_policy(DECIMAL, "41.txt")
    assert _paths(doc) == [(), ("1",), ("1", "1.1"), ("1", "1.2"), ("1", "1.2", "1.2.1"), ("1", "1.2", "1.2.2"),
                           ("2",), ("2", "2.1"), ("2", "2.1", "2.1.1"), ("2", "2.1", "2.1.1", "（1）"),
                           ("2", "2.1", "2.1.1", "（2）"), ("2", "2.1", "2.1.2"), ("2", "2.2")]
    by_path = {c.path: c for c in doc.clauses}
    assert by_path[("1",)].heading == "总则"
    assert by_path[("1", "1.2", "1.2.1")].heading == "国家级（Ⅰ级）"
    assert by_path[("2", "2.1", "2.1.1")].label == "2.1.1"
    assert by_path[("2", "2.1", "2.1.1", "（1）")].label == "2.1.1（1）"
    # The table of contents is in no clause.
    assert all("目" not in c.text.split("\n")[0] and "1　总则" not in c.text for c in doc.clauses)
    assert doc.doc_type == "函"


def test_heading_before_colon_is_searchable_and_closing_paragraph_is_its_own_unit():
    doc = parse_policy(HOLIDAYS, "38.txt")
    five = next(c for c in doc.clauses if c.path == ("三",))
    assert (five.heading, five.text) == ("端午节", "6月7日放假，与周末连休。")
    assert doc.clauses[-1].path == ("结语",)
    assert doc.doc_type == "通知"


def test_attachment_is_a_unit_with_its_own_numbering():
    doc = parse_policy(ANNEX, "55.txt")
    assert _paths(doc) == [(), ("附件",), ("附件", "一"), ("附件", "二")]
    annex = doc.clauses[1]
    assert annex.heading == "国务院职业教育工作部际联席会议制度"
    assert annex.text.startswith("为贯彻落实全国教育大会精神")
    assert doc.clauses[2].label == "附件 一"
    # The list above the signature is metadata, not part of the last clause.
    assert "附件：" not in doc.clauses[0].text
    assert doc.attachments == ("国务院职业教育工作部际联席会议制度",)
    assert doc.doc_type == "批复"


@pytest.mark.parametrize("line, kind, token", [
    ("2.1.3　国家粮食应急工作指挥部成员单位职责", "dec3", "2.1.3"),
    ("5.1.2 省级人民政府必须按照规定", "dec3", "5.1.2"),
    ("1．坚持正确导向", "num", "1"),
    ("3、加强组织领导", "num", "3"),
    ("2）有独立的经费", "rnum", "2"),
    ("第二部分　主要任务", "part", "第二部分"),
    ("第三款　本条所称", "kuan", "第三款"),
    ("（十二）加强“总对总”合作。", "pcn", "（十二）"),
])
def test_marker_families(line, kind, token):
    marker = match_marker(line)
    assert (marker.kind, marker.token) == (kind, token)


@pytest.mark.parametrize("line", ["2.5倍以上的部分", "1.2万元", "2019年起", "3.5%"])
def test_numbers_in_running_text_are_no_markers(line):
    assert match_marker(line) is None


def test_bare_number_opens_decimal_level_only_with_decimal_numbering():
    assert match_marker("1　总则") is None
    assert match_marker("1　总则", decimal_top=True).kind == "dec1"
    paths = [c.path for c in segment(["1　总则", "1.1　目的", "为了规范。", "2　职责", "2.1　分工", "各司其职。"])]
    assert paths == [("1",), ("1", "1.1"), ("2",), ("2", "2.1")]


def test_table_of_contents_without_a_repeat_keeps_its_entries():
    assert drop_toc(["目录", "一、总则", "二、职责"]) == ["一、总则", "二、职责"]
    assert drop_toc(["序言", "目　录", "1 总则", "2 职责", "1 总则", "正文"]) == ["序言", "1 总则", "正文"]


def test_list_item_sentence_followed_by_next_item_is_no_heading():
    clauses = segment(["（1）受委托人身份证复印件和委托书原件各一份。", "（2）营业执照复印件一份。"])
    assert [c.heading for c in clauses] == [None, None]


def test_articles_never_get_headings_or_closing_units():
    clauses = segment(["第一条　本条例自2019年1月1日起施行。", "第二条　国务院专利行政部门负责管理。", "本条另有规定的除外。",
                       "第三条　专利代理机构可以接受委托。", "第二款内容。"], statute=True)
    assert [c.path for c in clauses] == [("第一条",), ("第二条",), ("第三条",)]
    assert all(c.heading is None for c in clauses)


@pytest.mark.parametrize("title, kind, number, expected", [
    ("国务院办公厅关于印发国家粮食应急预案的函", "normative", None, "函"),
    ("国务院办公厅关于黄金经济政策有关问题的复函", "normative", None, "函"),
    ("国务院关于同意建立国务院职业教育工作部际联席会议制度的批复", "normative", None, "批复"),
    ("国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见", "normative", None, "意见"),
    ("专利代理条例", "normative", "国令第706号", "条例"),
    ("中华人民共和国国务院令", "normative", "国令第706号", "令"),
    ("国家粮食应急预案", "normative", None, "预案"),
    ("个人所得税专项附加扣除暂行办法（试行）", "normative", None, "办法"),
    ("国务院关于2018年度国家科学技术奖励的决定", "normative", None, "决定"),
    ("国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报", "normative", None, "通报"),
    ("中华人民共和国民法典", "statute", None, None),
    ("中华人民共和国药品管理法", "statute", None, "法"),
    ("市委召开十二届八次全体（扩大）会议", "news", None, None),
    ("7月份市政府人事任免", "appointments", None, None),
])
def test_doc_type_from_title_and_form(title, kind, number, expected):
    assert doc_type(title, kind, number) == expected


def test_parse_outline_is_compact(capsys):
    from assistant.commands import parse as command

    assert command.run(SimpleNamespace(files=[], json=False, outline=True)) == 0
    out = capsys.readouterr().out
    assert "■ 温州市人民政府办公室关于支持社会力量提供多层次多样化医疗服务的实施意见  [温政办〔2019〕49号 · 意见 · 规范性文件]" in out
    assert "\n    （九） 扶持社会办医疗机构能力建设  " in out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora/govcn-policy-sample is absent")
def test_state_council_samples_as_the_issue_asks():
    six = parse_file(next(CORPUS.glob("02_*")))[0]
    paths = _paths(six)
    for section, first, last in [("二", 3, 7), ("三", 8, 10), ("四", 11, 14), ("五", 15, 18), ("六", 19, 20),
                                 ("七", 21, 24), ("八", 25, 27)]:
        children = [p for p in paths if len(p) == 2 and p[0] == section]
        assert len(children) == last - first + 1, section
    assert ("二", "（三）") in paths and paths[-1] == ("结语",)
    plan = parse_file(next(CORPUS.glob("41_*")))[0]
    assert ("2", "2.1", "2.1.3") in _paths(plan)
    assert not any("目　　录" in c.text for c in plan.clauses)
    assert max(len(c.text) for c in plan.clauses) <= 1500
