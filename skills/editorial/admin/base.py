"""What every editable model's admin shares: each user limited to their languages, every
language in a section of its own (LanguageRolesMixin); a history with revert, and saves that
never write over someone else's change nor write what did not change (GuardedVersionAdmin);
and, for the content, the translations' records and reviews and the glossary's warnings
(ContentAdmin)."""

import reversion
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from reversion.admin import VersionAdmin
from reversion.models import Version

from skills.editorial import history
from skills.editorial.admin.forms import (
    ContentForm,
    GuardedContentForm,
    SourceText,
    state_token,
    translation_fields,
)
from skills.editorial.admin.review_actions import review_actions
from skills.editorial.admin.scope import editing
from skills.editorial.roles import editable_languages, may_edit_structure
from skills.editorial.text_checks import check_characters
from skills.framework.languages import SOURCE_LANGUAGE, TRANSLATED_LANGUAGES, language_name
from skills.framework.levels import LEVEL_NUMBERS
from skills.framework.text import find_character_problem

NOTHING_CHANGED = _("Nothing was changed, so nothing was saved.")
# Django's Arabic catalogue words this message as "added successfully"; ours, read first
# (LOCALE_PATHS), says "changed". Named here so that makemessages keeps it in ours.
gettext_noop("The {name} “{obj}” was changed successfully.")


