"""Every admin list and change page, for each role (Editors, Translators, Contributors, Approvers
and the administrator), in French and Spanish at 1024 and 1280 px:
no serious or critical axe violation, no button over the title, the key columns in view, and
no English left on the page. At 1024 px also every add page, a delete confirmation, the
translation files' export and import, and a change submitted for review, for whoever may open
them."""

import json
import re

import pytest
import reversion
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse
from reversion.models import Version

from editing import drafts
from editing.models import Draft, WorkflowEvent
from editing.roles import APPROVERS, CONTRIBUTORS, EDITORS, TRANSLATORS
from editing.views import is_reviewer
from organisations.models import Organisation
from tests.factories import role_group

pytestmark = pytest.mark.browser

axe = Axe()
# WCAG 2.2 AA included: its target size rule is what the history's radio buttons failed.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = (1024, 1280)
ROLES = ("administrator", EDITORS, TRANSLATORS, CONTRIBUTORS, APPROVERS)
# A model's pages are opened when the role may see them.
SEEING = ("view", "change")

# English an untranslated admin string would show: whole words, as staff would notice them.
ENGLISH = re.compile(
    r"\b(Save|Delete|History|Preview|Add|Change|Filter|Search|Home|readable|not readable|"
    r"complete|partial|missing|outdated|draft|scheduled|live|expired|published|Revert|"
    r"Compare|next|previous|True|False|Unknown|Yes|Recover deleted|Log out|"
    r"Translations to do|Language|Sort|Select|Go|None|Deleted|Demo content|"
    r"Can add|Can change|Can delete|Can view|Awaiting my review)\b"
)


def user_in(django_user_model, role, username=None):
    """A signed-in member of staff: the superuser, or a member of the role's group (the groups
    made again as the migrations make them: the browser tests empty the database)."""
    if role == "administrator":
        return django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    username = username or role.lower()
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(role_group(role))
    return user


def sign_in(page, base_url, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}]
    )


def admin_pages(user):
    """(name, path, kind): the index, the review and translation pages, the list and first
    object's page of every model in the admin that `user` may see, a history and a compare."""
    pages = [("index", reverse("admin:index"), "other")]
    pages.append(("translations", reverse("translations_to_do"), "other"))
    if is_reviewer(user):
        pages.append(("awaiting-review", reverse("awaiting_review"), "other"))
    for model in sorted(admin.site._registry, key=lambda model: model._meta.label):
        opts = model._meta
        if not any(user.has_perm(f"{opts.app_label}.{a}_{opts.model_name}") for a in SEEING):
            continue
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        pages.append((f"{opts.model_name}-list", reverse(f"{prefix}_changelist"), "list"))
        obj = model.objects.order_by("pk").first()
        if obj is not None:
            change = reverse(f"{prefix}_change", args=[obj.pk])
            pages.append((f"{opts.model_name}-change", change, "change"))
    organisation = Organisation.objects.order_by("pk").first()
    history = reverse("admin:organisations_organisation_history", args=[organisation.pk])
    pages.append(("organisation-history", history, "other"))
    older, newer = Version.objects.get_for_object(organisation).order_by("pk")[:2]
    compare = reverse("admin:organisations_organisation_compare", args=[organisation.pk])
    pages.append(
        (
            "organisation-compare",
            f"{compare}?version_id1={older.pk}&version_id2={newer.pk}",
            "other",
        )
    )
    return pages


def more_admin_pages(user):
    """(name, path, kind): the pages opened at one width only, to keep the sweep's time: each
    model's add page and the first organisation's delete confirmation where the admin lets
    `user` in, the translation files' export and import, and the organisation whose change is
    submitted for review (`a_change_submitted_for_review`)."""
    request = RequestFactory().get("/")
    request.user = user
    pages = []
    for model, model_admin in sorted(admin.site._registry.items(), key=lambda i: i[0]._meta.label):
        opts = model._meta
        if model_admin.has_add_permission(request):
            add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
            pages.append((f"{opts.model_name}-add", add, "change"))
    organisation = Organisation.objects.order_by("pk").first()
    if admin.site._registry[Organisation].has_delete_permission(request, organisation):
        delete = reverse("admin:organisations_organisation_delete", args=[organisation.pk])
        pages.append(("organisation-delete", delete, "other"))
    if user.has_module_perms("organisations"):
        pages.append(("translation-export", reverse("translation_export"), "other"))
        pages.append(("translation-import", reverse("translation_import"), "other"))
    submitted = Draft.objects.filter(state=Draft.SUBMITTED).first()
    if submitted and user.has_perm("organisations.view_organisation"):
        change = reverse("admin:organisations_organisation_change", args=[submitted.object_id])
        pages.append(("organisation-submitted", change, "change"))
    return pages


def a_change_submitted_for_review(django_user_model):
    """A contributor's change to the second organisation's summary, submitted for review: its
    change page shows the workflow box and the differences."""
    organisation = Organisation.objects.order_by("pk")[1]
    author = user_in(django_user_model, CONTRIBUTORS, username="camille")
    payload = json.loads(drafts.serialize(organisation))
    payload[0]["fields"]["summary_fr"] = "Un résumé proposé pour relecture."
    draft = drafts.store(organisation, json.dumps(payload), author)
    Draft.objects.filter(pk=draft.pk).update(
        state=Draft.SUBMITTED, submitted_by=author, message="À relire, merci."
    )
    drafts.log(organisation, WorkflowEvent.SUBMITTED, author, "À relire, merci.")


