"""Markup that marks text shown in French to a visitor of another language."""

from django.utils.html import format_html

from .availability import SOURCE_LANGUAGE, falls_back

# Made once: the source language is a setting, and a page asks for this on most of its texts.
IN_SOURCE_LANGUAGE = format_html(' lang="{}"', SOURCE_LANGUAGE)


def lang_attribute(obj, field_name, language):
    """` lang="fr"` on an element whose text is the French fallback, for screen readers."""
    if falls_back(obj, field_name, language):
        return IN_SOURCE_LANGUAGE
    return ""
