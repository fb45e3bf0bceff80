"""Issue and issue-date filters through the HTTP API (bundled gazette, fake embedder)."""
from __future__ import annotations



ISSUE = "温州市人民政府公报（总第203期）"


def _hits(client, query, filters):
    r = client.post("/api/search", json={"query": query, "k": 10, "filters": filters})
    assert r.status_code == 200, r.text
    return r.json()["hits"]


def test_issue_filter(client):
    hits = _hits(client, "医疗服务", {"issue": "203"})
    assert hits and all(h["gazette_issue"] == ISSUE for h in hits)
    assert _hits(client, "医疗服务", {"issue": "总第203期"})
    assert _hits(client, "医疗服务", {"issue": "204"}) == []


def test_undated_sections_match_dates_by_their_issue(client):
    july = _hits(client, "人事任免 副主任", {"kind": "appointments", "date_from": "2019-07-01", "date_to": "2019-07-31"})
    assert july and all(h["date"] is None and h["issue_date"] == "2019-07" for h in july)
    assert _hits(client, "人事任免 副主任", {"kind": "appointments", "date_from": "2019-08-01"}) == []


def test_ask_with_an_issue_not_in_the_index_abstains(client):
    r = client.post("/api/ask", json={"question": "开诊所有什么补贴？", "filters": {"issue": "205"}})
    assert r.status_code == 200 and r.json()["abstained"] is True


def test_issue_filter_must_be_a_string(client):
    r = client.post("/api/search", json={"query": "q", "filters": {"issue": 203}})
    assert r.status_code == 400 and "issue" in r.json()["error"]
