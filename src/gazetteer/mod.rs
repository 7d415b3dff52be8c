//! Gazetteers: the places, camps and actors the extractor links names to.
//!
//! # File format
//!
//! A gazetteer is a UTF-8 TSV file with a header line, or a JSONL file of
//! objects with the same keys. Lines starting with `#` and blank lines are
//! skipped. Columns (in any order; unknown columns are ignored):
//!
//! | column | required | meaning |
//! |---|---|---|
//! | `id` | yes | unique identifier (`sy-gov-homs`, `un`) |
//! | `name` | yes | canonical English name |
//! | `kind` | yes | `place`, `camp` or `actor` |
//! | `subtype` | yes | see [`Subtype`]; must belong to `kind` |
//! | `aliases` | no | other names, separated by `\|` (a JSON array in JSONL) |
//! | `parent` | no | id of the enclosing entity (district → governorate) |
//! | `pcode` | no | OCHA P-code |
//! | `lat`, `lon` | no | WGS84 coordinates in degrees |
//! | `name_ar` | no | Arabic name (also matched) |
//! | `population` | no | used to rank homonyms |
//!
//! ```text
//! id	name	kind	subtype	aliases	parent	pcode
//! sy-gov-homs	Homs	place	governorate	Hims|Homs Governorate		SY04
//! ```
//!
//! # Matching conventions
//!
//! * Names are matched whole-word over folded text (case, diacritics,
//!   apostrophes, hyphens and spaces do not matter; see the crate docs).
//! * A leading Arabic article (al-, el-, as-, ad-, ar-, an-, at-, az-, ash-)
//!   is optional: "Rastan" in the gazetteer also finds "al-Rastan" and
//!   "Ar-Rastan", and the span includes the article.
//! * A name written in capitals of at most five letters ("UN", "WHO", "IS")
//!   is an acronym and matches only as written.
//! * A name that starts with a capital letter matches only text that starts
//!   with one, so "Tell" the village never matches "tell"; names written in
//!   lower case ("joint coordination headquarters") match in any case.
//! * A village, town, neighbourhood, district or sub-district is never
//!   matched under a single common English word ("Tall", "Harem", "Said":
//!   the stop list `data/curated/stop_words.txt`), nor under a short word
//!   written in capitals ("WASH" is not the village Al Wash).
//!
//! # Homonyms
//!
//! A name several entries share ("Homs" the city and the governorate, three
//! Doumas, three Nawas) goes to the entry the words around it ask for ("Homs
//! province", "the province of Homs", "provinces of Aleppo, Hama", "the
//! village of", "Rukban camp"; "the town of Atmeh" with no town of that
//! name takes another settlement, then the sub-district or district named
//! after it, never the camp); else to one that lies in a governorate named
//! close by on the same line ("Nawa (Dar’a)"); else by subtype (country,
//! city, governorate, region, crossing, camp, town, district, sub-district,
//! village), then to an entry whose canonical name it is, then by
//! population. The other readings are the mention's `alternatives`.
// The TSV example above is tab-separated, as the files are.
#![allow(clippy::tabs_in_doc_comments)]

mod load;
mod matcher;
mod stopwords;
mod trie;

pub(crate) use matcher::{EntityMatch, Matcher};
pub(crate) use stopwords::is_english_word;

use rustc_hash::FxHashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::mention::{EntityRef, MentionKind, Subtype};

/// One place, camp or actor.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entry {
    /// Unique identifier.
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// Subtype; its [`Subtype::kind`] is the entry's kind.
    pub subtype: Option<Subtype>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Id of the enclosing entity.
    pub parent: Option<String>,
    /// OCHA P-code.
    pub pcode: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// Arabic name.
    pub name_ar: Option<String>,
    /// Population, used to rank homonyms.
    pub population: Option<u64>,
}

impl Entry {
    /// A new entry with an id, canonical name and subtype, and nothing else.
    ///
    /// ```
    /// use tallystick::{Entry, Subtype};
    /// let e = Entry::new("camp-rukban", "Rukban", Subtype::Camp).with_aliases(["al-Rukban"]);
    /// assert_eq!(e.aliases, vec!["al-Rukban".to_string()]);
    /// ```
    pub fn new(id: impl Into<String>, name: impl Into<String>, subtype: Subtype) -> Entry {
        Entry { id: id.into(), name: name.into(), subtype: Some(subtype), ..Entry::default() }
    }

    /// The same entry with these aliases added.
    pub fn with_aliases<I, S>(mut self, aliases: I) -> Entry
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// The entry's subtype (every entry of a built [`Gazetteer`] has one).
    pub fn subtype(&self) -> Subtype {
        self.subtype.unwrap_or(Subtype::Region)
    }

