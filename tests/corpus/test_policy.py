"""Policy document parsing on gov.cn excerpts, and against the ground truth of govcn-policy-sample."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.policy import parse_policy

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
POLICY = CORPORA / "govcn-policy-sample"

# 国发〔2019〕5号, shortened: a two-line title, 文号, 主送, 一、/（一）, signature, 此件公开发布.
NOTICE = """国务院关于在市场监管领域全面推行
部门联合“双随机、一公开”监管的意见
国发〔2019〕5号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
在市场监管领域全面推行“双随机、一公开”监管，是党中央、国务院作出的重大决策部署。现提出如下意见。
一、总体要求
以习近平新时代中国特色社会主义思想为指导，切实转变监管理念，创新监管方式。
二、保障措施
（一）加强组织领导。
市场监管、发展改革、教育、公安等部门要加强协作配合。
（二）严格责任落实。
各地区、各有关部门要进一步增强责任意识。
国务院\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0
2019年1月27日\u00a0\u00a0\u00a0\u00a0
（此件公开发布）
"""

# 国办发〔1996〕25号: joint issuers, a letter-spaced signature, a date in Chinese numerals.
JOINT = """国务院办公厅、中央军委办公厅
关于加强对侵华日军遗弃化学武器
调查和管理工作的通知
国办发〔1996〕25号
北京市、天津市、河北省人民政府，沈阳、北京、兰州、济南、南京、广州军区：
日本侵华战争期间，日本军队在我国境内遗弃了大量化学武器。
一、日军遗弃化学武器是历史遗留问题，敏感性、政策性很强。
二、要加强对日军遗弃化学武器的调查取证工作。
国务院办公厅\u3000中央军委办公厅\u00a0\u00a0\u00a0\u00a0
\u00a0一九九六年六月二十九日\u00a0\u00a0\u00a0\u00a0
"""

# 国令第707号: an order signed by the premier, publishing a regulation with articles.
ORDER = """中华人民共和国国务院令
第707号
现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。
总理\u3000\u3000李克强\u00a0\u00a0\u00a0\u00a0
2018年12月18日\u00a0\u00a0\u00a0\u00a0
中华人民共和国个人所得税法实施条例
第一条\u3000根据《中华人民共和国个人所得税法》，制定本条例。
第二条\u3000个人所得税法所称在中国境内有住所，是指在中国境内习惯性居住。
第三条\u3000下列所得，为来源于中国境内的所得：
（一）因任职、受雇、履约等在中国境内提供劳务取得的所得；
"""

# 国办发〔1996〕2号, shortened: a forwarded report carries its own, later signature.
FORWARD = """国务院办公厅转发国家地震局
关于我国地震重点监视防御区的确定和
加强防震减灾工作意见报告的通知
国办发〔1996〕2号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
国家地震局《关于我国地震重点监视防御区的确定和加强防震减灾工作意见的报告》已经国务院同意，现转发给你们，请认真贯彻执行。
国务院办公厅\u00a0\u00a0\u00a0\u00a0
一九九六年二月五日\u00a0\u00a0\u00a0\u00a0
（本文有删减）
关于我国地震重点监视防御区的确定
和加强防震减灾工作意见的报告
国务院：
一、关于我国地震重点监视防御区的确定
以上意见如无不妥，请批转各地、各部门贯彻执行。
国家地震局\u00a0\u00a0\u00a0\u00a0
一九九六年一月二十五日\u00a0\u00a0\u00a0\u00a0
"""

# 国函〔2006〕132号, shortened: 附件 list above the signature, letter-spaced title line.
ATTACHED = """国务院关于授权香港特别行政区实施管辖的
深圳湾口岸港方口岸区范围和
土 地 使 用 期 限 的 批 复
国函〔2006〕132号
广东省人民政府、香港特别行政区政府：
现就深圳湾口岸港方口岸区的范围和土地使用期限批复如下：
一、深圳湾口岸港方口岸区范围包括港方查验区和与之相连接的深圳湾公路大桥部分桥面。
附件1.深圳湾口岸港方口岸区的查验区界址点坐标
\u00a0\u00a0\u00a0\u00a02.深圳湾公路大桥部分桥面界址点坐标
国务院\u00a0\u00a0\u00a0\u00a0
二〇〇六年十二月三十日\u00a0\u00a0\u00a0\u00a0
附件1.
深圳湾口岸港方口岸区的
查验区界址点坐标
"""


def test_notice_fields_and_clauses():
    doc = parse_policy(NOTICE, "01.txt")
    assert doc.title == "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见"
    assert doc.doc_number == "国发〔2019〕5号"
    assert doc.kind == "normative"
    assert doc.issuer == "国务院"
    assert doc.date == "2019-01-27"
    assert doc.addressees == ("各省、自治区、直辖市人民政府", "国务院各部委、各直属机构")
    assert [c.label for c in doc.clauses] == ["导语", "一", "二", "二、（一）", "二、（二）"]
    assert doc.clauses[3].text.startswith("加强组织领导。\n市场监管")
    # The signature and the publication note are not clause text.
    assert all("2019年1月27日" not in c.text and "此件公开发布" not in c.text for c in doc.clauses)


def test_joint_issuers_and_chinese_numeral_date():
    doc = parse_policy(JOINT, "19.txt")
    assert doc.issuer == "国务院办公厅、中央军委办公厅"
    assert doc.date == "1996-06-29"
    assert doc.title == "国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器调查和管理工作的通知"
    assert doc.addressees == ("北京市、天津市、河北省人民政府", "沈阳、北京、兰州、济南、南京、广州军区")


def test_order_number_title_and_issuer():
    doc = parse_policy(ORDER, "33.txt")
    assert doc.doc_number == "国令第707号"
    assert doc.title == "中华人民共和国个人所得税法实施条例"
    assert doc.issuer == "国务院"  # signed by a person: the issuer comes from the 文号
    assert doc.date == "2018-12-18"
    assert [c.label for c in doc.clauses if c.path] == ["第一条", "第二条", "第三条"]


def test_forwarding_body_signs_first():
    doc = parse_policy(FORWARD, "20.txt")
    assert doc.issuer == "国务院办公厅"
    assert doc.date == "1996-02-05"


def test_attachments_and_letter_spaced_title():
    doc = parse_policy(ATTACHED, "44.txt")
    assert doc.title == "国务院关于授权香港特别行政区实施管辖的深圳湾口岸港方口岸区范围和土地使用期限的批复"
    assert doc.attachments == ("深圳湾口岸港方口岸区的查验区界址点坐标", "深圳湾公路大桥部分桥面界址点坐标")
    assert doc.addressees == ("广东省人民政府", "香港特别行政区政府")
    assert doc.date == "2006-12-30"


def test_half_width_brackets_are_normalized():
    text = NOTICE.replace("国发〔2019〕5号", "国发[2019]5号")
    assert parse_policy(text, "x.txt").doc_number == "国发〔2019〕5号"


def test_issuer_falls_back_to_title_then_number():
    no_signature = "\n".join(NOTICE.splitlines()[:-3])
    assert parse_policy(no_signature, "x.txt").issuer == "国务院"
    untitled = "\n".join(["某某事项的通知"] + NOTICE.splitlines()[2:-3]).replace("国发", "国办发")
    assert parse_policy(untitled, "x.txt").issuer == "国务院办公厅"


def test_notice_without_number():
    text = "关于做好春节期间安全工作的通知\n各区人民政府：\n现就有关事项通知如下。\n一、加强值守\n市政府办公室\n2020年1月10日\n"
    doc = parse_policy(text, "x.txt")
    assert doc.kind == "notice"
    assert doc.doc_number is None
    assert doc.title == "关于做好春节期间安全工作的通知"
    assert doc.issuer == "市政府办公室"
    assert doc.addressees == ("各区人民政府",)


def test_unknown_structure_is_one_clause():
    text = "今天天气晴，气温二十度。\n明天多云。\n"
    doc = parse_policy(text, "weather.txt")
    assert doc.kind == "unstructured"
    assert len(doc.clauses) == 1 and doc.clauses[0].label == "导语"
    assert doc.clauses[0].text == text.strip()


def test_whole_policy_sample_matches_metadata():
    """≥95% of the 60 documents per field: doc_number, title, issuer, written date (bench/parse_corpora.py's
    comparison, whose report gives the rates)."""
    if not (POLICY / "metadata.jsonl").exists():
        pytest.skip("shared corpus govcn-policy-sample not present")
    from bench.parse_corpora import policy_mismatches

    n, misses = policy_mismatches(POLICY)
    assert n == 60
    assert set(misses) == {"doc_number", "title", "issuer", "written_date"}
    for field, missed in misses.items():
        assert 1 - len(missed) / n >= 0.95, (field, missed)


_PIECES = ["国务院", "关于", "的通知", "国发〔2019〕5号", "第707号", "令", "各省人民政府：", "一、", "（一）", "1.", "第一条",
           "第二章", "附件", "附件：1.", "2019年1月27日", "二〇〇四年八月十二日", "（此件公开发布）", "。", "，", " ", "\u00a0", "\n"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@settings(max_examples=300, deadline=None)
def test_parsers_never_crash(pieces):
    from corpus.statute import looks_like_statute, parse_statute

    text = "".join(pieces)
    doc = parse_policy(text, "fuzz.txt")
    assert doc.clauses or not text.strip()
    looks_like_statute(text)
    assert parse_statute(text, "fuzz.md").clauses or not text.strip()
