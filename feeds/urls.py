from django.urls import path

from . import news

app_name = "feeds"

# Mounted inside i18n_patterns: /feeds/... in German, /en/feeds/... in English.
urlpatterns = [
    path("news.rss", news.SiteNewsRssFeed.as_view(), name="news_rss"),
    path("news.atom", news.SiteNewsAtomFeed.as_view(), name="news_atom"),
    path("network.rss", news.NetworkNewsRssFeed.as_view(), name="network_rss"),
    path("network.atom", news.NetworkNewsAtomFeed.as_view(), name="network_atom"),
]
