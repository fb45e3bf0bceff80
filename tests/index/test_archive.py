"""An archive of issues: two printings of the bundled gazette and a later notice that repeals one document."""
from __future__ import annotations

import json

import pytest

from assistant.cli import main
from corpus.parse import default_sources
from index.build import build_index
from index.embed import FakeEmbedder
from index.query import Filters
from index.search import load_index

HEADER = "温州市人民政府公报（总第203期） 文件发布"
I203 = "温州市人民政府公报 2019年第7期（总第203期）"
I204 = "温州市人民政府公报 2019年第8期（总第204期）"
N49 = "温政办〔2019〕49号"
N88 = "温政办〔2019〕88号"
REPEAL = """温州市人民政府办公室关于印发温州市社会办医扶持办法的通知
温政办〔2019〕88号
各县（市、区）人民政府，市政府直属各单位：
《温州市社会办医扶持办法》已经市政府同意，现印发给你们，请认真贯彻执行。本通知自2019年10月1日起施行，《温州市人民政府办公室关于支持社会力量提供多层次多样化医疗服务的实施意见》（温政办〔2019〕49号）同时废止。
温州市人民政府办公室
2019年9月20日
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Source files: issue 203, its reprint as issue 204 (printed 2019-08-15), and the repealing notice."""
    folder = tmp_path_factory.mktemp("archive")
    text = default_sources()[0].read_text(encoding="utf-8")
    assert text.count(HEADER) == 1
    files = {
        "203": folder / "issue-203.txt",
        "204": folder / "issue-204.txt",
        "88": folder / "notice-88.txt",
    }
    files["203"].write_text(text.replace(HEADER, f"{I203} 文件发布"), encoding="utf-8")
    files["204"].write_text(text.replace(HEADER, f"{I204} 文件发布\n2019年8月15日出版"), encoding="utf-8")
    files["88"].write_text(REPEAL, encoding="utf-8")
    return files


def _fake():
    return FakeEmbedder(dim=64, max_chars=126, name="fake-64")


def _build(files, index_dir, embedder=None):
    return build_index([str(f) for f in files], index_dir, "fake-64", embedder=embedder or _fake(), progress=False)


