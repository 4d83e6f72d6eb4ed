"""export_content then import_content into an empty database gives back all content, exactly."""

import io
import json
from pathlib import Path

from django.core.management import call_command

from organisations.models import Organisation
from tests.backups.conftest import empty_the_content, every_row, export_then_start_afresh
from tests.conftest import image_bytes


def test_every_column_of_every_row_comes_back(rich_content, tmp_path):
    before = every_row()
    assert all(before.values()), "every content model needs rows for the comparison to mean much"
    export_then_start_afresh(tmp_path / "content.json")
    assert not any(every_row().values())

    call_command("import_content", str(tmp_path / "content.json"), stdout=io.StringIO())

    assert every_row() == before


def test_the_file_names_its_format_and_version_and_keeps_every_language(rich_content, tmp_path):
    call_command("export_content", str(tmp_path / "content.json"), stdout=io.StringIO())
    document = json.loads((tmp_path / "content.json").read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("dei-site-content", 2)
    [un] = [
        obj["fields"]
        for obj in document["objects"]
        if obj["model"] == "organisations.organisation" and obj["pk"] == 1
    ]
    assert (un["name_fr"], un["name_en"], un["name_es"]) == (
        "Organisation des Nations unies",
        "United Nations",
        "Organización de las Naciones Unidas",
    )
    assert un["logo"] == "logos/un.png"  # a path in MEDIA_ROOT, not the image


def test_links_to_organisations_read_as_their_french_slug(rich_content, tmp_path):
    call_command("export_content", str(tmp_path / "content.json"), stdout=io.StringIO())
    document = json.loads((tmp_path / "content.json").read_text(encoding="utf-8"))
    links = {
        (obj["model"], obj["pk"]): obj["fields"]
        for obj in document["objects"]
        if obj["model"] in ("organisations.organisation", "partners.partnership")
    }
    assert links["organisations.organisation", 2]["parent"] == ["onu"]
    assert links["partners.partnership", 2]["organisation"] == ["unicef"]


def test_a_parent_written_after_its_sections_is_found(rich_content, tmp_path):
    before = every_row()
    path = tmp_path / "content.json"
    export_then_start_afresh(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["objects"].reverse()  # UNICEF, part of the UN, now comes before it
    document["objects"].sort(key=lambda obj: obj["model"] != "organisations.organisation")
    path.write_text(json.dumps(document), encoding="utf-8")

    call_command("import_content", str(path), stdout=io.StringIO())

    assert every_row() == before


def test_the_logo_and_the_old_address_work_again_after_import(client, rich_content, tmp_path):
    export_then_start_afresh(tmp_path / "content.json")
    call_command("import_content", str(tmp_path / "content.json"), stdout=io.StringIO())

    un = Organisation.objects.get(slug_fr="onu")
    assert Path(un.logo.path).read_bytes() == image_bytes()
    assert f'src="{un.logo.url}"' in client.get("/en/organisations/un/").content.decode()
    response = client.get("/en/organisations/un-organisation/")  # its English slug until renamed
    assert (response.status_code, response["Location"]) == (301, "/en/organisations/un/")


def test_standard_output_and_input_carry_a_copy_too(rich_content, monkeypatch):
    before = every_row()
    exported = io.StringIO()
    call_command("export_content", "-", stdout=exported, stderr=io.StringIO())
    empty_the_content()
    monkeypatch.setattr("sys.stdin", io.StringIO(exported.getvalue()))
    call_command("import_content", "-", stdout=io.StringIO())
    assert every_row() == before


def test_visitors_see_the_imported_content_at_once(client, rich_content, tmp_path):
    export_then_start_afresh(tmp_path / "content.json")
    # The page is now cached without the United Nations; the import must make it stale.
    assert "United Nations" not in client.get("/en/partners/").content.decode()

    call_command("import_content", str(tmp_path / "content.json"), stdout=io.StringIO())

    assert "United Nations" in client.get("/en/partners/").content.decode()
