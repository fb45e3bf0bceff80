"""deploy/docker-compose.yml: `docker compose config` where docker has the compose plugin, else a schema check."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"

# The part of the Compose specification (compose-spec.io) this file uses; unknown keys are errors here.
SERVICE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "image": {"type": "string"}, "build": {"type": "object", "required": ["context"],
                                              "properties": {"context": {"type": "string"},
                                                             "dockerfile": {"type": "string"}},
                                              "additionalProperties": False},
        "command": {"type": ["string", "array"]}, "environment": {"type": "object",
                                                                 "additionalProperties": {"type": "string"}},
        "volumes": {"type": "array", "items": {"type": "string"}}, "ports": {"type": "array", "items": {"type": "string"}},
        "expose": {"type": "array", "items": {"type": "string"}}, "security_opt": {"type": "array"},
        "healthcheck": {"type": "object", "required": ["test"]},
        "depends_on": {"type": ["array", "object"]}, "restart": {"enum": ["no", "always", "on-failure", "unless-stopped"]},
        "deploy": {"type": "object", "properties": {"replicas": {"type": "integer", "minimum": 1}}},
    },
    "anyOf": [{"required": ["image"]}, {"required": ["build"]}],
}
COMPOSE = {
    "type": "object", "required": ["services"], "additionalProperties": False,
    "properties": {"name": {"type": "string"}, "services": {"type": "object", "additionalProperties": SERVICE},
                   "volumes": {"type": ["object"]}},
}


@pytest.fixture(scope="module")
def compose():
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))


def test_docker_compose_config_when_available(tmp_path):
    if not shutil.which("docker") or subprocess.run(["docker", "compose", "version"], capture_output=True).returncode:
        pytest.skip("此机器没有 docker compose：改用下面的 YAML 结构检查")
    env = {"MINIO_ACCESS_KEY": "a", "MINIO_SECRET_KEY": "b", "GAZETTE_MILVUS_TOKEN": "c", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(["docker", "compose", "-f", str(DEPLOY / "docker-compose.yml"), "config", "-q"],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr


def test_compose_file_matches_the_schema(compose):
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(compose, COMPOSE)


def test_services_volumes_and_dependencies_resolve(compose):
    services = compose["services"]
    assert {"etcd", "minio", "milvus", "gazette", "nginx"} <= set(services)
    for name, svc in services.items():
        for dep in svc.get("depends_on", []):
            assert dep in services, (name, dep)
        for vol in svc.get("volumes", []):
            source = vol.split(":")[0]
            if not source.startswith((".", "/")):
                assert source in compose["volumes"], (name, source)
            elif source.startswith("."):
                assert (DEPLOY / source).exists(), (name, source)
    assert (DEPLOY / services["gazette"]["build"]["dockerfile"].removeprefix("deploy/")).is_file()


def test_gazette_points_at_milvus_and_keeps_secrets_out(compose):
    gazette = compose["services"]["gazette"]
    assert gazette["environment"]["GAZETTE_STORE"] == "http://milvus:19530"
    assert gazette["deploy"]["replicas"] >= 2 and "ports" not in gazette  # only nginx is published
    for svc in compose["services"].values():
        for key, value in svc.get("environment", {}).items():
            if any(word in key for word in ("SECRET", "TOKEN", "PASSWORD", "ACCESS_KEY")):
                assert value.startswith("${"), key  # from the environment, never written here
    assert "server gazette:7860" in (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
