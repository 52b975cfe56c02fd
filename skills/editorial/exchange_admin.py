"""The admin's page for exchange files (editorial/exchange/): a translator downloads their
language's texts as a PO or XLIFF file for their CAT tool, optionally only those that need
work, and uploads it back, with the checks `import_translations` makes and a report of what
changed and what was refused. Each translator has only their own language (roles.py); an
editor has all of them.
"""

import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from skills.editorial.exchange import exchange_file_content, read_exchange_file
from skills.editorial.exchange.files import ExchangeErrors
from skills.editorial.exchange.importing import import_targets
from skills.editorial.exchange.units import SELECTABLE, record_export, units
from skills.editorial.glossary import Glossary
from skills.editorial.roles import editable_languages
from skills.editorial.tbx import tbx_file
from skills.framework.languages import TRANSLATED_LANGUAGES, language_name
from skills.framework.translation_state import Status

STATE_LABELS = {
    Status.MISSING: gettext_lazy("missing"),
    Status.OUTDATED: gettext_lazy("outdated (the English changed since)"),
    Status.UNREVIEWED: gettext_lazy("not yet reviewed"),
}
FORMATS = {
    "po": (
        "text/x-gettext-translation; charset=utf-8",
        gettext_lazy("PO (Poedit, OmegaT, Weblate)"),
    ),
    "xlf": ("application/xliff+xml", gettext_lazy("XLIFF 1.2 (Trados, memoQ, Phrase, Smartcat)")),
}
TBX_CONTENT_TYPE = "application/x-tbx+xml"
# A whole language's file is about 1 MB: far more than this is not one of ours.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"))
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[(key, label) for key, (_type, label) in FORMATS.items()],
        initial="po",
        required=False,
    )
    only = forms.MultipleChoiceField(
        label=gettext_lazy("Only the texts that are"),
        help_text=gettext_lazy("None ticked: every text, translated or not."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(state.value, STATE_LABELS[state]) for state in SELECTABLE],
    )

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, language_name(code)) for code in languages]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("PO or XLIFF file"),
        help_text=gettext_lazy(
            "A file downloaded here (or written by export_translations) and edited in a CAT "
            "tool. Its language is read from the file."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("%(file)s is %(size)s MB; an exchange file is at most %(limit)s MB.")
                % {
                    "file": upload.name,
                    "size": upload.size // (1024 * 1024),
                    "limit": MAX_UPLOAD_BYTES // (1024 * 1024),
                }
            )
        return upload


def translated_languages(user):
    return [code for code in editable_languages(user) if code in TRANSLATED_LANGUAGES]


def exchange_view(model_admin, request):
    languages = translated_languages(request.user)
    if not languages or not model_admin.has_change_permission(request):
        raise PermissionDenied
    export_form = ExportForm(request.GET or None, languages=languages)
    import_form = ImportForm(request.POST or None, request.FILES or None)
    context = {"report": None, "problems": []}
    if export_form.is_valid():
        language = export_form.cleaned_data["language"]
        if request.GET.get("glossary"):
            return _download_glossary(language)
        cleaned = export_form.cleaned_data
        download = _download(language, cleaned["only"], cleaned["format"] or "po", request.user)
        if download is not None:
            return download
        model_admin.message_user(
            request,
            _("No text in %(language)s is in the states chosen: there is nothing to download.")
            % {"language": language_name(language)},
            messages.WARNING,
        )
    if request.method == "POST" and import_form.is_valid():
        try:
            context["report"] = _upload(import_form.cleaned_data["file"], request.user, languages)
        except ExchangeErrors as errors:
            context["problems"] = errors.problems
    context.update(
        model_admin.admin_site.each_context(request),
        title=_("Exchange files for CAT tools"),
        opts=model_admin.model._meta,
        export_form=export_form,
        import_form=import_form,
    )
    return TemplateResponse(request, "admin/skills/exchange.html", context)


def _download(language, only, file_format, user):
    """The exchange file of `language`'s texts in the states `only` (all, if none), recorded
    as `user`'s export; None where there is no such text."""
    exported = units(language, tuple(Status(value) for value in only))
    if not exported:
        return None
    name = "-".join(["sfia", language, *only]) + f".{file_format}"
    export = record_export(language, exported, user)
    content = exchange_file_content(name, language, exported, Glossary.load(), export)
    return _attachment(content, FORMATS[file_format][0], name)


def _download_glossary(language):
    term_base = tbx_file(Glossary.load(), language)
    return _attachment(bytes(term_base), TBX_CONTENT_TYPE, f"sfia-glossary-{language}.tbx")


def _attachment(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _upload(upload, user, languages):
    """The ImportReport of an uploaded file, or ExchangeErrors (nothing imported)."""
    with tempfile.TemporaryDirectory(prefix="sfia-upload-") as folder:
        path = Path(folder) / "upload"
        with path.open("wb") as copy:
            for chunk in upload.chunks():
                copy.write(chunk)
        exchange_file = read_exchange_file(path, name=upload.name)
    language = exchange_file.language
    if language not in languages:
        raise ExchangeErrors(
            [
                _("%(file)s is in %(language)s; you can import only %(yours)s.")
                % {
                    "file": upload.name,
                    "language": language_name(language),
                    "yours": ", ".join(language_name(code) for code in languages),
                }
            ]
        )
    return import_targets(exchange_file, user=user)
