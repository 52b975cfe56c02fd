"""`{% reverse 'skills:skill_level' code=skill.code level=3 %}`: Django's `{% url %}` through
skills.links, so each process reverses an address once. The reader's templates use it for
every address; reversing was a sixth of rendering a skill page (docs/performance.md)."""

from django import template

from .. import links

register = template.Library()


@register.simple_tag
def reverse(viewname, *args, **kwargs):
    return links.reverse(viewname, args, kwargs)
