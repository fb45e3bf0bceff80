"""The chat page as a resident uses it, at 1400×900 and 390×844, in headless chromium against `gazette serve` over
the bundled gazette (fake embedder, low abstention threshold: fast, and the page is what is tested here).
One test per item of the page's checklist; screenshots go to tests/artifacts/ (the ui-*.png ones are committed)."""
from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1400, "height": 900}
MOBILE = {"width": 390, "height": 844}
VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
ANSWERED = "开诊所有什么补贴？"
REFUSED = "加班费怎么算？"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(browser, server, viewport=DESKTOP):
    phone = viewport["width"] < 768
    context = browser.new_context(locale="zh-CN", viewport=viewport, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(server.url + "/")
    page.wait_for_selector("#gz-question textarea", timeout=60_000)
    page.wait_for_selector("#gz-history .gz-hist", state="attached", timeout=30_000)
    return page


@pytest.fixture
def page_at(browser, ui_server):
    pages = []

    def make(viewport=DESKTOP):
        page = open_page(browser, ui_server, viewport)
        pages.append(page)
        return page

    yield make
    for page in pages:
        remote = [u for u in page.requests if not u.startswith(ui_server.url)]
        page.context.close()
        assert remote == [], remote


def ask(page, question: str, n: int = 1, key: str | None = None):
    """Send a question (click, or a key in the box) and wait for the n-th answer."""
    page.fill("#gz-question textarea", question)
    if key:
        page.press("#gz-question textarea", key)
    else:
        page.click("#gz-send")
    page.wait_for_function(
        "n => document.querySelectorAll('#gz-conversation .gz-bot:not(.gz-pending)').length >= n", arg=n,
        timeout=60_000)
    return page.locator("#gz-conversation .gz-bot").nth(n - 1)


def in_viewport(page, selector: str) -> bool:
    box = page.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                        f" return [r.top, r.bottom, r.left, r.right, innerHeight, innerWidth]; }})()")
    top, bottom, left, right, height, width = box
    return top >= 0 and bottom <= height and left >= 0 and right <= width and bottom > top


# -- 1. evidence where the user looks ---------------------------------------------------------------------------------
@VIEWPORTS
def test_chip_shows_evidence_in_view(page_at, viewport, artifacts):
    page = page_at(viewport)
    name = "mobile" if viewport is MOBILE else "desktop"
    answer = ask(page, ANSWERED)
    page.screenshot(path=artifacts / f"ui-chat-{name}.png")
    chip = answer.locator(".gz-sources .cite-chip").first
    chip.scroll_into_view_if_needed()
    chip.tap() if viewport is MOBILE else chip.click()
    page.wait_for_selector("#gz-evidence mark", timeout=20_000)
    page.wait_for_timeout(300)
    assert in_viewport(page, "#gz-evidence mark"), page.evaluate(
        "document.querySelector('#gz-evidence mark').getBoundingClientRect().toJSON()")
    page.screenshot(path=artifacts / f"ui-evidence-{name}.png")
    if viewport is MOBILE:
        page.tap("#gz-evidence .gz-ev-close")
        page.wait_for_function("!document.body.classList.contains('gz-ev-open')")
        assert in_viewport(page, "#gz-conversation .gz-sources .cite-chip")
    else:
        page.evaluate("window.scrollBy(0, 400)")
        page.wait_for_timeout(200)
        assert page.evaluate("window.scrollY") > 0
        top = page.evaluate("document.querySelector('#gz-evidence-col').getBoundingClientRect().top")
        assert 0 <= top < 50, "the evidence panel stays beside the chat when the page scrolls"
        assert in_viewport(page, "#gz-evidence mark")


# -- 2. full document without moving the chat ---------------------------------------------------------------------------
@VIEWPORTS
def test_full_document_opens_over_the_chat(page_at, viewport, artifacts):
    page = page_at(viewport)
    ask(page, ANSWERED).locator(".gz-sources .cite-chip").first.click()
    page.wait_for_selector("#gz-evidence mark", timeout=20_000)
    button = page.locator("#gz-evidence .gz-open-doc")
    button.scroll_into_view_if_needed()
    before = page.evaluate("[window.scrollY, document.querySelector('#gz-conversation .gz-user').getBoundingClientRect().top]")
    button.click()
    page.wait_for_selector("#gz-document .gz-focus mark", timeout=20_000)
    page.wait_for_timeout(300)
    after = page.evaluate("[window.scrollY, document.querySelector('#gz-conversation .gz-user').getBoundingClientRect().top]")
    assert after == before, "opening the document must not scroll the page"
    assert in_viewport(page, "#gz-document .gz-focus mark")
    assert page.locator("#gz-document .gz-doc-clause").count() > 10
    if viewport is DESKTOP:
        assert page.locator("#gz-document .gz-outline a").count() > 5
        page.screenshot(path=artifacts / "ui-document.png")
    page.click("#gz-document .gz-doc-close")
    assert page.locator("#gz-document .gz-modal").is_hidden()
    assert page.evaluate("window.scrollY") == before[0]


