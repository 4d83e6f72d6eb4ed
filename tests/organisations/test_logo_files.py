"""Logo files: named after what they are, refused when too large in pixels, never half-written,
and removed once the save that replaced or deleted them has committed."""

import errno
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.urls import reverse

from organisations.models import Organisation
from tests.admin.forms import PUBLISH, organisation_form
from tests.conftest import image_bytes, make_organisation
from tests.editing.test_conflicts_merged import change_url, form_as_shown

pytestmark = pytest.mark.django_db


def png_claiming(width, height):
    """A tiny PNG whose header claims width × height pixels."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def files_in(media_root):
    return sorted(
        p.relative_to(media_root).as_posix() for p in Path(media_root).rglob("*") if p.is_file()
    )


def upload_logo(client, organisation, name, content, language="en"):
    data = form_as_shown(client.get(change_url(organisation)))
    data["logo"] = SimpleUploadedFile(name, content)
    return client.post(change_url(organisation), {**data, **PUBLISH}, HTTP_ACCEPT_LANGUAGE=language)


@pytest.fixture
def ilo(editor_client):
    editor_client.post(reverse("admin:organisations_organisation_add"), organisation_form())
    return Organisation.objects.get()


@pytest.mark.parametrize(
    ("name", "image_format", "stored_as"),
    [("logo.pdf", "PNG", ".png"), ("logo.eps", "JPEG", ".jpg"), ("logo.png", "WEBP", ".webp")],
)
def test_a_logo_is_stored_with_the_extension_of_its_real_format(
    editor_client, ilo, media_root, name, image_format, stored_as
):
    response = upload_logo(editor_client, ilo, name, image_bytes(image_format))
    assert response.status_code == 302
    ilo.refresh_from_db()
    assert ilo.logo.name == f"logos/logo{stored_as}"
    assert files_in(media_root) == [f"logos/logo{stored_as}"]


def test_an_image_over_40_megapixels_is_refused_from_its_header(editor_client, ilo, media_root):
    # 12,000 × 12,000: 144 megapixels in a file of a few hundred bytes.
    response = upload_logo(editor_client, ilo, "logo.png", png_claiming(12_000, 12_000))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["logo"]
    assert errors == [
        "The image is too large in pixels: at most 40 megapixels, such as 7,000 × 5,700. "
        "Reduce it in an image editor and upload it again."
    ]
    assert files_in(media_root) == []


def test_an_image_just_under_the_limit_is_accepted(editor_client, ilo):
    assert (
        upload_logo(editor_client, ilo, "logo.png", png_claiming(8_000, 5_000)).status_code == 302
    )


def test_a_replaced_logo_file_is_removed_once_the_save_committed(
    editor_client, ilo, media_root, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload_logo(editor_client, ilo, "first.png", image_bytes())
    assert files_in(media_root) == ["logos/first.png"]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert upload_logo(editor_client, ilo, "second.png", image_bytes()).status_code == 302
    # Not before the commit: a rolled-back save would still need it.
    assert files_in(media_root) == ["logos/first.png", "logos/second.png"]
    for callback in callbacks:
        callback()
    assert files_in(media_root) == ["logos/second.png"]


def test_a_deleted_organisations_logo_is_removed(
    editor_client, ilo, media_root, django_capture_on_commit_callbacks
):
    upload_logo(editor_client, ilo, "logo.png", image_bytes())
    delete = reverse("admin:organisations_organisation_delete", args=[ilo.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert files_in(media_root) == []


def test_a_logo_shared_with_another_row_stays(media_root, django_capture_on_commit_callbacks):
    media_root.joinpath("logos").mkdir(parents=True)
    media_root.joinpath("logos/shared.png").write_bytes(image_bytes())
    first = make_organisation(logo="logos/shared.png")
    make_organisation(logo="logos/shared.png")
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert files_in(media_root) == ["logos/shared.png"]


@pytest.fixture
def disk_full_half_way(monkeypatch):
    """The disk fills up after the first chunk of an upload is written."""

    def chunks(upload, chunk_size=None):
        upload.seek(0)
        yield upload.read(64)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(InMemoryUploadedFile, "chunks", chunks)


def test_a_disk_that_fills_up_half_way_leaves_no_file_and_says_so(
    editor_client, ilo, media_root, disk_full_half_way
):
    editor_client.raise_request_exception = False
    response = upload_logo(editor_client, ilo, "logo.png", image_bytes(size=(64, 64)), "fr")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["logo"] == [
        "Le fichier n’a pas pu être enregistré : le disque du serveur est plein. Rien n’a été "
        "enregistré. Réessayez plus tard, ou prévenez l’administrateur du site."
    ]
    assert files_in(media_root) == []
    ilo.refresh_from_db()
    assert not ilo.logo


def test_a_form_as_shown_leaves_no_logo_behind(editor_client, ilo, media_root):
    data = form_as_shown(editor_client.get(change_url(ilo)))
    data["logo"] = SimpleUploadedFile("logo.png", image_bytes())
    data["founded_year"] = ["1066"]  # refused: before 1900
    response = editor_client.post(change_url(ilo), {**data, **PUBLISH})
    assert response.status_code == 200
    assert files_in(media_root) == []
