"""The Gradio chat UI (问答 and 工作人员 tabs) mounted on a FastAPI app that also serves the HTTP API."""

import os
import re
import shutil
import time
import uuid
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

from assistant.ui import render, saved
from assistant.ui.assets import (ACTION_JS, CONVERSATION_JS, CSS, DOCS_JS, DOCUMENT_JS, EVIDENCE_JS, EXAMPLES, FONTS,
                                 GLOBAL_CSS, HEAD, HISTORY_JS, MONO_FONTS)
from assistant.ui.feedback import FeedbackStore
from assistant.ui.hints import language_hint
from assistant.ui.render import ChatTurn
from assistant.ui.service import SourceRejected, filters_from
from corpus.model import KINDS
from assistant.ui.validity import today
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


_EVENT_KEYS = ("action", "state", "id")  # what the page's scripts send with a click


def _event_data(evt) -> dict:
    """The click's payload, read through gr.EventData's public attribute access (evt.action, evt.state, evt.id)."""
    out = {}
    for key in _EVENT_KEYS:
        try:
            out[key] = getattr(evt, key)
        except (AttributeError, TypeError):  # key not sent, or an event without data
            continue
    return out


def notice_html(text: str, ok: bool = False) -> str:
    """A status line in the page (instead of Gradio's toasts, whose titles are not translated)."""
    if not text:
        return ""
    return f'<div class="gz-notice{" gz-ok" if ok else ""}" role="status">{render.e(text)}</div>'


def ask_clause_text(record) -> str:
    """The question 问这一条 puts in the box: names the document and clause so retrieval pins that clause."""
    name = record.doc_number or f"《{record.title}》"
    return f"{name} {record.label}规定了什么？"


def build_blocks(service, store: FeedbackStore):
    """The gr.Blocks of the page: the layout, then the chat and staff handlers wired to it."""
    import gradio as gr

    chat, staff_tab = ChatHandlers(service, store), StaffHandlers(service, store)
    with gr.Blocks(title="政府公报问答助手", analytics_enabled=False) as demo:
        ui = _layout(service, staff_tab)
        chat.ui = ui
        _wire_chat(ui, chat)
        _wire_staff(ui, staff_tab)
        demo.load(staff_tab.list_feedback, inputs=ui.which, outputs=ui.feedback_table)
    return demo


# -- choices and filters shown in the page --------------------------------------------------------------------------

def doc_choices(service) -> list[tuple[str, str]]:
    return [("全部文件", ALL)] + [(f"{d.doc_number} {d.title}", d.doc_number) for d in service.documents if d.doc_number]


def issuer_choices(service) -> list[tuple[str, str]]:
    return [("全部机关", ALL)] + [(i, i) for i in service.issuers()]


def kind_choices(service) -> list[tuple[str, str]]:
    return [("全部类别", ALL)] + [(KINDS[k], k) for k in service.kinds()]


def active_filters(service, doc, issuer, kind) -> list[tuple[str, str, str]]:
    """(key, Chinese name, shown value) of each filter in use."""
    names = {d.doc_number: f"{d.doc_number}" for d in service.documents if d.doc_number}
    out = []
    if doc:
        out.append(("doc", "文件", names.get(doc, doc)))
    if issuer:
        out.append(("issuer", "发文机关", issuer))
    if kind:
        out.append(("kind", "类别", KINDS.get(kind, kind)))
    return out


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


# -- chat tab handlers ----------------------------------------------------------------------------------------------

