"""HTTP API: POST /api/ask, POST /api/search and an OpenAI-compatible POST /v1/chat/completions."""
from __future__ import annotations

import json
import time
import uuid
from dataclasses import fields

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from index.query import MAX_QUERY_CHARS, MODES, Filters

MAX_QUESTION = MAX_QUERY_CHARS
# Follow-ups are resolved against the last few turns; older ones are dropped so a long chat costs no more.
MAX_HISTORY = 20
MAX_HISTORY_ANSWER = 20_000
MAX_K = 50
MODEL_NAME = "gazette-assistant"


class BadRequest(Exception):
    """A request the API refuses, with the Chinese message returned in the 400 body."""


def _error(status: int, message: str, openai: bool = False) -> JSONResponse:
    body = {"error": {"message": message, "type": "invalid_request_error" if status == 400 else "server_error"}} \
        if openai else {"error": message}
    return JSONResponse(body, status_code=status)


async def _body(request: Request) -> dict:
    try:
        data = json.loads(await request.body() or b"null")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("请求体不是有效的 JSON。") from None
    if not isinstance(data, dict):
        raise BadRequest("请求体应为 JSON 对象。")
    return data


def _text(data: dict, key: str, name: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise BadRequest(f"缺少{name}：请在 \"{key}\" 字段中提供非空字符串。")
    if len(value) > MAX_QUESTION:
        raise BadRequest(f"{name}过长：最多 {MAX_QUESTION} 个字符。")
    return value.strip()


def _k(data: dict, default: int | None) -> int | None:
    k = data.get("k", default)
    if k is None:
        return None
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise BadRequest(f"\"k\" 应为 1 到 {MAX_K} 之间的整数。")
    return k


def _filters(data: dict) -> Filters | None:
    raw = data.get("filters")
    if raw is None:
        return None
    allowed = [f.name for f in fields(Filters)]
    if not isinstance(raw, dict):
        raise BadRequest(f"\"filters\" 应为对象，可用字段：{'、'.join(allowed)}。")
    unknown = sorted(set(raw) - set(allowed))
    if unknown:
        raise BadRequest(f"未知的筛选字段：{'、'.join(unknown)}；可用字段：{'、'.join(allowed)}。")
    for key, value in raw.items():
        if value is not None and not isinstance(value, str):
            raise BadRequest(f"筛选字段 \"{key}\" 应为字符串。")
    from index.errors import BadFilter

    filters = Filters(**{k: v or None for k, v in raw.items()})
    try:
        return filters.validate()
    except BadFilter as exc:
        raise BadRequest(str(exc)) from None


def _history(raw) -> list:
    from assistant.answer import HistoryError, parse_history

    if raw is None:
        return []
    if not isinstance(raw, list):
        raise BadRequest("\"history\" 应为列表：[{\"role\": \"user\"|\"assistant\", \"content\": ...}] 或 [[问题, 回答], ...]。")
    raw = raw[-MAX_HISTORY:]
    if any(_too_long(item) for item in raw):
        raise BadRequest(f"\"history\" 中的内容过长：问题最多 {MAX_QUESTION} 个字符，回答最多 {MAX_HISTORY_ANSWER} 个字符。")
    try:
        return parse_history(raw)
    except HistoryError:
        raise BadRequest("\"history\" 格式无效：每项应为 {\"role\": \"user\"|\"assistant\", \"content\": 字符串}，"
                         "或 [问题, 回答] 二元组。") from None


def _too_long(item) -> bool:
    """A history message or [question, answer] pair longer than a question or an answer can be."""
    if isinstance(item, dict):
        texts = [(item.get("content"), MAX_QUESTION if item.get("role") == "user" else MAX_HISTORY_ANSWER)]
    elif isinstance(item, (list, tuple)) and len(item) == 2:
        texts = [(item[0], MAX_QUESTION), (item[1], MAX_HISTORY_ANSWER)]
    else:
        return False
    return any(isinstance(text, str) and len(text) > limit for text, limit in texts)


def _server_error(exc: Exception, openai: bool = False) -> JSONResponse:
    from assistant.answer import AnswerError
    from index.errors import IndexStoreError, ModelUnavailable

    if isinstance(exc, (IndexStoreError, ModelUnavailable)):
        return _error(503, f"索引或模型不可用：{exc}", openai)
    if isinstance(exc, AnswerError):
        return _error(500, "回答失败，请稍后重试。", openai)
    raise exc


def build_router(service) -> APIRouter:
    router = APIRouter()

    @router.get("/api/health")
    def health():
        return {"status": "ok", "index_version": service.index_version, "clauses": len(service.records)}

    @router.post("/api/ask")
    async def ask(request: Request):
        try:
            data = await _body(request)
            question = _text(data, "question", "问题")
            history = _history(data.get("history"))
            filters, k = _filters(data), _k(data, None)
        except BadRequest as exc:
            return _error(400, str(exc))
        try:
            answer = await run_in_threadpool(service.ask, question, history, filters, k)
        except Exception as exc:  # noqa: BLE001 - named errors become 5xx, others propagate
            return _server_error(exc)
        return answer.to_json()

    @router.post("/api/search")
    async def search(request: Request):
        try:
            data = await _body(request)
            query = _text(data, "query", "检索词")
            filters, k = _filters(data), _k(data, 10)
            mode = data.get("mode", "hybrid")
            if mode not in MODES:
                raise BadRequest(f"\"mode\" 的取值无效；可用取值：{'、'.join(MODES)}。")
        except BadRequest as exc:
            return _error(400, str(exc))
        try:
            hits = await run_in_threadpool(service.search, query, k, filters, mode)
        except Exception as exc:  # noqa: BLE001
            return _server_error(exc)
        return {"query": query, "hits": [h.to_json() for h in hits]}

    @router.post("/v1/chat/completions")
    async def chat_completions(request: Request):
        try:
            data = await _body(request)
            question, history = _messages(data.get("messages"))
            history = _history(history)
            filters = _filters(data)
            stream = data.get("stream", False)
            if not isinstance(stream, bool):
                raise BadRequest("\"stream\" 应为 true 或 false。")
        except BadRequest as exc:
            return _error(400, str(exc), openai=True)
        try:
            answer = await run_in_threadpool(service.ask, question, history, filters)
        except Exception as exc:  # noqa: BLE001
            return _server_error(exc, openai=True)
        model = data.get("model") if isinstance(data.get("model"), str) else MODEL_NAME
        if stream:
            return StreamingResponse(_sse(answer, model), media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache"})
        return _completion(answer, model)

    return router


def _content(value) -> str | None:
    """A message's text: a string, or OpenAI content parts [{"type": "text", "text": ...}]."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(p, dict) for p in value):
        texts = [p.get("text") for p in value if p.get("type") == "text"]
        if all(isinstance(t, str) for t in texts):
            return "".join(texts)
    return None


def _messages(messages) -> tuple[str, list[dict]]:
    """The last user message is the question; earlier user/assistant messages are the history."""
    if not isinstance(messages, list) or not messages:
        raise BadRequest("缺少 \"messages\"：应为非空列表，最后一条为用户消息。")
    clean = []
    for m in messages:
        role = m.get("role") if isinstance(m, dict) else None
        content = _content(m.get("content")) if isinstance(m, dict) else None
        if role not in ("system", "user", "assistant", "developer") or content is None:
            raise BadRequest("\"messages\" 中每项应为 {\"role\": \"system\"|\"user\"|\"assistant\", \"content\": 字符串}。")
        if role in ("user", "assistant"):
            clean.append({"role": role, "content": content})
    if not clean or clean[-1]["role"] != "user" or not clean[-1]["content"].strip():
        raise BadRequest("最后一条消息应为非空的用户消息（role 为 user）。")
    question = clean[-1]["content"].strip()
    if len(question) > MAX_QUESTION:
        raise BadRequest(f"问题过长：最多 {MAX_QUESTION} 个字符。")
    return question, clean[:-1]


def message_content(answer) -> str:
    """The answer text, then the citation list, as one message."""
    from assistant.ui.render import copy_text

    return copy_text(answer)


def _completion(answer, model: str) -> dict:
    content = message_content(answer)
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        "citations": [c.to_json() for c in answer.citations],
        "abstained": answer.abstained,
    }


def _sse(answer, model: str):
    """chat.completion.chunk events: the role, the content line by line, then finish_reason with citations."""
    cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())

    def chunk(delta: dict, finish: str | None = None, **extra) -> str:
        body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    lines = message_content(answer).split("\n")
    for i, line in enumerate(lines):
        yield chunk({"content": line + ("\n" if i < len(lines) - 1 else "")})
    yield chunk({}, "stop", citations=[c.to_json() for c in answer.citations], abstained=answer.abstained)
    yield "data: [DONE]\n\n"
