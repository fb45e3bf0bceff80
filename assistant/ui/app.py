"""The Gradio chat UI (问答 and 工作人员 tabs) mounted on a FastAPI app that also serves the HTTP API."""

import os
import time
from pathlib import Path

from assistant.ui import render
from assistant.ui.assets import CONVERSATION_JS, CSS, DOCUMENT_JS, EXAMPLES, FONTS, HEAD, MONO_FONTS, ACTION_JS
from assistant.ui.feedback import FeedbackStore
from assistant.ui.render import ChatTurn
from assistant.ui.service import KIND_NAMES, filters_from
from index.query import MAX_QUERY_CHARS

MAX_QUESTION = MAX_QUERY_CHARS
ALL = ""  # dropdown value meaning "no filter"


def error_message(exc: Exception) -> str:
    """A Chinese message for a failure while answering; the index stage's messages are already Chinese."""
    from assistant.answer import AnswerError
    from index.errors import BadFilter, IndexStoreError, ModelUnavailable

    if isinstance(exc, (IndexStoreError, ModelUnavailable, BadFilter)):
        return f"回答失败：{exc}"
    if isinstance(exc, AnswerError):
        return "回答失败，请稍后重试或换一种问法。"
    return "回答时出现内部错误，请稍后重试。"


def _history(turns: list[ChatTurn]) -> list:
    from assistant.answer import Turn

    return [Turn.from_answer(t.answer) for t in turns if t.answer is not None]


def _parse_action(action) -> list[str]:
    return str(action or "").split(":")


