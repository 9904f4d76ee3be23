"""JSON-LD for offers: each a schema.org ``Service`` with its provider, area and channel."""

from metadata.structured_data import _clean, place

from .opening_hours import specifications


def offer_service(offer):
    channel = {"@type": "ServiceChannel", "servicePhone": offer.phone or None}
    if offer.website:
        channel["serviceUrl"] = offer.website
    hours = specifications(offer.opening_slots)
    if not offer.remote_only:
        channel["serviceLocation"] = place(
            offer.name,
            street=offer.street,
            postal_code=offer.postcode,
            town=offer.town,
            district=offer.district,
        )
        if hours:
            channel["serviceLocation"]["openingHoursSpecification"] = hours
        if offer.has_coordinates:
            channel["serviceLocation"]["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(offer.latitude),
                "longitude": float(offer.longitude),
            }
    return _clean(
        {
            "@type": "Service",
            "name": offer.name,
            "serviceType": str(offer.kind_label),
            "description": offer.description,
            "provider": {
                "@type": "NGO",
                "name": offer.member.name,
                "url": f"{offer.member.root_url}/" if offer.member.site_id else None,
            },
            "areaServed": {
                "@type": "AdministrativeArea",
                "name": offer.district.name,
                "identifier": offer.district.ars,
            },
            "audience": {
                "@type": "Audience",
                "audienceType": ", ".join(str(label) for label in offer.target_group_labels),
            },
            "availableLanguage": list(offer.languages),
            "hoursAvailable": hours or None,
            "email": offer.email,
            "availableChannel": channel,
            "inLanguage": offer.locale.language_code,
        }
    )


def offer_list(offers, request):
    return {
        "@type": "ItemList",
        "url": request.build_absolute_uri(),
        "numberOfItems": len(offers),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "item": offer_service(offer)}
            for position, offer in enumerate(offers, start=1)
        ],
    }
