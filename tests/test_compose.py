"""docker-compose.yml, the Dockerfiles and .dockerignore, checked offline.

No Docker engine is needed: the compose file is validated against the compose-spec schema
(check-jsonschema's vendored copy), by Debian's ``docker-compose config`` (v1.29) when it is
installed, and by assertions on the parsed YAML.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
ES_URL = "http://elasticsearch:9200"
PRESSWATCH_SERVICES = ("airflow", "app")

# ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR?err}, $VAR (no nesting: v1.29 has none)
_INTERPOLATION = re.compile(
    r"\$(?:\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?P<op>:?[-?])?(?P<arg>[^}]*)\}"
    r"|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))"
)
_SECRET_KEY = re.compile(r"PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|CREDENTIAL", re.IGNORECASE)


def interpolate_defaults(value: str) -> str:
    """Resolve compose interpolation as if no variable were set (defaults only, deterministic)."""

    def repl(m: re.Match[str]) -> str:
        if m.group("op") in (":-", "-"):
            return m.group("arg")
        return ""

    return _INTERPOLATION.sub(repl, value.replace("$$", "\0")).replace("\0", "$")


def is_interpolated(value: str) -> bool:
    """True when value is empty or made only of ${...} references (the secret comes from outside)."""
    return _INTERPOLATION.sub("", value).strip() == ""


def env_of(service: dict[str, Any]) -> dict[str, str]:
    """A service's environment as a dict, whether written as a mapping or as a list of K=V."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        pairs = (item.split("=", 1) if "=" in item else (item, "") for item in env)
        return {k: v for k, v in pairs}
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def depends_on(service: dict[str, Any]) -> dict[str, str]:
    """depends_on as {service: condition}, for both the short (list) and the long form."""
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {name: "service_started" for name in deps}
    return {name: (spec or {}).get("condition", "service_started") for name, spec in deps.items()}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "docker-compose.yml must be a mapping"
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return compose["services"]


# ---- external validators --------------------------------------------------------------------


def test_compose_spec_schema() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, f"compose-spec schema violations:\n{proc.stdout}\n{proc.stderr}"


