"""robots.txt per site and the production switch that keeps other deployments noindex."""

import pytest


@pytest.fixture
def indexing(settings):
    settings.SEARCH_ENGINE_INDEXING = True


def test_robots_txt_points_to_the_sites_own_sitemap(host_client, indexing, member):
    umbrella = host_client("localhost").get("/robots.txt")
    member_site = host_client("queer-vogtland.localhost").get("/robots.txt")
    assert umbrella["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://localhost/sitemap.xml" in umbrella.content.decode()
    assert "Sitemap: http://queer-vogtland.localhost/sitemap.xml" in member_site.content.decode()


def test_robots_txt_keeps_crawlers_out_of_admin_and_search(client, indexing, network):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /suche/" in lines
    assert "Disallow: /en/search/" in lines
    assert "Disallow: /" not in lines


def test_pages_of_the_production_deployment_may_be_indexed(client, indexing, network):
    response = client.get("/")
    assert '<meta name="robots"' not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_non_production_deployments_disallow_everything(client, network, settings):
    settings.SEARCH_ENGINE_INDEXING = False
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /\n" in body
    assert "Sitemap:" not in body


@pytest.mark.parametrize("path", ["/", "/en/", "/aktuelles/", "/feeds/news.rss", "/sitemap.xml"])
def test_non_production_deployments_mark_every_response_noindex(client, network, settings, path):
    settings.SEARCH_ENGINE_INDEXING = False
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    if response["Content-Type"].startswith("text/html"):
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_search_results_are_never_indexed_but_their_links_are_followed(client, indexing, network):
    body = client.get("/suche/", {"q": "Test"}).content.decode()
    assert '<meta name="robots" content="noindex, follow">' in body


def test_indexing_is_off_unless_the_environment_switches_it_on():
    import os
    import subprocess
    import sys

    from django.conf import settings as django_settings

    code = "import config.settings.base as s; print(s.SEARCH_ENGINE_INDEXING)"
    run = lambda **env: subprocess.run(  # noqa: E731
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        cwd=django_settings.BASE_DIR,
    ).stdout.strip()
    assert run(SEARCH_ENGINE_INDEXING="") == "False"
    assert run(SEARCH_ENGINE_INDEXING="true") == "True"
