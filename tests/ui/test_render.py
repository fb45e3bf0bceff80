"""HTML rendering: chips, highlighting, and escaping of everything typed or ingested."""
from __future__ import annotations

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
