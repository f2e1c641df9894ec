"""Helpers for the web page's tests: a real server, a real browser, Maria's answers.

The server runs as `worksheets web --no-browser` in a child process, with its
home, cache and temporary folders in a fresh folder, so a test can look for
anything it left behind. The browser is Debian's chromium, headless, driven
through the system's chromedriver: nothing is ever downloaded.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
URL_LINE = re.compile(r"(http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]+))")

# Maria's sample answers (examples/maria.yaml) as the form posts them.
MARIA_FORM: dict[str, Any] = {
    "name": "Maria Lopez",
    "appointment": "2026-12-03",
    "care_team": "Dr. Okafor",
    "helper": "my daughter Ana",
    "cancer_type": "pancreatic",
    "spread_to": "liver",
    "medicines": "FOLFIRINOX",
    "stage_of_care": "starting",
    "treatments": "chemotherapy",
    "priorities": ["work", "eat_comfortably", "travel"],
    "information": "details",
    "tiredness": "7",
    "nausea": "5",
    "skip_topics": "planning_ahead",
    "own_questions": "Can I still go to my son's wedding in June?",
}


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    port: int
    token: str
    home: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> tuple[str, str]:
        """Stop as Ctrl-C does; the server's standard output and error."""
        import signal

        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            out, err = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
        return out, err


def private_environment(home: Path) -> dict[str, str]:
    for name in ("home", "cache", "tmp", "config"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        HOME=str(home / "home"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        TMPDIR=str(home / "tmp"),
        PYTHONUNBUFFERED="1",
    )
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def start_server(home: Path, *args: str) -> Server:
    """`worksheets web --no-browser` in a child process, once it prints its address."""
    env = private_environment(home)
    process = subprocess.Popen(
        [sys.executable, "-m", "worksheets", "web", "--no-browser", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=home,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 120
    lines = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        found = URL_LINE.search(line)
        if found:
            # The next line says how to stop.
            lines.append(process.stdout.readline())
            server = Server(process, found.group(1), int(found.group(2)), found.group(3), home)
            server.first_lines = lines  # type: ignore[attr-defined]
            return server
    process.kill()
    out, err = process.communicate()
    raise AssertionError(f"the server printed no address: {lines} {out} {err}")


def files_under(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        if path.is_file():
            yield path


def browser(width: int = 1024, height: int = 900) -> Any:
    """Headless chromium through the system chromedriver (CI runs as root: no sandbox)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={width},{height}",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=en-US",
    ):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))


def browser_available() -> bool:
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


def wait_for_next_page(driver: Any, action: Callable[[], None], timeout: float = 60) -> None:
    """Do something that loads another page, and wait until the new page has loaded.

    Selenium's staleness_of asks the old element whether it is still there; when
    chromium is half-way between pages it can answer with an inspector error
    ("Node with given id does not belong to the document") instead of
    "stale", which failed CI once. A mark set on the old page's window is gone
    on the new one, and any error while the browser is between pages only means
    "not yet".
    """
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.wait import WebDriverWait

    driver.execute_script("window.__worksheetsOldPage = true")
    action()

    def arrived(driver: Any) -> bool:
        return bool(
            driver.execute_script(
                "return window.__worksheetsOldPage === undefined"
                " && document.readyState === 'complete'"
            )
        )

    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(arrived)


# --- The form's screens ----------------------------------------------------------------


def screens_after(screen_id: str) -> tuple[Any, ...]:
    """The screens of questions after `screen_id`, up to the last screen, where the
    answers are shown. None after "own" today: a field the schema gains that no
    screen names is asked on a screen of its own there (`web.form.MORE`)."""
    from worksheets.web.form import FINISH, form_questions, screens

    every = screens(form_questions(helper=False))
    after = [s.id for s in every].index(screen_id) + 1
    return tuple(s for s in every[after:] if s.id != FINISH)


def last_questions() -> str:
    """The screen whose "Next" shows the answers and the print choices."""
    from worksheets.web.form import form_questions, screens

    return screens(form_questions(helper=False))[-2].id


# --- The page through Flask's test client (no server, no browser) ---------------------


def ready_pool(workers: int) -> Iterator[Any]:
    """A warmed-up pool of worksheet makers for one test module, closed after it."""
    from worksheets.documents import DocumentOptions
    from worksheets.web.rendering import RenderPool

    pool = RenderPool(DocumentOptions(), workers=workers)
    pool.wait_ready()
    yield pool
    pool.close()


def signed_in(pool: Any, access: Any, document: Any = None) -> Any:
    """A test client of the page that opened the address with its key (it holds the cookie)."""
    from worksheets.web.app import create_app

    client = create_app(access, pool, document).test_client()
    response = client.get(f"http://127.0.0.1:{access.port}/?token={access.token}")
    assert response.status_code == 303
    return client


def post(client: Any, access: Any, path: str, data: dict[str, Any]) -> Any:
    """A post from the page, with its form's key against cross-site posts."""
    return client.post(
        f"http://127.0.0.1:{access.port}{path}", data={"csrf_token": access.csrf_token, **data}
    )
