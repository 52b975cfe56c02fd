"""`change_description`: a change message as stored, in the reader's language."""

from django import template

from skills.editorial.history import describe_change

register = template.Library()
register.filter("change_description", describe_change)