class LanguageRolesMixin:
    """Fields of languages the user may not change are read-only; so are codes, categories and
    defined levels, adding and deleting, unless the user edits the source.

    An editor's form has the structure and the English first, then a section for each
    translated language, which opens and closes in place (a <details>, no script needed); the
    section of the admin's own language is open, and after a refused save every section is.
    A translator's form is their language's fields in the page's order, each with the English
    above it and the other languages on demand (ContentForm), after the structure, read-only.
    """

    # Every multi-line text, in every language, normalised the same way (single-line inputs
    # are stripped by Django's CharField already, and can't hold a line break); every text
    # checked for characters the pages must not carry.
    formfield_overrides = {
        models.TextField: {"form_class": SourceText},
        models.CharField: {"validators": [check_characters]},
    }

    def structure_fields(self):
        """Codes, categories, level numbers…: what isn't text in some language."""
        translated = translation_fields(self.model)
        bare = set(translator.get_options_for_model(self.model).fields)
        names = [
            field.name
            for field in self.model._meta.concrete_fields
            if field.editable
            and not field.auto_created
            and field.name not in translated
            and field.name not in bare
        ]
        return [name for name in self.fields if name in names] if self.fields else names

    def get_readonly_fields(self, request, obj=None):
        allowed = set(editable_languages(request.user))
        fields = translation_fields(self.model)
        locked = [name for name, language in fields.items() if language not in allowed]
        if not may_edit_structure(request.user):
            locked += self.structure_fields()
        return [*super().get_readonly_fields(request, obj), *locked]

    def get_form(self, request, obj=None, **kwargs):
        return editing(request).form(super().get_form(request, obj, **kwargs))

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = editing(request).form(formset.form)
        return formset

    def get_fieldsets(self, request, obj=None):
        excluded = set(self.get_exclude(request, obj) or ())
        by_language = {}
        for name, language in translation_fields(self.model).items():
            if name not in excluded:
                by_language.setdefault(language, []).append(name)
        # The form's own fields (the edit token) come along, as they do in Django's fieldsets.
        declared = list(self.form.declared_fields)
        if not may_edit_structure(request.user):
            translated = [
                name
                for language in editable_languages(request.user)
                for name in by_language.get(language, ())
                if self.has_text_to_translate(obj, name, language)
            ]
            return [(None, {"fields": [*self.structure_fields(), *translated, *declared]})]
        english = by_language.get(SOURCE_LANGUAGE, [])
        fieldsets = [(None, {"fields": [*self.structure_fields(), *english, *declared]})]
        for language in TRANSLATED_LANGUAGES:
            if by_language.get(language):
                options = {"fields": by_language[language]}
                options["classes"] = self.language_section_classes(request, language)
                fieldsets.append((language_name(language), options))
        return fieldsets

    def language_section_classes(self, request, language):
        """A language's section: closed (Django's "collapse": a <details>) unless it is the
        admin's own language or a refused save is shown again (whose errors must be seen)."""
        classes = ["language-section", f"language-{language}"]
        if request.method == "GET" and language != request.LANGUAGE_CODE:
            classes.append("collapse")
        return classes

    def has_text_to_translate(self, obj, name, language):
        # An inline's fieldsets serve all its rows: ContentForm hides a row's empty field.
        return True

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and may_edit_structure(request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_edit_structure(request.user)

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/admin-language-sections.js"]


class PossibleIdsOnly:
    """An object's id in the address (its history) or in a change list's selection (an action)
    that can't be one of the model's keys is a 404 or a 400 before any query: reversion looks a
    history up by the id as text, which PostgreSQL refuses with a NUL in it (a 500), and
    Django's actions filter by the ids as given ("Field 'id' expected a number", a 500)."""

    def possible_id(self, value):
        if find_character_problem(value):
            return False
        try:
            self.model._meta.pk.to_python(value)
        except ValidationError:
            return False
        return True

    def history_view(self, request, object_id, extra_context=None):
        if not self.possible_id(unquote(object_id)):
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if not all(map(self.possible_id, selected)):
            raise BadRequest
        return super().changelist_view(request, extra_context)


class GuardedVersionAdmin(PossibleIdsOnly, LanguageRolesMixin, VersionAdmin, TranslationAdmin):
    """An admin whose saves are revisions (reversion), refused when someone else saved since
    the form was opened (forms.EditGuard, which its form must be), and which write only what
    changed: a save that changes nothing writes, records and logs nothing, and says so. Its
    history is stored language-neutral and read in each reader's language; reverting is the
    editors' alone."""

    history_latest_first = True
    change_form_template = "admin/skills/change_form.html"
    object_history_template = "reversion/skills/object_history.html"

    def render_change_form(self, request, context, *args, **kwargs):
        if may_edit_structure(request.user):
            # The one choice that opens a language's sections (language_sections_choice.html).
            context["language_sections"] = [
                (code, language_name(code)) for code in TRANSLATED_LANGUAGES
            ]
        return super().render_change_form(request, context, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
        elif form.has_changed():
            # Only what this form changed: a German save never writes an English column,
            # whatever else happened to the row (EditGuard holds it locked).
            obj.save(update_fields=model_fields(obj, form.changed_data) + self.recorded(form))

    def recorded(self, form):
        """The fields a save writes besides the form's own (ContentAdmin's records)."""
        return []

    def log_change(self, request, obj, message):
        if not message:
            editing(request).saved_nothing = True
            return None
        return self.with_neutral_comment(super().log_change(request, obj, message))

    def log_addition(self, request, obj, message):
        return self.with_neutral_comment(super().log_addition(request, obj, message))

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # Django's "was changed successfully" after a save that changed nothing would be
        # untrue: say what happened instead.
        if level == messages.SUCCESS and editing(request).saved_nothing:
            message, level = NOTHING_CHANGED, messages.INFO
        super().message_user(request, message, level, *args, **kwargs)

    @staticmethod
    def with_neutral_comment(entry):
        """VersionAdmin stores the revision's comment rendered in the saver's language; store
        the LogEntry's JSON instead, which each reader's admin renders in their language
        (Revision.get_comment, history.py)."""
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def history_view(self, request, object_id, extra_context=None):
        context = {"may_revert": may_edit_structure(request.user), **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # A revert restores every language at once: it is the editors' to do. Translators may
        # open a version, to read and copy an older text, but not restore it.
        may_revert = may_edit_structure(request.user)
        if not may_revert and request.method != "GET":
            raise PermissionDenied
        context = {"may_revert": may_revert, **(extra_context or {})}
        with transaction.atomic(using=router.db_for_write(self.model)):
            # The object as it is, before reversion puts the version in its place: what the
            # editor is shown a digest of, and what a revert must find unchanged (EditGuard).
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                followed = getattr(self.form, "followed", ())
                editing(request).state_token = state_token(
                    obj, followed, lock=request.method == "POST"
                )
            response = super().revision_view(request, object_id, version_id, context)
        if request.method == "POST" and response.status_code == 302:
            self.with_neutral_revert_comment(object_id, version_id)
        return response

    def with_neutral_revert_comment(self, object_id, version_id):
        """reversion words a revert's comment in the editor's language; store it neutral, as
        saves are, for each reader's admin to word in theirs (history.py)."""
        reverted_to = Version.objects.get(pk=version_id).revision.date_created
        latest = Version.objects.get_for_object_reference(self.model, object_id).first()
        latest.revision.comment = history.reverted_comment(reverted_to)
        latest.revision.save(update_fields=["comment"])

    def recover_view(self, request, version_id, extra_context=None):
        if not may_edit_structure(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)


def model_fields(instance, form_fields):
    """The names among `form_fields` that are columns of `instance` (not the edit token)."""
    columns = {field.name for field in instance._meta.concrete_fields}
    return [name for name in form_fields if name in columns]


class ContentAdmin(GuardedVersionAdmin):
    """The content's admin: each save records what its forms wrote, confirmed and reviewed
    (review.py), with the levels' inlines, and warns of what goes against the glossary."""

    form = GuardedContentForm

    def has_text_to_translate(self, obj, name, language):
        """Whether `obj` has an English text for the field `name`, or one in its `language`
        already: a field that exists only in a third language is not for this translator."""
        if obj is None:
            return True
        english = build_localized_fieldname(name.removesuffix(f"_{language}"), SOURCE_LANGUAGE)
        return bool(getattr(obj, english) or getattr(obj, name))

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            actions.update(review_actions(request))
        return actions

    def save_model(self, request, obj, form, change):
        if not change:
            form.record_translations()
        super().save_model(request, obj, form, change)

    def recorded(self, form):
        return form.record_translations()

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)  # fills changed_objects, new_objects, deleted_objects
        forms_of = {id(each.instance): each for each in formset.forms}
        for obj, changed in formset.changed_objects:
            recorded = forms_of[id(obj)].record_translations()
            obj.save(update_fields=model_fields(obj, changed) + recorded)
        for obj in formset.new_objects:
            forms_of[id(obj)].record_translations()
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()

    def construct_change_message(self, request, form, formsets, add=False):
        """Django's message, with what the forms confirmed and reviewed (review.py); an inline
        row that was only reviewed is not also "changed" in no field."""
        message = [
            entry
            for entry in super().construct_change_message(request, form, formsets, add)
            if entry.get("changed", {}).get("fields", True)
        ]
        message += form.review_messages()
        for formset in formsets or ():
            inline = formset.model._meta.verbose_name
            for each in formset.forms:
                message += each.review_messages(inline)
        return message

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and not form.has_changed() and any(f.has_changed() for f in formsets):
            # Only an inline row changed: the object's version (with its levels) still marks
            # the change in the object's own history.
            reversion.add_to_revision(form.instance)
        self.warn_of_glossary(request, [form, *(each for f in formsets for each in f.forms)])

    def warn_of_glossary(self, request, saved_forms):
        """Saved, but said: each changed translation that goes against the glossary."""
        for each in saved_forms:
            if not hasattr(each, "cleaned_data"):
                continue
            for label, language, problem in each.glossary_problems():
                where = _("%(object)s, %(field)s (%(language)s)") % {
                    "object": each.instance,
                    "field": label,
                    "language": language_name(language),
                }
                message = _("Saved, but against the glossary: %(where)s. %(problem)s")
                self.message_user(
                    request,
                    message % {"where": where, "problem": problem.message()},
                    messages.WARNING,
                )


class LevelsInline(LanguageRolesMixin, TranslationStackedInline):
    """A skill's or an attribute's seven levels, in order, under it."""

    form = ContentForm
    fields = ["level", "defined", "description"]
    extra = 0
    max_num = len(LEVEL_NUMBERS)
    ordering = ["level"]