@pytest.fixture(scope="module")
def built(archive, tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("idx") / "index"
    _build([archive["203"], archive["204"], archive["88"]], index_dir)
    return index_dir


def _searcher(index_dir):
    return load_index(index_dir, embedder=_fake())


def test_citations_carry_issue_reprint_and_repeal(built):
    hits = _searcher(built).search("社会办医疗机构配置大型医用设备 温政办〔2019〕49号", k=40)
    h49 = [h for h in hits if h.doc_number == N49]
    assert h49, "the numbered document comes first"
    for h in h49:
        assert h.gazette_issue == I203 and h.issue_date == "2019-07"  # the first printing is the one shown
        assert h.sources == (I203, I204)  # both printings listed
        assert h.repealed_by == N88
        assert h.effective_until == "2024-12-31"
        assert h.to_json()["sources"] == [I203, I204]
    # The reprint is one document: no clause comes twice.
    keys = [(h.doc_number, h.title, h.path) for h in hits]
    assert len(keys) == len(set(keys))
    assert not any(h.repealed_by for h in hits if h.doc_number not in (N49,))


def test_undated_sections_have_issue_dates_and_date_filters_use_them(built):
    searcher = _searcher(built)
    july = searcher.search("市政府人事任免 任命 副主任", k=10, filters=Filters(date_from="2019-07-01", date_to="2019-07-31"))
    appointments = [h for h in july if h.kind == "appointments"]
    assert appointments and all(h.date is None and h.issue_date == "2019-07" for h in appointments)
    june = searcher.search("市政府人事任免 任命 副主任", k=10, filters=Filters(date_to="2019-06-30"))
    assert not [h for h in june if h.kind == "appointments"]


@pytest.mark.parametrize("issue, shown", [("203", I203), ("2019年第7期", I203), ("总第204期", I204), ("204", I204)])
def test_issue_filter(built, issue, shown):
    hits = _searcher(built).search("温州市 政府 通知", k=20, filters=Filters(issue=issue))
    assert hits
    assert all(h.gazette_issue == shown or shown in h.sources for h in hits)


def test_unknown_issue_finds_nothing(built):
    assert _searcher(built).search("温州市 政府 通知", k=5, filters=Filters(issue="205")) == []


def test_cli_issue_filter_and_parse_json(built, archive, capsys):
    assert main(["search", "医疗服务", "-k", "5", "--index", str(built), "--issue", "2019年第8期", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert hits and all(h["gazette_issue"] == I204 or I204 in h["sources"] for h in hits)
    assert main(["parse", str(archive["88"]), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out.splitlines()[0])
    assert doc["doc_number"] == N88 and doc["repeals"] == [N49]
    assert doc["effective_from"] == "2019-10-01" and doc["gazette_issue"] is None
    assert main(["parse", str(archive["204"]), "--json"]) == 0
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {d["gazette_issue"] for d in docs} == {I204} and {d["issue_date"] for d in docs} == {"2019-08-15"}


def test_cli_ask_issue_filter(built, capsys):
    assert main(["ask", "开诊所有什么补贴？", "--index", str(built), "--issue", "205", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["abstained"] is True
    assert main(["ask", "开诊所有什么补贴？", "--index", str(built), "--date-from", "2019-13-01"]) == 2  # usage: bad filter value
    assert "date_from" in capsys.readouterr().err


def test_adding_and_removing_issues(archive, tmp_path):
    index_dir = tmp_path / "index"
    first = _build([archive["203"]], index_dir)
    adding = _fake()
    added = _build([archive["203"], archive["204"], archive["88"]], index_dir, adding)
    # A reprint's clauses have the same text and context: only the new captions title and the notice are embedded.
    assert added.reused >= first.vectors - 10 and 0 < adding.embedded < first.vectors // 4

    # Without issue 203, its reprint in 204 is the document shown, with one source and still repealed.
    _build([archive["204"], archive["88"]], index_dir)
    searcher = _searcher(index_dir)
    assert not any(r.gazette_issue == I203 for r in searcher.records)
    hits = [h for h in searcher.search("温政办〔2019〕49号 社会办医", k=20) if h.doc_number == N49]
    assert hits and all(h.gazette_issue == I204 and h.sources == () and h.repealed_by == N88 for h in hits)

    # Without the notice, nothing is repealed any more.
    _build([archive["204"]], index_dir)
    searcher = _searcher(index_dir)
    assert not any(r.repealed_by for r in searcher.records)


def _records(*docs):
    from corpus.model import Clause, Document
    from index.store import records_from_documents

    out = []
    for n, (number, title, text, issue, month, repeals) in enumerate(docs):
        doc = Document(source=f"{n}.txt", title=title, kind="normative", doc_number=number, issuer="温州市人民政府办公室",
                       clauses=(Clause(("一",), "一", None, text),), gazette_issue=issue, issue_date=month,
                       repeals=repeals)
        out += records_from_documents([doc], f"{n}.txt", len(out), n)
    return out


def test_corrected_version_is_shown_and_same_title_with_other_text_is_not_a_reprint():
    from index.archive import link

    linked = link(_records(
        (N49, "实施意见", "补助不超过10%。", I203, "2019-07", ()),
        (N49, "实施意见", "补助不超过20%。", I204, "2019-08", ()),  # a corrected version
        (None, "7月份市政府人事任免", "任命甲为主任。", I203, "2019-07", ()),
        (None, "7月份市政府人事任免", "任命乙为主任。", "温州市人民政府公报（总第215期）", "2020-07", ()),
    ))
    assert [r.duplicate_of for r in linked] == [1, None, None, None]
    assert linked[1].sources == (I203, I204) and linked[2].sources == ()


def test_a_repeal_never_reaches_back_to_a_later_document():
    from index.archive import link

    linked = link(_records(
        (N88, "通知", "《实施意见》同时废止。", I203, "2019-07", ("实施意见",)),
        (N49, "实施意见", "补助不超过10%。", I204, "2019-08", ()),  # printed after the repeal: another document
        ("温政办〔2018〕1号", "温州市人民政府办公室关于印发实施意见的通知", "现印发。", I204, "2019-08", ()),
    ))
    assert [r.repealed_by for r in linked] == [None, None, None]
    linked = link(_records(
        ("温政办〔2018〕1号", "温州市人民政府办公室关于印发实施意见的通知", "现印发。", I203, "2019-07", ()),
        (N88, "通知", "《实施意见》同时废止。", I204, "2019-08", ("实施意见",)),
    ))
    assert [r.repealed_by for r in linked] == [N88, None]  # named by the title its 印发 notice issues
