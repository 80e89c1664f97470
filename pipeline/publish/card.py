"""The dataset card (``README.md``): Hugging Face front matter, then text for people, with charts."""
from __future__ import annotations

import json

from ..resources import part_glob, paths, table_of
from .chart import bar_chart, cut_title, value_counts
from .diff import date_range

CHARTS = {"charts/quotes_by_speaker.svg": ("Quotes per speaker", "quotes", "speaker_name"),
          "charts/figures_by_kind.svg": ("Figures by kind", "figures", "kind"),
          "charts/entities_by_type.svg": ("Entities by type", "entities", "type")}
TOP = 10  # bars per chart
# Table Schema type -> the Hugging Face `datasets` dtype of its Parquet column (pipeline.schemas' Arrow types)
HF_DTYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool", "date": "date32",
             "datetime": "timestamp[s, tz=UTC]"}
HF_LICENSES = {"CC0-1.0": "cc0-1.0", "CC-BY-4.0": "cc-by-4.0", "CC-BY-SA-4.0": "cc-by-sa-4.0",
               "CC-BY-3.0": "cc-by-3.0", "CC-BY-SA-3.0": "cc-by-sa-3.0", "CC-BY-NC-4.0": "cc-by-nc-4.0",
               "CC-BY-NC-SA-4.0": "cc-by-nc-sa-4.0", "CC-BY-ND-4.0": "cc-by-nd-4.0",
               "CC-BY-2.5": "cc-by-2.5", "CC-BY-2.0": "cc-by-2.0", "LicenseRef-unknown": "unknown"}


def _chart_counts(tables: dict[str, list[dict]]) -> dict[str, tuple[str, list[tuple[str, int]]]]:
    """Per chart: its title (saying when it shows only the top values) and every value's count."""
    out = {}
    for path, (title, table, col) in CHARTS.items():
        counts = value_counts(r.get(col) for r in tables.get(table, []))
        out[path] = (cut_title(title, len(counts), TOP), counts)
    return out


def charts(tables: dict[str, list[dict]]) -> dict[str, bytes]:
    return {path: bar_chart(title, counts[:TOP]).encode("utf-8")
            for path, (title, counts) in _chart_counts(tables).items()}


def size_category(n: int) -> str:
    for limit, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if n < limit:
            return label
    return "n>1M"


def _yaml(value) -> str:
    """A YAML scalar: JSON strings are valid YAML and quote everything that needs it."""
    return json.dumps(value, ensure_ascii=False)


def _md(text) -> str:
    """Text in a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text if text is not None else "").split()).replace("|", "\\|")


def front_matter(descriptor: dict, tables: dict[str, list[dict]], csv_resources: list[dict]) -> str:
    licenses = [HF_LICENSES.get(lic.get("name"), "other") for lic in descriptor.get("licenses", [])] or ["unknown"]
    languages = sorted({(a.get("language") or "en").split("-")[0] for a in tables.get("articles", [])}) or ["en"]
    lines = ["---", "license:"] + [f"- {_yaml(x)}" for x in sorted(set(licenses))]
    if "other" in licenses:
        licence_names = "; ".join(lic.get("title") or lic["name"] for lic in descriptor["licenses"])
        lines.append(f"license_name: {_yaml(licence_names)}")
    lines += ["language:"] + [f"- {_yaml(x)}" for x in languages]
    lines += [f"pretty_name: {_yaml(descriptor.get('title') or descriptor['name'])}",
              "size_categories:", f"- {size_category(largest_table(tables)[1])}",
              "task_categories:", "- token-classification", "- text-classification",
              "tags:"] + [f"- {_yaml(k)}" for k in descriptor.get("keywords", [])]
    lines.append("configs:")
    by_name = {r["name"]: r for r in descriptor["resources"]}
    for res in csv_resources:  # the Parquet twin when there is one: typed columns, lists as lists
        lines += [f"- config_name: {_yaml(res['name'])}"]
        if res["name"] == "quotes":
            lines.append("  default: true")
        path = data_files(by_name.get(f"{res['name']}_parquet", res))
        lines += ["  data_files:", "  - split: train", f"    path: {_yaml(path)}"]
    lines += dataset_info(descriptor, csv_resources)
    return "\n".join(lines + ["---", ""])


def data_files(resource: dict) -> str:
    """A resource's files for the ``datasets`` loader: its file, or a glob over its parts."""
    return resource["path"] if isinstance(resource["path"], str) else part_glob(resource)