class ChatHandlers:
    """Asking, new conversations, clicks in the page's panels and feedback comments; `ui` is set once laid out."""

    def __init__(self, service, store: FeedbackStore):
        self.service, self.store = service, store
        self.ui = None

    def chat_html(self, turns, conv_id):
        return render.conversation_html(turns, self.service.records, today(), conv_id, saved.to_json(turns))

    def ask(self, question, turns, conv_id, doc, issuer, kind):
        import gradio as gr

        q = (question or "").strip()
        conv_id = conv_id or _new_id()
        if not q:
            yield gr.skip(), turns, question, conv_id, notice_html("请输入问题。")
            return
        if len(q) > MAX_QUESTION:
            yield gr.skip(), turns, question, conv_id, notice_html(f"问题过长：最多 {MAX_QUESTION} 个字符。")
            return
        active = active_filters(self.service, doc, issuer, kind)
        shown = "、".join(f"{name}：{value}" for _, name, value in active) or None
        hint = language_hint(q)
        if hint:
            done = list(turns) + [ChatTurn(q, notice=hint)]
            yield self.chat_html(done, conv_id), done, "", conv_id, ""
            return
        pending = list(turns) + [ChatTurn(q, filters=shown)]
        yield self.chat_html(pending, conv_id), pending, "", conv_id, ""
        try:
            answer = self.service.ask(q, _history(turns), filters_from(doc, issuer, kind))
            done = list(turns) + [ChatTurn(q, answer, filters=shown)]
        except Exception as exc:  # noqa: BLE001 - shown in the chat instead of a stack trace
            done = list(turns) + [ChatTurn(q, error=error_message(exc))]
        yield self.chat_html(done, conv_id), done, "", conv_id, ""

    def new_chat(self):
        import gradio as gr

        cid = _new_id()
        return (self.chat_html([], cid), [], "", cid, render.evidence_html(None), "", gr.update(visible=False), None, "")

    def evidence_for(self, record, citation=None, doc_action=None):
        return render.evidence_html(record, citation, doc_action, today(), nonce=time.time_ns())

    def document_for(self, records, focus=None, quote=None):
        return render.document_html(records, focus, quote, today(), nonce=time.time_ns())

    def on_action(self, turns, conv_id, evt):
        """Clicks in the page's panels: cite:T:M, rel:T:CLAUSE, doc:T:M, docc:CLAUSE, open:DOC, askclause:CLAUSE,
        fb:T:up|down, unfilter:KEY, and restore / new from the conversation list."""
        ui = self.ui
        data = _event_data(evt)
        parts = _parse_action(data.get("action"))
        kind = parts[0]
        if kind in ("restore", "new"):
            return self._switch_conversation(kind, data)
        if kind == "unfilter" and len(parts) == 2 and parts[1] in ("doc", "issuer", "kind"):
            return {{"doc": ui.doc, "issuer": ui.issuer, "kind": ui.kind_box}[parts[1]]: ALL}
        if len(parts) == 2 and parts[1].isdigit():
            return self._on_clause(kind, int(parts[1]))
        if len(parts) != 3 or not parts[1].isdigit():
            return {}
        return self._on_turn(kind, turns, int(parts[1]), parts[2], conv_id)

    def _switch_conversation(self, kind, data) -> dict:
        """restore: a saved conversation from the list; new: an empty one."""
        import gradio as gr

        ui = self.ui
        if kind == "new":
            cid = _new_id()
            return {ui.conversation: self.chat_html([], cid), ui.turns_state: [], ui.conv_state: cid,
                    ui.evidence: render.evidence_html(None), ui.document: ""}
        restored = saved.from_json(data.get("state"), self.service.records)
        cid = str(data.get("id") or "")[:40] or _new_id()
        return {ui.conversation: self.chat_html(restored, cid), ui.turns_state: restored, ui.conv_state: cid,
                ui.evidence: render.evidence_html(None), ui.document: "", ui.feedback_box: gr.update(visible=False),
                ui.feedback_id: None}

    def _on_clause(self, kind, number: int) -> dict:
        """open:DOC, docc:CLAUSE and askclause:CLAUSE."""
        import gradio as gr

        ui, service = self.ui, self.service
        if kind == "open":
            return {ui.document: self.document_for(service.doc_records(number))}
        record = service.record(number)
        if record is None:
            return {}
        if kind == "docc":
            return {ui.document: self.document_for(service.document_records(number), number)}
        if kind == "askclause":
            return {ui.question: ask_clause_text(record), ui.document: "", ui.tabs: gr.Tabs(selected="chat"),
                    ui.evidence: self.evidence_for(record, None, f"docc:{number}")}
        return {}

    def _on_turn(self, kind, turns, turn: int, arg: str, conv_id) -> dict:
        """rel:T:CLAUSE, cite:T:M, doc:T:M and fb:T:up|down on answer T of the conversation."""
        ui, service = self.ui, self.service
        t = turns[turn] if turn < len(turns) else None
        answer = t.answer if t is not None else None
        if answer is None:
            return {}
        if kind == "rel" and arg.isdigit():
            cid = int(arg)
            if not any(h.clause_id == cid for h in answer.related):
                return {}
            return {ui.evidence: self.evidence_for(service.record(cid), None, f"docc:{cid}")}
        if kind in ("cite", "doc"):
            citation = next((c for c in answer.citations if str(c.marker) == arg), None)
            if citation is None:
                return {}
            if kind == "cite":
                return {ui.evidence: self.evidence_for(service.record(citation.clause_id), citation,
                                                       f"doc:{turn}:{citation.marker}")}
            return {ui.document: self.document_for(service.document_records(citation.clause_id), citation.clause_id,
                                                   citation.quote)}
        if kind == "fb" and arg in ("up", "down"):
            return self._vote(turns, turn, arg, conv_id)
        return {}

    def _vote(self, turns, turn: int, rating: str, conv_id) -> dict:
        import gradio as gr

        ui, t = self.ui, turns[turn]
        fid = self.store.vote(rating, t.answer, self.service.index_version, f"{conv_id}:{turn}")
        updated = list(turns)
        updated[turn] = replace(t, vote=rating, feedback_id=fid)
        mark = "有用" if rating == "up" else "没用"
        note = f"已记录您对第 {turn + 1} 条回答的评价（{mark}），可随时改选。如愿意，可补充意见："
        return {ui.conversation: self.chat_html(updated, conv_id), ui.turns_state: updated,
                ui.feedback_box: gr.update(visible=True), ui.feedback_id: fid, ui.feedback_note: render.e(note)}

    def submit_comment(self, fid, text):
        import gradio as gr

        if fid is not None and (text or "").strip():
            self.store.comment(int(fid), text)
            return gr.update(visible=False), None, "", notice_html("谢谢，您的意见已记录。", ok=True)
        return gr.update(visible=False), None, "", ""

    def show_filters(self, doc_value, issuer_value, kind_value):
        return render.filter_tags_html(active_filters(self.service, doc_value, issuer_value, kind_value))


