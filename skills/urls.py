from django.urls import path

from . import views

app_name = "skills"

urlpatterns = [
    path("", views.home, name="home"),
    path("skills/<str:code>/", views.skill_detail, name="skill"),
]
