"""Real servers for the deployment tests: gunicorn processes as app machines, Debian's nginx in front of them,
and a browser (cookies, no redirects followed) that notes which machine answered each request."""
from __future__ import annotations

import http.cookiejar
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The header nginx adds to every answer: the upstream (host:port of the gunicorn) that served it.
SERVED_BY = "X-Served-By"


def start_gunicorn(port: int, env: dict, access_log: Path) -> subprocess.Popen:
    """One app machine: gunicorn with one sync worker on ``port``, in a process group of its own. Not waited for
    (start several, then ``wait_for_health`` on each: their imports take seconds)."""
    return subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "1", "-k", "sync", "-b", f"127.0.0.1:{port}",
                             "--access-logfile", str(access_log), "--log-level", "warning", "survey:create_app()"],
                            cwd=ROOT, env=env, start_new_session=True, stderr=subprocess.PIPE, text=True)


def wait_for_health(server: subprocess.Popen, port: int, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn on {port} stopped: {server.stderr.read()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn on {port} did not answer /health within {seconds} s")


def nginx_config(folder: Path, port: int, upstream_ports: list[int]) -> str:
    """The README's reverse proxy, every path inside ``folder``: round-robin over the app machines, one worker
    process (so the rotation is strict), in the foreground. Each answer names its upstream in X-Served-By."""
    servers = "\n".join(f"        server 127.0.0.1:{upstream};" for upstream in upstream_ports)
    temporary = "\n".join(f"    {kind}_temp_path {folder / kind};" for kind in
                          ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # Run as root (a CI container), nginx hands its worker to "nobody", which may not enter a test's folder.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
daemon off;
pid {folder / 'nginx.pid'};
error_log {folder / 'error.log'} warn;
events {{ worker_connections 64; }}
http {{
    # README's masking: invitation and set-password tokens never reach nginx's log (SECURITY.md, "Logs").
    map $request_uri $loggable_uri {{
        "~^/(?<secret>r|password)/[^/?]+(?<tail>.*)$" "/$secret/********$tail";
        default $request_uri;
    }}
    log_format neraca '$remote_addr [$time_local] "$request_method $loggable_uri" $status $body_bytes_sent';
    access_log {folder / 'access.log'} neraca;
{temporary}
    upstream neraca {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 6m;
        location / {{
            proxy_pass http://neraca;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            add_header {SERVED_BY} $upstream_addr always;
        }}
    }}
}}
"""


def start_nginx(folder: Path, port: int, upstream_ports: list[int]) -> subprocess.Popen:
    """Debian's nginx with the config above, as a child process (not a service), answering on ``port``."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(binary):
        raise RuntimeError("nginx is missing: `make setup` installs it (scripts/install-system-packages.sh)")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nginx.conf").write_text(nginx_config(folder, port, upstream_ports))
    server = subprocess.Popen([binary, "-p", str(folder), "-e", str(folder / "error.log"),
                               "-c", str(folder / "nginx.conf")], start_new_session=True,
                              stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"nginx stopped: {server.stderr.read()}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2).close()
            return server
        except urllib.error.HTTPError:
            return server
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not answer")


def stop(server: subprocess.Popen) -> None:
    """The server and its workers (its process group), gracefully, then for sure."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies kept, redirects shown rather than followed; ``served_by`` lists X-Served-By of every answer."""

    def __init__(self, base: str):
        self.base = base
        self.served_by: list[str] = []
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect)

    def on(self, base: str) -> "Browser":
        """The same browser (its cookies) sending to another address: another machine."""
        other = Browser(base)
        other.opener = self.opener
        return other

    def send(self, path: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as answer:
                status, found, body = answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as answer:
            status, found, body = answer.code, dict(answer.headers), answer.read()
        if SERVED_BY in found:
            self.served_by.append(found[SERVED_BY])
        return status, found, body

    def get(self, path: str) -> tuple[int, dict, str]:
        status, headers, body = self.send(path)
        return status, headers, body.decode(errors="replace")

    def post(self, path: str, form: dict) -> tuple[int, dict, str]:
        status, headers, body = self.send(path, urllib.parse.urlencode(form).encode(),
                                          {"Content-Type": "application/x-www-form-urlencoded"})
        return status, headers, body.decode(errors="replace")

    def upload(self, path: str, fields: dict, name: str, filename: str, content: bytes) -> tuple[int, dict, str]:
        """A multipart/form-data form with one file, as a browser sends it."""
        boundary = secrets.token_hex(16)
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
                 for key, value in fields.items()]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f'Content-Type: application/octet-stream\r\n\r\n'.encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        status, headers, answer = self.send(path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        return status, headers, answer.decode(errors="replace")