# -- staff tab handlers ---------------------------------------------------------------------------------------------

class StaffHandlers:
    """Eval runs, the feedback table and its export, and adding a gazette issue to the served index."""

    def __init__(self, service, store: FeedbackStore):
        self.service, self.store = service, store

    def set_choices(self):
        from assistant.ui import staff

        return list(staff.list_sets()) + [EXAMPLE_SET]

    def run_eval(self, set_name, limit):
        import gradio as gr

        from assistant.ui import staff

        limit = max(int(limit or 0), 0)
        hidden = gr.update(visible=False)
        try:
            cases = self._cases(set_name)
        except staff.EvalError as exc:
            yield gr.skip(), gr.skip(), gr.skip(), hidden, notice_html(str(exc))
            return
        if cases is None:
            yield gr.skip(), gr.skip(), gr.skip(), hidden, notice_html("请选择评测集。")
            return
        cases = cases[:limit] if limit else cases
        total = len(cases)
        results = []
        yield "", "", [], hidden, progress_html(0, total)
        try:
            for i, result in enumerate(staff.run_cases(cases, self.service)):
                results.append(result)
                if (i + 1) % 5 == 0 or i + 1 == total:
                    yield metrics_html(results), results_html(results, False), results, hidden, progress_html(i + 1, total)
        except staff.EvalError as exc:
            yield metrics_html(results), results_html(results, False), results, hidden, notice_html(str(exc))
            return
        csv_path = staff.write_csv(results, _export_dir(), f"eval-{time.strftime('%Y%m%d-%H%M%S')}.csv")
        yield (metrics_html(results), results_html(results, False), results, gr.update(value=str(csv_path), visible=True),
               notice_html(f"评测完成：共 {len(results)} 题，结果可导出为 CSV。", ok=True))

    @staticmethod
    def _cases(set_name) -> list | None:
        """The cases of the chosen set (the example questions have no gold); None when no set is chosen."""
        from assistant.ui import staff
        from eval.evalset import Case

        if set_name == EXAMPLE_SET:
            return [Case(f"{p}-{i + 1}", p, q, True, (), ()) for p, qs in EXAMPLES.items() for i, q in enumerate(qs)]
        path = staff.list_sets().get(set_name or "")
        return None if path is None else staff.load_cases(path)

    def filter_results(self, results, only_failed):
        return results_html(results or [], only_failed)

    def list_feedback(self, which):
        return feedback_html(self.store, which)

    def export_feedback(self, which):
        import gradio as gr

        from index.paths import data_dir

        rating = {"全部": None, "有用": "up", "没用": "down"}.get(which)
        name = f"feedback-{time.strftime('%Y%m%d-%H%M%S')}.jsonl"
        target = data_dir() / "eval" / name
        ready, review, review_path = self.store.export_eval(target, rating)
        files = []
        for path in [target] + ([review_path] if review_path else []):
            copy = _export_dir() / path.name
            copy.write_bytes(path.read_bytes())
            files.append(str(copy))
        note = f"已导出 {ready} 条评测用例到 数据目录/eval/{name}，可在上方评测集中选择运行。"
        if review:
            note += f"另有 {review} 条“没用”的反馈需补充正确条款（gold）后使用：数据目录/eval/{review_path.name}。"
        return gr.update(value=files, visible=True), gr.update(choices=self.set_choices()), notice_html(note, ok=True)

    def add_issue(self, upload):
        """Copy an uploaded .pdf/.txt into <data>/sources and add it to the served index, as `gazette index` would."""
        import gradio as gr

        from index.paths import data_dir

        service = self.service
        keep = (gr.skip(),) * 5
        if not upload:
            yield notice_html("请先选择一个 .pdf 或 .txt 文件。"), *keep
            return
        src = Path(upload)
        if src.suffix.lower() not in UPLOAD_TYPES:
            yield notice_html(f"不支持的文件类型“{src.suffix or '无扩展名'}”：请上传 .pdf 或 .txt 文件。"), *keep
            return
        folder = data_dir() / "sources"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / _safe_name(src.name)
        shutil.copyfile(src, target)
        yield notice_html(f"正在解析 {target.name} 并更新索引，请稍候…"), *keep
        try:
            result = service.add_source(target)
        except SourceRejected as exc:
            target.unlink(missing_ok=True)
            yield notice_html(str(exc)), *keep
            return
        except Exception as exc:  # noqa: BLE001 - the index is swapped in whole, so the old one still serves
            target.unlink(missing_ok=True)
            yield notice_html(f"添加失败，索引未改变：{error_message(exc)}"), *keep
            return
        note = (f"已添加 {result.name}：{result.documents} 份文件、{result.clauses} 个条款。"
                f"索引现有 {service.coverage.documents} 份文件，问答与文件列表已更新。")
        yield (notice_html(note, ok=True), render.coverage_html(service.coverage),
               render.documents_html(service.documents, today()), gr.update(choices=doc_choices(service)),
               gr.update(choices=issuer_choices(service)), gr.update(choices=kind_choices(service)))


