"""Every admin URL the project exposes, enumerated from the URL resolver."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

ADMIN_PREFIX = "admin/"


@dataclass(frozen=True)
class AdminURL:
    name: str  # "namespace:name", or "" for unnamed patterns
    route: str  # the pattern below /admin/ as written in the URLconf
    pattern: URLPattern
    resolver_chain: tuple

    @property
    def kwargs_names(self):
        names = []
        for part in (*self.resolver_chain, self.pattern):
            names.extend(part.pattern.regex.groupindex)
        return tuple(dict.fromkeys(names))

    def __str__(self):
        return self.name or f"(unnamed) {self.route}"


def _walk(patterns, prefix, namespace, chain):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(
                entry.url_patterns, prefix + str(entry.pattern), inner, (*chain, entry)
            )
        else:
            name = entry.name or ""
            full = f"{namespace}:{name}" if namespace and name else name
            yield AdminURL(full, prefix + str(entry.pattern), entry, chain)


def admin_urls():
    """Every URL pattern below /admin/, in URLconf order, de-duplicated by name and route."""
    seen = set()
    result = []
    for url in _walk(get_resolver().url_patterns, "", None, ()):
        if not url.route.startswith(ADMIN_PREFIX):
            continue
        key = (url.name, url.route)
        if key in seen:
            continue
        seen.add(key)
        result.append(url)
    return result


_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def build_path(url, kwargs):
    """The concrete path for ``url`` with ``kwargs`` filled in (works for regex routes too)."""
    path = "/" + url.route
    path = path.replace("^", "").replace("$", "").replace("\\.", ".")
    for name, value in kwargs.items():
        path = re.sub(rf"\(\?P<{name}>[^)]*\)", str(value), path)
        path = re.sub(rf"<(?:\w+:)?{name}>", str(value), path)
    if "<" in path or "(?P" in path:
        raise ValueError(f"{url}: unfilled parameters in {path}")
    return path
