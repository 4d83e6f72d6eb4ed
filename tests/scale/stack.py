"""What tests/scale/run.sh started, as the checks reach it: addresses, commands, helpers."""

import os
import re
import subprocess
import time
import uuid
from pathlib import Path

from tests.smoke.client import Visitor, csrf_token, field_value, form_fields, replace_field

ADMIN = os.environ.get("SCALE_ADMIN_PATH", "/gestion/")
APP_URLS = os.environ.get("SCALE_APP_URLS", "").split()
PROXY_URL = os.environ.get("SCALE_PROXY_URL", "")
BALANCER_URL = os.environ.get("SCALE_BALANCER_URL", "")
WORK = Path(os.environ.get("SCALE_WORK", "/nonexistent"))
PROXY_CACHE_SECONDS = int(os.environ.get("PROXY_CACHE_SECONDS", "3"))
REPLICA_WINDOW = float(os.environ.get("REPLICA_MAX_LAG_SECONDS", "2")) + float(
    os.environ.get("REPLICA_CHECK_SECONDS", "0.5")
)


def app_log(index):
    return (WORK / f"gunicorn-{index}.log").read_text()


def run(variable):
    """Run the shell command run.sh put in the environment variable `variable`."""
    subprocess.run(os.environ[variable], shell=True, check=True, capture_output=True)


def psql(which, sql):
    """One SQL statement on the "PRIMARY" or "REPLICA" server; its output, stripped."""
    command = f'{os.environ[f"SCALE_PSQL_{which}"]} -c "{sql}"'
    done = subprocess.run(command, shell=True, check=True, capture_output=True, text=True)
    return done.stdout.strip()


def fresh(path):
    """`path` with a query string never asked before: a page no cache holds yet."""
    return f"{path}?scale={uuid.uuid4().hex[:12]}"


def wait_until(predicate, seconds, step=0.2):
    """Ask `predicate` until it is true or `seconds` have passed; its last answer."""
    deadline = time.monotonic() + seconds
    while True:
        result = predicate()
        if result or time.monotonic() >= deadline:
            return result
        time.sleep(step)


# The site's name, as a balancer in front of both instances passes it on: one name, so that
# both instances make the same page (and the same cache key) for the same address.
SITE_HOST = "127.0.0.1"


class SiteVisitor(Visitor):
    """A visitor who reaches one instance, or the proxy, under the site's one name."""

    def request(self, method, path, body=None, headers=None):
        return super().request(method, path, body, {"Host": SITE_HOST, **(headers or {})})


def visitor(base_url):
    return SiteVisitor(base_url=base_url)


def sign_in(who, password=None, username=None):
    login = f"{ADMIN}login/"
    token = csrf_token(who.get(login).text)
    return who.post(
        login,
        {
            "csrfmiddlewaretoken": token,
            "username": username or os.environ["SCALE_EDITOR"],
            "password": password or os.environ["SCALE_PASSWORD"],
            "next": ADMIN,
        },
    )


def signed_in_editor(base_url):
    editor = visitor(base_url)
    reply = sign_in(editor)
    assert reply.status == 302, reply.text[:500]
    return editor


def ilo_change_url(editor):
    listing = editor.get(f"{ADMIN}organisations/organisation/?q=ILO").text
    return re.search(rf'href="({ADMIN}organisations/organisation/\d+/change/)', listing).group(1)


def rename_ilo(editor, new_name):
    """Change the ILO's English name through the admin and publish it at once, as an Editor
    does ("Save and publish": a plain save of live content keeps a draft); the old name."""
    change_url = ilo_change_url(editor)
    fields = form_fields(editor.get(change_url).text, "organisation_form")
    old_name = field_value(fields, "name_en")
    fields = [*replace_field(fields, "name_en", new_name), ("_publish", "1")]
    reply = editor.post(change_url, fields)
    assert reply.status == 302, reply.text[:2000]
    return old_name
