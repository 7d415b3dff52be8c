//! Parsing gazetteer files (TSV with a header, or JSONL) into entries.

use serde_json::Value;

use super::Entry;
use crate::error::{Error, Result};
use crate::mention::{MentionKind, Subtype};

const REQUIRED: [&str; 4] = ["id", "name", "kind", "subtype"];

/// Column positions of a TSV header.
struct Columns {
    index: Vec<(String, usize)>,
    count: usize,
}

impl Columns {
    fn get<'a>(&self, fields: &[&'a str], name: &str) -> Option<&'a str> {
        let (_, i) = self.index.iter().find(|(n, _)| n == name)?;
        fields.get(*i).map(|s| s.trim()).filter(|s| !s.is_empty())
    }
}

fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_prefix('\u{FEFF}').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Parses TSV text into `(line, entry)` pairs.
pub(super) fn parse_tsv(text: &str, source: &str) -> Result<Vec<(usize, Entry)>> {
    let mut lines = content_lines(text);
    let Some((header_line, header)) = lines.next() else {
        return Err(Error::gazetteer(
            source,
            None,
            "the file is empty: expected a header line with id, name, kind, subtype",
        ));
    };
    let names: Vec<String> = header.split('\t').map(|h| h.trim().to_ascii_lowercase()).collect();
    for r in REQUIRED {
        if !names.iter().any(|n| n == r) {
            return Err(Error::gazetteer(
                source,
                Some(header_line),
                format!("the header has no {r:?} column: a gazetteer TSV needs the columns id, name, kind, subtype (tab-separated), found {:?}", names),
            ));
        }
    }
    let cols = Columns { index: names.iter().cloned().enumerate().map(|(i, n)| (n, i)).collect(), count: names.len() };
    let mut out = Vec::new();
    for (line, row) in lines {
        let fields: Vec<&str> = row.split('\t').collect();
        if fields.len() != cols.count {
            return Err(Error::gazetteer(
                source,
                Some(line),
                format!("expected {} tab-separated fields as in the header, found {}", cols.count, fields.len()),
            ));
        }
        let get = |n: &str| cols.get(&fields, n);
        let entry = build_entry(
            source,
            line,
            RawEntry {
                id: get("id"),
                name: get("name"),
                kind: get("kind"),
                subtype: get("subtype"),
                aliases: get("aliases").map(split_aliases).unwrap_or_default(),
                parent: get("parent"),
                pcode: get("pcode"),
                lat: get("lat"),
                lon: get("lon"),
                name_ar: get("name_ar"),
                population: get("population"),
            },
        )?;
        out.push((line, entry));
    }
    Ok(out)
}

fn split_aliases(s: &str) -> Vec<String> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect()
}

/// Parses JSONL text into `(line, entry)` pairs.
pub(super) fn parse_jsonl(text: &str, source: &str) -> Result<Vec<(usize, Entry)>> {
    let mut out = Vec::new();
    for (line, row) in content_lines(text) {
        let value: Value = serde_json::from_str(row)
            .map_err(|e| Error::gazetteer(source, Some(line), format!("not a JSON object: {e}")))?;
        let Value::Object(obj) = value else {
            return Err(Error::gazetteer(source, Some(line), "expected a JSON object with id, name, kind, subtype"));
        };
        let mut texts: Vec<(String, String)> = Vec::new();
        for key in ["id", "name", "kind", "subtype", "parent", "pcode", "lat", "lon", "name_ar", "population"] {
            match obj.get(key) {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) => texts.push((key.into(), s.clone())),
                Some(Value::Number(n)) => texts.push((key.into(), n.to_string())),
                Some(other) => {
                    return Err(Error::gazetteer(
                        source,
                        Some(line),
                        format!("{key:?} must be a string or number, not {other}"),
                    ))
                }
            }
        }
        let aliases = match obj.get("aliases") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => split_aliases(s),
            Some(Value::Array(items)) => {
                let mut v = Vec::new();
                for it in items {
                    match it {
                        Value::String(s) if !s.trim().is_empty() => v.push(s.trim().to_string()),
                        Value::String(_) => {}
                        other => {
                            return Err(Error::gazetteer(
                                source,
                                Some(line),
                                format!("\"aliases\" must hold strings, found {other}"),
                            ))
                        }
                    }
                }
                v
            }
            Some(other) => {
                return Err(Error::gazetteer(
                    source,
                    Some(line),
                    format!("\"aliases\" must be a list of strings, not {other}"),
                ))
            }
        };
        let get = |k: &str| texts.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim()).filter(|v| !v.is_empty());
        let entry = build_entry(
            source,
            line,
            RawEntry {
                id: get("id"),
                name: get("name"),
                kind: get("kind"),
                subtype: get("subtype"),
                aliases,
                parent: get("parent"),
                pcode: get("pcode"),
                lat: get("lat"),
                lon: get("lon"),
                name_ar: get("name_ar"),
                population: get("population"),
            },
        )?;
        out.push((line, entry));
    }
    Ok(out)
}

struct RawEntry<'a> {
    id: Option<&'a str>,
    name: Option<&'a str>,
    kind: Option<&'a str>,
    subtype: Option<&'a str>,
    aliases: Vec<String>,
    parent: Option<&'a str>,
    pcode: Option<&'a str>,
    lat: Option<&'a str>,
    lon: Option<&'a str>,
    name_ar: Option<&'a str>,
    population: Option<&'a str>,
}

