"""Demo content for the editorial workflow (``seed_demo`` hook): network items on the umbrella
site and a few submissions in different states, so that the inbox, the dashboards and the network
lists show something after ``make run``. Idempotent like the rest of the demo."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from news.models import NewsIndexPage, NewsPage

from .notifications import paused
from .translations import record_all_baselines

# (member slug, how many of its newest items it shows in the network)
NETWORK_ITEMS = {"queer-vogtland": 2, "rosa-lausitz": 1, "aidshilfe-muldental": 1}

SUBMISSIONS = [
    {
        "member": "queer-vogtland",
        "slug": "queerer-stammtisch-in-oelsnitz",
        "title": "Neuer queerer Stammtisch in Oelsnitz",
        "teaser": "Ab dem nächsten Monat treffen wir uns jeden zweiten Donnerstag auch in "
        "Oelsnitz. Alle sind willkommen.",
        "show_in_network": True,
        "state": "waiting",
    },
    {
        "member": "rosa-lausitz",
        "slug": "beratung-in-hoyerswerda",
        "title": "Beratung jetzt auch in Hoyerswerda",
        "teaser": "Unsere Berater*innen sind ab sofort einmal im Monat in Hoyerswerda.",
        "show_in_network": True,
        "state": "waiting",
    },
    {
        "member": "aidshilfe-muldental",
        "slug": "testaktion-im-herbst",
        "title": "Testaktion im Herbst",
        "teaser": "Anonym und kostenlos: HIV- und Syphilis-Tests an drei Abenden.",
        "show_in_network": False,
        "state": "needs_changes",
        "comment": "Bitte ergänzt die Uhrzeiten und den Ort der drei Abende.",
    },
]


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _share_newest_items(context):
    lag = _user("lag")
    for slug, count in NETWORK_ITEMS.items():
        member = context.members.get(slug)
        if member is None:
            continue
        home = context.homes(member).get("de")
        index = NewsIndexPage.objects.child_of(home).first() if home else None
        if index is None:
            continue
        demo_submissions = [spec["slug"] for spec in SUBMISSIONS]
        items = (
            NewsPage.objects.child_of(index)
            .live()
            .exclude(slug__in=demo_submissions)
            .order_by("-date", "-pk")[:count]
        )
        for item in items:
            for version in NewsPage.objects.filter(translation_key=item.translation_key):
                if version.show_in_network or not version.live:
                    continue
                version.show_in_network = True
                version.save_revision(user=lag).publish(user=lag)


def _submit(context, spec):
    member = context.members.get(spec["member"])
    editor = _user(spec["member"])
    if member is None or editor is None:
        return
    home = context.homes(member).get("de")
    index = NewsIndexPage.objects.child_of(home).first() if home else None
    if index is None or Page.objects.child_of(index).filter(slug=spec["slug"]).exists():
        return
    page = NewsPage(
        title=spec["title"],
        slug=spec["slug"],
        teaser=spec["teaser"],
        date=context.today + timedelta(days=3),
        show_in_network=spec["show_in_network"],
        author_line="Redaktion",
        locale=index.locale,
        owner=editor,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=editor, log_action=True)
    state = page.get_workflow().start(page, editor)
    # Let the item look as if it had waited a while.
    started = timezone.now() - timedelta(days=2)
    WorkflowState.objects.filter(pk=state.pk).update(created_at=started)
    state.current_task_state.__class__.objects.filter(pk=state.current_task_state.pk).update(
        started_at=started
    )
    if spec["state"] == "needs_changes":
        reviewer = _user("lag")
        task_state = state.current_task_state
        if member.requires_member_approval:
            return
        task_state.task.specific.on_action(
            task_state, reviewer, "reject", comment=spec.get("comment", "")
        )
    context.log(f"Freigabe: {spec['title']} ({spec['state']})")


def seed(context):
    # The demo's people are fictitious: nobody needs an e-mail about its submissions.
    with paused():
        record_all_baselines()
        _share_newest_items(context)
        for spec in SUBMISSIONS:
            _submit(context, spec)
