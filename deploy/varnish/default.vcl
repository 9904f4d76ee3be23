# Varnish in front of the app (Varnish 6/7). The backend address is filled in when the cache is
# started (serving/varnish.py); in production write it here or template it the same way.
#
# - Caches only what the app marks "public" (Cache-Control, see serving/middleware.py); requests
#   with a session or CSRF cookie or credentials go to the app uncached.
# - PURGE <url> (Wagtail's frontend cache on publish/unpublish) forgets one URL of one host.
# - BAN with "X-Cache-Tags: site-3 network" forgets every object tagged with one of the tags.
#   Both are accepted from localhost only (the app runs beside the cache).
vcl 4.1;

import std;

backend default {
    .host = "{{BACKEND_HOST}}";
    .port = "{{BACKEND_PORT}}";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (!req.http.X-Cache-Tags) {
            return (synth(400, "X-Cache-Tags missing"));
        }
        # "site-3 network" -> (^|[[:space:]])(site-3|network)([[:space:]]|$), unquoted
        # and without spaces: the ban expression parser splits at spaces and keeps quotes.
        set req.http.X-Ban-Pattern = "(^|[[:space:]])(" +
            regsuball(regsuball(std.tolower(req.http.X-Cache-Tags), "[^a-z0-9 -]", ""), " +", "|") +
            ")([[:space:]]|$)";
        if (std.ban("obj.http.X-Cache-Tags ~ " + req.http.X-Ban-Pattern)) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)/" || req.url ~ "^/(healthz|-/)") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Readers who only read get no cookie and send none that matters.
    unset req.http.Cookie;
    # The app decides the language by the URL; Accept-Language only where it has no prefix
    # (Django adds Vary: Accept-Language there). Two variants at most.
    if (req.http.Accept-Language ~ "^\s*en") {
        set req.http.Accept-Language = "en";
    } else {
        set req.http.Accept-Language = "de";
    }
    return (hash);
}

sub vcl_backend_response {
    # Keep only what the app marked public; everything else is fetched anew every time.
    if (beresp.http.Set-Cookie || !beresp.http.Cache-Control ||
        beresp.http.Cache-Control !~ "public" ||
        beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Lurker-friendly bans: tags are on the object.
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Tags are for the cache only; shared caches behind (a CDN) get them as Surrogate-Key from
    # the app if configured, not from here.
    unset resp.http.X-Cache-Tags;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

