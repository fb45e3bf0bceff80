"""The CLI's hooks for `--store` and `--ray`: each command adds one argument and asks here first; the local index
folder stays the default path through the command's own code."""
from __future__ import annotations

import json
import sys

from index.errors import IndexStoreError

STORE_HELP = "检索存储：以 .db 结尾的文件为嵌入式 milvus-lite，http(s)://主机:19530 为 Milvus 服务（默认：$GAZETTE_STORE 或本地索引目录）"


class StoreUnavailable(IndexStoreError):
    """The Milvus store cannot be opened: extras not installed, server unreachable, or nothing indexed there."""

    def __init__(self, uri: str, reason: str):
        self.uri, self.reason = uri, reason
        Exception.__init__(self, f"无法使用检索存储 {uri}：{reason}。")
        self.index_dir, self.detail = uri, reason


def add_store_argument(parser) -> None:
    parser.add_argument("--store", metavar="PATH_OR_URI", help=STORE_HELP)


def add_ray_argument(parser) -> None:
    parser.add_argument("--ray", nargs="?", const="local", metavar="ADDRESS",
                        help="用 Ray Data 并行解析与嵌入；给出集群地址（如 ray://head:10001）则连接该集群，否则在本机按 CPU 核数启动")


def milvus_uri(args) -> str | None:
    """The Milvus store the command should use, or None for the local index folder."""
    from index.stores import chosen_store
    from index.stores.milvus import is_milvus_uri

    uri = chosen_store(getattr(args, "store", None))
    return uri if uri and is_milvus_uri(uri) else None


def searcher_for(args, default):
    """A MilvusSearcher when --store / GAZETTE_STORE names Milvus, else `default()` (the command's own loading)."""
    uri = milvus_uri(args)
    if uri is None:
        return default()
    try:
        from index.stores import open_store

        return open_store(uri, getattr(args, "model", None))
    except ImportError as exc:
        raise StoreUnavailable(uri, f"未安装 Milvus 可选依赖（pip install -e .[scale]）：{exc.name}") from None
    except IndexStoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - pymilvus raises its own types for a server that is down
        raise StoreUnavailable(uri, _reason(exc)) from None


def service_for(args):
    """The serve command's Service over Milvus, or None for the local index folder."""
    uri = milvus_uri(args)
    if uri is None:
        return None
    from assistant.answer import LLMSettings, load_config
    from assistant.ui.service import Service
    from index.paths import data_dir

    searcher = searcher_for(args, None)
    return Service(searcher, data_dir(), load_config(data_dir()), LLMSettings.from_env())


def run_index(args) -> int | None:
    """`gazette index` with --store Milvus or --ray; None when neither applies (the local build runs as before)."""
    uri = milvus_uri(args)
    ray_address = getattr(args, "ray", None)
    if uri is None and ray_address is None:
        return None
    target = uri or getattr(args, "index", None)
    try:
        if ray_address is not None:
            from index.stores.ray_ingest import ray_build

            summary, timings = ray_build(target, args.sources or None, args.model,
                                         address=None if ray_address == "local" else ray_address)
            extra = {"ray": {"workers": timings.workers, "parse_seconds": timings.parse_seconds,
                             "embed_seconds": timings.embed_seconds, "texts": timings.texts}}
        else:
            from index.stores import build_store

            summary, extra = build_store(uri, args.sources or None, args.model), {}
    except ImportError as exc:
        print(f"建立索引失败：未安装可选依赖 {exc.name}（pip install -e .[scale]）。", file=sys.stderr)
        return 1
    except (IndexStoreError, OSError, ValueError) as exc:
        print(f"建立索引失败：{exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - Milvus or Ray errors of their own types
        print(f"建立索引失败：{_reason(exc)}", file=sys.stderr)
        return 1
    data = {**summary.to_json(), **extra}
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    where = data.get("store") or data.get("index_dir")
    print(f"索引已写入 {where}")
    print(f"  条款 {data['clauses']} 条；来源文件：新增 {len(data['added'])}，变更 {len(data['changed'])}，"
          f"删除 {len(data['removed'])}，未变 {len(data['unchanged'])}，跳过 {len(data['skipped'])}")
    print(f"  新嵌入 {data['embedded']} 段，复用 {data['reused']} 段；模型 {data['model']}；用时 {data['seconds']:.1f} 秒")
    if extra:
        r = extra["ray"]
        print(f"  Ray：{r['workers']} 个工作进程，解析 {r['parse_seconds']:.1f} 秒，嵌入 {r['embed_seconds']:.1f} 秒")
    return 0


def _reason(exc: Exception) -> str:
    """A one-line reason without credentials (pymilvus messages may echo the URI, never the token)."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    for name in ("GAZETTE_MILVUS_TOKEN", "GAZETTE_MILVUS_PASSWORD"):
        import os

        secret = os.environ.get(name)
        if secret:
            text = text.replace(secret, "***")
    return f"{type(exc).__name__}: {text[:300]}"