def build_blocks(service, store: FeedbackStore):
    """The gr.Blocks of the page; handlers close over the shared service and feedback store."""
    import gradio as gr

    from assistant.ui import staff

    doc_choices = [("全部文件", ALL)] + [(f"{d.doc_number} {d.title}", d.doc_number)
                                        for d in service.documents if d.doc_number]
    issuer_choices = [("全部机关", ALL)] + [(i, i) for i in service.issuers()]
    kind_choices = [("全部类别", ALL)] + [(KIND_NAMES[k], k) for k in service.kinds()]

    # -- chat handlers ---------------------------------------------------------------------------
    def ask(question, turns, doc, issuer, kind):
        q = (question or "").strip()
        if not q:
            gr.Warning("请输入问题。", title="提示")
            yield gr.skip(), turns, question
            return
        if len(q) > MAX_QUESTION:
            gr.Warning(f"问题过长：最多 {MAX_QUESTION} 个字符。", title="提示")
            yield gr.skip(), turns, question
            return
        pending = list(turns) + [ChatTurn(q)]
        yield render.conversation_html(pending), pending, ""
        try:
            answer = service.ask(q, _history(turns), filters_from(doc, issuer, kind))
            done = list(turns) + [ChatTurn(q, answer)]
        except Exception as exc:  # noqa: BLE001 - shown in the chat instead of a stack trace
            done = list(turns) + [ChatTurn(q, error=error_message(exc))]
        yield render.conversation_html(done), done, ""

    def new_chat():
        return (render.conversation_html([]), [], "", render.evidence_html(None), "",
                gr.update(visible=False), None)

    def on_action(turns, evt: gr.EventData):
        """Clicks inside the conversation and evidence panels: cite:T:M, doc:T:M, fb:T:up|down."""
        parts = _parse_action(getattr(evt, "_data", {}).get("action") if isinstance(getattr(evt, "_data", None), dict) else None)
        skip = (gr.skip(),) * 5
        if len(parts) != 3 or not parts[1].isdigit():
            return skip
        kind, turn = parts[0], int(parts[1])
        answer = turns[turn].answer if turn < len(turns) else None
        if answer is None:
            return skip
        if kind in ("cite", "doc"):
            citation = next((c for c in answer.citations if str(c.marker) == parts[2]), None)
            if citation is None:
                return skip
            record = service.record(citation.clause_id)
            if kind == "cite":
                return render.evidence_html(record, citation, f"doc:{turn}:{citation.marker}"), "", *skip[:3]
            html = render.document_html(service.document_records(citation.clause_id), citation.clause_id, citation.quote)
            return gr.skip(), html, *skip[:3]
        if kind == "fb" and parts[2] in ("up", "down"):
            fid = store.add(parts[2], answer, service.index_version)
            mark = "有用" if parts[2] == "up" else "没用"
            note = f"已记录您对第 {turn + 1} 条回答的评价（{mark}）。如愿意，可补充意见："
            return gr.skip(), gr.skip(), gr.update(visible=True), fid, render.e(note)
        return skip

    def submit_comment(fid, text):
        if fid is not None and (text or "").strip():
            store.comment(int(fid), text)
            gr.Info("谢谢，您的意见已记录。", title="提示")
        return gr.update(visible=False), None, ""

    # -- staff handlers --------------------------------------------------------------------------
    def set_choices():
        sets = list(staff.list_sets())
        return sets + [EXAMPLE_SET]

    def run_eval(set_name, limit, progress=gr.Progress()):
        limit = max(int(limit or 0), 0)
        if set_name == EXAMPLE_SET:
            cases = [{"id": f"{p}-{i + 1}", "persona": p, "question": q, "answerable": True, "gold": [], "facts": []}
                     for p, qs in EXAMPLES.items() for i, q in enumerate(qs)]
            results_iter = staff.run_cases(cases[:limit] if limit else cases, lambda q: service.ask(q))
            total = min(len(cases), limit) if limit else len(cases)
        else:
            path = staff.list_sets().get(set_name or "")
            if path is None:
                raise gr.Error("请选择评测集。", title="错误")
            try:
                total = len(staff.load_cases(path))
            except staff.EvalSetError as exc:
                raise gr.Error(str(exc), title="错误") from None
            total = min(total, limit) if limit else total
            results_iter = staff.run_file(path, service, limit)
        results = []
        try:
            for i, result in enumerate(results_iter):
                results.append(result)
                progress((i + 1) / max(total, 1), desc=f"已完成 {i + 1}/{total} 题")
                if (i + 1) % 5 == 0:
                    yield metrics_html(results), results_html(results, False), results, None
        except staff.EvalSetError as exc:
            raise gr.Error(str(exc), title="错误") from None
        csv_path = staff.write_csv(results, _export_dir(), f"eval-{time.strftime('%Y%m%d-%H%M%S')}.csv")
        yield metrics_html(results), results_html(results, False), results, str(csv_path)

    def filter_results(results, only_failed):
        return results_html(results or [], only_failed)

    def list_feedback(which):
        return feedback_html(store, which)

    def export_feedback(which):
        rating = {"全部": None, "有用": "up", "没用": "down"}.get(which)
        from index.paths import data_dir

        name = f"feedback-{time.strftime('%Y%m%d-%H%M%S')}.jsonl"
        target = data_dir() / "eval" / name
        ready, review, review_path = store.export_eval(target, rating)
        files = []
        for path in [target] + ([review_path] if review_path else []):
            copy = _export_dir() / path.name
            copy.write_bytes(path.read_bytes())
            files.append(str(copy))
        note = f"已导出 {ready} 条评测用例到 数据目录/eval/{name}，可在上方评测集中选择运行。"
        if review:
            note += f"另有 {review} 条“没用”的反馈需补充正确条款（gold）后使用：数据目录/eval/{review_path.name}。"
        gr.Info(note, title="提示")
        return files, gr.update(choices=set_choices())

    # -- layout ------------------------------------------------------------------------------------
    with gr.Blocks(title="政府公报问答助手", analytics_enabled=False) as demo:
        turns = gr.State([])
        feedback_id = gr.State(None)
        eval_results = gr.State([])
        gr.HTML('<div class="gz-title"><h1>政府公报问答助手</h1>'
                '<p>用日常语言提问，回答逐字引用公报原文，并注明文号与条款。</p></div>')
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        conversation = gr.HTML(render.conversation_html([]), elem_id="gz-conversation",
                                               js_on_load=CONVERSATION_JS, min_height=200)
                        with gr.Group(visible=False, elem_id="gz-feedback") as feedback_box:
                            feedback_note = gr.HTML("")
                            feedback_text = gr.Textbox(label="补充意见（可选）", lines=2, elem_id="gz-feedback-text")
                            feedback_send = gr.Button("提交意见", size="sm", elem_id="gz-feedback-send")
                        question = gr.Textbox(label="您的问题", placeholder="例如：开诊所有什么补贴？", lines=2,
                                              max_lines=6, elem_id="gz-question")
                        with gr.Row():
                            send = gr.Button("提问", variant="primary", elem_id="gz-send")
                            new = gr.Button("新对话", elem_id="gz-new")
                        with gr.Accordion("限定检索范围", open=False):
                            doc = gr.Dropdown(doc_choices, value=ALL, label="文件", elem_id="gz-filter-doc")
                            issuer = gr.Dropdown(issuer_choices, value=ALL, label="发文机关", elem_id="gz-filter-issuer")
                            kind = gr.Dropdown(kind_choices, value=ALL, label="文件类别", elem_id="gz-filter-kind")
                        with gr.Accordion("示例问题", open=True):
                            example_buttons = []
                            with gr.Tabs():
                                for persona, questions in EXAMPLES.items():
                                    with gr.Tab(persona):
                                        for q in questions:
                                            example_buttons.append((gr.Button(q, size="sm", elem_classes="gz-example"), q))
                    with gr.Column(scale=2):
                        gr.HTML("<b>条款原文</b>")
                        evidence = gr.HTML(render.evidence_html(None), elem_id="gz-evidence", js_on_load=ACTION_JS)
                        document = gr.HTML("", elem_id="gz-document", js_on_load=DOCUMENT_JS)
            with gr.Tab("工作人员", id="staff"):
                gr.HTML("<b>评测</b>：运行评测集，逐题比对引用条款与应引用条款。")
                with gr.Row():
                    set_name = gr.Dropdown(set_choices(), value=(set_choices() or [None])[0], label="评测集",
                                           elem_id="gz-eval-set")
                    limit = gr.Number(value=0, precision=0, label="最多题数（0 为全部）", elem_id="gz-eval-limit")
                    run = gr.Button("运行评测", variant="primary", elem_id="gz-eval-run")
                eval_metrics = gr.HTML("", elem_id="gz-eval-metrics")
                only_failed = gr.Checkbox(label="只看未通过的题", elem_id="gz-eval-failed")
                eval_table = gr.HTML("", elem_id="gz-eval-table")
                eval_csv = gr.File(label="导出 CSV", interactive=False, elem_id="gz-eval-csv", height=90)
                gr.HTML("<b>用户反馈</b>")
                with gr.Row():
                    which = gr.Radio(["全部", "有用", "没用"], value="全部", label="评价", elem_id="gz-fb-which")
                    refresh = gr.Button("刷新", elem_id="gz-fb-refresh")
                    export = gr.Button("导出为评测用例（JSONL）", elem_id="gz-fb-export")
                feedback_table = gr.HTML("", elem_id="gz-fb-table")
                feedback_file = gr.File(label="导出文件", interactive=False, file_count="multiple", elem_id="gz-fb-file", height=90)

        ask_io = dict(fn=ask, inputs=[question, turns, doc, issuer, kind], outputs=[conversation, turns, question],
                      concurrency_limit=None)
        send.click(**ask_io)
        question.submit(**ask_io)
        for button, q in example_buttons:
            button.click(lambda q=q: q, outputs=question, queue=False).then(**ask_io)
        new.click(new_chat, outputs=[conversation, turns, question, evidence, document, feedback_box, feedback_id],
                  queue=False)
        action_outputs = [evidence, document, feedback_box, feedback_id, feedback_note]
        conversation.click(on_action, inputs=[turns], outputs=action_outputs, concurrency_limit=None)
        evidence.click(on_action, inputs=[turns], outputs=action_outputs, concurrency_limit=None)
        feedback_send.click(submit_comment, inputs=[feedback_id, feedback_text],
                            outputs=[feedback_box, feedback_id, feedback_text])
        run.click(run_eval, inputs=[set_name, limit], outputs=[eval_metrics, eval_table, eval_results, eval_csv])
        only_failed.change(filter_results, inputs=[eval_results, only_failed], outputs=eval_table)
        refresh.click(list_feedback, inputs=which, outputs=feedback_table)
        which.change(list_feedback, inputs=which, outputs=feedback_table)
        export.click(export_feedback, inputs=which, outputs=[feedback_file, set_name])
        demo.load(list_feedback, inputs=which, outputs=feedback_table)
    return demo


