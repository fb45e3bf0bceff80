"""The chat page in headless chromium against a real `gazette serve`: answer, chip, evidence, document,
follow-up, escaping, feedback and staff tab; every request must stay on 127.0.0.1."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.model]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def page(real_server, artifacts):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=real_server.url)
        page = context.new_page()
        page.requests = []
        page.dialogs = []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(real_server.url + "/")
        page.wait_for_selector("#gz-question textarea", timeout=60_000)
        yield page
        browser.close()


def ask(page, question: str, n: int):
    """Type a question, send it, and wait for the n-th answer (1-based) to be complete."""
    page.fill("#gz-question textarea", question)
    page.click("#gz-send")
    page.wait_for_function(
        "n => document.querySelectorAll('#gz-conversation .gz-bot:not(.gz-pending)').length >= n", arg=n,
        timeout=120_000)
    return page.locator("#gz-conversation .gz-bot").nth(n - 1)


def test_chat_flow(page, real_server, artifacts):
    assert page.evaluate("document.documentElement.lang").startswith("zh")
    page.get_by_role("tab", name="诊所经营者").wait_for(timeout=30_000)
    page.screenshot(path=artifacts / "01-home.png")

    answer = ask(page, "个体诊所设置有数量限制吗？", 1)
    assert "温政办〔2019〕49号" in answer.inner_text()
    chip = answer.locator(".gz-text .cite-chip").first
    assert "温政办〔2019〕49号 三、（一）" in chip.inner_text()
    page.screenshot(path=artifacts / "02-answer.png")

    chip.click()
    mark = page.locator("#gz-evidence mark")
    mark.wait_for(timeout=30_000)
    assert "取消个体诊所具体数量和布局的限制" in mark.inner_text()
    evidence = page.inner_text("#gz-evidence")
    for text in ("温州市人民政府办公室", "2019-07-11", "放宽市场准入与设备配置"):
        assert text in evidence
    page.screenshot(path=artifacts / "03-evidence.png")

    page.click("#gz-evidence .gz-open-doc")
    focus = page.locator("#gz-document .gz-focus")
    focus.wait_for(timeout=30_000)
    assert "三、（一）" in focus.inner_text() and focus.locator("mark").count() == 1
    assert page.locator("#gz-document .gz-doc-clause").count() > 10
    page.screenshot(path=artifacts / "04-document.png")
    page.click("#gz-document .gz-doc-close")  # the document is a dialog over the chat

    page.click("#gz-conversation .gz-copy")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "根据《" in copied and "引用：" in copied and "【1】温政办〔2019〕49号" in copied

    page.click("#gz-new")
    page.wait_for_selector("#gz-conversation .gz-empty")
    ask(page, "到2021年智能装备产业总产值目标是多少？", 1)
    follow = ask(page, "那新材料产业呢？", 2)
    assert "新材料产业总产值突破400亿元" in follow.inner_text()
    assert "温政办〔2019〕48号 二、（五）" in follow.locator(".cite-chip").first.inner_text()
    page.screenshot(path=artifacts / "05-follow-up.png")

    ask(page, f"{XSS}开诊所有什么补贴？", 3)
    user_texts = page.locator("#gz-conversation .gz-user .gz-text").all_inner_texts()
    assert f"{XSS}开诊所有什么补贴？" in user_texts
    assert page.locator("#gz-conversation img").count() == 0
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert page.dialogs == []
    page.screenshot(path=artifacts / "06-escaped.png")

    follow.locator(".gz-fb").first.click()
    page.wait_for_selector("#gz-feedback-text textarea", timeout=30_000)
    page.fill("#gz-feedback-text textarea", f"很好{XSS}")
    page.click("#gz-feedback-send")
    page.click('button[data-tab-id="staff"]')
    page.click("#gz-fb-refresh")
    page.wait_for_function("document.querySelector('#gz-fb-table').innerText.includes('那新材料产业呢')", timeout=30_000)
    assert XSS in page.inner_text("#gz-fb-table") and page.locator("#gz-fb-table img").count() == 0
    page.screenshot(path=artifacts / "07-staff-feedback.png")

    page.fill("#gz-eval-limit input", "3")
    page.click("#gz-eval-run")
    page.wait_for_selector("#gz-eval-csv:visible", timeout=240_000)
    assert ".csv" in page.inner_text("#gz-eval-csv")
    assert page.locator("#gz-eval-table tbody tr").count() == 3
    assert "用例通过率" in page.inner_text("#gz-eval-metrics")
    page.check("#gz-eval-failed input")
    page.screenshot(path=artifacts / "08-staff-eval.png", full_page=True)

    remote = [u for u in page.requests if not u.startswith(real_server.url)]
    assert remote == [], remote
    assert all(u.startswith("http://127.0.0.1:") for u in page.requests)
