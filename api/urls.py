from django.urls import path

from .router import build_router

urlpatterns = [path("v2/", build_router().urls)]