def two_versions_of_the_first_organisation(user):
    """A history to list and compare: two saves, the second changing the English name."""
    organisation = Organisation.objects.order_by("pk").first()
    for name in ("Before", "After"):
        with reversion.create_revision():
            organisation.name_en = f"{organisation.name_en} ({name})"
            organisation.save()
            reversion.set_user(user)


def serious_violations(page, csp_refusals):
    before = len(csp_refusals)
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    del csp_refusals[before:]  # axe's own inline styles, not the page's
    return [
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def overlaps(page, first, second):
    """True when any element matching `first` overlaps any matching `second`."""
    return page.evaluate(
        """([first, second]) => {
            const boxes = (s) => [...document.querySelectorAll(s)]
                .filter((e) => e.offsetParent !== null).map((e) => e.getBoundingClientRect());
            return boxes(first).some((a) => boxes(second).some((b) =>
                a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
        }""",
        [first, second],
    )


def switch_and_open_tab(page):
    """(what the language switch beside the title shows, the language of the first open tab),
    lower case; None for either where the page shows none ("" for an empty switch)."""
    return page.evaluate(
        """() => {
            const select = document.querySelector('#modeltranslation-main-switch');
            const tab = document.querySelector(".ui-tabs-nav [role='tab'][aria-selected='true']");
            const shown = select && select.offsetParent !== null;
            const option = shown ? select.selectedOptions[0] : null;
            return [
                shown ? (option ? option.textContent.trim().toLowerCase() : '') : null,
                tab ? tab.textContent.trim().toLowerCase() : null,
            ];
        }"""
    )


def admin_words(page):
    """The page's visible text, less the English translations of fields shown read-only (to
    those who may only view): content in English, not the admin's words."""
    return page.evaluate(
        """() => {
            let text = document.querySelector('#container').innerText;
            document.querySelectorAll('.form-row').forEach((row) => {
                if ([...row.classList].some((c) => /^field-.+_en$/.test(c))) {
                    row.querySelectorAll('.readonly').forEach((e) => {
                        text = text.replace(e.innerText, '');
                    });
                }
            });
            return text;
        }"""
    )


def columns_out_of_view(page):
    """Header cells of the key columns one must scroll sideways to see: beyond the window, or
    beyond the list's own scrolling box."""
    return page.evaluate(
        """() => {
            const box = document.querySelector('#changelist .results');
            const right = Math.min(window.innerWidth,
                box ? box.getBoundingClientRect().right : window.innerWidth);
            return [...document.querySelectorAll(
                '#result_list th.column-_reorder_, #result_list th.column-publication_column,'
                + ' #result_list th.column-translation_en, #result_list th.column-translation_es')]
            .filter((th) => th.getBoundingClientRect().right > right + 1)
            .map((th) => th.className);
        }"""
    )


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_fits_and_passes_axe(
    page, demo_site, django_user_model, shoot, csp_refusals, role, language
):
    user = user_in(django_user_model, role)
    two_versions_of_the_first_organisation(user)
    a_change_submitted_for_review(django_user_model)
    sign_in(page, demo_site, user)
    page.set_extra_http_headers({"Accept-Language": language})
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        more = more_admin_pages(user) if width == WIDTHS[0] else []
        for name, path, kind in [*admin_pages(user), *more]:
            response = page.goto(demo_site + path)
            where = f"{name} ({role}, {language}, {width} px)"
            assert response.status == 200, where
            # Signed in and let in: not the sign-in page, which also answers 200.
            assert "/login/" not in page.url, where
            page.wait_for_load_state("load")
            shoot(page, f"admin-{name}-{role.lower()}-{language}-{width}")
            problems += [f"{where}: {v}" for v in serious_violations(page, csp_refusals)]
            if kind == "change" and overlaps(page, ".object-tools", "#content h1, #content h2"):
                problems.append(f"{where}: a button covers the title")
            switch, tab = switch_and_open_tab(page)
            if switch != tab:
                problems.append(f"{where}: the language switch says {switch}, the tab {tab}")
            if kind == "list" and width >= 1280:
                problems += [f"{where}: {c} out of view" for c in columns_out_of_view(page)]
            english = set(ENGLISH.findall(admin_words(page)))
            if english:
                problems.append(f"{where}: English on the page: {sorted(english)}")
    assert problems == [], "\n".join(problems)


def test_the_language_tabs_are_a_tab_list_operated_by_keyboard(page, demo_site, django_user_model):
    sign_in(page, demo_site, user_in(django_user_model, EDITORS))
    page.set_extra_http_headers({"Accept-Language": "fr"})
    organisation = Organisation.objects.order_by("pk").first()
    page.goto(
        demo_site + reverse("admin:organisations_organisation_change", args=[organisation.pk])
    )
    tablist = page.get_by_role("tablist").first
    french = tablist.get_by_role("tab", name="fr")
    assert french.get_attribute("aria-selected") == "true"
    # No link inside a tab takes the focus: the tab itself does.
    assert tablist.locator("a[href]").count() == 0
    french.focus()
    page.keyboard.press("ArrowRight")
    english = tablist.get_by_role("tab", name="en")
    page.wait_for_function("() => document.querySelector('#id_name_en').offsetParent !== null")
    assert english.get_attribute("aria-selected") == "true"
    assert page.locator("#id_name_fr").is_hidden()
