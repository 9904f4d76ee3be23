from django.urls import path

from . import views

app_name = "events"

# Mounted inside i18n_patterns next to the news feeds: /feeds/... and /en/feeds/...
urlpatterns = [
    path("events.ics", views.site_calendar, name="ical"),
    path("network-events.ics", views.network_calendar, name="network_ical"),
    path("events/<int:pk>.ics", views.event_calendar, name="event_ical"),
]
