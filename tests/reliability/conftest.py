"""The staff's browsers, the admin pages they fill, and the content, history and users every
admin screen is tried on (test_admin_permissions)."""

import gc

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.redirects.models import Redirect

from editing.models import WorkflowSettings
from editing.roles import TRANSLATORS
from organisations.models import Organisation
from pages.models import NavigationItem, Page
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure, OpenDataSettings
from tests.conftest import make_figure, make_organisation, make_partnership
from tests.factories import AdministratorFactory, TranslatorFactory
from tests.pages.conftest import make_page
from tests.reliability.admin_pages import open_page
from tests.reliability.admin_world import World, deleted_with_history, with_two_versions
from tests.webforms import browser

# Pages no role opens, filled by a superuser: Editors cannot save the first open-data licence
# (tests/editing/test_roles.py marks it as a known gap of their role).
ONLY_A_SUPERUSER_OPENS = {(OpenDataSettings, "add")}


@pytest.fixture(autouse=True)
def garbage_collected():
    """Frees each test's garbage before the next test. Every admin page these tests send leaves
    reference cycles behind (Django's template contexts kept by django-webtest, parsed HTML,
    tracebacks); in a long run Python's collector let them pile up to millions of objects (16 GB
    by the end of the suite), and each collection then took long enough to make single tests last
    minutes. A full collection here takes about a tenth of a second."""
    yield
    gc.collect()


@pytest.fixture
def pages(editor_browser, request):
    """page(model, mode) -> admin_pages.Page, opened once per test and shared by its examples:
    by the editor, or by the administrator where no role opens it."""
    opened = {}

    def page(model, mode):
        if (model, mode) not in opened:
            if (model, mode) in ONLY_A_SUPERUSER_OPENS:
                app = browser(request.getfixturevalue("administrator"), language=None)
            else:
                app = editor_browser
            opened[model, mode] = open_page(app, model, mode)
        return opened[model, mode]

    return page


@pytest.fixture
def hand_made_requests(django_app_factory):
    """django-webtest's sign-in, with CSRF checks off: these requests are made by hand, and what
    they test is the role of who sends them, not the CSRF token (tests/production checks it)."""
    return django_app_factory(csrf_checks=False)


@pytest.fixture
def world(hand_made_requests, monkeypatch):
    """Content in three languages with a history, deleted objects to recover, the users, and
    lists one row per page, so that adminsortable2 offers its "move to page" actions."""
    for model_admin in admin.site._registry.values():
        monkeypatch.setattr(model_admin, "list_per_page", 1)
    # A superuser sends each form first, to show that the admin accepts it; users and groups
    # are among the screens, and no role opens those.
    administrator = AdministratorFactory(username="administrator")
    translator_user = TranslatorFactory(username="tom")

    un = make_organisation(name_fr="Organisation des Nations unies", slug_fr="onu")
    ilo = make_organisation(
        name_fr="Organisation internationale du Travail",
        name_en="International Labour Organization",
        slug_fr="oit",
        slug_en="ilo",
        summary_fr="L’agence de l’ONU pour le travail.",
        summary_en="The UN agency for the world of work.",
        parent=un,
    )
    partnerships = [
        make_partnership(
            ilo if n == 0 else make_organisation(),
            kind=Partnership.Kind.CONSULTATIVE_STATUS if n < 2 else Partnership.Kind.COLLABORATION,
            order=n,
            role_en=f"Role {n}",
        )
        for n in range(6)
    ]
    status = ConsultativeStatus.objects.create(
        partnership=partnerships[0],
        category="special",
        granted_year=1993,
        privileges_fr="Siéger",
        privileges_en="Attend",
    )
    figures = [
        make_figure(order=n, label_en=f"figure {n}", source_organisation=ilo) for n in range(6)
    ]
    for obj, name in ((un, "name_fr"), (ilo, "name_fr"), (partnerships[0], "role_fr")):
        with_two_versions(obj, name, "Ancien texte")
    with_two_versions(status, "privileges_fr", "Ancien texte")
    with_two_versions(figures[0], "label_fr", "ancien chiffre")
    licence = with_two_versions(
        OpenDataSettings(licence_name_fr="CC BY 4.0"), "licence_name_fr", "CC BY-SA 4.0"
    )
    # Slugs and keys of their own: the builders number by count, which deleting lowers.
    deleted_with_history(make_organisation(name_fr="Organisation dissoute", slug_fr="dissoute"))
    deleted_with_history(make_partnership(un, role_fr="Ancien partenariat"))
    deleted_with_history(
        ConsultativeStatus(
            partnership=partnerships[1], category="general", privileges_fr="Ancien statut"
        )
    )
    deleted_with_history(make_figure(key="chiffre-retire", label_fr="chiffre retiré"))
    deleted_with_history(OpenDataSettings(pk=2, licence_name_fr="Ancienne licence"))
    pages = [make_page(title_en=f"Page {n}", slug_fr=f"page-{n}") for n in range(3)]
    with_two_versions(pages[0], "title_fr", "Ancien titre")
    deleted_with_history(make_page(slug_fr="page-retiree", title_fr="Page retirée"))
    items = [NavigationItem.objects.create(page=page, order=n) for n, page in enumerate(pages)]
    # The newest of each: rows nothing depends on, so that deleting them is not refused.
    make_page(slug_fr="page-sans-lien")
    make_organisation(name_fr="Organisation sans lien", slug_fr="sans-lien")
    make_partnership(partnerships[1].organisation, order=6, role_fr="Dernier partenariat")

    someone = {"username": "someone", "ip_address": "192.0.2.1"}
    AccessAttempt.objects.create(**someone, failures_since_start=1, get_data="", post_data="")
    AccessLog.objects.create(**someone)
    AccessFailureLog.objects.create(**someone)
    # Staff's redirects from the old site (django.contrib.redirects): the second is the newest.
    old_address = Redirect.objects.create(site_id=1, old_path="/ancien.html", new_path="/fr/")
    Redirect.objects.create(site_id=1, old_path="/plus-ancien.html", new_path="/fr/")
    return World(
        administrator=administrator,
        translator=translator_user,
        main={
            Organisation: ilo,
            Partnership: partnerships[0],
            ConsultativeStatus: status,
            KeyFigure: figures[0],
            OpenDataSettings: licence,
            Page: pages[0],
            NavigationItem: items[0],
            User: administrator,
            Group: Group.objects.get(name=TRANSLATORS),
            WorkflowSettings: WorkflowSettings.objects.create(pk=1),
            Redirect: old_address,
        },
    )