def progress_html(done: int, total: int) -> str:
    return (f'<div class="gz-progress" role="status"><progress max="{max(total, 1)}" value="{done}"></progress>'
            f'<span>已完成 {done}/{total} 题</span></div>')


# -- layout ---------------------------------------------------------------------------------------------------------

def _layout(service, staff_tab: StaffHandlers) -> SimpleNamespace:
    """Every component of the page, by name; built inside the caller's gr.Blocks."""
    import gradio as gr

    ui = SimpleNamespace(turns_state=gr.State([]), conv_state=gr.State(""), feedback_id=gr.State(None),
                         eval_results=gr.State([]))
    gr.HTML('<div class="gz-title"><h1>政府公报问答助手</h1>'
            '<p>用日常语言提问，回答逐字引用公报原文，并注明文号与条款。</p></div>')
    ui.coverage = gr.HTML(render.coverage_html(service.coverage), elem_id="gz-coverage")
    with gr.Tabs(selected="chat") as ui.tabs:
        with gr.Tab("问答", id="chat"):
            _chat_tab(ui, service)
        with gr.Tab("文件", id="docs"):
            gr.HTML("<b>已收录的文件</b>：点击标题查看全文与条款目录；全文中每一条都可“问这一条”。")
            ui.documents = gr.HTML(render.documents_html(service.documents, today()), elem_id="gz-docs",
                                   js_on_load=DOCS_JS)
        with gr.Tab("工作人员", id="staff"):
            _staff_tab(ui, staff_tab)
    ui.document = gr.HTML("", elem_id="gz-document", js_on_load=DOCUMENT_JS)
    return ui