# -- 3. refusals lead somewhere -------------------------------------------------------------------------------------
def test_related_items_open_like_citations(page_at):
    page = page_at()
    answer = ask(page, REFUSED)
    assert "没有找到" in answer.inner_text()
    chips = answer.locator(".gz-related-chip")
    assert chips.count() >= 1
    chips.first.click()
    page.wait_for_selector("#gz-evidence .gz-evidence[data-clause]", timeout=20_000)
    clause = page.get_attribute("#gz-evidence .gz-evidence", "data-clause")
    assert chips.first.get_attribute("data-action").endswith(f":{clause}")
    assert page.locator("#gz-evidence .gz-open-doc").count() == 1


# -- 4. Enter sends, Shift+Enter breaks the line ---------------------------------------------------------------------
def test_enter_sends_and_shift_enter_is_a_newline(page_at):
    page = page_at()
    assert "Enter 发送" in page.inner_text("#gz-question")
    box = page.locator("#gz-question textarea")
    box.fill("开诊所")
    box.press("Shift+Enter")
    box.type("有什么补贴？")
    assert box.input_value() == "开诊所\n有什么补贴？"
    page.wait_for_timeout(500)
    assert page.locator("#gz-conversation .gz-user").count() == 0
    box.press("Enter")
    page.wait_for_selector("#gz-conversation .gz-bot:not(.gz-pending)", timeout=60_000)
    assert page.locator("#gz-conversation .gz-user").count() == 1
    assert box.input_value() == ""


# -- 5. every visible word Chinese ---------------------------------------------------------------------------------
ALLOWED_LATIN = {"Enter", "Shift", "CSV", "JSONL", "pdf", "txt", "gazette", "index", "jsonl", "wenzhou", "test"}


def latin_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in ALLOWED_LATIN}


def test_messages_and_labels_are_chinese(page_at):
    page = page_at()
    page.click("#gz-send")  # nothing typed
    page.wait_for_selector("#gz-notice .gz-notice", timeout=20_000)
    assert page.inner_text("#gz-notice") == "请输入问题。"
    page.wait_for_timeout(500)
    assert page.locator("[data-testid=toast-body]").count() == 0
    assert latin_words(page.inner_text("body")) == set()
    for tab in ("docs", "staff"):
        page.click(f'button[data-tab-id="{tab}"]')
        page.wait_for_timeout(300)
        assert latin_words(page.inner_text("body")) == set(), tab


# -- 6. active filters are visible and named in a refusal ---------------------------------------------------------
@VIEWPORTS
def test_active_filters_are_tags_and_named_in_refusals(page_at, viewport):
    page = page_at(viewport)
    page.get_by_text("限定检索范围").click()
    page.click("#gz-filter-kind input")
    page.get_by_role("option", name="人事任免").click()
    page.get_by_text("限定检索范围").click()  # collapse again: the tag still shows the filter
    tag = page.locator("#gz-filter-tags .gz-tag")
    tag.wait_for(timeout=20_000)
    assert "类别：人事任免" in tag.inner_text()
    refused = "杭州市的个体诊所有数量限制吗？"  # no indexed document covers 杭州: refused with or without filters
    answer = ask(page, refused)
    assert "没有找到" in answer.inner_text()
    assert "限定了范围（类别：人事任免）" in answer.locator(".gz-filter-note").inner_text()
    page.click("#gz-filter-tags .gz-tag-x")
    page.wait_for_function("!document.querySelector('#gz-filter-tags .gz-tag')", timeout=20_000)
    assert ask(page, refused, 2).locator(".gz-filter-note").count() == 0


