"""`make soak`: the production stack under a crowd while two editors work (docs/reliability.md).

gunicorn (production settings, 2 workers) on a throw-away PostgreSQL database with the demo
content. For SOAK_SECONDS (60), wrk keeps 48 connections busy with random public pages and
searches, while two editors, signed in, each save the English text of their own objects over
and over, and every other time the English role of one partnership that both edit: 50
connections in all. Then every save must be found in the database and its history (on the
shared partnership: every accepted save, and no refused one, which must have been shown the
conflict message), no request may have failed, and the workers' memory must stay within 20 %
of its warm level.
Exits 1 when any of that fails.
"""

import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "reliability.md"
START, END = "<!-- soak:start -->", "<!-- soak:end -->"
SECONDS = int(os.environ.get("SOAK_SECONDS", "60"))
WARM_UP_SECONDS = 10
PAGE_CONNECTIONS = 48  # wrk; the two editors make 50
MEMORY_GROWTH_LIMIT = 0.20
SEARCH_WORDS = ["enfants", "children", "derechos", "ONU", "ecpat", "justice", "migration", "x"]
# Each editor saves objects of its own, and every other save goes to one object both edit: the
# first partnership's English role. There a save made while the other's form was open must be
# refused with the conflict message, and every save that was accepted must be kept.
EDITORS = {
    "soak-claire": ("organisations/organisation", "organisation_form", "summary_en"),
    "soak-samir": ("statistics/keyfigure", "keyfigure_form", "note_en"),
}
SHARED = ("partners/partnership", "partnership_form", "role_en")
# The conflict message, in the admin's default language (French): "… saved this page on …".
CONFLICT_MARK = "a enregistré cette page le"
# The editors' button on live content: their saves reach visitors (editing/drafts.py).
PUBLISH = ("_publish", "1")


def public_paths():
    """Every public page in three languages, and searches for assorted words."""
    from django.urls import reverse
    from django.utils.translation import override

    from organisations.models import Organisation

    paths = []
    for language in ("fr", "en", "es"):
        with override(language):
            for name in ("pages:home", "pages:about", "partners:list", "statistics:list"):
                paths.append(reverse(name))
            paths += [o.get_absolute_url() for o in Organisation.objects.published()]
            search = reverse("search:results")
            paths += [f"{search}?q={word}" for word in SEARCH_WORDS]
    return paths


def create_editors():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from editing.roles import EDITORS as EDITORS_GROUP

    password = "soak-" + os.urandom(9).hex()
    for username in EDITORS:
        user = get_user_model().objects.create_user(username, f"{username}@example.org", password)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return password


def objects_of(model_path):
    from django.apps import apps

    return list(apps.get_model(*model_path.split("/")).objects.order_by("pk"))


