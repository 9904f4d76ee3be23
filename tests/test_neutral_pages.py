"""The 400 page of an unknown host and the 410 page of a deactivated member: styled (static files
answer on every host), a way onward to the network's site, and the headers of every page."""

import pytest

from microsites.provisioning import set_member_active

SECURITY_HEADERS = (
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


@pytest.fixture
def gone(member):
    set_member_active(member, False)
    return member


def stylesheet_of(html):
    start = html.index('<link rel="stylesheet" href="') + len('<link rel="stylesheet" href="')
    return html[start : html.index('"', start)]


@pytest.mark.parametrize("case", ["unknown host", "deactivated member"])
def test_static_files_answer_on_every_host(host_client, gone, case):
    host = "nobody.localhost" if case == "unknown host" else gone.hostname
    client = host_client(host)
    page = client.get("/")
    assert page.status_code == (400 if case == "unknown host" else 410)
    css = client.get(stylesheet_of(page.content.decode()))
    assert css.status_code == 200
    assert css["Content-Type"].startswith("text/css")
    assert b".site-main" in b"".join(css.streaming_content)


@pytest.mark.parametrize("case", ["unknown host", "deactivated member"])
def test_neutral_pages_carry_the_security_headers_of_every_page(host_client, gone, case):
    host = "nobody.localhost" if case == "unknown host" else gone.hostname
    normal = host_client("localhost").get("/")
    neutral = host_client(host).get("/")
    assert normal.status_code == 200
    for header in SECURITY_HEADERS:
        assert neutral.get(header) == normal.get(header) is not None, header


def test_the_410_page_leads_to_the_network_in_both_languages(host_client, gone):
    html = host_client(gone.hostname).get("/").content.decode()
    assert '<a href="http://localhost/">' in html
    assert '<a href="http://localhost/en/">' in html
    assert '<div lang="en">' in html


def test_the_400_page_names_no_site(host_client, network):
    # An unknown host may be anybody's domain pointed at this server: it learns nothing.
    html = host_client("nobody.localhost").get("/").content.decode()
    assert "<a " not in html and "Netzwerk" not in html
