from django.urls import path

from . import views

app_name = "editorial"

urlpatterns = [
    path("freigaben/", views.InboxView.as_view(), name="inbox"),
    path("freigaben/ergebnisse/", views.InboxView.as_view(results_only=True), name="inbox_results"),
    path("protokoll/", views.MemberLogView.as_view(), name="member_log"),
    path(
        "protokoll/ergebnisse/",
        views.MemberLogView.as_view(results_only=True),
        name="member_log_results",
    ),
    path("netzwerk/", views.NetworkItemsView.as_view(), name="network_items"),
    path(
        "netzwerk/ergebnisse/",
        views.NetworkItemsView.as_view(results_only=True),
        name="network_items_results",
    ),
    path("netzwerk/<int:page_id>/zurueckziehen/", views.withdraw_view, name="withdraw"),
    path("netzwerk/<int:page_id>/wieder-zeigen/", views.restore_view, name="restore"),
    path(
        "uebersetzungen/veraltet/",
        views.OutdatedTranslationsView.as_view(),
        name="outdated_translations",
    ),
    path(
        "uebersetzungen/veraltet/ergebnisse/",
        views.OutdatedTranslationsView.as_view(results_only=True),
        name="outdated_translations_results",
    ),
    path(
        "uebersetzungen/<int:page_id>/aktuell/",
        views.mark_current_view,
        name="mark_translation_current",
    ),
]