class Editor(threading.Thread):
    """Signs in, then opens and saves the change form of its objects until the deadline."""

    def __init__(self, username, password, base_url, deadline):
        super().__init__(name=username)
        from django.conf import settings

        self.username, self.password, self.base_url = username, password, base_url
        self.admin = "/" + settings.ADMIN_URL
        self.deadline = deadline
        self.model_path, self.form_id, self.field = EDITORS[username]
        self.targets = [obj.pk for obj in objects_of(self.model_path)]
        self.shared_pk = objects_of(SHARED[0])[0].pk
        self.saves, self.failures = [], []
        # On the shared object: saves accepted, saves refused with the conflict message.
        self.shared_saves, self.shared_refused = [], []

    def run(self):
        from tests.smoke.client import Visitor, csrf_token, form_fields, replace_field

        visitor = Visitor(base_url=self.base_url)
        login = f"{self.admin}login/"
        token = csrf_token(visitor.get(login).text)
        credentials = {"username": self.username, "password": self.password}
        reply = visitor.post(login, {"csrfmiddlewaretoken": token, **credentials})
        if reply.status != 302:
            self.failures.append(("sign-in", reply.status))
            return
        number = 0
        while time.monotonic() < self.deadline:
            value = f"Soak test: save {number} by {self.username}."
            if number % 2:
                self.save_shared(visitor, value)
                number += 1
                continue
            pk = self.targets[number // 2 % len(self.targets)]
            change = f"{self.admin}{self.model_path}/{pk}/change/"
            page = visitor.get(change)
            fields = replace_field(form_fields(page.text, self.form_id), self.field, value)
            # Live content: "Save and publish", or the change would wait as a draft.
            reply = visitor.post(change, [*fields, PUBLISH])
            if reply.status == 302:
                self.saves.append((pk, value))
            else:
                self.failures.append((change, reply.status))
            number += 1

    def save_shared(self, visitor, value):
        """Open the shared object's form, then save it: accepted, or refused as a conflict."""
        from tests.smoke.client import form_fields, replace_field

        model_path, form_id, field = SHARED
        change = f"{self.admin}{model_path}/{self.shared_pk}/change/"
        page = visitor.get(change)
        fields = replace_field(form_fields(page.text, form_id), field, value)
        reply = visitor.post(change, [*fields, PUBLISH])
        if reply.status == 302:
            self.shared_saves.append(value)
        elif reply.status == 200 and CONFLICT_MARK in reply.text:
            self.shared_refused.append(value)
        else:
            self.failures.append((change, reply.status))


def lost_edits(editor):
    """Saves that the database or the history does not hold: [(pk, value), …]."""
    from reversion.models import Version

    objects = {obj.pk: obj for obj in objects_of(editor.model_path)}
    lost = []
    for pk, value in editor.saves:
        versions = Version.objects.get_for_object(objects[pk])
        if not versions.filter(serialized_data__contains=value).exists():
            lost.append((pk, value))
    last_saved = dict(editor.saves)  # the last value saved for each object
    for pk, value in last_saved.items():
        if getattr(objects[pk], editor.field) != value:
            lost.append((pk, value))
    return lost


def shared_outcome(editors):
    """What became of the saves of the shared object: {accepted, refused, lost, kept_refused,
    last_ok}. Lost: accepted but missing from its history. Kept_refused: refused yet found in
    it. last_ok: the object holds the value of its latest version, an accepted save."""
    from reversion.models import Version

    model_path, _form_id, field = SHARED
    shared = objects_of(model_path)[0]
    versions = Version.objects.get_for_object(shared)
    accepted = [value for e in editors for value in e.shared_saves]
    refused = [value for e in editors for value in e.shared_refused]

    def in_history(value):
        return versions.filter(serialized_data__contains=value).exists()

    current = getattr(shared, field)
    latest = versions.first()
    return {
        "accepted": len(accepted),
        "refused": len(refused),
        "lost": [value for value in accepted if not in_history(value)],
        "kept_refused": [value for value in refused if in_history(value)],
        "last_ok": (not accepted and not latest)
        or (current in accepted and latest is not None and current in latest.serialized_data),
    }


def run_wrk(seconds, paths_file, base_url):
    from .load import THREADS

    command = ["wrk", f"-t{THREADS}", f"-c{PAGE_CONNECTIONS}", f"-d{seconds}s", "--timeout"]
    command += ["10s", "--latency", "-s", str(ROOT / "bench" / "soak_mix.lua"), base_url]
    env = {**os.environ, "SOAK_PATHS": str(paths_file)}
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
    statuses = {}
    for status, count in re.findall(r"STATUS (\d+) (\d+)", output):
        statuses[int(status)] = statuses.get(int(status), 0) + int(count)
    return output, statuses


def soak(url, workdir, log):
    from .load import BASE, Gunicorn, parse_wrk

    paths_file = workdir / "paths.txt"
    paths_file.write_text("\n".join(public_paths()) + "\n")
    password = create_editors()
    environment = {"DATABASE_URL": url, "GUNICORN_WORKERS": "2"}
    with Gunicorn(environment, log) as server:
        run_wrk(WARM_UP_SECONDS, paths_file, BASE)
        memory_before = server.memory_kb()
        deadline = time.monotonic() + SECONDS
        editors = [Editor(name, password, BASE, deadline) for name in EDITORS]
        for editor in editors:
            editor.start()
        output, statuses = run_wrk(SECONDS, paths_file, BASE)
        for editor in editors:
            editor.join()
        memory_after = server.memory_kb()
    return {
        "wrk": parse_wrk(output),
        "statuses": statuses,
        "editors": {e.username: (len(e.saves), e.failures, lost_edits(e)) for e in editors},
        "shared": shared_outcome(editors),
        "memory": (memory_before, memory_after),
        "pages": len(paths_file.read_text().split()),
    }


def memory_growth(before, after):
    return max((after[pid] - before[pid]) / before[pid] for pid in before if pid in after)


def render(result, when):
    wrk, statuses = result["wrk"], result["statuses"]
    lines = [
        f"Measured {when}: {SECONDS} s, {PAGE_CONNECTIONS} wrk connections on "
        f"{result['pages']} public paths (pages in three languages and searches) plus two "
        "editors saving, gunicorn with 2 workers, PostgreSQL.",
        "",
        "| Measure | Value |",
        "|---|---|",
        f"| Page requests | {wrk['requests']:,} ({wrk['rps']:.0f}/s) |",
        f"| Latency p50 / p99 | {wrk['p50_ms']:.0f} ms / {wrk['p99_ms']:.0f} ms |",
        "| Statuses | " + ", ".join(f"{s}: {n:,}" for s, n in sorted(statuses.items())) + " |",
        f"| Failed requests (HTTP ≥ 400 or socket errors) | {wrk['errors']} |",
    ]
    for name, (saved, failures, lost) in result["editors"].items():
        lines.append(f"| Editor {name} | {saved} saves, {len(failures)} failed, {len(lost)} lost |")
    shared = result["shared"]
    lines.append(
        f"| Shared partnership, saved by both | {shared['accepted']} saves kept, "
        f"{shared['refused']} refused as conflicts, {len(shared['lost'])} lost, "
        f"{len(shared['kept_refused'])} refused yet saved |"
    )
    before, after = result["memory"]
    for pid in before:
        lines.append(
            f"| Worker memory (pid {pid}) | {before[pid] / 1024:.1f} MB after warm-up → "
            f"{after.get(pid, 0) / 1024:.1f} MB after the soak |"
        )
    return "\n".join(lines)


def verdict(result):
    problems = []
    wrk, statuses = result["wrk"], result["statuses"]
    if wrk["errors"] or any(status >= 400 for status in statuses):
        problems.append(f"failed page requests: {statuses}, wrk errors {wrk['errors']}")
    for name, (saved, failures, lost) in result["editors"].items():
        if failures or lost or not saved:
            problems.append(f"{name}: {saved} saves, failures {failures[:5]}, lost {lost[:5]}")
    shared = result["shared"]
    if shared["lost"] or shared["kept_refused"] or not shared["last_ok"] or not shared["accepted"]:
        problems.append(f"shared object: {shared}")
    growth = memory_growth(*result["memory"])
    if growth > MEMORY_GROWTH_LIMIT:
        problems.append(f"a worker's memory grew by {growth:.0%}")
    return problems


def write_report(table):
    text = REPORT.read_text()
    before, rest = text.split(START)
    after = rest.split(END)[1]
    REPORT.write_text(f"{before}{START}\n{table}\n{END}{after}")


def main():
    import datetime

    import django

    from .run import configure_environment, fresh_database

    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("make soak needs DATABASE_URL: a PostgreSQL server it may create a database on.")
    workdir = Path(tempfile.mkdtemp(prefix="dei-soak-"))
    configure_environment(workdir)
    # Production's own settings, behind its TLS proxy (wrk and the editors say https).
    os.environ.update(
        {"DJANGO_SETTINGS_MODULE": "config.settings", "BEHIND_TLS_PROXY": "true"}
        | {"SECURE_SSL_REDIRECT": "true", "ALLOWED_HOSTS": "127.0.0.1"}
    )
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command

    from .load import ensure_wrk

    ensure_wrk()
    call_command("collectstatic", "--noinput", verbosity=0)
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115
    print(f"Soak: {SECONDS} s at 50 connections, two editors saving…", flush=True)
    with fresh_database("soak", workdir) as url:
        call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        result = soak(url, workdir, log)
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    table = render(result, when)
    print(table)
    write_report(table)
    problems = verdict(result)
    for problem in problems:
        print("FAILED:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
