"""`gazette serve`: the chat UI and the HTTP API in one local process."""
from __future__ import annotations

import os
import socket
import sys

from assistant.commands import errors


def add_arguments(parser) -> None:
    from assistant.commands.store import add_store_argument

    add_store_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，仅本机可访问）")
    parser.add_argument("--port", type=int, default=7860, help="端口（默认 7860）")
    parser.add_argument("--index", metavar="DIR", help="索引目录（默认：$GAZETTE_INDEX 或 数据目录/index，首次运行自动建立）")
    parser.add_argument("--model", metavar="M", help="查询所用向量模型（默认：建索引时的模型）")
    parser.add_argument("--auth", metavar="USER:PASS",
                        help="要求登录（界面与接口都受保护）；也可用环境变量 GAZETTE_AUTH")


def run(args) -> int:
    from assistant.ui.app import prepare_environment
    from assistant.ui.guard import parse_credentials

    try:
        credentials = parse_credentials(args.auth or os.environ.get("GAZETTE_AUTH"))
    except ValueError as exc:
        return errors.usage(f"--auth 无效：{exc}。")
    if not 0 < args.port < 65536:
        return errors.usage("--port 应为 1 到 65535 之间的整数。")
    if not _port_free(args.host, args.port):
        return errors.failed(f"无法启动：{args.host}:{args.port} 已被占用，请用 --port 指定其他端口。")
    prepare_environment()
    from index.errors import IndexStoreError, ModelUnavailable

    from assistant.answer import ConfigError
    from assistant.ui.service import Service

    print("正在加载索引与模型（首次运行会先建立索引，需要几分钟）…", file=sys.stderr, flush=True)
    try:
        from assistant.commands.store import service_for

        service = service_for(args) or Service.open(args.index, args.model)
        service.warm()  # the model loads in the background while the UI is built
        from assistant.ui.app import create_app

        app = create_app(service, credentials)
        service.ready()
    except ConfigError as exc:
        return errors.config_invalid(exc)
    except (IndexStoreError, ModelUnavailable) as exc:
        return errors.failed(f"无法启动：{exc}")

    import uvicorn

    shown = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    print(f"已启动：http://{shown}:{args.port}/  （HTTP 接口：POST /api/ask、/api/search、/v1/chat/completions；"
          f"按 Ctrl+C 退出）", file=sys.stderr, flush=True)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not credentials:
        print("注意：服务对其他机器可见且未设置 --auth。", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return errors.EXIT_OK


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does, so TIME_WAIT is no conflict
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True
