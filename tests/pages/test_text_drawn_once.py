"""A page's text is drawn once per content generation (pages/rendering.py, `body_block`): with
the page cache off, a second visit resolves no reference again, yet a target's new slug, a
figure's new value or a hidden target shows at the next request, and staff previewing never
share the visitors' drawing."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from tests.editing.test_scheduling import clock  # noqa: F401
from tests.pages.conftest import make_page
from tests.pages.test_references import body_of, figure, figure_page, linking_page, targets  # noqa: F401


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Every request renders its page: only the text's own cache is left to test."""
    settings.PAGE_CACHE_SECONDS = 0


def queries_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_a_second_visit_resolves_no_reference_again(client, targets, figure):  # noqa: F811
    policy, ilo = targets
    text = (
        f'<p><a href="#" data-page="{policy.pk}">la politique</a>, '
        f'<a href="#" data-organisation="{ilo.pk}">l’OIT</a>, '
        f'<span data-figure="{figure.pk}">x</span>.</p>'
    )
    make_page(slug_fr="tout", body_fr=text)
    first = queries_of(client, "/fr/pages/tout/")
    # The page itself: its links and figure (three queries) and the header menu come drawn.
    assert queries_of(client, "/fr/pages/tout/") == 1
    assert first == 1 + 3 + 1


def test_a_targets_new_slug_shows_at_the_next_visit(client, targets):  # noqa: F811
    policy, ilo = targets
    linking_page(policy, ilo)
    assert 'href="/en/organisations/ilo/"' in body_of(client, "/en/pages/links/")
    ilo.slug_en = "international-labour-organization"
    ilo.save()
    assert 'href="/en/organisations/international-labour-organization/"' in body_of(
        client, "/en/pages/links/"
    )


def test_a_target_hidden_after_a_visit_loses_its_link(client, targets):  # noqa: F811
    policy, ilo = targets
    linking_page(policy, ilo)
    assert 'href="/fr/pages/politique/"' in body_of(client, "/fr/pages/liens/")
    policy.is_published = False
    policy.save()
    body = body_of(client, "/fr/pages/liens/")
    assert "la politique" in body
    assert "/fr/pages/politique/" not in body


def test_a_figures_new_value_shows_at_the_next_visit(client, figure):  # noqa: F811
    figure_page(figure)
    assert "1.2 million" in strip_tags(body_of(client, "/en/pages/figure/"))
    figure.value = 1300000
    figure.save()
    assert "1.3 million" in strip_tags(body_of(client, "/en/pages/figure/"))


def test_each_language_is_drawn_in_its_own_words(client, figure):  # noqa: F811
    figure_page(figure)
    assert "1.2 million" in strip_tags(body_of(client, "/en/pages/figure/"))
    assert "1,2 millones" in strip_tags(body_of(client, "/es/paginas/cifra/"))
    assert "1,2 million enfants" in strip_tags(body_of(client, "/fr/pages/chiffre/"))


def test_staff_previewing_and_visitors_never_share_a_drawing(client, admin_client, targets):  # noqa: F811
    policy, ilo = targets
    linking_page(policy, ilo)
    policy.is_published = False
    policy.save()
    assert "/fr/pages/politique/" not in body_of(client, "/fr/pages/liens/")
    # The draft target is linked in the preview, though visitors' drawing is in the cache…
    assert 'href="/fr/pages/politique/"' in body_of(admin_client, "/fr/pages/liens/?preview=1")
    # … and the preview's drawing never reaches visitors.
    assert "/fr/pages/politique/" not in body_of(client, "/fr/pages/liens/")


def test_a_link_to_a_scheduled_target_appears_at_its_go_live(client, targets, clock):  # noqa: F811
    policy, ilo = targets
    linking_page(policy, ilo)
    policy.publish_at = clock.now + timedelta(hours=1)
    policy.save()
    assert "/fr/pages/politique/" not in body_of(client, "/fr/pages/liens/")
    assert "/fr/pages/politique/" not in body_of(client, "/fr/pages/liens/")  # drawn, kept
    clock.advance(hours=1, seconds=1)
    assert 'href="/fr/pages/politique/"' in body_of(client, "/fr/pages/liens/")
