"""`make soak`: the production stack under a crowd while two editors work (docs/reliability.md).

gunicorn (production settings, 2 workers) on a throw-away PostgreSQL database with the demo
content. For SOAK_SECONDS (60), wrk keeps 48 connections busy with random public pages and
searches, while two editors, signed in, each save the English text of their own objects over
and over, and every other time the English role of one partnership that both edit: 50
connections in all. Meanwhile a contributor saves changes to live pages, which wait as drafts,
and submits them, and an approver approves what awaits review (2 more connections). Then every
save must be found in the database and its history (on the shared partnership: every accepted
save, and no refused one, which must have been shown the conflict message), every submitted
draft must be published with its value or still await review, the drafts and their workflow
steps must agree, no request may have failed, and the workers' memory must stay within 20 % of
its warm level.
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
PAGE_CONNECTIONS = 48  # wrk; the two editors make 50, the contributor and approver 52
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
# The review workflow: a contributor's changes to live pages wait as drafts, submitted for
# review; an approver approves them from "Awaiting my review" (editing/drafts.py).
CONTRIBUTOR = ("soak-camille", "pages/page", "page_form", "summary_en")
APPROVER = "soak-dominique"
SUBMIT = [("_submit", "1"), ("workflow_message", "Soak test")]


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
    """The staff accounts of the soak, each in its role's group; returns their password."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from editing.roles import APPROVERS, CONTRIBUTORS
    from editing.roles import EDITORS as EDITORS_GROUP

    password = "soak-" + os.urandom(9).hex()
    roles = dict.fromkeys(EDITORS, EDITORS_GROUP)
    roles |= {CONTRIBUTOR[0]: CONTRIBUTORS, APPROVER: APPROVERS}
    for username, group in roles.items():
        user = get_user_model().objects.create_user(username, f"{username}@example.org", password)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=group))
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


def signed_in(thread, username, password):
    """A Visitor signed in to the admin as `username`, or None (the failure noted)."""
    from tests.smoke.client import Visitor, csrf_token

    visitor = Visitor(base_url=thread.base_url)
    login = f"{thread.admin}login/"
    token = csrf_token(visitor.get(login).text)
    credentials = {"username": username, "password": password}
    reply = visitor.post(login, {"csrfmiddlewaretoken": token, **credentials})
    if reply.status != 302:
        thread.failures.append(("sign-in", reply.status))
        return None
    return visitor


class Contributor(threading.Thread):
    """Opens a live page's form, changes its English summary and presses "Save and submit for
    review", page after page, until the deadline: each change waits as a draft."""

    def __init__(self, password, base_url, deadline):
        super().__init__(name=CONTRIBUTOR[0])
        from django.conf import settings

        self.password, self.base_url, self.deadline = password, base_url, deadline
        self.admin = "/" + settings.ADMIN_URL
        _name, self.model_path, self.form_id, self.field = CONTRIBUTOR
        self.targets = [obj.pk for obj in objects_of(self.model_path) if obj.is_published]
        # Submissions accepted [(pk, value)], refused as conflicts (an approval published the
        # page while its form was open), and failures.
        self.submitted, self.refused, self.failures = [], [], []

    def run(self):
        from tests.smoke.client import form_fields, replace_field

        visitor = signed_in(self, CONTRIBUTOR[0], self.password)
        number = 0
        while visitor and time.monotonic() < self.deadline:
            pk = self.targets[number % len(self.targets)]
            value = f"Soak test: submission {number} by {CONTRIBUTOR[0]}."
            change = f"{self.admin}{self.model_path}/{pk}/change/"
            page = visitor.get(change)
            fields = replace_field(form_fields(page.text, self.form_id), self.field, value)
            reply = visitor.post(change, [*fields, *SUBMIT])
            if reply.status == 302:
                self.submitted.append((pk, value))
            elif reply.status == 200 and CONFLICT_MARK in reply.text:
                self.refused.append((pk, value))
            else:
                self.failures.append((change, reply.status))
            number += 1


class Approver(threading.Thread):
    """Reads "Awaiting my review" and approves each change listed, from its form, until the
    deadline."""

    def __init__(self, password, base_url, deadline):
        super().__init__(name=APPROVER)
        from django.conf import settings

        self.password, self.base_url, self.deadline = password, base_url, deadline
        self.admin = "/" + settings.ADMIN_URL
        self.approved, self.failures = 0, []

    def run(self):
        from tests.smoke.client import csrf_token

        visitor = signed_in(self, APPROVER, self.password)
        while visitor and time.monotonic() < self.deadline:
            listing = visitor.get(f"{self.admin}awaiting-review/")
            if listing.status != 200:
                self.failures.append(("awaiting-review", listing.status))
                return
            review = listing.text.split('id="review"', 1)[-1]
            changes = re.findall(r'href="([^"]+/change/)"', review)
            if not changes:
                time.sleep(0.5)
            for change in changes:
                form = visitor.get(change)
                action = {"csrfmiddlewaretoken": csrf_token(form.text), "action": "approve"}
                reply = visitor.post(change.replace("/change/", "/workflow/"), action)
                if reply.status == 302:
                    self.approved += 1
                else:
                    self.failures.append((change, reply.status))


