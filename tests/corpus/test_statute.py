"""Statute parsing on LawRefBook Markdown excerpts, plain-text statutes, and the whole shared corpus."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus.statute import looks_like_statute, parse_statute

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
LAWS = CORPORA / "lawrefbook-laws"

# 北京市献血条例(2021-11-26).md: the chapter list is printed first as a table of contents.
TOC_EXCERPT = """# 北京市献血条例

2021年11月26日 北京市第十五届人民代表大会常务委员会第三十五次会议通过

<!-- INFO END -->

## 第一章 总 则

## 第二章 献血服务与激励

## 第三章 献血宣传与动员

## 第一章 总 则

第一条 为了规范和推动献血工作，保证医疗临床用血需要和安全，保障献血者和用血者身体健康，根据有关法律、行政法规，结合本市实际，制定本条例。

第二条 在本市行政区域内开展献血、采供血、临床用血及相关管理活动，适用本条例。

## 第二章 献血服务与激励

第三条 本市依法实行无偿献血制度。

本市献血工作坚持个人自愿原则，强化单位动员组织作用。

## 第三章 献血宣传与动员

第四条 本市鼓励自愿无偿献血行为，倡导全社会尊重、关爱献血者。
"""

# 文物保护法(2017-11-04).md: an info line wraps, and its second half starts with 第X条.
WRAPPED_INFO = """# 中华人民共和国文物保护法

1982年11月19日 第五届全国人民代表大会常务委员会第二十五次会议通过

1991年6月29日 第七届全国人民代表大会常务委员会第二十次会议《关于修改<中华人民共和国文物保护法>第三十条

第三十一条的决定》第一次修正

2017年11月4日 第十二届全国人民代表大会常务委员会第三十次会议《关于修改<中华人民共和国会计法>等十一部法律的决定》第五次修正

<!-- INFO END -->

## 第一章 总则

第一条 为了加强对文物的保护，继承中华民族优秀的历史文化遗产，根据宪法，制定本法。

第二条 在中华人民共和国境内，下列文物受国家保护：

（一）具有历史、艺术、科学价值的古文化遗址、古墓葬、古建筑、石窟寺和石刻、壁画；

(二)与重大历史事件、革命运动或者著名人物有关的重要史迹、实物、代表性建筑；
"""

# 民法典/人格权编.md: a subtitle under the title.
SUBTITLE = """# 中华人民共和国民法典

# 人格权编

2020年5月28日 第十三届全国人民代表大会第三次会议通过

2021年1月1日 施行

<!-- INFO END -->

## 第一章  一般规定

第九百八十九条 本编调整因人格权的享有和保护产生的民事关系。

第九百九十条 人格权是民事主体享有的生命权、身体权、健康权、姓名权、名称权、肖像权、名誉权、荣誉权、隐私权等权利。
"""

# A judicial interpretation numbered 一、 instead of 第X条.
PROCURATORATE = """# 人民检察院办理行政执法机关移送涉嫌犯罪案件的规定

2001年9月10日 最高人民检察院第九届检察委员会第九十六次会议讨论通过

<!-- INFO END -->

根据《中华人民共和国刑事诉讼法》的有关规定，制定本规定。

一、对于行政执法机关移送检察机关的涉嫌犯罪案件，统一由人民检察院控告检察部门受理。

二、人民检察院控告检察部门审查行政执法机关移送的涉嫌犯罪案件，应当根据不同情况，提出处理意见：

