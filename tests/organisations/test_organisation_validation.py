from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from organisations.models import Organisation
from tests.admin.forms import organisation_form
from tests.conftest import image_bytes, make_organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


def errors_of(organisation):
    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()
    return raised.value.message_dict


def new_organisation(**fields):
    values = {"name_fr": "Nouvelle", "slug_fr": "nouvelle", "kind": "ngo", "summary_fr": "Résumé"}
    values.update(fields)
    return Organisation(**values)


def test_french_name_is_required_and_english_and_spanish_are_optional():
    assert "name_fr" in errors_of(new_organisation(name_fr=""))
    new_organisation(name_en="", name_es="").full_clean()


def test_a_french_slug_taken_by_another_organisation_is_refused():
    make_organisation(slug_fr="unicef")
    assert errors_of(new_organisation(slug_fr="unicef")) == {
        "slug_fr": ["Another organisation already has this slug."]
    }


def test_the_same_slug_may_serve_two_languages_of_one_organisation_or_two_bodies():
    make_organisation(slug_fr="unesco", slug_en="unesco")
    new_organisation(slug_fr="autre", slug_es="unesco").full_clean()


def test_many_organisations_may_lack_an_english_slug():
    make_organisation(slug_en=None)
    make_organisation(slug_en=None)
    assert Organisation.objects.filter(slug_en__isnull=True).count() == 2


@pytest.mark.parametrize("url", ["ftp://example.org/", "javascript:alert(1)", "example"])
def test_a_website_must_be_an_http_or_https_address(url):
    assert "website" in errors_of(new_organisation(website=url))


def test_an_https_website_is_accepted():
    new_organisation(website="https://www.ilo.org/").full_clean()


@pytest.mark.parametrize("year", [1899, date.today().year + 2])
def test_a_founding_year_outside_1900_to_next_year_is_refused(year):
    assert "founded_year" in errors_of(new_organisation(founded_year=year))


def test_next_year_is_the_latest_founding_year_accepted():
    new_organisation(founded_year=date.today().year + 1).full_clean()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP"])
def test_a_png_jpeg_or_webp_logo_is_accepted(image_format):
    new_organisation(
        logo=upload(f"logo.{image_format.lower()}", image_bytes(image_format))
    ).full_clean()


def test_an_svg_logo_is_refused_because_it_can_carry_scripts():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert errors_of(new_organisation(logo=upload("logo.svg", svg)))["logo"][-1] == (
        "Upload a PNG, JPEG or WebP image. Other formats, SVG included, are refused."
    )


def test_a_text_file_named_png_is_refused():
    assert "logo" in errors_of(new_organisation(logo=upload("logo.png", b"not an image")))


def test_a_gif_logo_is_refused():
    assert "logo" in errors_of(new_organisation(logo=upload("logo.gif", image_bytes("GIF"))))


def test_a_logo_of_2_mb_or_more_is_refused():
    big = image_bytes("PNG") + b"\0" * (2 * 1024 * 1024)
    assert errors_of(new_organisation(logo=upload("logo.png", big)))["logo"] == [
        "The logo is 2.0 MB; it must be under 2 MB."
    ]


SELF_PARENT = "An organisation cannot be part of itself, directly or through another one."


def test_an_organisation_cannot_be_part_of_itself():
    body = make_organisation()
    body.parent = body
    assert errors_of(body) == {"parent": [SELF_PARENT]}


def test_an_organisation_cannot_be_part_of_its_own_section():
    movement = make_organisation(name_fr="Mouvement")
    section = make_organisation(name_fr="Section", parent=movement)
    movement.parent = section
    assert errors_of(movement) == {"parent": [SELF_PARENT]}


def test_a_section_may_be_part_of_a_section_of_a_movement():
    movement = make_organisation(name_fr="Mouvement")
    section = make_organisation(name_fr="Section", parent=movement)
    local = make_organisation(name_fr="Antenne", parent=section)
    local.full_clean()


def test_the_admin_refuses_it_on_the_part_of_field_in_the_editors_language(client, editor):
    body = make_organisation()
    client.force_login(editor)
    url = reverse("admin:organisations_organisation_change", args=[body.pk])
    opened_at = client.get(url).context["adminform"].form.initial["opened_at"]
    data = organisation_form(parent=str(body.pk), opened_at=opened_at)
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["parent"] == [
        "Una organización no puede formar parte de sí misma, ni directamente ni a través de otra."
    ]
    body.refresh_from_db()
    assert body.parent is None
