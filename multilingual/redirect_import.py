"""Many redirects at once from a CSV file of “old path, new page” rows (the admin's import).

Each row: the old site's path (“/nos-partenaires.html”) and the page it now lives at, as a path
of this site (“/fr/partenaires/”, in any of its languages) or as a full address on SITE_URL. A
header row is allowed; rows are trimmed; an old path already redirected gets its new page.
"""

import csv
import io

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.db import transaction
from django.utils.translation import gettext as _

from .redirects import page_address

MAX_ROWS = 5000


def _page_path(text):
    """The path of this site's page `text` names (a path or a full address on SITE_URL)."""
    if text.startswith(settings.SITE_URL + "/"):
        text = text.removeprefix(settings.SITE_URL)
    if not text.startswith("/"):
        return None
    return page_address(text.split("?", 1)[0], settings.LANGUAGE_CODE) and text


def read_rows(uploaded):
    """[(old path, new path)] from an uploaded UTF-8 CSV, and [error messages] by line number."""
    text = uploaded.read().decode("utf-8-sig", errors="replace")
    rows, errors = [], []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) < 2:
            errors.append(
                _("Line %(line)d: two columns expected, old path and new page.") % {"line": number}
            )
            continue
        old, new = cells[0], cells[1]
        if number == 1 and not old.startswith("/"):
            continue  # a header row
        if not old.startswith("/"):
            errors.append(_("Line %(line)d: the old path must start with “/”.") % {"line": number})
            continue
        new_path = _page_path(new)
        if new_path is None:
            errors.append(
                _("Line %(line)d: “%(page)s” is not a page of this site.")
                % {"line": number, "page": new}
            )
            continue
        rows.append((old, new_path))
    if len(rows) > MAX_ROWS:
        errors.append(_("At most %(count)d rows at a time.") % {"count": MAX_ROWS})
    return rows, errors


@transaction.atomic
def save_rows(rows):
    """Create or update one redirect per row on this site; the number of redirects saved."""
    for old, new in rows:
        Redirect.objects.update_or_create(
            site_id=settings.SITE_ID, old_path=old, defaults={"new_path": new}
        )
    return len(rows)