fn build_entry(source: &str, line: usize, raw: RawEntry<'_>) -> Result<Entry> {
    let err = |msg: String| Error::gazetteer(source, Some(line), msg);
    let id = raw.id.ok_or_else(|| err("the \"id\" field is empty".into()))?;
    let name = raw.name.ok_or_else(|| err(format!("entry {id:?} has an empty \"name\"")))?;
    let kind_s =
        raw.kind.ok_or_else(|| err(format!("entry {id:?} has an empty \"kind\": use place, camp or actor")))?;
    let kind: MentionKind = kind_s
        .parse()
        .ok()
        .filter(MentionKind::is_entity)
        .ok_or_else(|| err(format!("entry {id:?}: unknown kind {kind_s:?}: use place, camp or actor")))?;
    let subtype_s = raw.subtype.ok_or_else(|| err(format!("entry {id:?} has an empty \"subtype\"")))?;
    let subtype: Subtype = subtype_s.parse().map_err(|e: Error| err(format!("entry {id:?}: {}", e.message())))?;
    if subtype.kind() != kind {
        return Err(err(format!(
            "entry {id:?}: subtype {subtype_s:?} belongs to kind {:?}, not {kind_s:?}",
            subtype.kind().as_str()
        )));
    }
    let float = |field: &str, v: Option<&str>, range: f64| -> Result<Option<f64>> {
        v.map(|s| {
            s.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && x.abs() <= range)
                .ok_or_else(|| err(format!("entry {id:?}: {field} {s:?} is not a number between -{range} and {range}")))
        })
        .transpose()
    };
    let population = raw
        .population
        .map(|s| {
            s.parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && *x >= 0.0)
                .map(|x| x as u64)
                .ok_or_else(|| err(format!("entry {id:?}: population {s:?} is not a non-negative number")))
        })
        .transpose()?;
    Ok(Entry {
        id: id.to_string(),
        name: name.to_string(),
        subtype: Some(subtype),
        aliases: raw.aliases,
        parent: raw.parent.map(String::from),
        pcode: raw.pcode.map(String::from),
        lat: float("lat", raw.lat, 90.0)?,
        lon: float("lon", raw.lon, 180.0)?,
        name_ar: raw.name_ar.map(String::from),
        population,
    })
}

/// Checks an entry built in code (not parsed), as the parsers do.
pub(super) fn check_entry(e: &Entry, source: &str, line: usize) -> Result<()> {
    let err = |msg: String| Error::gazetteer(source, Some(line), msg);
    if e.id.trim().is_empty() {
        return Err(err("an entry has an empty id".into()));
    }
    if e.name.trim().is_empty() {
        return Err(err(format!("entry {:?} has an empty name", e.id)));
    }
    if e.subtype.is_none() {
        return Err(err(format!("entry {:?} has no subtype", e.id)));
    }
    if e.id.contains(['\t', '\n']) || e.names().any(|n| n.contains(['\t', '\n'])) {
        return Err(err(format!("entry {:?}: ids and names cannot contain tabs or newlines", e.id)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_with_a_missing_column_names_file_and_line() {
        let tsv = "id\tname\tkind\tsubtype\n# comment\na\tA\tplace\tcity\nb\tB\tplace\n";
        let err = parse_tsv(tsv, "g.tsv").unwrap_err();
        assert_eq!(err.to_string(), "g.tsv:4: expected 4 tab-separated fields as in the header, found 3");
    }

    #[test]
    fn a_header_without_required_columns_is_refused() {
        let err = parse_tsv("id\tname\n", "g.tsv").unwrap_err();
        assert!(err.to_string().starts_with("g.tsv:1: the header has no \"kind\" column"), "{err}");
    }

    #[test]
    fn subtypes_must_belong_to_the_kind() {
        let err = parse_tsv("id\tname\tkind\tsubtype\na\tA\tactor\tcity\n", "g.tsv").unwrap_err();
        assert!(err.to_string().contains("belongs to kind \"place\""), "{err}");
    }

    #[test]
    fn jsonl_accepts_lists_and_rejects_garbage() {
        let ok = parse_jsonl(
            r#"{"id":"a","name":"A","kind":"camp","subtype":"camp","aliases":["B","C"],"lat":33.1}"#,
            "g.jsonl",
        )
        .unwrap();
        assert_eq!(ok[0].1.aliases, vec!["B", "C"]);
        assert_eq!(ok[0].1.lat, Some(33.1));
        let err = parse_jsonl("{\"id\":\"a\"}\n[1]\n", "g.jsonl").unwrap_err();
        assert!(err.to_string().starts_with("g.jsonl:1:"), "{err}");
        let err = parse_jsonl("\n{not json\n", "g.jsonl").unwrap_err();
        assert!(err.to_string().starts_with("g.jsonl:2: not a JSON object"), "{err}");
    }

    #[test]
    fn bad_coordinates_are_refused() {
        let err = parse_tsv("id\tname\tkind\tsubtype\tlat\na\tA\tplace\tcity\t123\n", "g.tsv").unwrap_err();
        assert!(err.to_string().contains("lat \"123\""), "{err}");
    }
}
