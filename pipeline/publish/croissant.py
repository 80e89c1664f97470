"""Croissant 1.0 JSON-LD (``croissant.json``): the CSV tables as record sets, keys and references kept."""
from __future__ import annotations

import json

from ..resources import part_glob

CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
CONTEXT = {
    "@language": "en", "@vocab": "https://schema.org/", "citeAs": "cr:citeAs", "column": "cr:column",
    "conformsTo": "dct:conformsTo", "cr": "http://mlcommons.org/croissant/", "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"}, "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/", "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract", "field": "cr:field", "fileProperty": "cr:fileProperty", "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet", "format": "cr:format", "includes": "cr:includes", "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath", "key": "cr:key", "md5": "cr:md5", "parentField": "cr:parentField", "path": "cr:path",
    "recordSet": "cr:recordSet", "references": "cr:references", "regex": "cr:regex", "repeated": "cr:repeated",
    "replace": "cr:replace", "samplingRate": "cr:samplingRate", "sc": "https://schema.org/",
    "separator": "cr:separator", "source": "cr:source", "subField": "cr:subField", "transform": "cr:transform",
    "equivalentProperty": "cr:equivalentProperty",
}
DATA_TYPES = {"string": "sc:Text", "integer": "sc:Integer", "number": "sc:Float", "boolean": "sc:Boolean",
              "date": "sc:Date", "datetime": "sc:DateTime", "array": "sc:Text"}
LICENSE_URLS = {"CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
                "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
                "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
                "CC-BY-2.5": "https://creativecommons.org/licenses/by/2.5/"}


def _license(lic: dict) -> str:
    return lic.get("path") or LICENSE_URLS.get(lic.get("name"), lic.get("title") or lic.get("name"))


def file_object(file_id: str, res: dict) -> dict:
    """A CSV resource as a FileObject (one file: size and hash) or a FileSet (its parts, by a glob)."""
    if isinstance(res["path"], list):
        return {"@type": "cr:FileSet", "@id": file_id, "name": file_id, "encodingFormat": "text/csv",
                "includes": part_glob(res)}
    return {"@type": "cr:FileObject", "@id": file_id, "name": file_id, "contentUrl": res["path"],
            "encodingFormat": "text/csv", "sha256": res["hash"].split(":", 1)[1], "contentSize": f"{res['bytes']} B"}


def render(descriptor: dict, *, url: str | None = None, published: str | None = None,
           article_dates: tuple[str, str] | None = None) -> dict:
    """The Croissant description of the package's CSV resources (Parquet twins hold the same rows).
    ``datePublished`` is the release time, ``temporalCoverage`` the articles' dates (ISO 8601 interval)."""
    csv_resources = [r for r in descriptor["resources"] if r.get("format") == "csv"]
    name, version = descriptor["name"], descriptor["version"]
    distribution, record_sets = [], []
    for res in csv_resources:
        file_id = f"{res['name']}-csv"
        distribution.append(file_object(file_id, res))
        source = "fileSet" if isinstance(res["path"], list) else "fileObject"
        schema = res["schema"]
        refs = {fk["fields"][0]: fk["reference"] for fk in schema.get("foreignKeys", []) if len(fk["fields"]) == 1}
        fields = []
        for f in schema["fields"]:
            fid = f"{res['name']}/{f['name']}"
            field = {"@type": "cr:Field", "@id": fid, "name": f["name"], "description": f.get("description", ""),
                     "dataType": DATA_TYPES.get(f["type"], "sc:Text"),
                     "source": {source: {"@id": file_id}, "extract": {"column": f["name"]}}}
            ref = refs.get(f["name"])
            if ref and ref.get("resource", res["name"]) not in ("", res["name"]):
                field["references"] = {"field": {"@id": f"{ref['resource']}/{ref['fields'][0]}"}}
            elif ref:  # a reference into its own RecordSet is a cycle to Croissant readers (mlcroissant): said in words
                field["description"] = (f"{field['description']} Refers to `{ref['fields'][0]}` of another row of "
                                        f"this record set.").strip()
            fields.append(field)
        record_set = {"@type": "cr:RecordSet", "@id": res["name"], "name": res["name"],
                      "description": schema.get("description", res.get("title", "")), "field": fields}
        if schema.get("primaryKey"):
            record_set["key"] = [{"@id": f"{res['name']}/{k}"} for k in schema["primaryKey"]]
        record_sets.append(record_set)
    doc = {
        "@context": CONTEXT, "@type": "sc:Dataset", "conformsTo": CONFORMS_TO,
        "name": name, "description": descriptor.get("description", descriptor.get("title", name)),
        "version": version,
        "license": [_license(lic) for lic in descriptor.get("licenses", [])] or ["unknown"],
        "keywords": descriptor.get("keywords", []),
        "creator": [{"@type": "sc:Organization", "name": c.get("title", "")}
                    for c in descriptor.get("contributors", [])],
        "citeAs": f"{descriptor.get('title') or name}, version {version}.",
        "distribution": distribution, "recordSet": record_sets,
    }
    if url:
        doc["url"] = url
    if published:
        doc["datePublished"] = published
    if article_dates:
        first, last = article_dates
        doc["temporalCoverage"] = first if first == last else f"{first}/{last}"
    return doc


def render_bytes(descriptor: dict, *, url: str | None = None, published: str | None = None,
                 article_dates: tuple[str, str] | None = None) -> bytes:
    doc = render(descriptor, url=url, published=published, article_dates=article_dates)
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
