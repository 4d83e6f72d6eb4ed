"""Outdated means the French really changed; the translator sees what changed, and can say the
translation is still correct without editing it."""

import pytest
from django.urls import reverse
from reversion.models import Version

from editing.translation_status import COMPLETE, OUTDATED, translation_state
from organisations.models import Organisation
from tests.conftest import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated():
    return make_organisation(
        name_fr="Conseil de l’Europe",
        name_en="Council of Europe",
        name_es="Consejo de Europa",
        slug_fr="conseil-de-l-europe",
        slug_en="council-of-europe",
        slug_es="consejo-de-europa",
        summary_fr="Organisation régionale.",
        summary_en="Regional organisation.",
        summary_es="Organización regional.",
    )


def outdated_in_english():
    return set(Organisation.objects.outdated_in("en").values_list("pk", flat=True))


def change_url(obj):
    return reverse("admin:organisations_organisation_change", args=[obj.pk])


def test_a_french_text_changed_and_changed_back_is_not_outdated(translated):
    translated.summary_fr = "Organisation régionale de 46 États."
    translated.save()
    assert translation_state(translated, "en") == OUTDATED
    assert outdated_in_english() == {translated.pk}
    translated.summary_fr = "Organisation régionale."
    translated.save()
    translated.refresh_from_db()
    assert translation_state(translated, "en") == COMPLETE
    assert outdated_in_english() == set()


def test_a_translation_saved_after_the_change_is_up_to_date_only_in_its_field(translated):
    translated.name_fr = "Conseil de l’Europe (CoE)"
    translated.summary_fr = "Organisation régionale de 46 États."
    translated.save()
    translated.summary_en = "Regional organisation of 46 states."
    translated.save()
    # The English name still translates the old French name.
    assert translation_state(translated, "en") == OUTDATED
    translated.name_en = "Council of Europe (CoE)"
    translated.save()
    assert translation_state(translated, "en") == COMPLETE
    assert translation_state(translated, "es") == OUTDATED


def test_the_form_shows_the_french_then_and_now_with_the_difference_marked(translator, translated):
    translated.summary_fr = "Organisation régionale de 46 États."
    translated.save()
    html = translator.get(change_url(translated)).content.decode()
    assert 'id="what-changed-en"' in html and 'id="what-changed-es"' in html
    # Whole words are marked: "régionale." became "régionale de 46 États.".
    assert "<td>Organisation <del>régionale.</del></td>" in html
    assert "<td>Organisation <ins>régionale de 46 États.</ins></td>" in html
    assert "What changed in the French text since the English translation was made" in html


def test_an_up_to_date_object_shows_no_changes(translator, translated):
    html = translator.get(change_url(translated)).content.decode()
    assert "what-changed" not in html


def test_still_correct_clears_outdated_for_that_language_only(translator, volunteer, translated):
    translated.summary_fr = "Organisation régionale (Strasbourg)."
    translated.save()
    url = reverse("admin:organisations_organisation_still_correct", args=[translated.pk, "en"])
    response = translator.post(url)
    assert response.status_code == 302
    assert response["Location"] == change_url(translated)
    translated.refresh_from_db()
    assert translated.summary_en == "Regional organisation."  # not edited
    assert translation_state(translated, "en") == COMPLETE
    assert translation_state(translated, "es") == OUTDATED
    assert outdated_in_english() == set()
    latest = Version.objects.get_for_object(translated).first()
    assert latest.revision.user == volunteer
    html = translator.get(change_url(translated)).content.decode()
    assert 'id="what-changed-en"' not in html and 'id="what-changed-es"' in html


def test_still_correct_only_answers_a_post(translator, translated):
    url = reverse("admin:organisations_organisation_still_correct", args=[translated.pk, "en"])
    translated.summary_fr = "Autre."
    translated.save()
    translator.get(url)
    translated.refresh_from_db()
    assert translation_state(translated, "en") == OUTDATED


def test_still_correct_refuses_the_source_language(translator, translated):
    url = reverse("admin:organisations_organisation_still_correct", args=[translated.pk, "fr"])
    assert translator.post(url).status_code == 404
