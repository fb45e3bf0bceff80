"""Issue identity of a gazette: header lines read, merged across pages, and the issue date of undated sections."""
import pytest

from corpus.gazette import parse_gazette
from corpus.issue import IssueInfo, match_header, merge
from corpus.parse import default_sources

BUNDLED_HEADER = "温州市人民政府公报（总第203期） 文件发布"


@pytest.fixture(scope="module")
def text():
    return default_sources()[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("line, parts", [
    (BUNDLED_HEADER, ("温州市人民政府公报", None, None, 203, None, "文件发布")),
    ("温州市人民政府公报 2019年第7期（总第203期）", ("温州市人民政府公报", 2019, 7, 203, None, None)),
    ("浙江省人民政府公报 2019年第20期 总第1234期", ("浙江省人民政府公报", 2019, 20, 1234, None, None)),
    ("温州市人民政府公报（2019年第七期）", ("温州市人民政府公报", 2019, 7, None, None, None)),
    ("中华人民共和国国务院公报 2019年第20号", ("中华人民共和国国务院公报", 2019, 20, None, None, None)),
    ("温州市人民政府公报 2019年第7期 2019年7月20日出版", ("温州市人民政府公报", 2019, 7, None, "2019-07-20", None)),
    ("2019年7月15日出版", (None, None, None, None, "2019-07-15", None)),
    ("2019年第7期", (None, 2019, 7, None, None, None)),
])
def test_header_lines(line, parts):
    h = match_header(line)
    assert (h.name, h.year, h.number, h.total, h.date, h.section) == parts


@pytest.mark.parametrize("line", [
    "2019年第二场市直部门督政汇报会",  # a news title from the bundled issue
    "国家税务总局公告2019年第1号",  # an announcement's number
    "2019年第1号",
    "本期共有文件3件 总第5期",
    "温州市人民政府公报",  # the name alone says nothing about the issue
    "根据《温州市人民政府公报》（总第203期）刊登的通知，现将有关事项通知如下：",
])
def test_body_lines_are_not_headers(line):
    assert match_header(line) is None


def test_display_form_shows_only_printed_parts():
    full = IssueInfo("温州市人民政府公报", 2019, 7, "期", 203)
    assert full.display() == "温州市人民政府公报 2019年第7期（总第203期）"
    assert IssueInfo("温州市人民政府公报", total=203).display() == "温州市人民政府公报（总第203期）"
    assert IssueInfo("温州市人民政府公报", 2019, 7).display() == "温州市人民政府公报 2019年第7期"
    assert IssueInfo().display() is None


def test_parts_printed_on_different_pages_merge():
    info = merge([match_header("温州市人民政府公报 2019年第7期"), match_header("温州市人民政府公报（总第203期） 政务简讯"),
                  match_header("温州市人民政府公报 2019年第7期")])
    assert info.display() == "温州市人民政府公报 2019年第7期（总第203期）"


def test_bundled_issue_every_document_has_issue_and_month(text):
    docs = parse_gazette(text, "wenzhou.txt")
    assert {d.gazette_issue for d in docs} == {"温州市人民政府公报（总第203期）"}
    # Only 总第203期 is printed; the month comes from the issue's 7月份 sections, for dated and undated documents.
    assert {d.issue_date for d in docs} == {"2019-07"}
    undated = {d.kind for d in docs if d.date is None}
    assert {"appointments", "chronicle", "statistics", "captions"} <= undated


def test_reprinted_header_changes_only_the_issue(text):
    a = parse_gazette(text, "a.txt")
    changed = text.replace(BUNDLED_HEADER, "温州市人民政府公报 2019年第8期（总第204期） 文件发布\n2019年8月15日出版")
    b = parse_gazette(changed, "b.txt")
    assert {d.gazette_issue for d in b} == {"温州市人民政府公报 2019年第8期（总第204期）"}
    assert {d.issue_date for d in b} == {"2019-08-15"}  # a printed date wins over the inferred month
    assert [(d.doc_number, d.clauses) for d in a] == [(d.doc_number, d.clauses) for d in b]
    assert b[0].title == "温州市人民政府公报 2019年第8期（总第204期）图片新闻"
    for doc in b:  # the header and the date line are page furniture, never clause text
        assert not any("总第204期" in c.text or "出版" in c.text for c in doc.clauses)
