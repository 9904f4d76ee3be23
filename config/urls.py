from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from feeds import robots as robots_views
from feeds import sitemaps as sitemap_views
from microsites import views as microsite_views
from search import views as search_views
from serving import media as media_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("brand.css", microsite_views.brand_css, name="brand_css"),
    path("sitemap.xml", sitemap_views.sitemap, name="sitemap"),
    path("robots.txt", robots_views.robots_txt, name="robots_txt"),
    path("api/", include("api.urls")),
    path("-/csp-report/", core_views.csp_report, name="csp_report"),
]

if settings.SERVE_MEDIA_IMAGES and settings.MEDIA_STORAGE == "local":
    # Images only: documents in MEDIA_ROOT are reached through /documents/ and its access check.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>(?:{'|'.join(media_views.IMAGE_DIRECTORIES)})/.+)$",
            media_views.serve_image,
        )
    ]

# German pages carry no prefix, English pages live under /en/.
urlpatterns += i18n_patterns(
    path(_("suche/"), search_views.search, name="search"),
    path("feeds/", include("feeds.urls")),
    path("feeds/", include("eventcalendar.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = core_views.server_error
