"""Read an HTML form the way a browser submits it (test helper)."""

import re
from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields = {}
        self.textarea = None
        self.select = None
        self.textareas = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self.fields[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.textareas.add(name)
            self.fields[name] = ""
        elif tag == "select" and name:
            self.select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields[self.select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data


def form_fields(html, form_id):
    """{name: value} of every field the form would submit."""
    reader = _FormReader(form_id)
    reader.feed(html)
    # A textarea's first newline is not part of its value (HTML parsing rules), and a browser
    # submits its line breaks as CRLF (the HTML standard's form submission algorithm).
    return {
        name: as_submitted(value.removeprefix("\n")) if name in reader.textareas else value
        for name, value in reader.fields.items()
    }


def as_submitted(text):
    """`text` as a browser submits a textarea's value: every line break a CRLF."""
    return re.sub(r"\r\n|\r|\n", "\r\n", text)


class _AttributeReader(HTMLParser):
    def __init__(self, name):
        super().__init__()
        self.name = name
        self.found = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.found is None and attrs.get("name") == self.name:
            self.found = {"tag": tag, **attrs}


def field_attributes(html, name):
    """The attributes of the form field called `name` (and its "tag")."""
    reader = _AttributeReader(name)
    reader.feed(html)
    return reader.found
