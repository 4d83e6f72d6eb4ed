"""After an import, staff add content as before: new rows are not given an imported row's key."""

import io

from django.core.management import call_command
from django.urls import reverse

from organisations.models import Organisation
from stats.models import KeyFigure
from tests.admin.forms import figure_form, organisation_form
from tests.backups.conftest import export_then_start_afresh


def test_an_editor_adds_an_organisation_and_a_figure_in_the_admin(
    rich_content, tmp_path, editor_client
):
    export_then_start_afresh(tmp_path / "content.json")
    call_command("import_content", str(tmp_path / "content.json"), stdout=io.StringIO())
    imported = Organisation.objects.count(), KeyFigure.objects.count()

    organisation = editor_client.post(
        reverse("admin:organisations_organisation_add"), organisation_form()
    )
    figure = editor_client.post(reverse("admin:statistics_keyfigure_add"), figure_form())

    assert (organisation.status_code, figure.status_code) == (302, 302)
    assert (Organisation.objects.count(), KeyFigure.objects.count()) == (
        imported[0] + 1,
        imported[1] + 1,
    )
