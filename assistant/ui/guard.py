"""ASGI middleware in front of everything: optional HTTP Basic auth, and no file route outside the data folder."""
from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
from pathlib import Path
from urllib.parse import unquote


def parse_credentials(value: str | None) -> tuple[str, str] | None:
    """"user:pass" -> (user, pass); None for None or ""; ValueError when there is no colon or no user."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user:
        raise ValueError("认证信息格式应为 用户名:密码")
    return user, password


class Guard:
    """Basic auth for HTTP and WebSocket when credentials are set; 403 for /file= paths outside `root`."""

    def __init__(self, app, root: Path, credentials: tuple[str, str] | None = None):
        self.app = app
        self.root = Path(root).resolve()
        self.credentials = credentials

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        if self.credentials and not self._authorized(scope):
            return await self._deny(scope, send, 401, "需要登录：请提供正确的用户名和密码。",
                                    [(b"www-authenticate", b'Basic realm="gazette", charset="UTF-8"')])
        if not self._path_allowed(scope):
            return await self._deny(scope, send, 403, "禁止访问该文件。")
        return await self.app(scope, receive, send)

    def _authorized(self, scope) -> bool:
        header = dict(scope.get("headers") or []).get(b"authorization", b"")
        scheme, _, token = header.partition(b" ")
        if scheme.lower() != b"basic":
            return False
        try:
            user, _, password = base64.b64decode(token.strip(), validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        want_user, want_password = self.credentials
        # Both compared, always, so timing does not tell which one was wrong.
        ok_user = secrets.compare_digest(user.encode(), want_user.encode())
        ok_password = secrets.compare_digest(password.encode(), want_password.encode())
        return ok_user and ok_password

    def _path_allowed(self, scope) -> bool:
        raw = scope.get("raw_path") or scope.get("path", "").encode()
        path = unquote(unquote(raw.decode("latin-1").split("?", 1)[0]))
        if "file=" not in path:
            return ".." not in path.split("/")
        target = path.split("file=", 1)[1]
        if target.startswith(("http://", "https://")):
            return False
        resolved = Path(os.path.abspath(target if os.path.isabs(target) else os.path.join(os.getcwd(), target)))
        return resolved == self.root or self.root in resolved.parents

    async def _deny(self, scope, send, status: int, message: str, headers=()):
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()), *headers]})
        await send({"type": "http.response.body", "body": body})
