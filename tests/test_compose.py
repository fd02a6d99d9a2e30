"""docker-compose.yml is checked by structure (no Docker engine runs here)."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_compose_file_structure() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert len(services) == 1
    (service,) = services.values()
    context = ROOT / service["build"]["context"]
    assert (context / service["build"].get("dockerfile", "Dockerfile")).is_file()
    assert any(str(p).split(":")[-1] == "8000" for p in service["ports"])
    volume_names = [v.split(":")[0] for v in service["volumes"]]
    assert all(name in compose["volumes"] for name in volume_names)
    assert any(v.endswith(":/app/var") or ":/app/var" in v for v in service["volumes"])


def test_dockerfile_builds_and_serves() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "aseankg build" in dockerfile and "aseankg" in dockerfile and "serve" in dockerfile
    assert "EXPOSE 8000" in dockerfile
