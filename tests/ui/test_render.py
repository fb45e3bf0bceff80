"""HTML rendering: chips, highlighting, and escaping of everything typed or ingested."""
from __future__ import annotations

import json
from html.parser import HTMLParser

from assistant.answer.types import Answer, Citation
from assistant.ui import render
from assistant.ui.render import ChatTurn
from index.store import ClauseRecord

N49 = "温政办〔2019〕49号"
T49 = "温州市人民政府办公室关于支持社会力量提供多层次多样化医疗服务的实施意见"
TEXT = ("取消个体诊所具体数量和布局的限制，社会办中医诊所实行备案制。二级及以下医疗机构的设置审批和执业登记实施“两证合一”，"
        "实行直接执业登记。")
QUOTE = "取消个体诊所具体数量和布局的限制，社会办中医诊所实行备案制。"
XSS = '<img src=x onerror=alert(1)><script>alert("x")</script>'


def record(text=TEXT, title=T49, heading="放宽市场准入与设备配置", clause_id=11, path=("三", "（一）"), label="三、（一）"):
    return ClauseRecord(clause_id, "f", "wenzhou.txt", 3, N49, title, "normative", "温州市人民政府办公室", "2019-07-11",
                        path, label, heading, "三 支持政策与措施 › （一） 放宽市场准入与设备配置", text, "h")


def answer(question="个体诊所有数量限制吗？", quote=QUOTE, title=T49):
    c = Citation(1, 11, N49, title, ("三", "（一）"), "三、（一）", quote, "wenzhou.txt")
    text = f"根据《{title}》（{N49}）三、（一）：“{quote}”[1]"
    return Answer(question, text, False, (c,), ())


