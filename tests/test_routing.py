"""Requests are routed by host: umbrella, member subdomain, custom domain; unknown hosts get 400."""

import pytest

from microsites.provisioning import set_member_active

from .factories import make_member


def test_umbrella_home_answers_on_network_domain(client, network):
    response = client.get("/")
    assert response.status_code == 200
    assert b"LAG Queeres Netzwerk Sachsen" in response.content


def test_member_home_answers_on_its_subdomain(host_client, member):
    response = host_client("queer-vogtland.localhost").get("/")
    assert response.status_code == 200
    assert "Queer im Vogtland e. V." in response.content.decode()


def test_member_site_answers_regardless_of_port(host_client, member):
    response = host_client("queer-vogtland.localhost:8000").get("/")
    assert response.status_code == 200
    assert "Queer im Vogtland e. V." in response.content.decode()


def test_member_with_custom_domain_answers_there_only(host_client, network):
    make_member("csd-erz", name="CSD Erzgebirge e. V.", custom_domain="csd-erzgebirge.example")
    assert host_client("csd-erzgebirge.example").get("/").status_code == 200
    assert host_client("csd-erz.localhost").get("/").status_code == 400


@pytest.mark.parametrize("host", ["evil.example", "nomember.localhost", "localhost.evil.example"])
def test_unknown_host_gets_400_and_no_site_content(host_client, member, host):
    response = host_client(host).get("/")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Queer im Vogtland" not in body
    assert "LAG Queeres Netzwerk Sachsen" not in body


def test_malformed_host_header_gets_400(host_client, network):
    assert host_client("bad host!").get("/").status_code == 400


def test_german_pages_have_no_prefix_and_english_pages_live_under_en(client, network):
    german = client.get("/aktuelles/")
    english = client.get("/en/news/")
    assert german.status_code == 200
    assert english.status_code == 200
    assert '<html lang="de"' in german.content.decode()
    assert '<html lang="en"' in english.content.decode()
    assert client.get("/de/aktuelles/").status_code == 404


def test_english_slug_is_not_served_without_prefix(client, network):
    assert client.get("/news/").status_code == 404


def test_member_pages_are_not_reachable_through_the_umbrella_host(client, member):
    assert client.get("/queer-vogtland/").status_code == 404


def test_deactivated_member_site_answers_410_and_comes_back(host_client, member):
    set_member_active(member, False)
    response = host_client("queer-vogtland.localhost").get("/aktuelles/")
    assert response.status_code == 410
    assert "Queer im Vogtland" not in response.content.decode()
    set_member_active(member, True)
    assert host_client("queer-vogtland.localhost").get("/aktuelles/").status_code == 200


def test_health_check_answers_on_any_host(host_client, db):
    response = host_client("10.0.0.7").get("/-/health/")
    assert response.status_code == 200
