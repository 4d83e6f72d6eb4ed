"""A chosen selection exported for translation, for every kind of content: with the action of
its admin list, and with `export_translations --model … --ids …`."""

from io import StringIO

import polib
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from editing.registry import content_models
from partners.models import ConsultativeStatus, Partnership
from stats.models import OpenDataSettings
from tests.conftest import make_figure, make_organisation, make_partnership
from tests.pages.conftest import make_page

pytestmark = pytest.mark.django_db


def consultative_status(text):
    partnership = make_partnership(kind=Partnership.Kind.CONSULTATIVE_STATUS)
    return ConsultativeStatus.objects.create(partnership=partnership, privileges_fr=text)


# One maker per kind of content: an object whose French includes `text`.
MAKERS = {
    "organisations.organisation": lambda text: make_organisation(name_fr=text),
    "partners.partnership": lambda text: make_partnership(role_fr=text),
    "partners.consultativestatus": consultative_status,
    "statistics.keyfigure": lambda text: make_figure(label_fr=text),
    "statistics.opendatasettings": lambda text: OpenDataSettings.objects.create(
        pk=OpenDataSettings.SINGLETON_PK, licence_name_fr=text
    ),
    "pages.page": lambda text: make_page(title_fr=text),
}


def test_every_kind_of_content_has_a_maker_here():
    assert set(MAKERS) == {model._meta.label_lower for model in content_models()}


def keys_in(data):
    """The unit keys of a PO file's entries."""
    return {entry.msgctxt for entry in polib.pofile(data.decode())}


@pytest.mark.parametrize("label", sorted(MAKERS))
def test_the_admin_list_action_exports_the_chosen_items_of_every_kind(translator, label):
    chosen = MAKERS[label]("Texte choisi à traduire")
    # Other content to leave out, of this kind and of others.
    if label != "statistics.opendatasettings":  # one row at most
        MAKERS[label]("Pas choisi")
    make_organisation(name_fr="Pas choisie")
    make_page(title_fr="Pas choisie")
    opts = chosen._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    response = translator.post(
        changelist, {"action": "export_for_translation", "_selected_action": [chosen.pk]}
    )
    assert response.status_code == 302
    form = translator.get(response["Location"])
    assert "1 chosen item" in form.content.decode()
    # The export form keeps the choice: the file has only the chosen item's texts.
    download = translator.get(f"{response['Location']}&language=es&file_format=po&download=1")
    assert download.status_code == 200
    assert "Texte choisi à traduire" in download.content.decode()
    keys = keys_in(download.content)
    assert keys and all(key.startswith(f"{label}:{chosen.pk}:") for key in keys)


@pytest.mark.parametrize("label", sorted(MAKERS))
def test_the_command_exports_the_chosen_items_of_every_kind(tmp_path, label):
    chosen = MAKERS[label]("Texte choisi à traduire")
    make_organisation(name_fr="Pas choisie")
    path = tmp_path / "chosen.po"
    call_command(
        "export_translations",
        "en",
        str(path),
        model=label,
        ids=str(chosen.pk),
        stderr=StringIO(),
    )
    keys = keys_in(path.read_bytes())
    assert keys and all(key.startswith(f"{label}:{chosen.pk}:") for key in keys)
    assert "Texte choisi à traduire" in path.read_text()


def test_the_command_exports_every_text_of_a_kind_translated_or_not(tmp_path):
    done = make_organisation(name_fr="Déjà traduite", name_en="Already translated")
    todo = make_organisation(name_fr="À traduire")
    make_page(title_fr="Une page")
    path = tmp_path / "organisations.xlf"
    call_command(
        "export_translations",
        "en",
        str(path),
        format="xliff",
        model="organisations.organisation",
        stderr=StringIO(),
    )
    text = path.read_text()
    assert "Already translated" in text and "À traduire" in text
    assert f"organisations.organisation:{done.pk}:name" in text
    assert f"organisations.organisation:{todo.pk}:name" in text
    assert "Une page" not in text


@pytest.mark.parametrize(
    "options",
    [{"model": "auth.user"}, {"model": "organisations"}, {"ids": "1,2"}],
)
def test_the_command_refuses_a_selection_that_is_not_content(tmp_path, options):
    with pytest.raises(CommandError):
        call_command(
            "export_translations", "en", str(tmp_path / "x.po"), stderr=StringIO(), **options
        )
