"""Browser tests: Playwright drives Debian's Chromium against Django's live server."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).parent / "screenshots"

# The live server runs in a thread beside Playwright's sync API, which Django takes for async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    if shutil.which(CHROMIUM):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} missing: apt-get install chromium")
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium, never a downloaded one; quiet, since the network here is closed.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def csp_refusals(request):
    """What Chromium reports our Content-Security-Policy blocked: a test fails on any.

    axe-core, injected by the accessibility checks, sets inline styles of its own; those checks
    drop what is refused while axe runs (see `serious_violations`).
    """
    if "page" not in request.fixturenames:
        yield []
        return
    refused = []
    watch_csp(request.getfixturevalue("page"), refused)
    yield refused
    assert refused == []


def watch_csp(page, refused):
    """Add to `refused` whatever Chromium reports our Content-Security-Policy blocked on `page`."""
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )


@pytest.fixture
def demo_site(live_server, transactional_db):
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server.url


@pytest.fixture
def shoot():
    """Save a screenshot to look at (git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name):
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take
