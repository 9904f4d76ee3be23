"""Opening hours written as text become rows where the text states them clearly ("Di 16–19 Uhr",
"Mo–Fr 10–12 Uhr"); the rest of the text stays as the note, so nothing is lost. Translations take
the rows of their German original."""

from django.db import migrations

from directory.opening_hours import parse_hours


def forwards(apps, schema_editor):
    Offer = apps.get_model("directory", "Offer")
    OpeningHours = apps.get_model("directory", "OpeningHours")
    originals = {}
    for offer in Offer.objects.filter(locale__language_code="de").exclude(hours=""):
        slots, note = parse_hours(offer.hours)
        originals[offer.translation_key] = (offer.hours, slots, note)
        if not slots:
            continue
        OpeningHours.objects.bulk_create(
            OpeningHours(
                offer=offer, sort_order=order, weekday=s.weekday, opens=s.opens, closes=s.closes
            )
            for order, s in enumerate(slots)
        )
        offer.hours = note
        offer.save(update_fields=["hours"])
    for offer in Offer.objects.exclude(locale__language_code="de"):
        original = originals.get(offer.translation_key)
        if original is None or not original[1]:
            continue
        text, slots, note = original
        OpeningHours.objects.bulk_create(
            OpeningHours(
                offer=offer, sort_order=order, weekday=s.weekday, opens=s.opens, closes=s.closes
            )
            for order, s in enumerate(slots)
        )
        if offer.hours == text:  # not translated: the same note as the original
            offer.hours = note
            offer.save(update_fields=["hours"])


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_opening_hours")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
