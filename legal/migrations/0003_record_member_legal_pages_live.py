from django.db import migrations


def record(apps, schema_editor):
    """Existing members are public only if their Impressum and Datenschutzerklärung are live."""
    Member = apps.get_model("microsites", "Member")
    models = [apps.get_model("legal", name) for name in ("ImprintPage", "PrivacyPage")]
    for member in Member.objects.exclude(site=None).select_related("site__root_page"):
        home = member.site.root_page
        live = all(
            model.objects.filter(
                path__startswith=home.path, depth=home.depth + 1, live=True
            ).exists()
            for model in models
        )
        if live != member.legal_pages_live:
            Member.objects.filter(pk=member.pk).update(legal_pages_live=live)


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0002_alter_accessibilitystatementpage_contact_email_and_more"),
        ("microsites", "0002_member_legal_pages_live"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(record, migrations.RunPython.noop)]