def _chat_tab(ui: SimpleNamespace, service) -> None:
    import gradio as gr

    with gr.Row(elem_id="gz-chat-row"):
        with gr.Column(scale=1, min_width=190, elem_id="gz-history-col"):
            gr.HTML("<b>历史对话</b>")
            ui.history = gr.HTML("", elem_id="gz-history", js_on_load=HISTORY_JS)
        with gr.Column(scale=4, elem_id="gz-chat-col"):
            ui.conversation = gr.HTML(render.conversation_html([]), elem_id="gz-conversation",
                                      js_on_load=CONVERSATION_JS, min_height=200)
            with gr.Group(visible=False, elem_id="gz-feedback") as ui.feedback_box:
                ui.feedback_note = gr.HTML("")
                ui.feedback_text = gr.Textbox(label="补充意见（可选）", lines=2, elem_id="gz-feedback-text")
                ui.feedback_send = gr.Button("提交意见", size="sm", elem_id="gz-feedback-send")
            ui.notice = gr.HTML("", elem_id="gz-notice")
            ui.filter_tags = gr.HTML("", elem_id="gz-filter-tags", js_on_load=ACTION_JS)
            ui.question = gr.Textbox(label="您的问题（按 Enter 发送，Shift+Enter 换行）",
                                     placeholder="例如：开诊所有什么补贴？", lines=2, max_lines=6, elem_id="gz-question")
            with gr.Row():
                ui.send = gr.Button("提问", variant="primary", elem_id="gz-send")
                ui.new = gr.Button("新对话", elem_id="gz-new")
            with gr.Accordion("限定检索范围", open=False):
                ui.doc = gr.Dropdown(doc_choices(service), value=ALL, label="文件", elem_id="gz-filter-doc")
                ui.issuer = gr.Dropdown(issuer_choices(service), value=ALL, label="发文机关", elem_id="gz-filter-issuer")
                ui.kind_box = gr.Dropdown(kind_choices(service), value=ALL, label="文件类别", elem_id="gz-filter-kind")
            with gr.Accordion("示例问题", open=True):
                ui.example_buttons = []
                with gr.Tabs():
                    for persona, questions in EXAMPLES.items():
                        with gr.Tab(persona):
                            for q in questions:
                                ui.example_buttons.append((gr.Button(q, size="sm", elem_classes="gz-example"), q))
        with gr.Column(scale=3, elem_id="gz-evidence-col"):
            gr.HTML("<b>条款原文</b>")
            ui.evidence = gr.HTML(render.evidence_html(None), elem_id="gz-evidence", js_on_load=EVIDENCE_JS)


