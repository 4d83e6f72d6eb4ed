"""Markup that marks text shown in French to a visitor of another language."""

from django.utils.html import format_html

from .availability import SOURCE_LANGUAGE, falls_back


def lang_attribute(obj, field_name, language):
    """` lang="fr"` on an element whose text is the French fallback, for screen readers."""
    if falls_back(obj, field_name, language):
        return format_html(' lang="{}"', SOURCE_LANGUAGE)
    return ""
