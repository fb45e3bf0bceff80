"""`gazette serve` as a real process (fake embedder): page, API, file-route safety, auth, offline settings."""
from __future__ import annotations

import http.client
import re
import subprocess
import sys

import pytest
import requests

from tests.ui.conftest import ROOT, Server


def raw_get(url: str, path: str) -> int:
    """GET with the path sent as is (requests would normalize ../)."""
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", path)
    status = conn.getresponse().status
    conn.close()
    return status


def test_page_is_chinese_and_has_no_remote_assets(fake_server):
    r = requests.get(fake_server.url + "/", timeout=10)
    assert r.status_code == 200
    assert "政府公报问答助手" in r.text
    config = requests.get(fake_server.url + "/config", timeout=10).text
    for text in (r.text, config):
        remote = {u for u in re.findall(r"https?://[^\s\"'<>)\\]+", text)
                  if not u.startswith(("http://127.0.0.1", "http://localhost", "http://www.w3.org"))}
        assert not {u for u in remote if "fonts.googleapis" in u or "cdn" in u}
    theme = requests.get(fake_server.url + "/theme.css", timeout=10).text
    assert "Noto Sans CJK SC" in theme
    assert "googleapis" not in theme + config and "@import" not in theme


@pytest.mark.parametrize("path", [
    "/gradio_api/file=/etc/passwd",
    "/file=/etc/passwd",
    "/file=../../etc/passwd",
    "/gradio_api/file=../../../../etc/passwd",
    "/gradio_api/file=%2Fetc%2Fpasswd",
    "/gradio_api/file=..%2F..%2F..%2Fetc%2Fpasswd",
    "/static/../../../etc/passwd",
    "/assets/..%2F..%2F..%2Fetc%2Fpasswd",
])
def test_no_file_outside_the_data_folder(fake_server, path):
    assert raw_get(fake_server.url, path) in (403, 404)


def test_api_answers_over_http(fake_server):
    r = requests.post(fake_server.url + "/api/ask", json={"question": "到2021年智能装备产业总产值目标是多少？"}, timeout=60)
    assert r.status_code == 200 and r.json()["citations"][0]["label"] == "二、（二）"
    r = requests.post(fake_server.url + "/api/ask", json={"q": 1}, timeout=10)
    assert r.status_code == 400 and "问题" in r.json()["error"]


def test_auth_protects_ui_and_api(fake_index, tmp_path):
    server = Server(fake_index, tmp_path / "auth-data", auth="staff:s3cret")
    try:
        for path in ("/", "/config", "/api/health"):
            r = requests.get(server.url + path, timeout=10)
            assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic")
        assert requests.post(server.url + "/api/ask", json={"question": "q"}, timeout=10).status_code == 401
        assert requests.get(server.url + "/", auth=("staff", "wrong"), timeout=10).status_code == 401
        assert requests.get(server.url + "/", auth=("staff", "s3cret"), timeout=10).status_code == 200
        r = requests.post(server.url + "/api/search", json={"query": "诊所"}, auth=("staff", "s3cret"), timeout=30)
        assert r.status_code == 200 and r.json()["hits"]
    finally:
        server.stop()


def test_bad_auth_value_and_busy_port(fake_server, fake_index):
    run = [sys.executable, "-m", "assistant", "serve", "--index", str(fake_index)]
    p = subprocess.run(run + ["--auth", "nocolon"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "用户名:密码" in p.stderr
    p = subprocess.run(run + ["--port", str(fake_server.port)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.returncode == 1 and "已被占用" in p.stderr


def test_binds_loopback_only(fake_server):
    assert "127.0.0.1" in fake_server.url
    out = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout if _has_ss() else ""
    listening = [line for line in out.splitlines() if f":{fake_server.port} " in line]
    assert all("127.0.0.1" in line for line in listening)


def _has_ss() -> bool:
    from shutil import which

    return which("ss") is not None