    /// The entry's kind: place, camp or actor.
    pub fn kind(&self) -> MentionKind {
        self.subtype().kind()
    }

    /// A reference to this entry, as mentions carry it.
    pub fn to_ref(&self) -> EntityRef {
        EntityRef { name: self.name.clone(), id: Some(self.id.clone()), subtype: self.subtype() }
    }

    /// Every name the entry is known by: the canonical name, the aliases and
    /// the Arabic name.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.name_ar.as_deref())
    }
}

/// A validated collection of [`Entry`]s with unique ids.
///
/// ```
/// use tallystick::{Entry, Gazetteer, Subtype};
/// let tsv = "id\tname\tkind\tsubtype\taliases\nx-rukban\tRukban\tcamp\tcamp\tal-Rukban|Rakban\n";
/// let mut g = Gazetteer::from_tsv_str(tsv, "camps.tsv")?;
/// g.extend(Gazetteer::from_entries(vec![Entry::new("x-roj", "Roj", Subtype::Camp)])?)?;
/// assert_eq!(g.len(), 2);
/// assert_eq!(g.get("x-rukban").unwrap().aliases.len(), 2);
/// # Ok::<(), tallystick::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: FxHashMap<String, usize>,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// Builds a gazetteer from entries, checking them.
    ///
    /// # Errors
    /// An entry with an empty id or name, no subtype, or an id already used.
    pub fn from_entries(entries: Vec<Entry>) -> Result<Gazetteer> {
        let mut g = Gazetteer::new();
        for (i, e) in entries.into_iter().enumerate() {
            g.push(e, "entries", i + 1)?;
        }
        Ok(g)
    }

    /// Parses a TSV gazetteer (see the module docs). `source` names it in errors.
    ///
    /// # Errors
    /// A missing header column, a row with the wrong number of fields, an
    /// unknown kind or subtype, a bad number, or a duplicate id: the error
    /// names `source` and the line.
    pub fn from_tsv_str(text: &str, source: &str) -> Result<Gazetteer> {
        let mut g = Gazetteer::new();
        for (line, entry) in load::parse_tsv(text, source)? {
            g.push(entry, source, line)?;
        }
        Ok(g)
    }

    /// Parses a JSONL gazetteer: one object a line with the TSV's keys.
    ///
    /// # Errors
    /// As [`Gazetteer::from_tsv_str`], and lines that are not JSON objects.
    pub fn from_jsonl_str(text: &str, source: &str) -> Result<Gazetteer> {
        let mut g = Gazetteer::new();
        for (line, entry) in load::parse_jsonl(text, source)? {
            g.push(entry, source, line)?;
        }
        Ok(g)
    }

    /// Reads a gazetteer file: `.jsonl`/`.ndjson` as JSONL, anything else as TSV.
    ///
    /// # Errors
    /// The file cannot be read or is not UTF-8, or any error of the parsers.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
        let source = path.display().to_string();
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            Error::gazetteer(&source, Some(line), "the file is not valid UTF-8")
        })?;
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        if ext == "jsonl" || ext == "ndjson" {
            Gazetteer::from_jsonl_str(text, &source)
        } else {
            Gazetteer::from_tsv_str(text, &source)
        }
    }

    fn push(&mut self, entry: Entry, source: &str, line: usize) -> Result<()> {
        load::check_entry(&entry, source, line)?;
        if self.by_id.contains_key(&entry.id) {
            return Err(Error::gazetteer(
                source,
                Some(line),
                format!("duplicate id {:?}: every id must be unique across the gazetteers", entry.id),
            ));
        }
        self.by_id.insert(entry.id.clone(), self.entries.len());
        self.entries.push(entry);
        Ok(())
    }

    /// Adds every entry of `other`.
    ///
    /// # Errors
    /// An id of `other` is already in this gazetteer.
    pub fn extend(&mut self, other: Gazetteer) -> Result<()> {
        for e in other.entries {
            let id = e.id.clone();
            self.push(e, "gazetteer", 0)
                .map_err(|_| Error::invalid_argument(format!("duplicate id {id:?} when combining gazetteers")))?;
        }
        Ok(())
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// All entries, in the order they were added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(crate) fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }
}

impl Gazetteer {
    /// The mention payload of a match: the chosen entry and its alternatives.
    pub(crate) fn entity_of(&self, m: &EntityMatch) -> crate::mention::Entity {
        crate::mention::Entity {
            entity: self.entries[m.entry as usize].to_ref(),
            alternatives: m.alternatives.iter().map(|&a| self.entries[a as usize].to_ref()).collect(),
        }
    }
}