EXAMPLE_SET = "示例问题（无标准答案，仅查看回答）"


def metrics_html(results) -> str:
    from assistant.ui.staff import summary

    cells = [f'<div class="gz-metric">{render.e(name)}<b>{render.e(value)}</b></div>' for name, value in summary(results)]
    return f'<div class="gz-metrics">{"".join(cells)}</div>'


def results_html(results, only_failed: bool) -> str:
    from assistant.ui.staff import HEADERS

    shown = [r for r in results if not (only_failed and r.passed)]
    return render.table_html(HEADERS, [r.row() for r in shown], ["pass" if r.passed else "fail" for r in shown])


def feedback_html(store: FeedbackStore, which: str | None) -> str:
    """The staff tab's feedback table (全部 / 有用 / 没用); every stored value is escaped by render.table_html."""
    rating = {"全部": None, "有用": "up", "没用": "down"}.get(which or "全部")
    rows = [[f.id, f.created, "有用" if f.rating == "up" else "没用", f.question, f.answer,
             "；".join(f"{c.get('doc_number') or c.get('title')} {c.get('label')}" for c in f.citations),
             f.comment, f.index_version] for f in store.list(rating)]
    return render.table_html(["编号", "时间", "评价", "问题", "回答", "引用", "意见", "索引版本"], rows)


