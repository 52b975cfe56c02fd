"""The input of a translation: the field's own widget, wrapped (as Django's admin wraps a
related field's widget) with what a translator needs around it."""

from django import forms
from django.template.loader import render_to_string


class TranslationInput(forms.Widget):
    """`widget`, rendered with the English it translates above it, its state (review.py's
    review_state: outdated with the change in the English, reviewed or not), where it goes
    against the glossary (glossary.py's Glossary, for its `language`) and, on demand, the
    texts of the languages the form doesn't edit (`others`).

    Everything a form asks of a widget (what was posted, its id, whether it is hidden) is the
    wrapped widget's: the wrapper only adds to what is rendered.
    """

    template_name = "admin/skills/translated_input.html"

    def __init__(self, widget, *, language, source="", others=(), review=None, glossary=None):
        super().__init__()
        self.widget = widget
        self.attrs = widget.attrs  # one set of attributes: the language and direction marked
        self.is_required = widget.is_required
        self.language = language
        self.source = source
        self.others = others
        self.review = review
        self.glossary = glossary

    @property
    def is_hidden(self):
        return self.widget.is_hidden

    @property
    def needs_multipart_form(self):
        return self.widget.needs_multipart_form

    def value_from_datadict(self, data, files, name):
        return self.widget.value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return self.widget.value_omitted_from_data(data, files, name)

    def id_for_label(self, id_):
        return self.widget.id_for_label(id_)

    def use_required_attribute(self, initial):
        return self.widget.use_required_attribute(initial)

    def render(self, name, value, attrs=None, renderer=None):
        context = {
            "source": self.source,
            "input": self.widget.render(name, value, attrs, renderer),
            "others": self.others,
            "review": self.review,
            # Of the text as it is in the input: as stored, or as just sent back.
            "glossary": self.glossary.problems(self.source, value, self.language)
            if self.glossary
            else (),
        }
        return render_to_string(self.template_name, context)