# -- 7. one vote per answer, shown, changeable --------------------------------------------------------------------
def test_feedback_is_one_changeable_vote(page_at, ui_server):
    from assistant.ui.feedback import FeedbackStore

    page = page_at()
    question = "社会办医疗机构能纳入医保定点吗？"
    answer = ask(page, question)
    answer.locator(".gz-fb").first.click()
    page.wait_for_selector("#gz-conversation .gz-fb.gz-selected", timeout=20_000)
    up, down = page.locator("#gz-conversation .gz-fb").nth(0), page.locator("#gz-conversation .gz-fb").nth(1)
    assert up.get_attribute("aria-pressed") == "true" and down.get_attribute("aria-pressed") == "false"
    up.click()
    down.click()
    page.wait_for_function("document.querySelectorAll('#gz-conversation .gz-fb')[1].getAttribute('aria-pressed') === 'true'",
                           timeout=20_000)
    assert up.get_attribute("aria-pressed") == "false"
    rows = [f for f in FeedbackStore(ui_server.data_dir / "feedback.sqlite3").list() if f.question == question]
    assert [f.rating for f in rows] == ["down"]


# -- 8. one chip per clause ------------------------------------------------------------------------------------------
def test_one_labelled_chip_per_clause(page_at, ui_server, fake_clause_pair):
    page = page_at()
    state, label = fake_clause_pair
    page.evaluate("s => { localStorage.setItem('gz-conv:dup', s); localStorage.setItem('gz-current', 'dup'); }", state)
    page.reload()
    page.wait_for_selector("#gz-conversation .gz-bot", timeout=30_000)
    texts = page.locator("#gz-conversation .gz-sources .cite-chip").all_inner_texts()
    assert len(texts) == 1 and label in texts[0]
    inline = page.locator("#gz-conversation .gz-text .cite-chip").all_inner_texts()
    assert len(inline) == 2 and sum(label in t for t in inline) == 1


@pytest.fixture(scope="module")
def fake_clause_pair(ui_index):
    """A stored conversation whose answer quotes two sentences of one clause (as the answer stage may)."""
    from index.store import read_records

    record = next(r for r in read_records(ui_index / "clauses.jsonl") if r.doc_number and r.text.count("。") >= 3)
    first, second = [s + "。" for s in record.text.split("。")[:2]]
    cite = {"doc_number": record.doc_number, "title": record.title, "path": list(record.path), "label": record.label,
            "clause_id": record.clause_id, "source": record.source}
    text = f"根据《{record.title}》（{record.doc_number}）{record.label}：“{first}”[1]\n同一文件{record.label}：“{second}”[2]"
    state = [{"question": "测试问题", "answer": {"text": text, "abstained": False, "citations": [
        {**cite, "marker": 1, "quote": first}, {**cite, "marker": 2, "quote": second}], "related": []}}]
    return json.dumps(state, ensure_ascii=False), f"{record.doc_number} {record.label}"


# -- 9. staff tab layout -----------------------------------------------------------------------------------------------
@VIEWPORTS
def test_staff_tab_layout(page_at, viewport, artifacts):
    page = page_at(viewport)
    page.click('button[data-tab-id="staff"]')
    page.wait_for_selector("#gz-eval-run")
    assert page.locator("#gz-eval-csv").is_hidden() and page.locator("#gz-fb-file").is_hidden()
    if viewport is MOBILE:
        text_right, arrow_left = page.evaluate("""(() => {
          const input = document.querySelector('#gz-eval-set input'), r = input.getBoundingClientRect();
          const icon = document.querySelector('#gz-eval-set .icon-wrap').getBoundingClientRect();
          return [r.right - parseFloat(getComputedStyle(input).paddingRight), icon.left];  // where text can reach
        })()""")
        assert text_right <= arrow_left, "the set name must not run under the dropdown arrow"
    page.fill("#gz-eval-limit input", "3")
    page.click("#gz-eval-run")
    page.wait_for_selector("#gz-eval-csv:visible", timeout=120_000)
    assert page.locator("#gz-eval-table tbody tr").count() == 3
    boxes = page.evaluate("""['#gz-eval-progress', '#gz-eval-metrics'].map(s => {
        const r = document.querySelector(s).getBoundingClientRect(); return [r.top, r.bottom]; })""")
    assert boxes[0][1] <= boxes[1][0] + 1, "progress text sits above the metric cards, not over them"
    # Column headers stay on one line (no 用/户/类/型).
    heights = page.evaluate("""[...document.querySelectorAll('#gz-eval-table th')].map(th => {
        const lh = parseFloat(getComputedStyle(th).fontSize) * 2.2; return th.getBoundingClientRect().height <= lh + 8; })""")
    assert all(heights)
    page.screenshot(path=artifacts / f"ui-staff-{'mobile' if viewport is MOBILE else 'desktop'}.png", full_page=True)


