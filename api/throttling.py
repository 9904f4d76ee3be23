from django.core.cache import caches
from rest_framework.throttling import SimpleRateThrottle

from core.client import client_address
from core.limits import LIMITS_CACHE


class PublicAPIThrottle(SimpleRateThrottle):
    """Requests per client address and time, counted in the cache shared by every worker and
    app server (``limits``: Redis, else the database). The address comes from
    ``core.client`` (``TRUSTED_PROXY_COUNT``). The rate is ``API_RATE_LIMIT``."""

    scope = "public_api"
    cache = caches[LIMITS_CACHE]

    def get_ident(self, request):
        return client_address(request)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
