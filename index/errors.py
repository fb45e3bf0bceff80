"""Named errors of the index stage; each message says, in Chinese, what to do next."""
from __future__ import annotations


def rebuild_hint(index_dir) -> str:
    return f"请运行 `gazette index --index {index_dir}` 重新建立索引。"


class IndexStoreError(Exception):
    """Base class: the index folder cannot be used as it is."""

    def __init__(self, index_dir, detail: str):
        self.index_dir = str(index_dir)
        self.detail = detail
        super().__init__(f"{detail}{rebuild_hint(index_dir)}")


class IndexMissing(IndexStoreError):
    """No index (no manifest.json) in the folder."""

    def __init__(self, index_dir):
        super().__init__(index_dir, f"索引不存在：{index_dir}。")


class IndexCorrupt(IndexStoreError):
    """A file is missing, truncated, or does not match its recorded checksum."""

    def __init__(self, index_dir, what: str):
        self.what = what
        super().__init__(index_dir, f"索引已损坏（{what}）：{index_dir}。")


class IndexIncompatible(IndexStoreError):
    """Written by another format version, or for a model with other dimensions."""

    def __init__(self, index_dir, what: str):
        self.what = what
        super().__init__(index_dir, f"索引与当前版本或模型不兼容（{what}）：{index_dir}。")


class ModelUnavailable(Exception):
    """The embedding model cannot be found or loaded offline."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"无法加载向量模型 {name}：{reason}。可用 --model 指定本地模型目录，或设置环境变量 GAZETTE_MODEL。")


class BadFilter(ValueError):
    """A search filter or mode with a value outside the allowed ones."""

    def __init__(self, name: str, value, allowed: str):
        self.name = name
        self.value = value
        self.allowed = allowed
        super().__init__(f"筛选条件 {name} 的取值无效：{value!r}；允许的取值：{allowed}。")
