"""The shipped district outlines of Saxony (BKG VG5000, dl-de/by-2-0)."""

import json
from functools import cache
from pathlib import Path

GEOJSON_PATH = Path(__file__).resolve().parent / "data" / "sachsen-kreise.geojson"
ATTRIBUTION_TEXT = "© GeoBasis-DE / BKG 2021 (Daten verändert)"
ATTRIBUTION_URL = "https://www.bkg.bund.de"


@cache
def load_features():
    """Return the GeoJSON features, keyed by ARS, in file order."""
    with GEOJSON_PATH.open(encoding="utf-8") as handle:
        collection = json.load(handle)
    return {feature["properties"]["ars"]: feature for feature in collection["features"]}
