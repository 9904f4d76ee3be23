from django.db import migrations


def load_districts(apps, schema_editor):
    from districts.geodata import load_features

    District = apps.get_model("districts", "District")
    for ars, feature in load_features().items():
        props = feature["properties"]
        District.objects.update_or_create(ars=ars, defaults={"name": props["name"], "kind": props["kind"]})


class Migration(migrations.Migration):
    dependencies = [("districts", "0001_initial")]

    operations = [migrations.RunPython(load_districts, migrations.RunPython.noop)]
