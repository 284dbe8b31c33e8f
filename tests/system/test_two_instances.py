"""Two real instances on one PostgreSQL and one Redis, behind Debian's nginx with deploy/nginx.conf.

What runs: ``deploy/nginx.conf`` itself, with only its ports, file paths and certificate swapped for
temporary ones (each swap must match exactly once, so the example cannot drift from what is tested), TLS
with a certificate made for the test, and two ``haelguiden serve`` processes in production mode that start
at the same moment on an empty PostgreSQL schema.

What is checked: the simultaneous first start (first writes to both at once: no error, one migration); a
whole self-check through nginx whose requests alternate between the instances (nginx's own log says which
one served each); a diary written on one instance and read on the other; one rate limit shared through
Redis; and nginx's access log holding no path, token or client address.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import signal
import ssl
import subprocess
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from haelguiden.knowledge.loader import load_knowledge

from ..realserver import REDIS_ENV, Server, free_port, in_ci, launch, need, postgres_schema, wait_until_up
from ..web.conftest import RUNNER
from ..web.pagecheck import question_form
from ..web.test_check_flow import form_values

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
HOST = "haelguiden.example"
SECRET = "two-instances-secret-key-0123456789-abcdefghij"
LIMIT = 300


@dataclass
class Tls:
    ca: Path
    cert: Path
    key: Path


def make_certificates(folder: Path) -> Tls:
    """A test CA and a certificate for haelguiden.example signed by it."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Hælguiden test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    tls = Tls(folder / "ca.pem", folder / "fullchain.pem", folder / "privkey.pem")
    tls.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    tls.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    tls.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return tls


def render_nginx_conf(folder: Path, tls: Tls, https: int, http: int, apps: tuple[int, int]) -> Path:
    """deploy/nginx.conf with its ports and paths swapped for the test's; every swap must match once."""
    text = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    swaps = {
        "pid /run/nginx-haelguiden.pid;": f"pid {folder}/nginx.pid;",
        "/var/log/nginx/haelguiden-error.log": str(folder / "error.log"),
        "/var/log/nginx/haelguiden-access.log": str(folder / "access.log"),
        "server 127.0.0.1:8001 ": f"server 127.0.0.1:{apps[0]} ",
        "server 127.0.0.1:8002 ": f"server 127.0.0.1:{apps[1]} ",
        "listen 80 default_server;": f"listen 127.0.0.1:{http} default_server;",
        "listen 443 ssl default_server;": f"listen 127.0.0.1:{https} ssl default_server;",
        "listen 80;": f"listen 127.0.0.1:{http};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https} ssl http2;",
        "/etc/ssl/haelguiden/fullchain.pem": str(tls.cert),
        "/etc/ssl/haelguiden/privkey.pem": str(tls.key),
    }
    for old, new in swaps.items():
        assert text.count(old) == 1, f"deploy/nginx.conf no longer has exactly one '{old}'"
        text = text.replace(old, new)
    # Temporary files of a test nginx stay in the test's folder too.
    temp = "".join(f"    {name}_temp_path {folder}/{name};\n" for name in ("client_body", "proxy"))
    text = text.replace("http {\n", "http {\n" + temp, 1)
    conf = folder / "nginx.conf"
    conf.write_text(text, encoding="utf-8")
    return conf


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        if in_ci():
            pytest.fail("nginx is not installed; scripts/services.sh installs it for CI")
        pytest.skip("nginx is not installed (bash scripts/services.sh)")
    return found