def _export_dir() -> Path:
    """Exports go under Gradio's upload folder, which lies in the data folder, so they can be downloaded."""
    folder = Path(os.environ["GRADIO_TEMP_DIR"]) / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def prepare_environment() -> Path:
    """Offline settings that must be in place before gradio is imported; returns the data folder."""
    from index.paths import data_dir

    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    folder = data_dir().resolve()
    os.environ["GRADIO_TEMP_DIR"] = str(folder / "gradio-tmp")
    (folder / "gradio-tmp").mkdir(parents=True, exist_ok=True)
    return folder


def create_app(service, credentials: tuple[str, str] | None = None, store: FeedbackStore | None = None):
    """The ASGI app: the HTTP API and the Gradio page, behind the auth and file guard."""
    data = prepare_environment()
    import gradio as gr
    from fastapi import FastAPI

    from assistant.ui.api import build_router
    from assistant.ui.guard import Guard

    store = store or FeedbackStore.in_data_dir()
    api = FastAPI(title="政府公报问答助手", docs_url=None, redoc_url=None, openapi_url=None)
    api.include_router(build_router(service))
    blocks = build_blocks(service, store)
    blocks.queue(default_concurrency_limit=None)
    theme = gr.themes.Default(font=FONTS, font_mono=MONO_FONTS)
    app = gr.mount_gradio_app(api, blocks, path="/", footer_links=[], allowed_paths=[], ssr_mode=False,
                              theme=theme, css=CSS, head=HEAD, pwa=False, mcp_server=False,
                              enable_monitoring=False, show_error=False)
    return Guard(app, data, credentials)
