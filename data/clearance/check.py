#!/usr/bin/env python3
"""Checks data/clearance/crosswalk.json and protocol-products.json against their contract.

Standard library only. Run from anywhere:  python3 data/clearance/check.py
Exits 1 and lists every problem when a rule is broken; prints counts either way.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCUMENTS = {"phytosanitaryCertificate", "veterinaryHealthCertificate", "growingAreaCode",
             "packingHouseCode", "processingFacilityCode", "certificateOfOrigin"}
SIDES = {"VN", "CN"}
ISO_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")

errors: list[str] = []
warnings: list[str] = []


def err(message: str) -> None:
    errors.append(message)


def load(name: str):
    try:
        with open(HERE / name, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        err(f"{name}: cannot be read as JSON: {e}")
        return None


def is_code(code, length: int) -> bool:
    return isinstance(code, str) and len(code) == length and code.isascii() and code.isdigit()


def check_crosswalk(cw) -> dict[str, dict]:
    listed: dict[str, dict] = {}
    if not isinstance(cw.get("version"), str) or not cw["version"]:
        err("crosswalk: version is missing.")
    for key in ("vnTariff", "cnTariff"):
        tariff = cw.get(key)
        if not isinstance(tariff, dict) or not isinstance(tariff.get("year"), int) or not tariff.get("title") or not tariff.get("source"):
            err(f"crosswalk: {key} needs year (integer), title and source.")

    for side, length, languages in (("vn", 8, ("vi", "en")), ("cn", 10, ("zh", "en"))):
        for entry in cw.get(side, []):
            code = entry.get("code")
            where = f"crosswalk {side} {code!r}"
            if not is_code(code, length):
                err(f"{where}: must be exactly {length} digits.")
                continue
            if code in listed:
                err(f"{where}: listed twice.")
            listed[code] = entry
            description = entry.get("description") or {}
            for language in languages:
                if not isinstance(description.get(language), str) or not description[language].strip():
                    err(f"{where}: description.{language} is missing.")
            for flag in ("perishable", "verified"):
                if not isinstance(entry.get(flag), bool):
                    err(f"{where}: {flag} must be true or false.")
            if side == "cn":
                elements = entry.get("declarationElements")
                if elements is not None and (not isinstance(elements, list) or not all(isinstance(e, str) and e for e in elements)):
                    err(f"{where}: declarationElements must be a list of names or null (not sourced).")
                for field in ("supervisionConditions", "inspectionCategories"):
                    if entry.get(field) is not None and not isinstance(entry[field], str):
                        err(f"{where}: {field} must be a string or null (not sourced).")
                if not isinstance(entry.get("quarantine"), bool):
                    err(f"{where}: quarantine must be true or false.")
                categories = entry.get("inspectionCategories")
                if isinstance(categories, str) and categories:
                    has_pq = "P" in categories or "Q" in categories
                    if has_pq != entry.get("quarantine"):
                        err(f"{where}: quarantine is {entry.get('quarantine')} but inspection categories are {categories!r}.")
                if categories is None:
                    warnings.append(f"{where}: inspection categories not sourced; quarantine={entry.get('quarantine')} is a judgement.")
            if entry.get("verified") is False:
                warnings.append(f"{where}: verified=false.")

    mapped: dict[str, int] = {}
    for index, mapping in enumerate(cw.get("mappings", [])):
        vn, cn, kind = mapping.get("vn") or [], mapping.get("cn") or [], mapping.get("type")
        where = f"mapping #{index} {'+'.join(vn)} -> {'+'.join(cn)}"
        expected = "1:1" if (len(vn), len(cn)) == (1, 1) else "1:n" if len(vn) == 1 and len(cn) > 1 else "n:1" if len(vn) > 1 and len(cn) == 1 else None
        if expected is None:
            err(f"{where}: {len(vn)}:{len(cn)} codes is not 1:1, 1:n or n:1 (n:n is not allowed).")
        elif kind != expected:
            err(f"{where}: typed {kind!r} but has {len(vn)}:{len(cn)} codes ({expected}).")
        for code, length in [(c, 8) for c in vn] + [(c, 10) for c in cn]:
            if not is_code(code, length):
                err(f"{where}: {code!r} is on the wrong side or not {length} digits.")
            if code not in listed:
                err(f"{where}: {code} is not listed in the crosswalk.")
            if code in mapped:
                err(f"{where}: {code} is already in mapping #{mapped[code]}.")
            mapped[code] = index
    for code in listed:
        if code not in mapped:
            warnings.append(f"crosswalk {code}: unmapped (declared as unmapped, never guessed).")
    return listed


def check_products(pp, listed: dict[str, dict]) -> None:
    if not isinstance(pp.get("version"), str) or not pp["version"]:
        err("protocol-products: version is missing.")
    ids = Counter(p.get("id") for p in pp.get("products", []))
    for product_id, count in ids.items():
        if count > 1:
            err(f"product {product_id}: listed {count} times.")
    for product in pp.get("products", []):
        where = f"product {product.get('id')!r}"
        for language in ("vi", "zh", "en"):
            if not (product.get("name") or {}).get(language):
                err(f"{where}: name.{language} is missing.")
        exporting, importing = product.get("exportingSide"), product.get("importingSide")
        if exporting not in SIDES or importing not in SIDES or exporting == importing:
            err(f"{where}: goes from {exporting} to {importing}.")
        for key, length in (("vnCodes", 8), ("cnCodes", 10)):
            for code in product.get(key, []):
                if not is_code(code, length):
                    err(f"{where}: {key} {code!r} is not {length} digits.")
                elif code not in listed:
                    err(f"{where}: {key} {code} is not in crosswalk.json.")
        if not product.get("vnCodes") and not product.get("cnCodes"):
            err(f"{where}: names no code.")
        protocol = product.get("protocol") or {}
        if not all((protocol.get("title") or {}).get(lang) for lang in ("vi", "zh", "en")):
            err(f"{where}: protocol.title needs vi, zh and en.")
        signed = protocol.get("signed")
        if signed is not None and (not isinstance(signed, str) or not ISO_DATE.match(signed)):
            err(f"{where}: protocol.signed {signed!r} is not YYYY-MM-DD or null.")
        if signed is None:
            warnings.append(f"{where}: protocol signing date not sourced (null).")
        if not protocol.get("source"):
            err(f"{where}: protocol.source is missing.")
        documents = product.get("requiredDocuments", [])
        for document in documents:
            if document not in DOCUMENTS:
                err(f"{where}: requiredDocuments names {document!r}, not one of {sorted(DOCUMENTS)}.")
        if len(set(documents)) != len(documents):
            err(f"{where}: requiredDocuments repeats an entry.")
        if not isinstance(product.get("verified"), bool):
            err(f"{where}: verified must be true or false.")
        if exporting == "VN" and product.get("vnCodes") and not any(
                code in mapped_codes for code in product["vnCodes"]):
            warnings.append(f"{where}: none of its VN codes is mapped, so its export is refused until the CN side is sourced.")

    product_ids = set(ids)
    for key in ("growingAreas", "packingHouses"):
        seen: set[str] = set()
        for entry in pp.get(key, []):
            code = entry.get("code")
            where = f"{key} {code!r}"
            if not isinstance(code, str) or not code.strip():
                err(f"{where}: code is missing.")
                continue
            if code.upper() in seen:
                err(f"{where}: listed twice (codes are compared case-insensitively).")
            seen.add(code.upper())
            if entry.get("side") not in SIDES:
                err(f"{where}: side must be VN or CN.")
            if not entry.get("products"):
                err(f"{where}: names no product.")
            for product_id in entry.get("products", []):
                if product_id not in product_ids:
                    err(f"{where}: names unknown product {product_id}.")
            if not isinstance(entry.get("status"), str) or not entry["status"]:
                err(f"{where}: status is missing.")
            if not isinstance(entry.get("sample"), bool):
                err(f"{where}: sample must be true or false.")
    if not any(s.get("status") not in ("active", None) for s in pp.get("growingAreas", [])):
        err("growingAreas: at least one entry must be not active (e.g. suspended), for tests and the demo.")


cw = load("crosswalk.json")
pp = load("protocol-products.json")
mapped_codes: set[str] = set()
if cw is not None:
    mapped_codes = {c for m in cw.get("mappings", []) for c in (m.get("vn") or []) + (m.get("cn") or [])}
    listed_codes = check_crosswalk(cw)
    if pp is not None:
        check_products(pp, listed_codes)

if cw is not None and pp is not None:
    vn, cn = cw.get("vn", []), cw.get("cn", [])
    types = Counter(m.get("type") for m in cw.get("mappings", []))
    products = pp.get("products", [])
    sites = pp.get("growingAreas", []) + pp.get("packingHouses", [])
    print(f"crosswalk {cw.get('version')}: {len(vn)} VN codes ({sum(e.get('verified') is True for e in vn)} verified), "
          f"{len(cn)} CN codes ({sum(e.get('verified') is True for e in cn)} verified), "
          f"{len(cw.get('mappings', []))} mappings ({', '.join(f'{k} {v}' for k, v in sorted(types.items()))}), "
          f"{sum(e['code'] not in mapped_codes for e in vn)} VN and {sum(e['code'] not in mapped_codes for e in cn)} CN codes unmapped")
    print(f"protocol-products {pp.get('version')}: {len(products)} products ({sum(p.get('verified') is True for p in products)} verified, "
          f"{sum((p.get('protocol') or {}).get('signed') is not None for p in products)} with a signing date), "
          f"{len(pp.get('growingAreas', []))} growing areas, {len(pp.get('packingHouses', []))} packing houses "
          f"({sum(s.get('sample') is True for s in sites)} samples, {sum(s.get('status') != 'active' for s in sites)} not active)")
if "-v" in sys.argv[1:]:
    for warning in warnings:
        print("note:", warning)
else:
    print(f"{len(warnings)} notes (unmapped codes, unsourced fields, dates); run with -v to list them")
for error in errors:
    print("ERROR:", error)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
