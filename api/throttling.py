from rest_framework.throttling import SimpleRateThrottle


class PublicAPIThrottle(SimpleRateThrottle):
    """Requests per client address and time, counted in the shared cache (Redis in production),
    so that every app server enforces the same limit. The rate is ``API_RATE_LIMIT``."""

    scope = "public_api"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
