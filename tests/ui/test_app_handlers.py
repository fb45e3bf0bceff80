"""The page's handlers without a browser: build_blocks lays out and wires, the handlers answer clicks and runs."""
from __future__ import annotations

import pytest

pytest.importorskip("gradio")


@pytest.fixture
def page(fake_service, tmp_path, monkeypatch):
    import gradio as gr

    from assistant.ui import app
    from assistant.ui.feedback import FeedbackStore

    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "gradio"))
    store = FeedbackStore(tmp_path / "feedback.jsonl")
    demo = app.build_blocks(fake_service, store)
    assert isinstance(demo, gr.Blocks)
    chat, staff_tab = app.ChatHandlers(fake_service, store), app.StaffHandlers(fake_service, store)
    with gr.Blocks():
        chat.ui = app._layout(fake_service, staff_tab)
    return app, chat, staff_tab


def test_clicks_reach_their_panels(page):
    import gradio as gr

    app, chat, _ = page
    ui = chat.ui
    out = chat.on_action([], "c1", gr.EventData(None, {"action": "new"}))
    assert set(out) == {ui.conversation, ui.turns_state, ui.conv_state, ui.evidence, ui.document}
    assert chat.on_action([], "c1", gr.EventData(None, {"action": "unfilter:kind"})) == {ui.kind_box: app.ALL}
    assert chat.on_action([], "c1", gr.EventData(None, {"action": "cite:0:1"})) == {}  # no such turn
    assert chat.on_action([], "c1", gr.EventData(None, None)) == {}  # an event without data
    out = chat.on_action([], "c1", gr.EventData(None, {"action": "askclause:0"}))
    assert out[ui.question].endswith("规定了什么？")


def test_ask_then_vote(page):
    _, chat, _ = page
    *_, (html, turns, box, cid, notice) = list(chat.ask("开诊所有什么补贴？", [], "", "", "", ""))
    assert len(turns) == 1 and box == "" and cid
    out = chat.on_action(turns, cid, __import__("gradio").EventData(None, {"action": "fb:0:up"}))
    assert out[chat.ui.turns_state][0].vote == "up" and out[chat.ui.feedback_id] is not None


def test_example_set_runs_ungraded(page):
    app, _, staff_tab = page
    steps = list(staff_tab.run_eval(app.EXAMPLE_SET, 2))
    metrics, table, results, _, notice = steps[-1]
    assert len(results) == 2 and "评测完成" in notice and "无标准答案" in table
    (_, _, _, _, notice), = list(staff_tab.run_eval("没有这个评测集", 0))
    assert "请选择评测集" in notice