# -- 10. undated items show the issue month -----------------------------------------------------------------------
def test_undated_items_show_the_issue_month(page_at):
    page = page_at()
    page.click('button[data-tab-id="docs"]')
    row = page.locator("#gz-docs tbody tr", has_text="人事任免").first
    assert "2019年7月" in row.inner_text() and "未注明" not in page.inner_text("#gz-docs")


# -- coverage and language hint ------------------------------------------------------------------------------------------
def test_coverage_is_stated_and_english_gets_a_hint(page_at):
    page = page_at()
    coverage = page.inner_text("#gz-coverage")
    page.click('button[data-tab-id="docs"]')
    rows = page.locator("#gz-docs tbody tr[data-search]").count()
    assert "总第203期" in coverage and "2019年7月" in coverage and f"共 {rows} 份文件" in coverage
    assert "回答只依据" in coverage
    page.click('button[data-tab-id="chat"]')
    hint = ask(page, "Can I open a private clinic?")
    assert "请用中文提问" in hint.inner_text() and "Please ask in Chinese" in hint.inner_text()


# -- document browser ---------------------------------------------------------------------------------------------------
@VIEWPORTS
def test_document_browser_search_open_and_ask(page_at, viewport, artifacts):
    page = page_at(viewport)
    page.click('button[data-tab-id="docs"]')
    total = page.locator("#gz-docs tbody tr[data-search]").count()
    page.fill("#gz-docs .gz-docs-q", "医疗")
    visible = page.locator("#gz-docs tbody tr[data-search]:visible")
    assert 1 <= visible.count() < total
    assert all("医疗" in t for t in visible.all_inner_texts())
    page.fill("#gz-docs .gz-docs-q", "")
    page.select_option("#gz-docs .gz-docs-kind", "news")
    assert all("政务简讯" in t for t in visible.all_inner_texts()) and visible.count() >= 1
    page.select_option("#gz-docs .gz-docs-kind", "")
    if viewport is DESKTOP:
        page.screenshot(path=artifacts / "ui-documents.png")
    page.locator("#gz-docs .gz-doc-link", has_text="社会力量").click()
    page.wait_for_selector("#gz-document .gz-modal:not([hidden])", timeout=20_000)
    ask_button = page.locator("#gz-document .gz-doc-clause", has_text="（九）").first.locator(".gz-ask-clause")
    ask_button.click()
    page.wait_for_function("document.querySelector('#gz-question textarea').value.includes('三、（九）')", timeout=20_000)
    assert page.locator("#gz-question textarea").is_visible()
    assert "温政办〔2019〕49号" in page.input_value("#gz-question textarea")
    assert page.locator("#gz-document .gz-modal").count() == 0


# -- validity badges --------------------------------------------------------------------------------------------------
def test_expired_documents_carry_badges(page_at, expired_docs):
    page = page_at()
    answer = ask(page, ANSWERED)  # cites 温政办〔2019〕49号, ended 2024-12-31 (today is set to 2026-01-15)
    chip = answer.locator(".gz-sources .cite-chip", has_text="49号").first
    assert "已到期" in chip.inner_text()
    chip.click()
    page.wait_for_selector("#gz-evidence .gz-badge", timeout=20_000)
    assert f"已到期（有效期至{expired_docs['温政办〔2019〕49号']}）" in page.inner_text("#gz-evidence")
    page.click('button[data-tab-id="docs"]')
    for number, until in expired_docs.items():
        row = page.locator("#gz-docs tbody tr", has_text=number)
        assert f"已到期（有效期至{until}）" in row.inner_text()


