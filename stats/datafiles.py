"""Open data files: a table of rows written as CSV or JSON, with its licence and HTTP validators.

Used by the key figures (stats/dataset.py) and the partnerships (partners/dataset.py). A data set
is a list of column names and rows (dicts with those keys) holding plain Python values: str,
int, Decimal, bool, date, datetime, list of str, or None.

CSV (RFC 4180, comma-separated) opens in a spreadsheet without surprises:
- UTF-8 with a byte-order mark: Excel reads a CSV without one in the machine's old code page
  (“Ã©” for “é”); LibreOffice and Python's csv module (encoding "utf-8-sig") take it too;
- a header row of the column names;
- a text cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe,
  so that no spreadsheet runs it as a formula (OWASP, “CSV injection”); numbers are written as
  numbers, a negative one included;
- a list (a partnership's benefits) is one cell, its points on separate lines.

The licence is stated in each file (two columns in the CSV, a "licence" object in the JSON) and
in a `Link: <…>; rel="license"` header. `Last-Modified` is the newest change among the rows and
the licence; the `ETag` (a hash of the body) also changes when a row is removed or expires, and
ConditionalGetMiddleware answers 304 with both, cached page or not.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils.cache import set_response_etag
from django.utils.http import http_date

# What a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LICENCE_COLUMNS = ("licence", "licence_url")
UTF8_BOM = "\ufeff"


@dataclass
class DataSet:
    """One table to publish in one language.

    `name` is the key of the rows in the JSON ("figures"); `filename` the file's name without
    extension; `meta` any extra top-level JSON fields (title, page address…).
    """

    name: str
    filename: str
    columns: list
    rows: list
    licence_name: str
    licence_url: str
    language: str
    last_modified: datetime | None = None
    meta: dict = field(default_factory=dict)


def spreadsheet_safe(value):
    """A text cell a spreadsheet will not run as a formula: "=1+1" → "'=1+1". Numbers unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def plain_number(value):
    """A Decimal as int when whole (1200000.00 → 1200000), else float (29.5): a JSON number."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def csv_cell(value):
    """One value as the text of a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (int, float, Decimal)):
        return str(plain_number(value))
    if isinstance(value, (list, tuple)):
        value = "\n".join(value)
    return spreadsheet_safe(str(value))


def json_value(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return plain_number(value)


def csv_text(dataset):
    """The CSV file, BOM and header row included, licence in its last two columns."""
    out = io.StringIO()
    out.write(UTF8_BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*dataset.columns, *LICENCE_COLUMNS])
    licence = [csv_cell(dataset.licence_name), csv_cell(dataset.licence_url)]
    for row in dataset.rows:
        writer.writerow([csv_cell(row[column]) for column in dataset.columns] + licence)
    return out.getvalue()


def json_text(dataset):
    """The JSON document: the data set's description, its licence, then its rows."""
    document = {
        **dataset.meta,
        "language": dataset.language,
        "licence": {"name": dataset.licence_name, "url": dataset.licence_url},
        "modified": json_value(dataset.last_modified),
        "columns": list(dataset.columns),
        dataset.name: [
            {column: json_value(row[column]) for column in dataset.columns} for row in dataset.rows
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def data_response(dataset, file_format):
    """The data set as an HTTP response in `file_format` ("csv" or "json"), with validators."""
    if file_format == "csv":
        response = HttpResponse(csv_text(dataset), content_type="text/csv; charset=utf-8")
        filename = f"{dataset.filename}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        response = HttpResponse(json_text(dataset), content_type="application/json")
    response["Content-Language"] = dataset.language
    response["Link"] = f'<{dataset.licence_url}>; rel="license"'
    if dataset.last_modified:
        response["Last-Modified"] = http_date(dataset.last_modified.timestamp())
    # Set here, not only by ConditionalGetMiddleware: the page cache keeps it with the body.
    set_response_etag(response)
    return response


def newest(*moments):
    """The latest of the given datetimes, ignoring None; None when there is none."""
    return max((moment for moment in moments if moment), default=None)
