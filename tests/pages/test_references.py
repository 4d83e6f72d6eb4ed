"""Links to pages and organisations are stored by reference: shown in the visitor's language,
following slug changes; a hidden target prints its text without a link. Key figures show their
current value, formatted per language, with their source; a hidden one drops out; one used by a
page cannot be deleted."""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils.html import strip_tags

from tests.conftest import make_figure, make_organisation
from tests.pages.conftest import make_page


def body_of(client, path):
    html = client.get(path).content.decode()
    start = html.index('class="page-body">') + len('class="page-body">')
    return html[start : html.index("</article>")]


def linking_page(target_page, organisation, **fields):
    text = (
        f'<p>Voir <a href="#" data-page="{target_page.pk}">la politique</a> et '
        f'<a href="#" data-organisation="{organisation.pk}">l’OIT</a>.</p>'
    )
    return make_page(
        slug_fr="liens",
        slug_en="links",
        slug_es="enlaces",
        title_en="Links",
        title_es="Enlaces",
        summary_en="Links.",
        summary_es="Enlaces.",
        body_fr=text,
        body_en=text.replace("Voir", "See"),
        body_es=text.replace("Voir", "Ver"),
        **fields,
    )


@pytest.fixture
def targets(db):
    policy = make_page(
        slug_fr="politique",
        slug_en="policy",
        slug_es="politica",
        title_en="Policy",
        title_es="Política",
        summary_en="P.",
        summary_es="P.",
        body_en="<p>Policy</p>",
        body_es="<p>Política</p>",
    )
    ilo = make_organisation(
        name_fr="Organisation internationale du travail",
        slug_fr="oit",
        slug_en="ilo",
        slug_es="oit-es",
        name_en="International Labour Organization",
        summary_en="ILO",
        name_es="Organización Internacional del Trabajo",
        summary_es="OIT",
    )
    return policy, ilo


@pytest.mark.parametrize(
    ("language", "path", "page_url", "organisation_url"),
    [
        ("fr", "/fr/pages/liens/", "/fr/pages/politique/", "/fr/organisations/oit/"),
        ("en", "/en/pages/links/", "/en/pages/policy/", "/en/organisations/ilo/"),
        ("es", "/es/paginas/enlaces/", "/es/paginas/politica/", "/es/organizaciones/oit-es/"),
    ],
)
def test_links_point_to_the_target_in_the_visitors_language(
    client, targets, language, path, page_url, organisation_url
):
    linking_page(*targets)
    body = body_of(client, path)
    assert f'<a href="{page_url}">la politique</a>' in body
    assert f'<a href="{organisation_url}">l’OIT</a>' in body


def test_links_follow_slug_changes(client, targets):
    policy, ilo = targets
    linking_page(policy, ilo)
    policy.slug_en = "child-protection-policy"
    policy.save()
    ilo.slug_en = "international-labour-organization"
    ilo.save()
    body = body_of(client, "/en/pages/links/")
    assert 'href="/en/pages/child-protection-policy/"' in body
    assert 'href="/en/organisations/international-labour-organization/"' in body


@pytest.mark.parametrize("path", ["/fr/pages/liens/", "/en/pages/links/", "/es/paginas/enlaces/"])
def test_a_link_to_a_hidden_target_prints_its_text_without_a_link(client, targets, path):
    policy, ilo = targets
    linking_page(policy, ilo)
    policy.is_published = False
    policy.save()
    ilo.is_published = False
    ilo.save()
    body = body_of(client, path)
    assert "la politique" in body and "l’OIT" in body
    assert "<a" not in body.split("</div>")[0]


def test_a_link_to_a_deleted_target_prints_its_text(client, targets):
    policy, ilo = targets
    linking_page(policy, ilo)
    policy.delete()
    body = body_of(client, "/fr/pages/liens/")
    assert "la politique" in body
    assert "/fr/pages/politique/" not in body


def test_staff_previewing_see_links_to_drafts(admin_client, targets):
    policy, ilo = targets
    linking_page(policy, ilo)
    policy.is_published = False
    policy.save()
    body = body_of(admin_client, "/fr/pages/liens/?preview=1")
    assert 'href="/fr/pages/politique/"' in body


@pytest.fixture
def figure(db):
    source = make_organisation(name_fr="Organisation internationale du travail", acronym_fr="OIT")
    return make_figure(
        key="exploited-yearly",
        value=1200000,
        label_fr="enfants victimes d’exploitation sexuelle chaque année",
        label_en="children who are victims of sexual exploitation every year",
        label_es="niñas y niños víctimas de explotación sexual cada año",
        source_organisation=source,
        source_title_fr="Estimations mondiales",
        year=2017,
    )


def figure_page(figure):
    text = f'<p>Chaque année, <span data-figure="{figure.pk}">chiffre</span>.</p>'
    return make_page(
        slug_fr="chiffre",
        slug_en="figure",
        slug_es="cifra",
        title_en="Figure",
        title_es="Cifra",
        summary_en="F.",
        summary_es="C.",
        body_fr=text,
        body_en=text,
        body_es=text,
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/fr/pages/chiffre/", "1,2 million enfants victimes d’exploitation sexuelle chaque année"),
        ("/en/pages/figure/", "1.2 million children who are victims of sexual exploitation every"),
        ("/es/paginas/cifra/", "1,2 millones niñas y niños víctimas de explotación sexual"),
    ],
)
def test_a_figure_shows_its_current_value_formatted_for_the_language(
    client, figure, path, expected
):
    figure_page(figure)
    body = body_of(client, path)
    assert expected in strip_tags(body)
    assert "Estimations mondiales" in body  # its source, as a note
    assert 'href="#figure-source-1"' in body


def test_a_changed_value_shows_at_once(client, figure):
    figure_page(figure)
    figure.value = 1300000
    figure.save()
    assert "1.3 million" in strip_tags(body_of(client, "/en/pages/figure/"))


def test_a_hidden_figure_drops_out_cleanly(client, figure):
    figure_page(figure)
    figure.is_published = False
    figure.save()
    body = body_of(client, "/fr/pages/chiffre/")
    assert "<p>Chaque année, .</p>" in body
    assert "figure-source" not in body


def test_a_figure_used_by_a_page_cannot_be_deleted(figure):
    figure_page(figure)
    with pytest.raises(ProtectedError):
        figure.delete()


def test_the_admin_names_the_pages_that_keep_a_figure_from_deletion(admin_client, figure):
    figure_page(figure)
    url = reverse("admin:statistics_keyfigure_delete", args=[figure.pk])
    html = admin_client.get(url).content.decode()
    assert "Page 1" in html


def test_a_figure_no_longer_in_the_text_can_be_deleted(figure):
    page = figure_page(figure)
    page.body_fr = page.body_en = page.body_es = "<p>Plus de chiffre.</p>"
    page.save()
    figure.delete()