def r_files(resource: dict) -> str:
    """A CSV resource's file(s) as an R expression (``readr::read_csv`` reads a vector of files as one)."""
    files = [f'"{p}"' for p in paths(resource)]
    return files[0] if len(files) == 1 else f"c({', '.join(files)})"


def largest_table(tables: dict[str, list[dict]]) -> tuple[str, int]:
    """The table with the most rows and its row count: ``size_categories`` is per dataset, one value."""
    return max(((name, len(rows)) for name, rows in tables.items()), key=lambda t: (t[1], t[0]), default=("", 0))


def hf_feature(field: dict) -> list[str]:
    """One feature of ``dataset_info`` in YAML lines: an enum field is a ``ClassLabel`` (names in the
    schema's order; the Parquet column stays a string, which ``datasets`` maps to the label's number)."""
    lines = [f"  - name: {_yaml(field['name'])}"]
    enum = field.get("constraints", {}).get("enum")
    if field["type"] == "array":
        return lines + [f"    list: {_yaml(HF_DTYPES[field.get('arrayItem', {}).get('type', 'string')])}"]
    if enum and field["type"] == "string":
        return lines + ["    dtype:", "      class_label:", "        names:"] + [
            f"          {_yaml(str(i))}: {_yaml(name)}" for i, name in enumerate(enum)]
    return lines + [f"    dtype: {_yaml(HF_DTYPES.get(field['type'], 'string'))}"]


def dataset_info(descriptor: dict, csv_resources: list[dict]) -> list[str]:
    """``dataset_info`` front matter: the features of each config read from Parquet (typed columns)."""
    formats = {r["name"]: r.get("format") for r in descriptor["resources"]}
    lines = []
    for res in csv_resources:
        if formats.get(f"{res['name']}_parquet") != "parquet":
            continue  # a CSV config: arrays are JSON text there, so its features are left to the loader
        lines += [f"- config_name: {_yaml(res['name'])}", "  features:"]
        for field in res["schema"]["fields"]:
            lines += hf_feature(field)
    return ["dataset_info:"] + lines if lines else []


def fields_section(csv_resources: list[dict]) -> list[str]:
    """A table of fields per resource; a field with a fixed set of values lists them."""
    out = []
    for res in csv_resources:
        out += [f"### `{res['name']}`", "", "| field | type | description |", "|---|---|---|"]
        for f in res["schema"]["fields"]:
            enum = f.get("constraints", {}).get("enum")
            values = f" One of: {', '.join(f'`{v}`' for v in enum)}." if enum else ""
            out.append(f"| `{f['name']}` | {f['type']} | {_md((f.get('description') or '') + values)} |")
        out.append("")
    return out


def _demote(markdown: str) -> str:
    """Headings one level down, to nest a changelog entry in the card."""
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.splitlines())


