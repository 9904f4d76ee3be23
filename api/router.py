"""The API router: built-in endpoints plus those other apps register.

An app adds an endpoint with the ``register_api_endpoints`` hook, a function that receives the
router::

    @hooks.register("register_api_endpoints")
    def events_endpoint(router):
        router.register_endpoint("events", EventsAPIViewSet)
"""

from wagtail import hooks
from wagtail.api.v2.router import WagtailAPIRouter

from .views import (
    DistrictsAPIViewSet,
    MembersAPIViewSet,
    NewsAPIViewSet,
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
    PublicPagesAPIViewSet,
)


def build_router():
    router = WagtailAPIRouter("wagtailapi")
    router.register_endpoint("pages", PublicPagesAPIViewSet)
    router.register_endpoint("images", PublicImagesAPIViewSet)
    router.register_endpoint("documents", PublicDocumentsAPIViewSet)
    router.register_endpoint("news", NewsAPIViewSet)
    router.register_endpoint("members", MembersAPIViewSet)
    router.register_endpoint("districts", DistrictsAPIViewSet)
    for hook in hooks.get_hooks("register_api_endpoints"):
        hook(router)
    return router
