"""The search index: what each content object says in each language, folded.

One row per (object, language): the text of its `search_fields` as a visitor in that language
reads them (the French where a translation is missing), folded by search/matching.py and cut
into words (each once), one line per field. The engine's own full-text index is built over
`document` by search/migrations/0002 (SQLite: an FTS5 table kept in step by triggers;
PostgreSQL: a GIN index). Which rows a visitor may see is decided at query time by the
models' `published()`, never here: the index holds words, not rights.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=10)
    # The folded words of each searched field, each once, space-separated, one field a line,
    # in the order of the model's `search_fields`.
    document = models.TextField()

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="unique_search_entry"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} ({self.language})"

    def fields(self):
        """The folded words of each searched field: ["organisation internationale", ...]."""
        return self.document.split("\n")