（一）对于不属于检察机关管辖的案件，移送其他有管辖权的机关处理；
"""

# Plain text as published on gov.cn: no Markdown, a bracketed history line, full-width spaces.
PLAIN = """中华人民共和国个人所得税法实施条例
（1994年1月28日中华人民共和国国务院令第142号发布　2018年12月18日中华人民共和国国务院令第707号第四次修订）
第一条　根据《中华人民共和国个人所得税法》（以下简称个人所得税法），制定本条例。
第二条　个人所得税法所称在中国境内有住所，是指因户籍、家庭、经济利益关系而在中国境内习惯性居住。
第三条　除国务院财政、税务主管部门另有规定外，下列所得，均为来源于中国境内的所得：
（一）因任职、受雇、履约等在中国境内提供劳务取得的所得；
（二）将财产出租给承租人在中国境内使用而取得的所得；
"""


_ARTICLE_TOKEN = re.compile(r"^第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?$")


def _articles(doc) -> list:
    return [c for c in doc.clauses if c.path and _ARTICLE_TOKEN.match(c.path[-1])]


def test_toc_does_not_create_empty_chapters():
    doc = parse_statute(TOC_EXCERPT, "北京市献血条例(2021-11-26).md")
    chapters = [c for c in doc.clauses if c.path and c.path[-1].endswith("章")]
    assert [c.path for c in chapters] == [("第一章",), ("第二章",), ("第三章",)]
    assert [c.path for c in _articles(doc)] == [
        ("第一章", "第一条"), ("第一章", "第二条"), ("第二章", "第三条"), ("第三章", "第四条"),
    ]
    assert chapters[0].heading == "总 则"
    assert doc.kind == "statute"
    assert doc.issuer == "北京市人民代表大会常务委员会"
    assert doc.date == "2021-11-26"


def test_wrapped_info_line_is_not_an_article():
    doc = parse_statute(WRAPPED_INFO, "文物保护法(2017-11-04).md")
    assert [c.label for c in _articles(doc)] == ["第一条", "第二条"]
    # Items inside an article, with either kind of parentheses, stay in the article.
    assert "(二)与重大历史事件" in _articles(doc)[1].text
    assert doc.issuer == "全国人民代表大会常务委员会"
    assert doc.date == "2017-11-04"
    assert doc.title == "中华人民共和国文物保护法"


def test_subtitle_joins_the_title():
    doc = parse_statute(SUBTITLE, "民法典/人格权编.md")
    assert doc.title == "中华人民共和国民法典 人格权编"
    assert doc.issuer == "全国人民代表大会"
    assert doc.date == "2021-01-01"  # the latest dated info line
    assert [c.label for c in _articles(doc)] == ["第九百八十九条", "第九百九十条"]


def test_interpretation_numbered_with_list_items():
    doc = parse_statute(PROCURATORATE, "x.md")
    assert doc.issuer == "最高人民检察院"
    assert doc.clauses[0].label == "导语"
    assert [c.path for c in doc.clauses[1:]] == [("一",), ("二",), ("二", "（一）")]


def test_plain_text_statute():
    assert looks_like_statute(PLAIN)
    doc = parse_statute(PLAIN, "条例.txt")
    assert doc.title == "中华人民共和国个人所得税法实施条例"
    assert doc.issuer == "国务院"
    assert doc.date == "2018-12-18"
    arts = _articles(doc)
    assert [c.path for c in arts] == [("第一条",), ("第二条",), ("第三条",)]
    assert arts[2].text.endswith("（二）将财产出租给承租人在中国境内使用而取得的所得；")


def test_filename_date_when_no_info_line():
    doc = parse_statute("# 某条例\n\n<!-- INFO END -->\n\n第一条 为了规范管理，制定本条例。\n", "某条例(2020-05-14).md")
    assert doc.date == "2020-05-14"
    assert doc.issuer is None


def test_skipped_chapter_number_still_opens_a_chapter():
    text = "# 某条例\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 甲。\n\n## 第三章 附则\n\n第二条 乙。\n"
    doc = parse_statute(text, "x.md")
    assert [c.path for c in _articles(doc)] == [("第一章", "第一条"), ("第三章", "第二条")]


def test_policy_documents_are_not_statutes():
    notice = "国务院关于印发某办法的通知\n国发〔2018〕41号\n各省、自治区、直辖市人民政府：\n现将办法印发给你们。\n第一条 甲。\n第二条 乙。\n"
    assert not looks_like_statute(notice)
    order = "中华人民共和国国务院令\n第707号\n现公布《某条例》。\n2018年12月18日\n第一条 甲。\n第二条 乙。\n"
    assert not looks_like_statute(order)


def test_whole_lawrefbook_corpus_article_counts():
    """≥99% of files: parsed 第X条 clauses equal the manifest's count of article lines."""
    manifest = LAWS / "manifest.jsonl"
    if not manifest.exists():
        pytest.skip("shared corpus lawrefbook-laws not present")
    from corpus.sources import read_source

    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    # All 2,585 files (43 MB) parse in about 2 s, so DLC/ stays in.
    mismatches = []
    for row in rows:
        path = LAWS / row["path"]
        doc = parse_statute(read_source(path), str(path))
        if len(_articles(doc)) != row["articles"]:
            mismatches.append(row["path"])
    assert len(rows) > 1000
    assert 1 - len(mismatches) / len(rows) >= 0.99, mismatches[:20]
