from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("bestaetigen/", views.verify, name="verify"),
    path("app/", views.set_up_app, name="totp"),
    path("passkey/", views.set_up_passkey, name="passkey"),
    path("wiederherstellungscodes/", views.recovery_codes, name="recovery_codes"),
    path("entfernen/<str:kind>/<int:pk>/", views.remove, name="remove"),
]
