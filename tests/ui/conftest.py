"""Fixtures for the UI tests: indexes over the bundled gazette (fake or real model) and live `gazette serve` processes."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(autouse=True)
def _own_data_dir(data_dir):
    """Every test here gets its own data folder (tests/conftest.py)."""


@pytest.fixture(scope="session")
def fake_index(tmp_path_factory) -> Path:
    """The bundled gazette indexed with the deterministic fake embedder (seconds, no model)."""
    from index.build import build_index

    folder = tmp_path_factory.mktemp("fake") / "index"
    build_index(None, folder, "fake-64", progress=False)
    return folder


@pytest.fixture(scope="session")
def real_index(tmp_path_factory) -> Path:
    """The bundled gazette indexed with the real m3e-small model (about a minute on two cores)."""
    from index.build import build_index

    folder = tmp_path_factory.mktemp("real") / "index"
    build_index(None, folder, None, progress=False)
    return folder


@pytest.fixture(scope="session")
def fake_service(fake_index):
    from assistant.ui.service import Service

    return Service.open(fake_index)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A `gazette serve` subprocess on a free port of 127.0.0.1."""

    def __init__(self, index_dir: Path, data_dir: Path, auth: str | None = None, timeout: float = 180,
                 env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        self.index_dir = index_dir
        env = {**os.environ, "GAZETTE_DATA": str(data_dir), "GRADIO_ANALYTICS_ENABLED": "False",
               "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONUNBUFFERED": "1", **(env or {})}
        env.pop("GAZETTE_AUTH", None)
        cmd = [sys.executable, "-m", "assistant", "serve", "--port", str(self.port), "--index", str(index_dir)]
        if auth:
            cmd += ["--auth", auth]
        data_dir.mkdir(parents=True, exist_ok=True)
        self.log = (data_dir / "serve.log").open("w")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait(timeout, auth)

    def _wait(self, timeout: float, auth: str | None) -> None:
        deadline = time.monotonic() + timeout
        creds = tuple(auth.split(":", 1)) if auth else None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gazette serve exited: {(self.data_dir / 'serve.log').read_text()}")
            try:
                if requests.get(self.url + "/api/health", auth=creds, timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError("gazette serve did not start in time")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


@pytest.fixture(scope="session")
def fake_server(fake_index, tmp_path_factory):
    server = Server(fake_index, tmp_path_factory.mktemp("fake-serve-data"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def real_server(real_index, tmp_path_factory):
    server = Server(real_index, tmp_path_factory.mktemp("real-serve-data"))
    yield server
    server.stop()


# Metadata the browser tests rely on, set through the parser hook of build_index so they hold whatever the
# metadata stage fills in today: one document whose period of validity has ended, and the issue month on all.
EXPIRED = {"温政办〔2019〕47号": "2020-12-31", "温政办〔2019〕49号": "2024-12-31"}
UI_TODAY = "2026-01-15"


def _ui_parser(path: Path) -> list:
    from dataclasses import replace

    from corpus.parse import parse_file

    docs = []
    for d in parse_file(path):
        d = replace(d, issue_date=d.issue_date or "2019-07")
        if d.doc_number in EXPIRED:
            d = replace(d, effective_until=EXPIRED[d.doc_number])
        docs.append(d)
    return docs


@pytest.fixture(scope="session")
def ui_index(tmp_path_factory) -> Path:
    """The bundled gazette with the fake embedder and a low abstention threshold, so answers with citations come
    in milliseconds: the browser tests check the page, not answer quality (the model tier does that)."""
    import json

    from index.build import build_index

    folder = tmp_path_factory.mktemp("ui") / "index"
    build_index(None, folder, "fake-64", parser=_ui_parser, progress=False)
    (folder / "answer_config.json").write_text(json.dumps({"abstain_threshold": 0.05}), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def expired_docs() -> dict[str, str]:
    return dict(EXPIRED)


@pytest.fixture(scope="session")
def serve():
    """Start another `gazette serve` (the caller stops it)."""
    return Server


# A short policy document in the format the parser reads (文号, 主送, numbered items, 落款), for "add an issue".
NEW_ISSUE = """温州市人民政府办公室关于做好2020年春节期间烟花爆竹安全管理工作的通知
温政办〔2020〕1号
各县（市、区）人民政府，市政府直属各单位：
为做好春节期间烟花爆竹安全管理工作，经市政府同意，现就有关事项通知如下：
一、严格落实禁放规定。市区禁止燃放区域内，任何单位和个人不得燃放烟花爆竹。
二、加强销售管理。烟花爆竹零售点应当取得许可，并在规定期限内经营。
温州市人民政府办公室
2020年1月2日
"""


@pytest.fixture
def new_issue(tmp_path) -> Path:
    path = tmp_path / "new-issue.txt"
    path.write_text(NEW_ISSUE, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def ui_server(ui_index, tmp_path_factory):
    server = Server(ui_index, tmp_path_factory.mktemp("ui-serve-data"), env={"GAZETTE_TODAY": UI_TODAY})
    yield server
    server.stop()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def client(fake_service, tmp_path_factory):
    """The HTTP API in process over the fake-embedder service; its own data folder for feedback."""
    from fastapi.testclient import TestClient

    saved = {k: os.environ.get(k) for k in ("GAZETTE_DATA", "GRADIO_TEMP_DIR")}
    os.environ["GAZETTE_DATA"] = str(tmp_path_factory.mktemp("api-data"))
    from assistant.ui.app import create_app

    with TestClient(create_app(fake_service)) as c:
        yield c
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
