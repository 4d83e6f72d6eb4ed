"""Load DEI's partners, relationships, key figures and pages, in French, English and Spanish.

Idempotent: each object is found by its natural key (an organisation by any of its slugs, a
partnership by organisation and kind, a status by its partnership, a figure by its identifier).
What exists already is left exactly as staff left it; only what is missing is created.
"""

import json
import re
from pathlib import Path

import reversion
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from modeltranslation.translator import translator

from organisations.models import Organisation
from pages.models import NavigationItem, Page
from partners.models import ConsultativeStatus, Partnership
from stats.models import KeyFigure

CONTENT_FILE = Path(__file__).resolve().parents[2] / "content.json"
# The pages' text (home, about, introductions): references inside it name their targets by
# French slug or identifier (data-page-slug, data-organisation-slug, data-figure-key), turned
# into the ids the editor stores when loaded.
PAGES_FILE = Path(__file__).resolve().parents[2] / "pages.json"
REFERENCE = re.compile(r'data-(page-slug|organisation-slug|figure-key)="([^"]+)"')
LANGUAGES = ("fr", "en", "es")


def translations(record, model):
    """{"name": {"fr": …}} → {"name_fr": …, "name_en": …, "name_es": …}, for each field that
    the model's translation.py registers."""
    values = {}
    for field in translator.get_options_for_model(model).fields:
        texts = record.get(field) or {}
        for lang in LANGUAGES:
            values[f"{field}_{lang}"] = texts.get(lang, "")
    # An untranslated slug is NULL, as the admin stores it, so that it stays unique.
    for lang in LANGUAGES:
        if values.get(f"slug_{lang}") == "":
            values[f"slug_{lang}"] = None
    return values


class Command(BaseCommand):
    help = "Load the demo content (idempotent; never changes what staff edited)."

    def handle(self, *args, **options):
        content = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
        pages = json.loads(PAGES_FILE.read_text(encoding="utf-8"))["pages"]
        self.created = {
            "organisations": 0,
            "partnerships": 0,
            "statuses": 0,
            "figures": 0,
            "pages": 0,
        }
        # One revision: the demo content's first version is in each object's history.
        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment("Demo content")
            organisations = self.load_organisations(content["organisations"])
            self.load_partnerships(content["partnerships"], organisations)
            self.load_figures(content["figures"], organisations)
            self.load_pages(pages)
        summary = ", ".join(f"{count} {name}" for name, count in self.created.items())
        self.stdout.write(f"Demo content: created {summary}; everything else was already there.")

    def save(self, obj, counter):
        obj.full_clean()
        obj.save()
        self.created[counter] += 1
        return obj

    def load_organisations(self, records):
        """Return every organisation of the file, by French slug, created where missing."""
        by_slug, new = {}, []
        for record in records:
            slugs = record["slug"]
            existing = Organisation.objects.filter(
                Q(slug_fr=slugs["fr"]) | Q(slug_en=slugs["en"]) | Q(slug_es=slugs["es"])
            ).first()
            if existing is None:
                existing = Organisation(
                    kind=record["kind"],
                    website=record.get("website", ""),
                    founded_year=record.get("founded_year"),
                    headquarters_country=record.get("headquarters_country", ""),
                    member_count=record.get("member_count"),
                    member_country_count=record.get("member_country_count"),
                    is_published=True,
                    **translations(record, Organisation),
                )
                self.save(existing, "organisations")
                new.append((existing, record))
            by_slug[slugs["fr"]] = existing
        # Parents are set once every body exists, and only on the bodies just created.
        for organisation, record in new:
            if record.get("parent"):
                organisation.parent = by_slug[record["parent"]]
                organisation.save(update_fields=["parent"])
        return by_slug

    def load_partnerships(self, records, organisations):
        for record in records:
            organisation = organisations[record["organisation"]]
            partnership = Partnership.objects.filter(
                organisation=organisation, kind=record["kind"]
            ).first()
            if partnership is None:
                partnership = self.save(
                    Partnership(
                        organisation=organisation,
                        kind=record["kind"],
                        since_year=record.get("since_year"),
                        until_year=record.get("until_year"),
                        evidence_url=record.get("evidence_url", ""),
                        order=record["order"],
                        is_published=True,
                        **translations(record, Partnership),
                    ),
                    "partnerships",
                )
            status = record.get("consultative_status")
            if status and not ConsultativeStatus.objects.filter(partnership=partnership).exists():
                self.save(
                    ConsultativeStatus(
                        partnership=partnership,
                        category=status.get("category", ""),
                        granted_year=status.get("granted_year"),
                        **translations(status, ConsultativeStatus),
                    ),
                    "statuses",
                )

    def load_figures(self, records, organisations):
        for record in records:
            if KeyFigure.objects.filter(key=record["key"]).exists():
                continue
            self.save(
                KeyFigure(
                    key=record["key"],
                    kind=record["kind"],
                    qualifier=record["qualifier"],
                    value=record.get("value"),
                    ratio_total=record.get("ratio_total"),
                    year=record.get("year"),
                    about_organisation=organisations.get(record.get("about")),
                    source_organisation=organisations.get(record.get("source_organisation")),
                    source_url=record.get("source_url", ""),
                    order=record["order"],
                    is_published=True,
                    **translations(record, KeyFigure),
                ),
                "figures",
            )

    def load_pages(self, records):
        """Create the missing pages, then write their references as ids, then the menu."""
        new = []
        for record in records:
            if Page.objects.filter(slug_fr=record["slug"]["fr"]).exists():
                continue
            if record["placement"] and Page.objects.filter(placement=record["placement"]).exists():
                continue
            values = translations(record, Page)
            page = Page(placement=record["placement"], is_published=record["is_published"])
            for name, value in values.items():
                if not name.startswith("body_"):
                    setattr(page, name, value)
            self.save(page, "pages")
            new.append((page, record, values))
        for page, _record, values in new:
            for name, value in values.items():
                if name.startswith("body_"):
                    setattr(page, name, REFERENCE.sub(self.reference_id, value))
            page.full_clean()
            page.save()
        for page, record, _values in new:
            if record["in_navigation"]:
                order = NavigationItem.objects.count()
                NavigationItem.objects.get_or_create(page=page, defaults={"order": order})

    def reference_id(self, match):
        kind, name = match.groups()
        if kind == "figure-key":
            target = KeyFigure.objects.filter(key=name).first()
            return f'data-figure="{target.pk}"' if target else ""
        if kind == "page-slug":
            target = Page.objects.filter(slug_fr=name).first()
            return f'href="#" data-page="{target.pk}"' if target else ""
        target = Organisation.objects.filter(slug_fr=name).first()
        return f'href="#" data-organisation="{target.pk}"' if target else ""
