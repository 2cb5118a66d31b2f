# What a GIS analyst would write instead of `npm run coverage`, for the GeoPandas row of
# `npm run bench:cli` (test/bench/cli-coverage.ts): the same files read with GeoPandas, each
# point's nearest on-air 4G/5G tower through Shapely's STRtree (sjoin_nearest), its district
# (sjoin), a level from the tower's radius, and one JSON object written. A comparison of the
# work, not a second implementation of the contract: radii default by technology, dates and
# upgrades are left out, distances are planar in UTM 48N.
#
#   python3 test/bench/geopandas-coverage.py <data folder> <out.json>
import json
import sys

import geopandas as gpd
import pandas as pd

DEFAULT_RADIUS_KM = {"2G": 0.0, "3G": 0.0, "4G": 3.0, "5G": 1.2}
METRIC = "EPSG:32648"


def main(folder: str, out: str) -> None:
    hamlets = gpd.read_file(f"{folder}/hamlets.geojson")
    schools = gpd.read_file(f"{folder}/schools.geojson")
    towers = gpd.read_file(f"{folder}/towers.geojson")
    districts = gpd.read_file(f"{folder}/boundaries/districts.geojson")

    hamlets["kind"] = "hamlet"
    schools["kind"] = "school"
    points = pd.concat([hamlets[["id", "kind", "geometry"]], schools[["id", "kind", "geometry"]]], ignore_index=True)
    points = gpd.GeoDataFrame(points, geometry="geometry", crs=hamlets.crs)

    on_air = towers[(towers["status"] == "existing") & towers["technology"].isin(["4G", "5G"])].copy()
    radius = on_air["radius_km"] if "radius_km" in on_air else pd.Series(float("nan"), index=on_air.index)
    on_air["radius"] = radius.fillna(on_air["technology"].map(DEFAULT_RADIUS_KM))
    on_air = on_air[["id", "radius", "geometry"]].rename(columns={"id": "nearest_4g_id"})

    metric_points = points.to_crs(METRIC)
    nearest = gpd.sjoin_nearest(metric_points, on_air.to_crs(METRIC), how="left", distance_col="m")
    nearest = nearest[~nearest.index.duplicated(keep="first")]
    in_district = gpd.sjoin(points, districts[["id", "geometry"]].rename(columns={"id": "district_id"}), how="left", predicate="within")
    in_district = in_district[~in_district.index.duplicated(keep="first")]

    km = (nearest["m"] / 1000).round(4)
    level = (km <= nearest["radius"]).map({True: "good", False: "none"})
    records = pd.DataFrame(
        {
            "kind": points["kind"],
            "id": points["id"],
            "level": level,
            "district_id": in_district["district_id"],
            "nearest_4g_id": nearest["nearest_4g_id"],
            "nearest_4g_km": km,
        }
    )
    report = {
        "points_total": int(len(records)),
        "good": int((records["level"] == "good").sum()),
        "points": json.loads(records.to_json(orient="records")),
    }
    with open(out, "w", encoding="utf-8") as file:
        json.dump(report, file, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