def loading_section(descriptor: dict) -> list[str]:
    """How to read the tables with pandas, DuckDB, R and ``datasets``: the paths of this package (a
    table written in parts is read as a folder, a glob or a list of files)."""
    by_name = {r["name"]: r for r in descriptor["resources"]}
    quotes = by_name.get("quotes_parquet", {"path": "data/quotes.parquet", "format": "parquet"})
    entities = by_name.get("entities", {"path": "data/entities.csv"})
    q_file = data_files(quotes)
    q_read = f"data/{table_of(quotes)}/" if isinstance(quotes["path"], list) else q_file
    parted = any(isinstance(r.get("path"), list) for r in by_name.values())
    out = ["## Loading", ""]
    out += ["Big tables are parts: `data/<table>/part-NNNNN.parquet` (read the folder as one dataset) and "
            "`data/<table>-csv/part-NNNNN.csv` (each with the header line).", ""] if parted else []
    e_read = (f'pd.read_csv("{entities["path"]}")' if isinstance(entities["path"], str)
              else f"pd.concat(pd.read_csv(p) for p in {paths(entities)!r})")
    r_quotes = (f'arrow::read_parquet("{q_file}")' if q_read == q_file
                else f'dplyr::collect(arrow::open_dataset("{q_read}"))')
    figures = by_name.get("figures", {"path": "data/figures.csv"})
    return out + [
        "pandas:", "", "```python", "import pandas as pd", f'quotes = pd.read_parquet("{q_read}")',
        f"entities = {e_read}", "```", "", "DuckDB:", "", "```sql",
        f"SELECT speaker_name, count(*) AS quotes FROM '{q_file}' GROUP BY 1 ORDER BY 2 DESC;",
        "```", "", "R:", "", "```r", f"quotes <- {r_quotes}", f"figures <- readr::read_csv({r_files(figures)})",
        "```", "",
        "Hugging Face `datasets`: `load_dataset(\"path/to/this/folder\", \"quotes\")` (one config per table, "
        "from the front matter; the same for a dataset repository), or "
        f"`load_dataset(\"parquet\", data_files=\"{q_file}\")`. Through the configs, fields with a "
        "fixed set of values load as `ClassLabel` features: numbers, named by "
        "`features[\"type\"].int2str(...)`; the files hold the names. Arrays (`entities.aliases`) are JSON in "
        "CSV cells and lists in Parquet.", ""]


def render(descriptor: dict, tables: dict[str, list[dict]], *, changes: str, published: str,
           article_dates: tuple[str, str] | None = None) -> str:
    """The card; ``published`` is the release time, ``article_dates`` the articles' first and last date."""
    name, version = descriptor["name"], descriptor["version"]
    csv_resources = [r for r in descriptor["resources"] if r.get("format") == "csv"]
    articles = tables.get("articles", [])
    out = [front_matter(descriptor, tables, csv_resources),
           f"# {descriptor.get('title') or name}", "",
           f"Version **{version}**, published {published}. {date_range(article_dates)}",
           "", descriptor.get("description", ""), "",
           "Each table is a CSV file with a Parquet twin in `data/`; `datapackage.json` is the Frictionless "
           "descriptor (Table Schemas, keys, checksums) and `croissant.json` the Croissant metadata. "
           "`review/index.html` shows every article with its quotes, figures and entities highlighted. "
           "The extraction is automatic (rule-based, over a spaCy parse): expect errors; "
           "every span keeps its offsets so it can be checked against `articles.text`.", "",
           "## Tables", "", "| table | rows | one row per |", "|---|---:|---|"]
    for res in csv_resources:
        rows = len(tables.get(res["name"], []))
        out.append(f"| `{res['name']}` | {rows} | {_md(res['schema'].get('description', res.get('title')))} |")
    biggest, rows = largest_table(tables)
    out += ["", f"`size_categories` in the front matter is that of the largest table, `{biggest}` ({rows} rows).",
            ""]
    for path, (title, _counts) in _chart_counts(tables).items():
        out += [f"![{title}]({path})", ""]
    out += ["## Sources and licences", ""]
    by_source: dict[tuple, int] = {}
    for a in articles:
        key = (a.get("source") or "(unknown source)", a.get("license") or "(unknown licence)")
        by_source[key] = by_source.get(key, 0) + 1
    out += ["| source | licence | articles |", "|---|---|---:|"]
    out += [f"| {_md(s)} | {_md(lic)} | {n} |" for (s, lic), n in sorted(by_source.items())]
    out += ["", "The article texts keep their own licences (column `articles.license`; null when not known: "
            "check before redistributing). The tables quote the texts (quotes, spans, `articles.text`), so the "
            "same terms apply to them.", "", "## Fields", ""]
    out += fields_section(csv_resources)
    out += loading_section(descriptor) + ["## Integrity", "",
            "`sha256sum -c SHA256SUMS` checks every file; `frictionless validate datapackage.json` checks the "
            "tables against their schemas.", "", "## Changes in this version", "", _demote(changes).strip(), ""]
    return "\n".join(out)
