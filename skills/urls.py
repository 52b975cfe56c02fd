from django.urls import path, register_converter

from . import converters, views

register_converter(converters.SkillCodeConverter, "code")
register_converter(converters.LevelConverter, "level")

app_name = "skills"

urlpatterns = [
    path("", views.home, name="home"),
    path("skills/", views.skill_list, name="skill_list"),
    path("skills/<code:code>/", views.skill_detail, name="skill"),
    path("skills/<code:code>/<level:level>/", views.skill_level, name="skill_level"),
    path("levels/", views.level_list, name="level_list"),
    path("levels/<level:level>/", views.level_detail, name="level"),
]