class ThroughNginx(httpx.Client):
    """A browser that reaches https://haelguiden.example through nginx on a loopback port."""

    def __init__(self, port: int, tls: Tls) -> None:
        super().__init__(
            base_url=f"https://127.0.0.1:{port}",
            headers={"Host": HOST},
            verify=ssl.create_default_context(cafile=str(tls.ca)),
            timeout=30,
            follow_redirects=True,
        )

    def request(self, method: str, url: Any, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        kwargs["extensions"] = {**(kwargs.get("extensions") or {}), "sni_hostname": HOST}
        return super().request(method, url, **kwargs)


@dataclass
class Deployment:
    apps: list[Server]
    nginx: subprocess.Popen[bytes]
    https: int
    tls: Tls
    folder: Path

    def upstreams(self) -> list[str]:
        """Which instance served each proxied request, in order (from nginx's access log)."""
        return re.findall(r"upstream=127\.0\.0\.1:(\d+)", (self.folder / "access.log").read_text())


@pytest.fixture
def deployment(tmp_path: Path) -> Iterator[Deployment]:
    binary = nginx_binary()
    redis_url = need(REDIS_ENV, "the two-instance test")
    tls = make_certificates(tmp_path)
    ports = (free_port(), free_port())
    https, http = free_port(), free_port()
    conf = render_nginx_conf(tmp_path, tls, https, http, ports)
    with postgres_schema("instances") as database_url:
        settings = {
            "HAELGUIDEN_ENV": "production",
            "HAELGUIDEN_SECRET_KEY": SECRET,
            "FORWARDED_ALLOW_IPS": "127.0.0.1",
            "HAELGUIDEN_OPERATOR": "Hælguiden test, 127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "HAELGUIDEN_RATE_LIMIT": f"{LIMIT}/minute",
        }
        # Both at the same moment, on an empty schema.
        apps = [launch(settings, tmp_path / f"app{n}.log", port=port) for n, port in enumerate(ports, 1)]
        with (tmp_path / "nginx.out").open("wb") as out:
            nginx = subprocess.Popen(
                [binary, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            for app in apps:
                wait_until_up(app)
            yield Deployment(apps, nginx, https, tls, tmp_path)
        finally:
            nginx.send_signal(signal.SIGQUIT)
            try:
                nginx.wait(timeout=20)
            except subprocess.TimeoutExpired:
                nginx.kill()
                nginx.wait(timeout=20)
            for app in apps:
                app.stop()
    for app in apps:
        assert "Traceback" not in app.log.read_text()


def first_writes_together(apps: list[Server]) -> Counter[int]:
    """Four diaries started on each instance at the same moment (their first use of the database)."""
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    start = threading.Barrier(8)

    def write(base_url: str) -> None:
        with httpx.Client(base_url=base_url, timeout=60) as client:
            start.wait()
            status = client.post("/api/v1/diaries", json={}).status_code
        with lock:
            statuses[status] += 1

    threads = [threading.Thread(target=write, args=(app.base_url,)) for app in apps for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


def test_two_instances_behind_nginx_act_as_one_site(deployment: Deployment) -> None:
    apps = deployment.apps
    ports = [app.base_url.rsplit(":", 1)[1] for app in apps]

    # 1. The simultaneous first start: both migrate-on-first-use at once, no error.
    assert first_writes_together(apps) == Counter({201: 8})

    # 2. A whole self-check through nginx, the requests alternating between the instances.
    with ThroughNginx(deployment.https, deployment.tls) as browser:
        ready = browser.get("/api/v1/ready")
        assert (ready.status_code, ready.json()) == (200, {"status": "ready", "storage": "ok", "redis": "ok"})
        before = len(deployment.upstreams())
        home = browser.get("/")
        assert home.headers["strict-transport-security"] == "max-age=31536000"
        soup = BeautifulSoup(home.text, "html.parser")
        assert soup.select_one("link[rel=canonical]")["href"] == f"https://{HOST}/"  # type: ignore[index]
        csrf = str(soup.select_one("input[name=csrf_token]")["value"])  # type: ignore[index]
        page = browser.post("/tjek/start", data={"csrf_token": csrf})
        asked = 0
        kb = load_knowledge()
        while (form := question_form(BeautifulSoup(page.text, "html.parser"))) is not None:
            values, action = form_values(kb, form, RUNNER)
            page = browser.post(form.action, data=form.data(*values, action=action))
            assert page.status_code == 200, page.text
            asked += 1
            assert asked < 60
        assert str(page.url).endswith("/tjek/dine-svar")
        result = browser.get("/tjek/resultat")
        assert result.status_code == 200
        heading = BeautifulSoup(result.text, "html.parser").h1
        assert heading is not None
        served = deployment.upstreams()[before:]
        assert asked >= 5
        # Both instances served this one person's self-check, about half each (nginx's round robin; each
        # of its worker processes keeps its own turn), each reading the answers the other had stored.
        counts = Counter(served)
        assert set(counts) == set(ports)
        assert abs(counts[ports[0]] - counts[ports[1]]) <= 2

    # 3. A diary written on one instance is read on the other.
    with httpx.Client(timeout=30) as client:
        made = client.post(f"{apps[0].base_url}/api/v1/diaries", json={"lang": "da"}).json()
        assert made["url"].startswith("http://127.0.0.1:")  # reached directly, the instance says so
        token = made["token"]
        entry = {"date": dt.date.today().isoformat(), "worst_pain": 4, "note": "written on instance 1"}
        assert (
            client.post(f"{apps[0].base_url}/api/v1/diaries/{token}/entries", json=entry).status_code == 201
        )
        read = client.get(f"{apps[1].base_url}/api/v1/diaries/{token}/entries")
        assert read.status_code == 200
        assert [e["note"] for e in read.json()["entries"]] == ["written on instance 1"]

    # 4. One rate limit, shared through Redis: a client (its address from the trusted proxy header)
    # alternating between the instances gets LIMIT answers in all, then 429 from either.
    client_address = f"198.51.100.{uuid.uuid4().int % 250 + 1}"
    statuses: list[int] = []
    with httpx.Client(timeout=30, headers={"X-Forwarded-For": client_address}) as client:
        for n in range(LIMIT + 2):
            app = apps[n % 2]
            statuses.append(
                client.post(f"{app.base_url}/api/v1/assessments", json={"answers": []}).status_code
            )
    assert statuses == [200] * LIMIT + [429, 429]

    # 5. nginx's log holds no path, no token, no client address.
    logged = (deployment.folder / "access.log").read_text()
    assert "/tjek" not in logged
    assert "127.0.0.1 " not in logged.replace("upstream=127.0.0.1", "")
    assert token not in logged
