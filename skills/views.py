"""Reader pages."""

from django.shortcuts import get_object_or_404, redirect, render

from .models import Skill


def home(request):
    skills = Skill.objects.select_related("subcategory__category")
    return render(request, "skills/home.html", {"skills": skills})


def skill_detail(request, code):
    if code != code.lower():
        return redirect("skills:skill", code=code.lower(), permanent=True)
    skill = get_object_or_404(Skill.objects.with_levels(), code=code.upper())
    return render(request, "skills/skill_detail.html", {"skill": skill})
