"""The bundled gazette parsed into documents and clauses (real PDF-extracted text)."""
import re

import pytest

from corpus import layout
from corpus.gazette import looks_like_gazette, parse_gazette
from corpus.parse import default_sources

EXPECTED = [
    ("温政办〔2019〕47号", "温州市人民政府办公室关于印发温州市人民政府2019年立法工作计划的通知", "温州市人民政府办公室", "2019-07-01"),
    ("温政办〔2019〕48号", "温州市人民政府办公室关于印发温州市培育发展五大战略性新兴产业行动计划（2019-2021年）的通知", "温州市人民政府办公室", "2019-07-03"),
    ("温政办〔2019〕49号", "温州市人民政府办公室关于支持社会力量提供多层次多样化医疗服务的实施意见", "温州市人民政府办公室", "2019-07-11"),
    ("温政办〔2019〕50号", "温州市人民政府办公室关于印发温州城市经济新业态培育行动方案（2019—2021年）的通知", "温州市人民政府办公室", "2019-07-17"),
    ("温人社发〔2019〕105号", "关于在外商投资企业中开展特殊工时审批清单式改革试点的通知", "温州市人力资源和社会保障局", "2019-07-01"),
    ("温财企〔2019〕491号", "温州市财政局关于印发《温州市政府产业基金财政鼓励政策实施细则》的通知", "温州市财政局", "2019-07-02"),
]


