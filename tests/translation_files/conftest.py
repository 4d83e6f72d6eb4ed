"""Content to translate, and a translator's tool: it fills a PO or XLIFF file the way Poedit,
Weblate or OmegaT would (translation set, "needs review" mark cleared)."""

from xml.etree import ElementTree as ET

import polib
import pytest
from django.urls import reverse

from editing.models import Draft
from tests.conftest import make_organisation

# The staff roles (an editor, a volunteer translator) shared with the editing tests.
from tests.editing.conftest import signed_in, translator, volunteer  # noqa: F401
from tests.editing.review import workflow_url

XLIFF = "urn:oasis:names:tc:xliff:document:1.2"


@pytest.fixture
def body():
    """An organisation with French text only, and an address in each language."""
    return make_organisation(
        name_fr="Conseil de l’Europe",
        slug_fr="conseil-de-l-europe",
        acronym_fr="CdE",
        summary_fr="Organisation régionale « des droits de l’homme ».",
        description_fr="Fondé en 1949.\nSiège à Strasbourg.",
    )


def key(obj, field):
    return f"{obj._meta.label_lower}:{obj.pk}:{field}"


def fill_po(data, translations, keep_review=()):
    """The PO file `data` with each msgctxt of `translations` translated, as a tool saves it."""
    catalogue = polib.pofile(data.decode())
    for entry in catalogue:
        if entry.msgctxt in translations:
            entry.msgstr = translations[entry.msgctxt]
            if entry.msgctxt not in keep_review and "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    return str(catalogue).encode()


def fill_xliff(data, translations, keep_review=()):
    """The XLIFF file `data` with each trans-unit id of `translations` translated (values may
    hold inline <g>/<x> placeholders), as a tool saves it."""
    ET.register_namespace("", XLIFF)
    root = ET.fromstring(data)
    for unit in root.iter(f"{{{XLIFF}}}trans-unit"):
        if unit.get("id") not in translations:
            continue
        target = unit.find(f"{{{XLIFF}}}target")
        for child in list(target):
            target.remove(child)
        fragment = ET.fromstring(f'<t xmlns="{XLIFF}">{translations[unit.get("id")]}</t>')
        target.text = fragment.text
        target.extend(list(fragment))
        if unit.get("id") not in keep_review:
            target.set("state", "translated")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


FILL = {"po": fill_po, "xliff": fill_xliff}


def xml_text(text):
    """Plain text as an XLIFF target holds it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def export(client, language, file_format, **selection):
    response = client.get(
        reverse("translation_export"),
        {"language": language, "file_format": file_format, "download": "1", **selection},
    )
    assert response.status_code == 200, response.content[:500]
    return response.content


def upload(client, data, name="traduction.po"):
    """The preview page for `data` uploaded as `name`."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("translation_import"), {"file": SimpleUploadedFile(name, data)})


def apply_previewed(client, preview, skip=False):
    """Press "Apply" on the preview page `preview`."""
    context = preview.context
    fields = {"data": context["data"], "filename": context["filename"], "apply": "1"}
    if skip:
        fields["skip_problems"] = "1"
    return client.post(reverse("translation_import"), fields, follow=True)


@pytest.fixture
def reviewer(editor):
    """The admin of an Editor, who approves what translators submit for review."""
    return signed_in(editor)


def approve_submitted(client):
    """Approve, as `client` (an Editor) does on each form, every draft submitted for review:
    what a translator imported into published content goes public only then."""
    submitted = Draft.objects.filter(state=Draft.SUBMITTED)
    assert submitted.exists(), "nothing awaits review"
    for draft in submitted:
        response = client.post(workflow_url(draft.content_object), {"action": "approve"})
        assert response.status_code == 302
    assert not Draft.objects.exists()