# -- conversations kept ------------------------------------------------------------------------------------------------
@VIEWPORTS
def test_conversations_survive_reload_and_are_listed(page_at, viewport):
    page = page_at(viewport)
    ask(page, ANSWERED)
    page.reload()
    page.wait_for_selector("#gz-conversation .gz-bot", timeout=30_000)
    assert ANSWERED in page.inner_text("#gz-conversation")
    page.click("#gz-new")
    page.wait_for_selector("#gz-conversation .gz-empty")
    ask(page, REFUSED)
    items = page.locator("#gz-history .gz-hist-open")
    page.wait_for_function("document.querySelectorAll('#gz-history .gz-hist-open').length === 2", timeout=20_000)
    assert items.nth(0).inner_text().startswith(REFUSED)
    items.nth(1).click()
    page.wait_for_function(f"document.querySelector('#gz-conversation').innerText.includes({json.dumps(ANSWERED)})",
                           timeout=20_000)
    assert REFUSED not in page.inner_text("#gz-conversation")
    ask(page, "那个人诊所呢？", 2)  # the reopened conversation goes on
    page.locator("#gz-history .gz-hist-del").nth(1).click()
    page.wait_for_function("document.querySelectorAll('#gz-history .gz-hist-open').length === 1", timeout=20_000)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('gz-conv:')).length") == 1


# -- direct answer first --------------------------------------------------------------------------------------------
def test_direct_answer_is_bold_above_the_quotes(page_at):
    from dataclasses import fields

    from assistant.answer.types import Answer

    if "direct_answer" not in {f.name for f in fields(Answer)}:
        pytest.skip("the answer stage gives no direct_answer yet")
    page = page_at()
    answer = ask(page, "个体诊所设置有数量限制吗？")
    direct = answer.locator(".gz-direct strong")
    if direct.count() == 0:
        pytest.skip("this answer has no direct-answer line")
    assert direct.bounding_box()["y"] < answer.locator(".gz-text .cite-chip").first.bounding_box()["y"]


# -- accessibility -----------------------------------------------------------------------------------------------------
def _luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg, bg) -> float:
    """WCAG 2.x contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio)."""
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


COLORS_JS = """sel => [...document.querySelectorAll(sel)].slice(0, 3).map(el => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 4).map(Number);
  let bg = null;
  for (let n = el; n && !bg; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length < 4 || c[3] > 0) bg = c.slice(0, 3);
  }
  return [rgb(getComputedStyle(el).color).slice(0, 3), bg || [255, 255, 255]];
})"""


def test_keyboard_focus_contrast_and_language(page_at):
    page = page_at()
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    answer = ask(page, ANSWERED)
    page.click(".gz-bot .gz-who")  # start of sequential focus navigation, then Tab into the answer
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite-chip')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('cite-chip')")
    outline = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()")
    assert outline[0] != "none" and outline[1] >= 2
    page.keyboard.press("Enter")
    page.wait_for_selector("#gz-evidence mark", timeout=20_000)
    checked = 0
    for selector in ("#gz-conversation .cite-chip", "#gz-evidence mark", ".gz-badge.gz-ended", "#gz-conversation .gz-fb",
                     "#gz-conversation .gz-label", "#gz-coverage .gz-coverage", "#gz-evidence .gz-meta th"):
        for fg, bg in page.evaluate(COLORS_JS, selector):
            assert contrast(fg, bg) >= 4.5, (selector, fg, bg)
            checked += 1
    assert checked >= 7
    assert answer.locator(".cite-chip").first.evaluate("el => el.tagName") == "BUTTON"


# -- staff: add an issue ---------------------------------------------------------------------------------------------
@pytest.fixture
def upload_server(ui_index, tmp_path, serve):
    import shutil

    index = tmp_path / "index"
    shutil.copytree(ui_index, index)
    server = serve(index, tmp_path / "serve-data")
    yield server
    server.stop()


def test_staff_can_add_an_issue(browser, upload_server, new_issue, artifacts):
    page = open_page(browser, upload_server)
    before = page.inner_text("#gz-coverage")
    source = new_issue
    page.click('button[data-tab-id="staff"]')
    page.set_input_files("#gz-upload input[type=file]", str(source))
    page.wait_for_timeout(800)
    page.click("#gz-upload-add")
    page.wait_for_selector("#gz-staff-notice .gz-ok", timeout=120_000)
    assert "已添加 new-issue.txt" in page.inner_text("#gz-staff-notice")
    after = page.inner_text("#gz-coverage")
    count = lambda text: int(re.search(r"共 (\d+) 份文件", text).group(1))  # noqa: E731
    assert count(after) == count(before) + 1
    page.screenshot(path=artifacts / "ui-staff-upload.png")
    page.click('button[data-tab-id="docs"]')
    assert "温政办〔2020〕1号" in page.inner_text("#gz-docs")
    page.click('button[data-tab-id="chat"]')
    answer = ask(page, "春节期间市区能燃放烟花爆竹吗？")
    assert "温政办〔2020〕1号" in answer.inner_text()
    page.context.close()