def _staff_tab(ui: SimpleNamespace, staff_tab: StaffHandlers) -> None:
    import gradio as gr

    ui.staff_notice = gr.HTML("", elem_id="gz-staff-notice")
    gr.HTML("<b>添加一期公报</b>：上传 .pdf 或 .txt 文件，按 <code>gazette index</code> 的方式加入当前索引。")
    with gr.Row():
        ui.upload = gr.File(label="公报文件（.pdf 或 .txt）", file_types=list(UPLOAD_TYPES), type="filepath",
                            elem_id="gz-upload", height=150)
        ui.add = gr.Button("加入索引", elem_id="gz-upload-add")
    gr.HTML("<b>评测</b>：运行评测集，逐题比对引用条款与应引用条款。")
    with gr.Row(elem_id="gz-eval-row"):
        choices = staff_tab.set_choices()
        ui.set_name = gr.Dropdown(choices, value=(choices or [None])[0], label="评测集", elem_id="gz-eval-set")
        ui.limit = gr.Number(value=0, precision=0, label="最多题数（0 为全部）", elem_id="gz-eval-limit")
        ui.run = gr.Button("运行评测", variant="primary", elem_id="gz-eval-run")
    ui.eval_progress = gr.HTML("", elem_id="gz-eval-progress")
    ui.eval_metrics = gr.HTML("", elem_id="gz-eval-metrics")
    ui.only_failed = gr.Checkbox(label="只看未通过的题", elem_id="gz-eval-failed")
    ui.eval_table = gr.HTML("", elem_id="gz-eval-table")
    ui.eval_csv = gr.File(label="导出 CSV", interactive=False, elem_id="gz-eval-csv", height=90, visible=False)
    gr.HTML("<b>用户反馈</b>")
    with gr.Row():
        ui.which = gr.Radio(["全部", "有用", "没用"], value="全部", label="评价", elem_id="gz-fb-which")
        ui.refresh = gr.Button("刷新", elem_id="gz-fb-refresh")
        ui.export = gr.Button("导出为评测用例（JSONL）", elem_id="gz-fb-export")
    ui.feedback_table = gr.HTML("", elem_id="gz-fb-table")
    ui.feedback_file = gr.File(label="导出文件", interactive=False, file_count="multiple", elem_id="gz-fb-file",
                               height=90, visible=False)


# -- wiring ---------------------------------------------------------------------------------------------------------

def _wire_chat(ui: SimpleNamespace, chat: ChatHandlers) -> None:
    import gradio as gr

    def on_action(turns, conv_id, evt: gr.EventData):  # Gradio passes the event to a parameter typed EventData
        return chat.on_action(turns, conv_id, evt)

    ask_io = dict(fn=chat.ask, inputs=[ui.question, ui.turns_state, ui.conv_state, ui.doc, ui.issuer, ui.kind_box],
                  outputs=[ui.conversation, ui.turns_state, ui.question, ui.conv_state, ui.notice],
                  concurrency_limit=None)
    ui.send.click(**ask_io)
    for button, q in ui.example_buttons:
        button.click(lambda q=q: q, outputs=ui.question, queue=False).then(**ask_io)
    ui.new.click(chat.new_chat, outputs=[ui.conversation, ui.turns_state, ui.question, ui.conv_state, ui.evidence,
                                         ui.document, ui.feedback_box, ui.feedback_id, ui.notice], queue=False)
    action_outputs = {ui.conversation, ui.turns_state, ui.conv_state, ui.evidence, ui.document, ui.feedback_box,
                      ui.feedback_id, ui.feedback_note, ui.question, ui.tabs, ui.doc, ui.issuer, ui.kind_box}
    for source in (ui.conversation, ui.evidence, ui.document, ui.documents, ui.filter_tags, ui.history):
        # Every click counts (the default drops clicks while one is pending), one at a time and in order, so
        # two quick clicks (有用 then 没用) do not both act on the old state.
        source.click(on_action, inputs=[ui.turns_state, ui.conv_state], outputs=action_outputs, concurrency_limit=1,
                     concurrency_id="gz-actions", show_progress="hidden", trigger_mode="multiple")
    for box in (ui.doc, ui.issuer, ui.kind_box):
        box.change(chat.show_filters, inputs=[ui.doc, ui.issuer, ui.kind_box], outputs=ui.filter_tags, queue=False,
                   show_progress="hidden")
    ui.feedback_send.click(chat.submit_comment, inputs=[ui.feedback_id, ui.feedback_text],
                           outputs=[ui.feedback_box, ui.feedback_id, ui.feedback_text, ui.notice])


