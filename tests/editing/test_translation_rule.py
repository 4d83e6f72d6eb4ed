"""One translation rule: the admin, its filters, the to-do page and the switcher agree."""

import re

import pytest
from django.urls import reverse

from editing.translation_status import MISSING, OUTDATED, PARTIAL, translation_state
from organisations.models import Organisation
from partners.models import Partnership
from stats.models import KeyFigure
from tests.conftest import make_figure, make_organisation, make_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def without_english_acronym():
    """English name, summary and description, but the acronym only in French."""
    return make_organisation(
        name_fr="Organisation internationale du travail",
        name_en="International Labour Organization",
        acronym_fr="OIT",
        slug_fr="oit",
        slug_en="ilo",
        summary_fr="Agence des Nations unies.",
        summary_en="A United Nations agency.",
        description_fr="Elle fixe les normes du travail.",
        description_en="It sets labour standards.",
    )


def english_cell(editor_client, obj):
    """The English column of `obj`'s row in its admin list."""
    html = editor_client.get(reverse("admin:organisations_organisation_changelist")).content
    link = reverse("admin:organisations_organisation_change", args=[obj.pk])
    row = re.search(rf'<tr>.*?href="{link}".*?</tr>', html.decode(), re.S).group(0)
    english, _spanish = re.findall(r'<td class="field-translation_\w+">(.*?)</td>', row, re.S)
    return english


def test_the_admin_says_visitors_read_a_partial_translation_the_switcher_offers(
    client, editor_client, without_english_acronym
):
    page = client.get("/fr/organisations/oit/").content.decode()
    assert 'hreflang="en"' in page  # the switcher offers English…
    cell = english_cell(editor_client, without_english_acronym)
    assert 'class="translation-readable"' in cell  # …the admin says visitors read it…
    assert "translation-status-partial" in cell  # …and that the acronym remains to translate.


def test_a_translation_visitors_cannot_read_is_said_so(editor_client):
    body = make_organisation(name_fr="Eurochild", name_en="Eurochild")
    cell = english_cell(editor_client, body)
    assert 'class="translation-unreadable"' in cell
    assert "translation-status-partial" in cell


def test_missing_in_english_leaves_out_what_is_partly_translated(
    editor_client, without_english_acronym
):
    untouched = make_organisation(name_fr="Kids Rights")
    url = reverse("admin:organisations_organisation_changelist")
    missing = editor_client.get(url, {"translation": "en-missing"}).context["cl"].result_list
    partial = editor_client.get(url, {"translation": "en-partial"}).context["cl"].result_list
    assert list(missing) == [untouched]
    assert list(partial) == [without_english_acronym]


@pytest.fixture
def every_state(without_english_acronym):
    """Objects of each content type in each state, in English and Spanish."""
    complete = make_organisation(
        name_fr="Conseil",
        name_en="Council",
        name_es="Consejo",
        slug_fr="conseil",
        slug_en="council",
        slug_es="consejo",
        summary_fr="Un conseil.",
    )
    complete.summary_en, complete.summary_es = "A council.", "Un consejo."
    complete.save()
    complete.summary_fr = "Un conseil revu."
    complete.save()  # Now outdated in both languages.
    make_organisation(name_fr="Sans traduction")
    make_partnership(role_fr="Membre", role_en="Member", description_fr="Il en est membre.")
    make_partnership(role_fr="Observateur", role_es="Observador")
    make_figure(label_fr="enfants", label_en="children", label_es="niños")
    make_figure(label_fr="pays", scope_fr="Europe", scope_es="Europa")
    return complete


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("state", [MISSING, PARTIAL, OUTDATED])
@pytest.mark.parametrize("model", [Organisation, Partnership, KeyFigure])
def test_each_filter_holds_exactly_the_objects_in_its_state(every_state, model, language, state):
    by_the_rule = {o.pk for o in model.objects.all() if translation_state(o, language) == state}
    filtered = set(model.objects.in_state(language, state).values_list("pk", flat=True))
    assert filtered == by_the_rule


@pytest.mark.parametrize("language", ["fr", "en", "es"])
@pytest.mark.parametrize("model", [Organisation, Partnership, KeyFigure])
def test_the_readable_query_agrees_with_the_switchers_answer(every_state, model, language):
    by_the_rule = {o.pk for o in model.objects.all() if o.readable_in(language)}
    filtered = set(model.objects.readable_in(language).values_list("pk", flat=True))
    assert filtered == by_the_rule


def test_every_state_occurs_in_the_fixture(every_state):
    states = {
        translation_state(o, language)
        for model in (Organisation, Partnership, KeyFigure)
        for o in model.objects.all()
        for language in ("en", "es")
    }
    assert states == {MISSING, PARTIAL, OUTDATED, "complete"}