class Tags(HTMLParser):
    """Every start tag and its attributes, as a browser's parser would see them."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_marker_becomes_chip_with_doc_number_and_label():
    html = render.conversation_html([ChatTurn("个体诊所有数量限制吗？", answer())])
    chips = [a for t, a in Tags(html).tags if t == "button" and a.get("class") == "cite-chip"]
    assert chips and all(c["data-action"] == "cite:0:1" for c in chips)
    assert f"[1] {N49} 三、（一）" in html
    assert "[1]</div>" not in html  # the raw marker is replaced


def test_question_and_document_text_are_escaped():
    evil = answer(question=XSS, quote=QUOTE, title=f"标题{XSS}")
    html = render.conversation_html([ChatTurn(XSS, evil), ChatTurn(XSS, error=XSS), ChatTurn(XSS)])
    html += render.evidence_html(record(text=f"{XSS}{TEXT}", title=XSS, heading=XSS), evil.citations[0], "doc:0:1")
    html += render.document_html([record(text=XSS, title=XSS, heading=XSS)], 11, XSS)
    html += render.table_html([XSS], [[XSS]])
    tags = {t for t, _ in Tags(html).tags}
    assert "img" not in tags and "script" not in tags
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not any(k.startswith("on") for _, attrs in Tags(html).tags for k in attrs)


def test_copy_button_carries_answer_and_citations():
    html = render.conversation_html([ChatTurn("q", answer())])
    copy = next(a["data-copy"] for t, a in Tags(html).tags if t == "button" and "data-copy" in a)
    assert copy.startswith("根据《")
    assert f"【1】{N49} 《{T49}》三、（一）：{QUOTE}" in copy


def test_evidence_marks_the_quote_and_shows_metadata():
    html = render.evidence_html(record(), answer().citations[0], "doc:0:1")
    assert f"<mark>{QUOTE}</mark>" in html
    for text in (N49, "温州市人民政府办公室", "2019-07-11", "放宽市场准入与设备配置", "规范性文件"):
        assert text in html
    assert 'data-action="doc:0:1"' in html


def test_document_focuses_the_clause():
    other = record(text="别的条款。", clause_id=12, path=("三", "（二）"), label="三、（二）", heading=None)
    html = render.document_html([record(), other], 11, QUOTE)
    assert 'class="gz-doc-clause gz-depth-2 gz-focus" id="gz-clause-11"' in html
    assert html.count("<mark>") == 1


def test_empty_states_are_chinese():
    assert "请在下方输入问题" in render.conversation_html([])
    assert "点击回答中的引用标签" in render.evidence_html(None)


# -- the page's checklist (issue 11): pure rendering ------------------------------------------------------------------
from dataclasses import replace  # noqa: E402

from assistant.ui import saved  # noqa: E402
from assistant.ui.hints import language_hint  # noqa: E402
from assistant.ui.service import DocumentInfo, coverage_of  # noqa: E402
from assistant.ui.validity import date_shown, validity  # noqa: E402
from index.hits import ClauseHit  # noqa: E402

SECOND = "二级及以下医疗机构的设置审批和执业登记实施“两证合一”，实行直接执业登记。"


def two_quotes_one_clause():
    c1 = Citation(1, 11, N49, T49, ("三", "（一）"), "三、（一）", QUOTE, "wenzhou.txt")
    c2 = Citation(2, 11, N49, T49, ("三", "（一）"), "三、（一）", SECOND, "wenzhou.txt")
    text = f"根据《{T49}》（{N49}）三、（一）：“{QUOTE}”[1]\n同一文件三、（一）：“{SECOND}”[2]"
    return Answer("q", text, False, (c1, c2), ())


def chips(html):
    return [a for t, a in Tags(html).tags if t == "button" and "cite-chip" in a.get("class", "")]


def test_one_labelled_chip_per_clause():
    html = render.conversation_html([ChatTurn("q", two_quotes_one_clause())])
    sources = html[html.index('class="gz-sources"'):]
    assert sources.count(f"{N49} 三、（一）") == 1  # the citation list names the clause once
    body = html[html.index('class="gz-text"', html.index("gz-bot")):html.index('class="gz-sources"')]
    assert body.count(f"{N49} 三、（一）") == 1 and "[2]</button>" in body  # the repeat is a compact [2]
    assert [c["data-action"] for c in chips(html)] == ["cite:0:1", "cite:0:2", "cite:0:1"]


def hit(clause_id, label="三、（二）", heading="扶持全科诊所发展"):
    return ClauseHit(1, 0.5, clause_id, N49, T49, ("三", "（二）"), label, heading, TEXT, "wenzhou.txt")


def test_refusal_names_related_clauses_as_chips_and_an_active_filter():
    text = "已收录的公报中没有找到与该问题直接相关的规定。\n可能相关：\n1. 《x》 三、（二） 扶持全科诊所发展"
    refusal = Answer("q", text, True, (), (hit(12), hit(12), hit(13, "三、（三）")))
    html = render.conversation_html([ChatTurn("q", refusal, filters="类别：人事任免")])
    assert [c["data-action"] for c in chips(html)] == ["rel:0:12", "rel:0:13"]
    assert "1. 《x》" not in html.split("data-copy")[0]  # the plain list is replaced by the chips
    assert "限定了范围（类别：人事任免）" in html
    assert "限定了范围" not in render.conversation_html([ChatTurn("q", refusal)])


def test_vote_is_shown_as_selected():
    html = render.conversation_html([ChatTurn("q", answer(), vote="down")])
    votes = {a["data-action"]: a for t, a in Tags(html).tags if t == "button" and "gz-fb" in a.get("class", "")}
    assert votes["fb:0:down"]["aria-pressed"] == "true" and "gz-selected" in votes["fb:0:down"]["class"]
    assert votes["fb:0:up"]["aria-pressed"] == "false"


def test_validity_badges():
    assert validity("2020-12-31", on="2026-01-15").text == "已到期（有效期至2020-12-31）"
    assert validity("2030-12-31", on="2026-01-15").text == "有效期至2030-12-31"
    assert not validity("2030-12-31", on="2026-01-15").ended
    assert validity("2026-01", on="2026-01-15").ended is False  # a month lasts to its end
    assert validity(None, on="2026-01-15") is None and validity("不详", on="2026-01-15") is None
    assert validity(None, "温政发〔2021〕1号").text == "已废止（温政发〔2021〕1号）"
    expired = replace(record(), effective_until="2020-12-31")
    html = render.conversation_html([ChatTurn("q", answer())], {11: expired}, "2026-01-15")
    assert "已到期" in html
    assert "已到期" not in render.conversation_html([ChatTurn("q", answer())], {11: record()}, "2026-01-15")
    assert "已到期（有效期至2020-12-31）" in render.evidence_html(expired, answer().citations[0], today="2026-01-15")


def test_undated_items_show_the_issue_month():
    undated = replace(record(), date=None, issue_date="2019-07")
    assert date_shown(undated) == "2019年7月（所载公报期）"
    assert date_shown(replace(undated, issue_date=None)) == "未注明"
    assert "2019年7月" in render.evidence_html(undated)


def test_direct_answer_is_bold_above_the_quotes():
    a = answer()
    direct = "取消个体诊所具体数量和布局的限制"
    # Its own first line, with its marker: that line is bold, chip included.
    first = replace(a, text=f"{direct}[1]\n{a.text}", direct_answer=direct)
    html = render.conversation_html([ChatTurn("q", first)])
    lead = html[html.index('<div class="gz-direct"><strong>'):]
    assert lead.index(direct) < lead.index("cite-chip") < lead.index("</strong>") < lead.index("根据《")
    # Only inside a longer quote: the span is shown bold above it.
    inside = replace(a, direct_answer=direct)
    html = render.conversation_html([ChatTurn("q", inside)])
    assert f'<div class="gz-direct"><strong>{direct}</strong></div>' in html
    assert html.index("gz-direct") < html.index("cite-chip")
    assert "gz-direct" not in render.conversation_html([ChatTurn("q", a)])


def test_filter_tags_are_removable_and_escaped():
    html = render.filter_tags_html([("kind", "类别", XSS)])
    assert 'data-action="unfilter:kind"' in html and "<img" not in html
    assert render.filter_tags_html([]) == ""


def test_language_hint_for_questions_not_in_chinese():
    assert "请用中文提问" in language_hint("Can I open a private clinic?")
    assert "Please ask in Chinese" in language_hint("Bonjour, où est la mairie ?")
    assert language_hint("温政办〔2019〕49号 PDF 在哪里？") is None
    assert language_hint("49?") is None


def test_coverage_names_issues_and_counts():
    docs = [DocumentInfo(0, N49, T49, None, "2019-07-11", "normative", "温州市人民政府公报 总第203期", "2019-07"),
            DocumentInfo(1, None, "人事任免", None, None, "appointments", "温州市人民政府公报 总第203期", "2019-07"),
            DocumentInfo(2, None, "某条例", None, None, "statute")]
    html = render.coverage_html(coverage_of(docs, 40))
    assert "温州市人民政府公报 总第203期（2019年7月），2 份文件" in html
    assert "其他文件 1 份" in html and "共 3 份文件、40 个条款" in html and "回答只依据" in html


def test_document_list_and_dialog():
    docs = [DocumentInfo(3, N49, f"标题{XSS}", "温州市人民政府办公室", "2019-07-11", "normative",
                         effective_until="2020-12-31")]
    html = render.documents_html(docs, "2026-01-15")
    assert 'data-action="open:3"' in html and "已到期（有效期至2020-12-31）" in html and "<img" not in html
    dialog = render.document_html([record()], 11, QUOTE)
    assert 'role="dialog"' in dialog and 'data-action="askclause:11"' in dialog and 'data-jump="11"' in dialog


def test_saved_conversation_round_trip_and_checks():
    records = {11: record()}
    turns = [ChatTurn("q1", answer(), vote="up", feedback_id=3, filters="类别：通知"), ChatTurn("q2", notice="提示"),
             ChatTurn("q3")]  # the last is still being answered: not kept
    back = saved.from_json(saved.to_json(turns), records)
    assert [t.question for t in back] == ["q1", "q2"]
    assert back[0].answer.citations == answer().citations and back[0].vote == "up"
    assert back[0].filters == "类别：通知" and back[1].notice == "提示"
    # A quote no longer in its clause, or a clause no longer in the index, is dropped; junk is ignored.
    data = json.loads(saved.to_json(turns[:1]))
    data[0]["answer"]["citations"][0]["quote"] = "不在条款中的话"
    assert saved.from_json(json.dumps(data), records)[0].answer.citations == ()
    assert saved.from_json(saved.to_json(turns), {}) [0].answer.citations == ()
    for junk in ("", "{", "[1, {}]", '{"a": 1}', json.dumps([{"question": XSS, "answer": {"text": 5}}])):
        assert all(isinstance(t, ChatTurn) for t in saved.from_json(junk, records))
    # Renumbered clause ids (a rebuilt index) are found again by document and path.
    moved = {40: replace(record(), clause_id=40)}
    assert saved.from_json(saved.to_json(turns[:1]), moved)[0].answer.citations[0].clause_id == 40


def test_saved_conversation_keeps_the_direct_answer():
    a = replace(answer(), direct_answer="取消个体诊所具体数量和布局的限制")
    back = saved.from_json(saved.to_json([ChatTurn("q", a)]), {11: record()})
    assert back[0].answer.direct_answer == "取消个体诊所具体数量和布局的限制"


def test_citation_metadata_alone_gives_the_badge():
    cited = replace(answer(), citations=(replace(answer().citations[0], effective_until="2021-12-31"),))
    assert "已到期" in render.conversation_html([ChatTurn("q", cited)], today="2026-01-15")