@pytest.mark.skipif(
    shutil.which("docker-compose") is None,
    reason="docker-compose (Debian package docker-compose, v1.29) not on PATH",
)
def test_docker_compose_v1_config() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMPOSE_", "DOCKER_"))}
    proc = subprocess.run(
        ["docker-compose", "--project-directory", str(ROOT), "-f", str(COMPOSE), "config", "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, f"docker-compose config rejected the file:\n{proc.stderr}"


# ---- structure --------------------------------------------------------------------------------


def test_no_obsolete_version_key(compose: dict[str, Any]) -> None:
    assert "version" not in compose, "the compose spec dropped the top-level `version:` key"


def test_expected_services(services: dict[str, dict[str, Any]]) -> None:
    assert {"elasticsearch", "mailpit", "airflow", "app"} <= set(services)


def test_depends_on_refers_to_defined_services(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        for dep, condition in depends_on(service).items():
            assert dep in services, f"{name}: depends_on unknown service {dep!r}"
            assert dep != name, f"{name} depends on itself"
            assert condition in {"service_started", "service_healthy", "service_completed_successfully"}
            if condition == "service_healthy":
                assert "healthcheck" in services[dep], (
                    f"{name} waits for {dep} healthy, which has no healthcheck"
                )


def test_named_volumes_are_declared(compose: dict[str, Any], services: dict[str, dict[str, Any]]) -> None:
    declared = set(compose.get("volumes") or {})
    for name, service in services.items():
        for volume in service.get("volumes") or []:
            source = volume.split(":", 1)[0] if isinstance(volume, str) else volume.get("source", "")
            if source and not source.startswith((".", "/", "~", "$")):
                assert source in declared, f"{name}: named volume {source!r} not declared at top level"


# ---- elasticsearch ----------------------------------------------------------------------------


def test_elasticsearch_is_pinned_9x_single_node(services: dict[str, dict[str, Any]]) -> None:
    es = services["elasticsearch"]
    m = re.fullmatch(r"docker\.elastic\.co/elasticsearch/elasticsearch:(\d+)\.(\d+)\.(\d+)", es["image"])
    assert m, f"elasticsearch image must be pinned to an exact version: {es['image']}"
    assert m.group(1) == "9", "the client is elasticsearch-py 9.x: the server must be 9.x too"
    env = env_of(es)
    assert env["discovery.type"] == "single-node"
    assert env["xpack.security.enabled"] == "false"
    heap = interpolate_defaults(env["ES_JAVA_OPTS"])
    xms, xmx = re.search(r"-Xms(\S+)", heap), re.search(r"-Xmx(\S+)", heap)
    assert xms and xmx and xms.group(1) == xmx.group(1), f"set equal -Xms/-Xmx: {heap}"


def test_elasticsearch_healthcheck_memlock_and_volume(
    compose: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    es = services["elasticsearch"]
    test = es["healthcheck"]["test"]
    command = " ".join(test) if isinstance(test, list) else test
    assert "curl" in command and "_cluster/health" in command
    memlock = es["ulimits"]["memlock"]
    assert memlock == {"soft": -1, "hard": -1}
    assert env_of(es).get("bootstrap.memory_lock") == "true"
    mounts = [v for v in es["volumes"] if v.endswith(":/usr/share/elasticsearch/data")]
    assert mounts and mounts[0].split(":", 1)[0] in (compose.get("volumes") or {})


# ---- wiring of the presswatch services ----------------------------------------------------------


@pytest.mark.parametrize("name", PRESSWATCH_SERVICES)
def test_presswatch_services_use_elasticsearch_and_mailpit(
    services: dict[str, dict[str, Any]], name: str
) -> None:
    service = services[name]
    env = env_of(service)
    assert interpolate_defaults(env["PRESSWATCH_BACKEND"]) == ES_URL
    smtp = urlsplit(interpolate_defaults(env["PRESSWATCH_SMTP_URL"]))
    assert smtp.scheme == "smtp" and smtp.hostname == "mailpit" and smtp.port == 1025
    assert any(p.split(":")[-1] == "1025" for p in services["mailpit"]["ports"])
    assert env["PRESSWATCH_DATA_DIR"] == "/data"
    deps = depends_on(service)
    assert deps.get("elasticsearch") == "service_healthy"
    assert "mailpit" in deps


def test_app_is_one_shot(services: dict[str, dict[str, Any]]) -> None:
    app = services["app"]
    assert app["command"] == ["presswatch", "run"]
    assert str(app.get("restart", "no")) == "no" or app.get("profiles"), "app must not restart in a loop"


def test_every_presswatch_command_exists(services: dict[str, dict[str, Any]]) -> None:
    """A service may only run commands the CLI really has."""
    from presswatch.cli import main

    for name, service in services.items():
        command = service.get("command")
        if isinstance(command, list) and command and command[0] == "presswatch":
            assert command[1] in main.commands, f"{name}: `presswatch {command[1]}` is not a command"


def test_airflow_service(services: dict[str, dict[str, Any]]) -> None:
    airflow = services["airflow"]
    assert "standalone" in str(airflow["command"])
    env = env_of(airflow)
    assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "False"
    dags_folder = env["AIRFLOW__CORE__DAGS_FOLDER"]
    binds = [v.split(":") for v in airflow["volumes"] if isinstance(v, str)]
    assert any(src in ("./dags", "dags") and dst == dags_folder for src, dst, *_ in binds), (
        f"AIRFLOW__CORE__DAGS_FOLDER={dags_folder} is not where ./dags is mounted"
    )


# ---- build contexts and Dockerfiles -------------------------------------------------------------


def _dockerfiles(services: dict[str, dict[str, Any]]) -> dict[str, Path]:
    found = {}
    for name, service in services.items():
        build = service.get("build")
        if build is None:
            continue
        if isinstance(build, str):
            build = {"context": build}
        context = (ROOT / build.get("context", ".")).resolve()
        assert context.is_dir(), f"{name}: build context {context} does not exist"
        dockerfile = context / build.get("dockerfile", "Dockerfile")
        assert dockerfile.is_file(), f"{name}: {dockerfile} does not exist"
        if "target" in build:
            stages = re.findall(r"(?im)^FROM\s+\S+\s+AS\s+(\S+)", dockerfile.read_text(encoding="utf-8"))
            assert build["target"] in stages, f"{name}: no stage {build['target']!r} in {dockerfile}"
        found[name] = dockerfile
    return found


def test_build_contexts_and_dockerfiles_exist(services: dict[str, dict[str, Any]]) -> None:
    found = _dockerfiles(services)
    assert {"airflow", "app"} <= set(found)


def test_app_dockerfile() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"(?m)^ARG PYTHON_IMAGE=python:3\.11-slim$", text) or "FROM python:3.11-slim" in text
    assert re.search(r"(?m)^RUN pip install \.$", text)
    users = re.findall(r"(?m)^USER\s+(\S+)", text)
    assert users and users[-1] not in ("root", "0"), "the app must not run as root"
    assert "PRESSWATCH_DATA_DIR=/data" in text
    assert re.search(r'(?m)^VOLUME \["/data"\]$', text)
    assert re.search(r'(?m)^CMD \["presswatch", "run"\]$', text)


def test_airflow_dockerfile() -> None:
    text = (ROOT / "docker" / "airflow.Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"(?m)^ARG AIRFLOW_IMAGE=apache/airflow:3\.3\.\d+", text)
    assert '"apache-airflow==${AIRFLOW_VERSION}"' in text, "pin Airflow so pip cannot replace it"
    users = re.findall(r"(?m)^USER\s+(\S+)", text)
    assert users and users[-1] == "airflow"


def test_dags_folder_is_present() -> None:
    dags = ROOT / "dags"
    if not dags.is_dir():
        pytest.skip("dags/ not in the tree yet: the airflow service would mount an empty folder")
    assert any(dags.glob("*.py")), "dags/ holds no DAG file"


def test_dockerignore() -> None:
    lines = {line.strip() for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()}
    for entry in (".venv", ".git", "data", "**/__pycache__", ".pytest_cache", ".env"):
        assert entry in lines, f".dockerignore must exclude {entry}"
    for needed in ("pyproject.toml", "README.md", "presswatch", "dags"):
        assert needed not in lines, f".dockerignore must not exclude {needed}: the build needs it"


# ---- secrets ----------------------------------------------------------------------------------


def test_no_plaintext_secrets(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        for key, value in env_of(service).items():
            if _SECRET_KEY.search(key):
                assert is_interpolated(value), f"{name}: {key} is hard-coded; use ${{VAR:-}} interpolation"
            # Drop ${...} first: what is left of a URL's password must be empty.
            for url in re.findall(r"[a-z][a-z0-9+.-]*://\S+", _INTERPOLATION.sub("", value)):
                password = urlsplit(url).password
                assert not password, f"{name}: {key} carries a plaintext password"


def test_no_password_literals_in_file() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    for line in text.splitlines():
        code = _INTERPOLATION.sub("", line.split("#", 1)[0])
        m = re.search(r"(?i)(password|passwd|secret|token)\w*\s*[:=]\s*(\S*)", code)
        if m:
            assert not m.group(2).strip("'\""), f"plaintext secret: {line.strip()}"


def test_interpolation_helpers() -> None:
    assert interpolate_defaults("smtp://${U:-me}:${P:-}@mailpit:1025") == "smtp://me:@mailpit:1025"
    assert interpolate_defaults("a$$b ${X} $Y") == "a$b  "
    assert is_interpolated("${P:-}") and is_interpolated("") and not is_interpolated("hunter2")