def _wire_staff(ui: SimpleNamespace, staff_tab: StaffHandlers) -> None:
    ui.run.click(staff_tab.run_eval, inputs=[ui.set_name, ui.limit],
                 outputs=[ui.eval_metrics, ui.eval_table, ui.eval_results, ui.eval_csv, ui.eval_progress],
                 show_progress="hidden")
    ui.only_failed.change(staff_tab.filter_results, inputs=[ui.eval_results, ui.only_failed], outputs=ui.eval_table)
    ui.refresh.click(staff_tab.list_feedback, inputs=ui.which, outputs=ui.feedback_table)
    ui.which.change(staff_tab.list_feedback, inputs=ui.which, outputs=ui.feedback_table)
    ui.export.click(staff_tab.export_feedback, inputs=ui.which, outputs=[ui.feedback_file, ui.set_name, ui.staff_notice])
    ui.add.click(staff_tab.add_issue, inputs=ui.upload,
                 outputs=[ui.staff_notice, ui.coverage, ui.documents, ui.doc, ui.issuer, ui.kind_box],
                 show_progress="hidden")


UPLOAD_TYPES = (".pdf", ".txt")


def _safe_name(name: str) -> str:
    """The uploaded file's name without path parts or characters a file system may refuse."""
    base = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", Path(name).name).strip(". ") or "upload"
    return base[-120:]


EXAMPLE_SET = "示例问题（无标准答案，仅查看回答）"


def metrics_html(results) -> str:
    from assistant.ui.staff import summary

    cells = [f'<div class="gz-metric">{render.e(name)}<b>{render.e(value)}</b></div>' for name, value in summary(results)]
    return f'<div class="gz-metrics">{"".join(cells)}</div>'


def results_html(results, only_failed: bool) -> str:
    from assistant.ui.staff import HEADERS

    shown = [r for r in results if not (only_failed and r.passed)]
    return render.table_html(HEADERS, [r.row() for r in shown], ["pass" if r.passed else "fail" for r in shown],
                             wide=(2, 3, 4, 5, 7))


def feedback_html(store: FeedbackStore, which: str | None) -> str:
    """The staff tab's feedback table (全部 / 有用 / 没用); every stored value is escaped by render.table_html."""
    rating = {"全部": None, "有用": "up", "没用": "down"}.get(which or "全部")
    rows = [[f.id, f.created, "有用" if f.rating == "up" else "没用", f.question, f.answer,
             "；".join(f"{c.get('doc_number') or c.get('title')} {c.get('label')}" for c in f.citations),
             f.comment, f.index_version] for f in store.list(rating)]
    return render.table_html(["编号", "时间", "评价", "问题", "回答", "引用", "意见", "索引版本"], rows, wide=(3, 4, 5, 6))


def _export_dir() -> Path:
    """Exports go under Gradio's upload folder, which lies in the data folder, so they can be downloaded."""
    folder = Path(os.environ["GRADIO_TEMP_DIR"]) / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def prepare_environment() -> Path:
    """Offline settings that must be in place before gradio is imported; returns the data folder."""
    from assistant.ui.gradio_stubs import skip_stub_rewrite
    from index.paths import data_dir

    skip_stub_rewrite()
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
                              theme=theme, css=CSS, head=HEAD + GLOBAL_CSS, pwa=False, mcp_server=False,
                              enable_monitoring=False, show_error=False)
    return Guard(app, data, credentials)
