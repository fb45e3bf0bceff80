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
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own data folder; no test touches ~/.local/share/gazette."""
    folder = tmp_path / "data"
    monkeypatch.setenv("GAZETTE_DATA", str(folder))
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    for name in ("GAZETTE_INDEX", "GAZETTE_MODEL", "GAZETTE_AUTH", "GAZETTE_LLM_BASE_URL", "GAZETTE_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    return folder


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

    def __init__(self, index_dir: Path, data_dir: Path, auth: str | None = None, timeout: float = 180):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        env = {**os.environ, "GAZETTE_DATA": str(data_dir), "GRADIO_ANALYTICS_ENABLED": "False",
               "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
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


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