def review_outcome(contributor, approver):
    """What became of the contributor's submissions: {submitted, refused, approved, pending,
    lost, refused_kept, inconsistent}. Lost: a submission neither published (in the page's
    history) nor in its draft, nor replaced by a later submission of the same page. Each page's
    last submission must be its live value or await review in its draft; the drafts left must
    await review; and the workflow's steps must count what was done."""
    from django.contrib.contenttypes.models import ContentType
    from reversion.models import Version

    from editing.models import Draft, WorkflowEvent

    pages = {obj.pk: obj for obj in objects_of(contributor.model_path)}
    kind = ContentType.objects.get_for_model(next(iter(pages.values())))
    drafts = {int(d.object_id): d for d in Draft.objects.filter(content_type=kind)}

    def published(pk, value):
        return (
            Version.objects.get_for_object(pages[pk])
            .filter(serialized_data__contains=value)
            .exists()
        )

    def pending(pk, value):
        return pk in drafts and value in drafts[pk].payload

    last = dict(contributor.submitted)  # each page's latest submission
    lost = []
    for index, (pk, value) in enumerate(contributor.submitted):
        later = any(other == pk for other, _v in contributor.submitted[index + 1 :])
        if not (published(pk, value) or pending(pk, value) or later):
            lost.append((pk, value))
    for pk, value in last.items():
        on_live_row = getattr(pages[pk], contributor.field) == value and published(pk, value)
        if not (on_live_row or pending(pk, value)):
            lost.append((pk, value))
    steps = WorkflowEvent.objects.filter(content_type=kind)
    count = {action: steps.filter(action=action).count() for action in dict(WorkflowEvent.ACTIONS)}
    inconsistent = []
    if count[WorkflowEvent.SUBMITTED] != len(contributor.submitted):
        inconsistent.append(f"{count[WorkflowEvent.SUBMITTED]} submission steps")
    if count[WorkflowEvent.SAVED] != len(contributor.submitted):
        inconsistent.append(f"{count[WorkflowEvent.SAVED]} save steps")
    if count[WorkflowEvent.APPROVED] != count[WorkflowEvent.PUBLISHED]:
        inconsistent.append(f"{count[WorkflowEvent.APPROVED]} approvals, publications differ")
    if count[WorkflowEvent.APPROVED] > approver.approved:
        inconsistent.append(f"{count[WorkflowEvent.APPROVED]} approvals for {approver.approved}")
    if any(draft.state != Draft.SUBMITTED for draft in drafts.values()):
        inconsistent.append("a draft left not awaiting review")
    if Draft.objects.exclude(content_type=kind).exists():
        inconsistent.append("an editor's draft left unpublished")
    return {
        "submitted": len(contributor.submitted),
        "refused": len(contributor.refused),
        "refused_kept": [v for pk, v in contributor.refused if published(pk, v) or pending(pk, v)],
        "approved": count[WorkflowEvent.APPROVED],
        "pending": len(drafts),
        "lost": lost,
        "inconsistent": inconsistent,
    }


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
        contributor = Contributor(password, BASE, deadline)
        approver = Approver(password, BASE, deadline)
        for thread in [*editors, contributor, approver]:
            thread.start()
        output, statuses = run_wrk(SECONDS, paths_file, BASE)
        for thread in [*editors, contributor, approver]:
            thread.join()
        memory_after = server.memory_kb()
    return {
        "wrk": parse_wrk(output),
        "statuses": statuses,
        "editors": {e.username: (len(e.saves), e.failures, lost_edits(e)) for e in editors},
        "shared": shared_outcome(editors),
        "review": review_outcome(contributor, approver),
        "workflow_failures": contributor.failures + approver.failures,
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
        "editors saving, a contributor submitting drafts of live pages and an approver approving "
        "them, gunicorn with 2 workers, PostgreSQL.",
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
    review = result["review"]
    lines.append(
        f"| Contributor {CONTRIBUTOR[0]}, drafts of live pages | {review['submitted']} submitted, "
        f"{review['refused']} refused as conflicts, {len(result['workflow_failures'])} failed "
        "requests (with the approver's) |"
    )
    lines.append(
        f"| Approver {APPROVER} | {review['approved']} approved and published, "
        f"{review['pending']} still awaiting review at the end |"
    )
    lines.append(
        f"| Submitted drafts lost / refused yet kept | {len(review['lost'])} / "
        f"{len(review['refused_kept'])}; drafts and workflow steps "
        + ("consistent" if not review["inconsistent"] else "INCONSISTENT")
        + " |"
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
    review = result["review"]
    if result["workflow_failures"] or review["lost"] or review["refused_kept"]:
        problems.append(f"review workflow: {review}, failures {result['workflow_failures'][:5]}")
    if review["inconsistent"] or not review["submitted"] or not review["approved"]:
        problems.append(f"review workflow: {review}")
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
    print(f"Soak: {SECONDS} s at 52 connections, editors, contributor, approver…", flush=True)
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