@pytest.fixture(scope="module")
def text():
    return default_sources()[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def docs(text):
    return parse_gazette(text, "wenzhou.txt")


def by_number(docs, number):
    return next(d for d in docs if d.doc_number == number)


def clause(doc, *path):
    return next(c for c in doc.clauses if c.path == path)


def test_detected_as_gazette(text):
    assert looks_like_gazette(text)


def test_exactly_the_six_numbered_documents(docs):
    found = [(d.doc_number, d.title, d.issuer, d.date) for d in docs if d.doc_number]
    assert found == EXPECTED


def test_issue_norm_codes_addressees_attachments(docs):
    assert {d.gazette_issue for d in docs} == {"温州市人民政府公报（总第203期）"}
    assert {d.issue_date for d in docs} == {"2019-07"}
    d49 = by_number(docs, "温政办〔2019〕49号")
    assert d49.norm_code == "ZJCC01-2019-0007"
    assert d49.addressees == ("各县（市、区）人民政府", "市政府直属各单位")
    d105 = by_number(docs, "温人社发〔2019〕105号")
    assert len(d105.attachments) == 6 and d105.attachments[1] == "实行特殊工时岗位清单式管理变更申请表"
    assert by_number(docs, "温政办〔2019〕48号").attachments == ("温州市五大战略性新兴产业专项行动分工表",)


def test_49_has_twenty_measures_and_ordered_complete_supplementary_provisions(docs):
    d49 = by_number(docs, "温政办〔2019〕49号")
    under_three = [c.path[1] for c in d49.clauses if len(c.path) == 2 and c.path[0] == "三"]
    assert len(under_three) == 20 and under_three[0] == "（一）" and under_three[-1] == "（二十）"
    nine = clause(d49, "三", "（九）")
    assert nine.label == "三、（九）" and nine.heading == "扶持社会办医疗机构能力建设"
    fuze = [c for c in d49.clauses if c.path[:1] == ("附则",) and len(c.path) == 2]
    assert [c.path for c in fuze] == [("附则", "1"), ("附则", "2"), ("附则", "3")]
    # The sentence split across two printed blocks is whole again, in item 2.
    assert "本政策与市级其他政策对同一个企业（项目）的同类型奖励出现重合时，执行最高额，不重复享受。" in fuze[1].text
    assert fuze[0].text.endswith("100张床以下按照现行财政体制分担。")
    assert fuze[2].text.startswith("本政策有效期至2024年12月31日")


def test_title_block_printed_inside_a_clause_is_removed(docs):
    six = clause(by_number(docs, "温政办〔2019〕49号"), "二", "（六）")
    assert six.text.endswith("发展旅游品牌。")
    assert "温政办" not in six.text and "ZJCC" not in six.text and "实施意见" not in six.text


def test_48_has_items_one_to_nineteen_under_three(docs):
    d48 = by_number(docs, "温政办〔2019〕48号")
    items = [c.path[-1] for c in d48.clauses if c.path[:1] == ("三",) and len(c.path) == 3]
    assert items == [str(n) for n in range(1, 20)]


def test_47_running_title_inside_a_sentence_is_removed(docs):
    d47 = by_number(docs, "温政办〔2019〕47号")
    items = [c for c in d47.clauses if c.path[:2] == ("二", "（二）") and len(c.path) == 3]
    assert [c.path[-1] for c in items] == ["1", "2", "3", "4", "5"]
    assert items[0].text.endswith("（市经信局起草，于12月底前向市政府报送草案）。")


def test_wrapped_lines_joined_without_spaces(docs):
    d47 = by_number(docs, "温政办〔2019〕47号")
    assert clause(d47, "二").heading == "力争在本年度内完成的立法项目（8件）"
    one = clause(d47, "一")
    assert "\n" not in one.text and " " not in one.text
    assert "以习近平新时代中国特色社会主义思想为指导" in one.text


def test_justified_spacing_closed_up(docs):
    d48 = by_number(docs, "温政办〔2019〕48号")
    assert clause(d48, "三", "（一）", "2").heading == "创建“万亩千亿”新产业平台"
    d50 = by_number(docs, "温政办〔2019〕50号")
    assert clause(d50, "三", "（二）").heading == "强化顶层设计"


def test_annex_table_rows_readable(docs):
    d48 = by_number(docs, "温政办〔2019〕48号")
    rows = [c for c in d48.clauses if c.path[:1] == ("附件",) and len(c.path) == 2]
    assert len(rows) == 5
    assert "新材料" in rows[4].text and "总产值400亿元" in rows[4].text and "★市发改委" in rows[4].text
    assert "市科技局、市投资促进局" in rows[1].text  # spaced-out cell text closed up


def test_vertical_annex_becomes_text(docs):
    d50 = by_number(docs, "温政办〔2019〕50号")
    annex = [c for c in d50.clauses if c.path[:1] == ("附件",)]
    assert len(annex) >= 6
    assert "聚焦数字经济，打造产业新旧动能转换高地" in annex[1].text
    assert all(len(line) > 5 for c in annex for line in c.text.split("\n"))


def test_statistics_rows(docs):
    stats = next(d for d in docs if d.kind == "statistics")
    assert stats.issuer == "温州市统计局"
    first = stats.clauses[0]
    assert first.heading == "规模以上工业增加值（亿元）"
    assert first.text == "当月91.36，同比6.6%，累计597.46，同比7.8%。"


def test_other_kinds_are_documents(docs):
    kinds = [d.kind for d in docs]
    for kind in ("appointments", "news", "chronicle", "statistics", "feature", "captions"):
        assert kind in kinds
    assert kinds.count("news") == 6
    appointments = next(d for d in docs if d.kind == "appointments")
    assert appointments.title == "7月份市政府人事任免"
    assert any(c.text == "翁结群任温州市交通运输综合行政执法队队长；" for c in appointments.clauses)
    chronicle = next(d for d in docs if d.kind == "chronicle")
    assert chronicle.clauses[0].label == "1日"


def test_table_of_contents_creates_no_documents(docs):
    numbers = [d.doc_number for d in docs if d.doc_number]
    assert len(numbers) == len(set(numbers))
    assert not any("51号" in n or "52号" in n for n in numbers)
    assert all(d.clauses and d.title for d in docs)
    titles = [d.title for d in docs]
    assert len(titles) == len(set(titles))


FURNITURE = re.compile(r"公报（总第|·\s+\d+\s+·|^(政务简讯|政府记事|机构人事|统计资料)$|政\s务\s简\s讯", re.M)


def test_no_clause_holds_page_furniture_or_another_document(docs):
    numbered = [d for d in docs if d.doc_number]
    for doc in docs:
        others = [d for d in numbered if d is not doc]
        for c in doc.clauses:
            assert not FURNITURE.search(c.text), (doc.title, c.label)
            assert not (c.heading and FURNITURE.search(c.heading))
            for other in others:
                assert other.doc_number not in c.text, (doc.title, c.label, other.doc_number)
                assert other.title not in c.text


def test_clauses_non_empty_unless_bare_heading(docs):
    for doc in docs:
        for c in doc.clauses:
            assert c.text or c.heading, (doc.title, c.label)


def test_layout_rules_on_excerpts():
    assert layout.close_up("2 . 创 建 “ 万 亩 千 亿 ” 新 产 业 平 台 。 以") == "2.创建“万亩千亿”新产业平台。以"
    assert layout.close_up("（ 二 ） 强 化 顶 层 设 计") == "（二）强化顶层设计"
    assert layout.close_up("总产值555亿元 总产值639亿元 总产值735亿元 15%") == "总产值555亿元 总产值639亿元 总产值735亿元 15%"
    text = " 正文第一行，这一行很长很长很长很长很长\n\n·    23    ·\n\n温州市人民政府公报（总第203期） 政务简讯\n\n继续的文字。\n"
    pages = layout.split_pages(text)
    assert [l.text for p in pages for l in p.lines] == ["正文第一行，这一行很长很长很长很长很长", "继续的文字。"]
    assert pages[-1].header == ("温州市人民政府公报", "总第203期") and pages[-1].banner == "news"


def test_cover_letter_comes_first_and_whole(docs):
    d48 = by_number(docs, "温政办〔2019〕48号")
    cover, intro = d48.clauses[0].text.split("\n")[:2]
    assert cover.startswith("《温州市培育发展五大战略性新兴产业行动计划（2019-2021年）》已经市人民政府第42次常务会议审议通过")
    assert intro.startswith("为贯彻落实《国务院关于印发")
    # The 491号 cover letter is printed after the first page's columns; it is put back in front.
    d491 = by_number(docs, "温财企〔2019〕491号")
    assert d491.clauses[0].text.startswith("根据《进一步加快现代服务业高质量发展的若干政策意见》")
    office = clause(d491, "二", "（二）", "2")
    assert office.text.endswith("办公用房仅用于基金管理工作业务开展，不得他用。\n办公用房优惠由市级财政承担。")
