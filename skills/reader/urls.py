from django.urls import path, register_converter

from skills.reader import converters, profile_under_way, views
from skills.reader.http import read_methods_only

register_converter(converters.SkillCodeConverter, "code")
register_converter(converters.LevelConverter, "level")
register_converter(converters.LanguageCodeConverter, "language")

app_name = "skills"

urlpatterns = [
    path("", read_methods_only(views.home), name="home"),
    path("skills/", read_methods_only(views.skill_list), name="skill_list"),
    path("skills/a-z/", read_methods_only(views.skill_index), name="skill_index"),
    path("skills/<code:code>/", read_methods_only(views.skill_detail), name="skill"),
    path(
        "skills/<code:code>/<level:level>/",
        read_methods_only(views.skill_level),
        name="skill_level",
    ),
    path(
        "skills/<code:code>/compare/<language:other>/",
        read_methods_only(views.skill_compare),
        name="skill_compare",
    ),
    path("levels/", read_methods_only(views.level_list), name="level_list"),
    path("levels/<level:level>/", read_methods_only(views.level_detail), name="level"),
    path(
        "levels/<level:level>/compare/<language:other>/",
        read_methods_only(views.level_compare),
        name="level_compare",
    ),
    path("attributes/", read_methods_only(views.attribute_list), name="attribute_list"),
    path("attributes/<code:code>/", read_methods_only(views.attribute_detail), name="attribute"),
    path(
        "attributes/<code:code>/compare/<language:other>/",
        read_methods_only(views.attribute_compare),
        name="attribute_compare",
    ),
    path("search/", read_methods_only(views.search), name="search"),
    path("profile/", read_methods_only(views.profile), name="profile"),
    path(
        "profile/continue/",
        read_methods_only(profile_under_way.continue_profile),
        name="profile_continue",
    ),
    path("opensearch.xml", read_methods_only(views.opensearch), name="opensearch"),
]
