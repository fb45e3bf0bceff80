"""Periods of validity and repeals, on real excerpts: the bundled gazette, State Council documents, statutes."""
import json
from pathlib import Path

import pytest

from corpus.parse import default_sources, parse_file
from corpus.repeals import repeals_in
from corpus.validity import validity

GOVCN = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "govcn-policy-sample"


@pytest.fixture(scope="module")
def bundled():
    return {d.doc_number: d for d in parse_file(default_sources()[0]) if d.doc_number}


def test_bundled_gazette_periods(bundled):
    got = {n: (d.effective_from, d.effective_until) for n, d in bundled.items()}
    assert got == {
        "温政办〔2019〕47号": (None, None),  # a year's plan prints no period of validity
        "温政办〔2019〕48号": ("2019-01-01", "2021-12-31"),  # …行动计划（2019-2021年）的通知
        "温政办〔2019〕49号": (None, "2024-12-31"),  # 本政策有效期至2024年12月31日
        "温政办〔2019〕50号": ("2019-01-01", "2021-12-31"),  # …行动方案（2019—2021年）的通知
        "温人社发〔2019〕105号": ("2019-08-01", None),  # 本通知自2019年8月1日起施行
        "温财企〔2019〕491号": ("2019-07-02", "2020-12-31"),  # 自印发之日起施行 = the notice's date
    }
    assert not any(d.repeals for d in bundled.values())


@pytest.mark.parametrize("title, text, doc_date, expected", [
    ("x", "本《细则》自印发之日起施行，有效期至2020年12月31日。", "2019-07-02", ("2019-07-02", "2020-12-31")),
    ("x", "本办法自2020年1月1日起实施，有效期5年。", None, ("2020-01-01", "2024-12-31")),
    ("x", "本方案自2019年9月起实施，有效期三年。", None, ("2019-09-01", "2022-08-31")),
    ("x", "本政策有效期自2019年1月1日至2021年12月31日。", None, ("2019-01-01", "2021-12-31")),
    ("x", "本办法自发布之日起30日后施行。", "2019-01-01", ("2019-01-31", None)),
    ("x", "本通知自二〇一九年八月一日起施行。", None, ("2019-08-01", None)),
    # govcn 58_国令第706号: the order publishes the regulation and its date.
    ("x", "《专利代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的《专利代理条例》公布，自2019年3月1日起施行。",
     None, ("2019-03-01", None)),
    # Not the document's own period: a licence's term, a tax measure, another law, an approved plan.
    ("x", "省级文化部门核发的批准文件在有效期内可一证多批使用，许可证有效期为5年。", "2019-01-01", (None, None)),
    ("x", "自2019年1月1日起可继续免征五年企业所得税。", None, (None, None)),
    ("x", "《中华人民共和国民法典》自2021年1月1日起施行。", None, (None, None)),
    ("x", "《温州市某条例》自2019年1月1日起施行，有效期5年。", None, (None, None)),
    ("国务院关于河北雄安新区总体规划（2018—2035年）的批复", "", "2018-12-25", (None, None)),
    ("x", "土地使用期限自口岸启用之日起至2047年6月30日止。", None, (None, None)),
])
def test_validity_sentences(title, text, doc_date, expected):
    v = validity(title, [text], doc_date)
    assert (v.effective_from, v.effective_until) == expected


@pytest.mark.parametrize("text, expected", [
    ("自本通知印发之日起，《国务院办公厅关于对真抓实干成效明显地方加大激励支持力度的通知》（国办发〔2016〕82号）停止执行。",
     ("国办发〔2016〕82号",)),
    ("1990年12月24日国务院发布、1994年10月9日国务院修订发布的《行政复议条例》同时废止。", ("行政复议条例",)),
    ("第六十二条 本条例自2022年7月1日起施行，《深圳经济特区建筑节能条例》同时废止", ("深圳经济特区建筑节能条例",)),
    ("本法自公布之日起施行，《中华人民共和国民事诉讼法（试行）》同时废止", ("中华人民共和国民事诉讼法（试行）",)),
    ("《温州市A办法》（温政发〔2010〕1号）、《温州市B办法》（温政发〔2011〕第002号）同时废止。",
     ("温政发〔2010〕1号", "温政发〔2011〕2号")),
    ("原温政办〔2017〕12号文件同时废止。", ("温政办〔2017〕12号",)),
    ("《温州市某规定》第五条停止执行。", ()),  # one provision, not the document
    ("拟废止《温州市某规定》。", ()),  # a plan to repeal
    ("国务院根据需要，适时提出法律议案、制定行政法规，修改或废止不相适应的行政法规。", ()),
    ("原有关规定同时废止。", ()),
])
def test_repeals(text, expected):
    assert repeals_in(text) == expected


def test_a_repeal_named_only_in_the_title():
    from corpus.model import Clause, Document
    from corpus.repeals import document_repeals

    doc = Document(source="x", title="温州市人民政府关于废止《温州市城市房屋拆迁管理办法》的决定", kind="normative",
                   clauses=(Clause((), "导语", None, "经市政府研究，决定予以废止。本决定自公布之日起施行。"),))
    assert document_repeals(doc) == ("温州市城市房屋拆迁管理办法",)


# Read by hand from each file of the sample (every sentence with 施行/实施/执行/有效期/废止/停止执行 and every title
# with a period); documents not listed print no period and repeal nothing. 41 takes effect when issued: its date.
GOVCN_TRUTH = {
    "docs/32_国发〔2018〕41号.txt": ("2019-01-01", None, ()),
    "docs/33_国令第707号.txt": ("2019-01-01", None, ()),
    "docs/37_国办发〔2018〕117号.txt": (None, None, ("国办发〔2016〕82号",)),
    "docs/41_国办函〔2005〕57号.txt": ("written_date", None, ()),
    "docs/58_国令第706号.txt": ("2019-03-01", None, ()),
}


@pytest.mark.skipif(not GOVCN.is_dir(), reason="../shared/corpora/govcn-policy-sample is absent")
def test_govcn_periods_and_repeals_match_the_hand_labels():
    wrong = []
    rows = [json.loads(line) for line in (GOVCN / "metadata.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        (doc,) = parse_file(GOVCN / row["file"])
        start, until, repeals = GOVCN_TRUTH.get(row["file"], (None, None, ()))
        if start == "written_date":
            start = row["written_date"].replace("年", "-").replace("月", "-").replace("日", "")
        if (doc.effective_from, doc.effective_until, doc.repeals) != (start, until, repeals):
            wrong.append((row["file"], doc.effective_from, doc.effective_until, doc.repeals))
    assert len(rows) == 60 and wrong == []
