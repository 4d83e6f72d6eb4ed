"""The director's day, in Chromium: a contributor changes a live organisation's summary and a
key figure; visitors see neither; she submits both; the director finds them under "Awaiting my
review" with their differences, sends the figure back with a comment and approves the summary;
the contributor reads the comment, fixes the figure and submits it again; once approved, it is
public. axe on every admin page used, no console error, a screenshot of each step
(tests/browser/screenshots/director-*.png)."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from stats.models import KeyFigure
from tests.browser.test_editing_day import REFUSED_BY_CSP, new_page, staff_page
from tests.browser.test_public_site import axe
from tests.editing.review import APPROVERS, CONTRIBUTORS, staff_member

pytestmark = pytest.mark.browser

SUMMARY = "L’agence des Nations unies qui défend le travail décent, contre le travail des enfants."
LABEL = "enfants exploités sexuellement chaque année, selon l’OIT"
LABEL_FIXED = "enfants victimes d’exploitation sexuelle chaque année (estimation de l’OIT, 2017)"


@pytest.fixture
def team(demo_site, django_user_model):
    staff_member(django_user_model, CONTRIBUTORS, "camille")
    staff_member(django_user_model, APPROVERS, "dominique")
    return demo_site


def watched(page, errors):
    """Collect the page's console errors; the Content-Security-Policy's are REFUSED_BY_CSP's,
    where axe's own inline styles are told apart."""

    def seen(message):
        if message.type == "error" and "Content Security Policy" not in message.text:
            errors.append(message.text)

    page.on("console", seen)
    return page


# What this workflow adds to the admin's pages; axe checks these. Django's own change form has
# findings of its own (e.g. link-in-text-block on inline headings), outside this issue.
OURS = [".workflow-status", ".workflow-actions", ".workflow-history", "#user-tools", "#review"]


def checked(page, shoot, name, errors):
    """Screenshot, then axe: no serious violation in what the workflow adds to the page."""
    shoot(page, name)
    include = [[selector] for selector in OURS if page.locator(selector).count()]
    before = len(REFUSED_BY_CSP)
    results = axe.run(page, context={"include": include})
    del REFUSED_BY_CSP[before:]  # axe's own inline styles, not the page's
    serious = [
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']]})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], name


def test_the_directors_day(browser, team, shoot):
    site = team
    REFUSED_BY_CSP.clear()
    errors = []
    figure = KeyFigure.objects.get(key="children-sexually-exploited-yearly")
    with translation.override("fr"):
        figures_page = site + reverse("statistics:list")
    ilo_page = f"{site}/fr/organisations/oit/"
    ilo_change = f"{site}/admin/organisations/organisation/"
    visitor = watched(new_page(browser), errors)

    # The contributor changes the summary and the figure, then submits both.
    camille = watched(staff_page(browser, site, "camille", "fr"), errors)
    camille.goto(f"{ilo_change}?q=OIT")
    camille.get_by_role("link", name="Organisation internationale du Travail").first.click()
    ilo_change = camille.url
    camille.locator("#id_summary_fr").fill(SUMMARY)
    camille.locator("#workflow-message").fill("Résumé mis à jour pour la campagne.")
    checked(camille, shoot, "director-1-contributor-edits-summary", errors)
    camille.locator("button[name=_submit]").click()
    expect(camille.locator(".messagelist")).to_contain_text("soumises à relecture")

    figure_change = f"{site}/admin/statistics/keyfigure/{figure.pk}/change/"
    camille.goto(figure_change)
    camille.locator("#id_label_fr").fill(LABEL)
    camille.locator("#workflow-message").fill("Libellé plus clair.")
    camille.locator("button[name=_submit]").click()
    expect(camille.locator(".messagelist")).to_contain_text("soumises à relecture")

    # Visitors still read the live versions.
    visitor.goto(ilo_page)
    expect(visitor.get_by_text(SUMMARY)).to_have_count(0)
    visitor.goto(figures_page)
    expect(visitor.get_by_text(LABEL)).to_have_count(0)

    # The director sees both, with their differences.
    dominique = watched(staff_page(browser, site, "dominique", "fr"), errors)
    dominique.get_by_role("link", name="En attente de ma relecture (2)").click()
    expect(dominique.locator("ins", has_text=SUMMARY)).to_be_visible()
    expect(dominique.locator("ins", has_text=LABEL)).to_be_visible()
    checked(dominique, shoot, "director-2-awaiting-review", errors)

    # She sends the figure back with a comment…
    dominique.goto(figure_change)
    expect(dominique.locator(".workflow-status")).to_contain_text("Libellé plus clair.")
    dominique.locator("#workflow-comment").fill("Indiquez la source et l’année, s’il vous plaît.")
    checked(dominique, shoot, "director-3-sends-figure-back", errors)
    dominique.locator("button[value=send_back]").click()
    expect(dominique.locator(".messagelist")).to_contain_text("renvoyées")

    # …and approves the summary.
    dominique.goto(ilo_change)
    dominique.locator("button[value=approve]").click()
    expect(dominique.locator(".messagelist")).to_contain_text("approuvées")
    visitor.goto(ilo_page)
    expect(visitor.get_by_text(SUMMARY)).to_be_visible()
    visitor.goto(figures_page)
    expect(visitor.get_by_text(LABEL)).to_have_count(0)
    shoot(visitor, "director-4-summary-public")

    # The contributor reads the comment, fixes the figure and submits it again.
    camille.goto(figure_change)
    expect(camille.locator(".workflow-comment")).to_contain_text("Indiquez la source")
    checked(camille, shoot, "director-5-contributor-reads-comment", errors)
    camille.locator("#id_label_fr").fill(LABEL_FIXED)
    camille.locator("button[name=_submit]").click()
    expect(camille.locator(".messagelist")).to_contain_text("soumises à relecture")

    # Approved, it is public.
    dominique.goto(f"{site}/admin/awaiting-review/")
    expect(dominique.locator("ins", has_text=LABEL_FIXED)).to_be_visible()
    dominique.goto(figure_change)
    dominique.locator("button[value=approve]").click()
    expect(dominique.locator(".messagelist")).to_contain_text("approuvées")
    visitor.goto(figures_page)
    expect(visitor.locator(".figure-label", has_text=LABEL_FIXED)).to_be_visible()
    shoot(visitor, "director-6-figure-public")

    dominique.goto(figure_change.replace("/change/", "/history/"))
    expect(dominique.locator(".workflow-history")).to_contain_text("a renvoyé les modifications")
    checked(dominique, shoot, "director-7-history", errors)
    assert errors == []
    assert REFUSED_BY_CSP == []
