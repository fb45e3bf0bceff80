"""Load test of the HTTP API: start `gazette serve`, drive POST /api/ask with N concurrent clients for T seconds.

Reports errors (must be zero), latency p50/p95/p99, throughput and the server's RSS before and after;
writes bench/reports/load.md.

    .venv/bin/python bench/load_api.py [--clients 10] [--seconds 30] [--index DIR] [--max-requests 10000]
"""
from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "bench" / "reports" / "load.md"
# (question, expected 文号, expected clause label): every answer is checked, not just its status code.
QUESTIONS = [
    ("个体诊所设置有数量限制吗？", "温政办〔2019〕49号", "三、（一）"),
    ("社会办医疗机构采购医用设备有补助吗？", "温政办〔2019〕49号", "三、（九）"),
    ("到2021年智能装备产业总产值目标是多少？", "温政办〔2019〕48号", "二、（二）"),
    ("社会办医疗机构能纳入医保定点吗？", "温政办〔2019〕49号", "三、（十四）"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident set size of a process from /proc (Linux)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start_server(port: int, index: str | None, log_path: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "assistant", "serve", "--port", str(port)]
    if index:
        cmd += ["--index", index]
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    log = log_path.open("w")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api/health"
    deadline = time.monotonic() + 900  # first run builds the default index
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gazette serve 退出：\n{log_path.read_text()}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return proc
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    proc.terminate()
    raise SystemExit("gazette serve 未能在 15 分钟内启动")


def client(url: str, stop_at: float, offset: int, budget: threading.Semaphore, out: list, lock: threading.Lock):
    """One user: ask questions in turn until time is up or the shared request budget is spent."""
    session = requests.Session()
    i = offset
    while time.monotonic() < stop_at and budget.acquire(blocking=False):
        question, doc, label = QUESTIONS[i % len(QUESTIONS)]
        i += 1
        t0 = time.perf_counter()
        error = None
        try:
            r = session.post(url, json={"question": question}, timeout=120)
            if r.status_code != 200:
                error = f"HTTP {r.status_code}"
            else:
                c = (r.json().get("citations") or [{}])[0]
                if (c.get("doc_number"), c.get("label")) != (doc, label):
                    error = f"wrong citation {c.get('doc_number')} {c.get('label')}"
        except requests.RequestException as exc:
            error = type(exc).__name__
        with lock:
            out.append((time.perf_counter() - t0, error))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="HTTP 接口压力测试")
    parser.add_argument("--clients", type=int, default=10, help="并发客户端数（默认 10）")
    parser.add_argument("--seconds", type=float, default=30, help="持续时间，秒（默认 30）")
    parser.add_argument("--max-requests", type=int, default=10000, help="请求总数上限（默认 10000）")
    parser.add_argument("--index", help="索引目录（默认：数据目录/index，首次运行自动建立）")
    parser.add_argument("--report", default=str(REPORT), help="报告路径（默认 bench/reports/load.md）")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.seconds <= 0 or args.max_requests < 1:
        parser.error("--clients、--seconds、--max-requests 必须为正数")

    port = free_port()
    log_path = Path(tempfile.mkdtemp(prefix="gazette-load-")) / "serve.log"
    proc = start_server(port, args.index, log_path)
    try:
        url = f"http://127.0.0.1:{port}/api/ask"
        requests.post(url, json={"question": QUESTIONS[0][0]}, timeout=120)  # warm-up, not measured
        rss_before = rss_mb(proc.pid)
        results: list[tuple[float, str | None]] = []
        lock, budget = threading.Lock(), threading.Semaphore(args.max_requests)
        t0 = time.monotonic()
        stop_at = t0 + args.seconds
        threads = [threading.Thread(target=client, args=(url, stop_at, i, budget, results, lock), daemon=True)
                   for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(args.seconds + 300)
        elapsed = time.monotonic() - t0
        rss_after = rss_mb(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()

    latencies = [lat for lat, err in results if err is None]
    errors = [err for _, err in results if err is not None]
    if not latencies:
        print(f"没有成功的请求；错误：{errors[:5]}", file=sys.stderr)
        return 1
    stats = {
        "requests": len(results), "errors": len(errors), "elapsed": elapsed,
        "p50": percentile(latencies, 50), "p95": percentile(latencies, 95), "p99": percentile(latencies, 99),
        "mean": statistics.mean(latencies), "throughput": len(results) / elapsed,
        "rss_before": rss_before, "rss_after": rss_after,
    }
    report = render(args, stats, errors)
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).write_text(report, encoding="utf-8")
    print(report)
    return 0 if not errors else 1


def render(args, s: dict, errors: list[str]) -> str:
    cpu = os.cpu_count()
    verdict = "通过：零错误" if not errors else f"失败：{len(errors)} 个错误（例如 {sorted(set(errors))[:3]}）"
    return f"""# HTTP 接口压力测试（POST /api/ask）

`.venv/bin/python bench/load_api.py --clients {args.clients} --seconds {args.seconds:g}`：启动真实的 `gazette serve`
（127.0.0.1，真实向量模型），{args.clients} 个并发客户端在 {args.seconds:g} 秒内循环提问
（{len(QUESTIONS)} 个问题轮换，每个回答都核对首条引用的文号与条款）。

- 机器：{platform.machine()}，{cpu} 个 CPU 核，Python {platform.python_version()}
- 结果：**{verdict}**

| 指标 | 数值 |
|---|---|
| 请求数 | {s['requests']} |
| 错误数 | {s['errors']} |
| 用时（秒） | {s['elapsed']:.1f} |
| 吞吐（请求/秒） | {s['throughput']:.2f} |
| 延迟 p50（秒） | {s['p50']:.2f} |
| 延迟 p95（秒） | {s['p95']:.2f} |
| 延迟 p99（秒） | {s['p99']:.2f} |
| 平均延迟（秒） | {s['mean']:.2f} |
| 服务进程 RSS 压测前（MB） | {s['rss_before']:.0f} |
| 服务进程 RSS 压测后（MB） | {s['rss_after']:.0f} |

延迟包含排队：回答在 CPU 上计算（向量模型编码有锁，一次一批），{cpu} 个核时吞吐由模型编码决定，
并发客户端越多，单个请求等待越久；RSS 前后之差是压测期间的内存增长。
"""


if __name__ == "__main__":
    raise SystemExit(main())
