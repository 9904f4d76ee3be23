"""Saxony's 13 districts as SVG paths, projected once from the shipped GeoJSON.

An equirectangular projection with the longitude scaled by cos(mean latitude) keeps the shapes
true enough at this size; points closer together than a fraction of a pixel are dropped. The
result is cached in-process: the outlines change only with a new release of the file."""

import math
from dataclasses import dataclass
from functools import cache

from districts.geodata import ATTRIBUTION_TEXT, ATTRIBUTION_URL, load_features

MAP_WIDTH = 600
# Drop points closer than this to the last kept one (in SVG units).
MIN_DISTANCE = 1.2
MARGIN = 4

__all__ = ["ATTRIBUTION_TEXT", "ATTRIBUTION_URL", "DistrictShape", "district_shapes", "view_box"]


@dataclass(frozen=True)
class DistrictShape:
    ars: str
    name: str
    path: str
    label_x: float
    label_y: float


def _rings(geometry):
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


@cache
def _projection():
    features = load_features()
    points = [
        point
        for feature in features.values()
        for ring in _rings(feature["geometry"])
        for point in ring
    ]
    west = min(lon for lon, _lat in points)
    east = max(lon for lon, _lat in points)
    south = min(lat for _lon, lat in points)
    north = max(lat for _lon, lat in points)
    x_factor = math.cos(math.radians((north + south) / 2))
    scale = (MAP_WIDTH - 2 * MARGIN) / ((east - west) * x_factor)
    height = (north - south) * scale + 2 * MARGIN

    def project(lon, lat):
        return ((lon - west) * x_factor * scale + MARGIN, (north - lat) * scale + MARGIN)

    return project, round(height)


def _simplify(points):
    kept = [points[0]]
    for point in points[1:-1]:
        last = kept[-1]
        if math.hypot(point[0] - last[0], point[1] - last[1]) >= MIN_DISTANCE:
            kept.append(point)
    kept.append(points[-1])
    return kept


def _ring_path(ring, project):
    points = _simplify([project(lon, lat) for lon, lat in ring])
    if len(points) < 4:
        return ""
    head, *rest = points
    return f"M{head[0]:.1f} {head[1]:.1f}" + "".join(f"L{x:.1f} {y:.1f}" for x, y in rest) + "Z"


def _centroid(ring, project):
    """The area centroid of the largest ring (where a count label sits)."""
    points = [project(lon, lat) for lon, lat in ring]
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        return points[0]
    return cx / (3 * area), cy / (3 * area)


def _ring_area(ring):
    return abs(
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2
    )


@cache
def district_shapes():
    """ARS -> ``DistrictShape``, in the file's order."""
    project, _height = _projection()
    shapes = {}
    for ars, feature in load_features().items():
        rings = _rings(feature["geometry"])
        path = "".join(_ring_path(ring, project) for ring in rings)
        largest = max(rings, key=_ring_area)
        x, y = _centroid(largest, project)
        shapes[ars] = DistrictShape(
            ars=ars,
            name=feature["properties"]["name"],
            path=path,
            label_x=round(x, 1),
            label_y=round(y, 1),
        )
    return shapes


def view_box():
    _project, height = _projection()
    return f"0 0 {MAP_WIDTH} {height}"


def clear_map_cache():
    """Forget the projected outlines (after replacing the GeoJSON file in a running process)."""
    _projection.cache_clear()
    district_shapes.cache_clear()
    load_features.cache_clear()
