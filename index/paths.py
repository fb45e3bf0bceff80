"""Where the data folder and the default index live."""
from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """`GAZETTE_DATA`, else ~/.local/share/gazette."""
    env = os.environ.get("GAZETTE_DATA")
    return Path(env).expanduser() if env else Path.home() / ".local" / "share" / "gazette"


def default_index_dir() -> Path:
    """`GAZETTE_INDEX`, else <data dir>/index."""
    env = os.environ.get("GAZETTE_INDEX")
    return Path(env).expanduser() if env else data_dir() / "index"


def resolve_index_dir(index_dir: str | os.PathLike | None) -> Path:
    return Path(index_dir).expanduser() if index_dir else default_index_dir()
