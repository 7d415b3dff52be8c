//! What the extractor emits: [`Mention`]s with a kind, exact offsets and a
//! typed payload, serialised to the JSON of the mentions contract
//! (`spec/MENTIONS.md`).

use std::fmt;
use std::str::FromStr;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::quantity::Unit;

/// A half-open range `[start, end)` of offsets into a document.
///
/// In [`Mention::span`] the offsets are UTF-8 byte offsets (slice the `&str`
/// with them); in [`Mention::chars`] they are Unicode code point offsets, the
/// ones Python and the JSON output use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First offset of the mention.
    pub start: usize,
    /// Offset just past the mention.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of offsets covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one offset.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The five kinds of mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A named geographic location.
    Place,
    /// A named camp or shelter for displaced people.
    Camp,
    /// A named organisation, person, armed group, government body or medium.
    Actor,
    /// A number with what it counts or measures.
    Quantity,
    /// A calendar date, month, year or a range of them.
    Date,
}

impl MentionKind {
    /// Every kind, in a fixed order.
    pub const ALL: [MentionKind; 5] =
        [MentionKind::Place, MentionKind::Camp, MentionKind::Actor, MentionKind::Quantity, MentionKind::Date];

    /// The name used in JSON and Python (`"place"`, `"quantity"`, ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            MentionKind::Place => "place",
            MentionKind::Camp => "camp",
            MentionKind::Actor => "actor",
            MentionKind::Quantity => "quantity",
            MentionKind::Date => "date",
        }
    }

    /// True for the kinds found through gazetteers (place, camp, actor).
    pub fn is_entity(&self) -> bool {
        matches!(self, MentionKind::Place | MentionKind::Camp | MentionKind::Actor)
    }
}

impl fmt::Display for MentionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MentionKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<MentionKind> {
        MentionKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| {
            Error::invalid_argument(format!(
                "unknown mention kind {s:?}: expected one of place, camp, actor, quantity, date"
            ))
        })
    }
}

/// The subtype of a place, camp or actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Subtype {
    // places
    Country,
    Governorate,
    District,
    Subdistrict,
    City,
    Town,
    Village,
    Neighbourhood,
    Region,
    Crossing,
    // camps
    Camp,
    Shelter,
    // actors
    Organization,
    Person,
    ArmedGroup,
    Government,
    Media,
}

impl Subtype {
    const ALL: [Subtype; 17] = [
        Subtype::Country,
        Subtype::Governorate,
        Subtype::District,
        Subtype::Subdistrict,
        Subtype::City,
        Subtype::Town,
        Subtype::Village,
        Subtype::Neighbourhood,
        Subtype::Region,
        Subtype::Crossing,
        Subtype::Camp,
        Subtype::Shelter,
        Subtype::Organization,
        Subtype::Person,
        Subtype::ArmedGroup,
        Subtype::Government,
        Subtype::Media,
    ];

    /// The name used in JSON, Python and gazetteer files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Subtype::Country => "country",
            Subtype::Governorate => "governorate",
            Subtype::District => "district",
            Subtype::Subdistrict => "subdistrict",
            Subtype::City => "city",
            Subtype::Town => "town",
            Subtype::Village => "village",
            Subtype::Neighbourhood => "neighbourhood",
            Subtype::Region => "region",
            Subtype::Crossing => "crossing",
            Subtype::Camp => "camp",
            Subtype::Shelter => "shelter",
            Subtype::Organization => "organization",
            Subtype::Person => "person",
            Subtype::ArmedGroup => "armed_group",
            Subtype::Government => "government",
            Subtype::Media => "media",
        }
    }

    /// The mention kind this subtype belongs to.
    pub fn kind(&self) -> MentionKind {
        match self {
            Subtype::Camp | Subtype::Shelter => MentionKind::Camp,
            Subtype::Organization | Subtype::Person | Subtype::ArmedGroup | Subtype::Government | Subtype::Media => {
                MentionKind::Actor
            }
            _ => MentionKind::Place,
        }
    }
}

impl fmt::Display for Subtype {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Subtype {
    type Err = Error;

    fn from_str(s: &str) -> Result<Subtype> {
        Subtype::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| {
            let all: Vec<&str> = Subtype::ALL.iter().map(Subtype::as_str).collect();
            Error::invalid_argument(format!("unknown subtype {s:?}: expected one of {}", all.join(", ")))
        })
    }
}

/// A gazetteer entity that a mention may refer to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRef {
    /// Canonical name.
    pub name: String,
    /// Gazetteer id, or `None` for a name found by context.
    pub id: Option<String>,
    /// Subtype of the entity.
    pub subtype: Subtype,
}

/// Payload of a place, camp or actor mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The chosen reading.
    pub entity: EntityRef,
    /// Other entities the same words could name (homonyms), best first.
    pub alternatives: Vec<EntityRef>,
}

/// How sure a figure is, from the words before it ("about", "more than").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// No qualifier, or "as many as".
    #[default]
    Exact,
    /// "about", "approximately", "around", "some", "roughly", "an estimated", "~".
    Approximately,
    /// "more than", "over", "above", "in excess of", "just over".
    MoreThan,
    /// "at least", "no less than", "not less than".
    AtLeast,
    /// "less than", "under", "fewer than", "below".
    LessThan,
    /// "up to", "at most", "no more than", "a maximum of".
    AtMost,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
}

impl Approx {
    /// The name used in JSON and Python.
    pub fn as_str(&self) -> &'static str {
        match self {
            Approx::Exact => "exact",
            Approx::Approximately => "approximately",
            Approx::MoreThan => "more_than",
            Approx::AtLeast => "at_least",
            Approx::LessThan => "less_than",
            Approx::AtMost => "at_most",
            Approx::Nearly => "nearly",
        }
    }
}

/// The denominator of a rate: "per every 5 days" is `Rate { value: 5.0, unit: Unit::Day }`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rate {
    /// How many units.
    pub value: f64,
    /// The time unit.
    pub unit: Unit,
}

/// Payload of a quantity mention.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quantity {
    /// The number, or `None` for a range.
    pub value: Option<f64>,
    /// Lower end of a range.
    pub low: Option<f64>,
    /// Upper end of a range.
    pub high: Option<f64>,
    /// Canonical unit, or `None` for a plain count.
    pub unit: Option<Unit>,
    /// What is counted or measured, lower-cased ("food products").
    pub item: Option<String>,
    /// The approximation.
    pub approx: Approx,
    /// The rate's denominator, if the figure is a rate.
    pub per: Option<Rate>,
    /// The place or camp the figure is about.
    pub where_: Option<EntityRef>,
}

/// A calendar date with any part unknown. Renders as ISO 8601 with `XXXX`
/// for an unknown year: `2019-07-12`, `XXXX-07-01`, `2019-06`, `2018`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PartialDate {
    /// Year, if known.
    pub year: Option<i32>,
    /// Month 1-12, if known.
    pub month: Option<u8>,
    /// Day of month 1-31, if known (only with a month).
    pub day: Option<u8>,
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}")?,
            None => f.write_str("XXXX")?,
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Payload of a date mention: a single date, or a range with `low`/`high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateValue {
    /// The date, or `None` for a range.
    pub value: Option<PartialDate>,
    /// Start of a range.
    pub low: Option<PartialDate>,
    /// End of a range.
    pub high: Option<PartialDate>,
}

/// The typed part of a mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// For places, camps and actors.
    Entity(Entity),
    /// For quantities.
    Quantity(Quantity),
    /// For dates.
    Date(DateValue),
}

/// One thing found in a document.
///
/// ```
/// let extractor = tallystick::Extractor::builder().bundled(false).build()?;
/// let text = "Citizens received 3.3 tons of food products.";
/// let mentions = extractor.extract(text);
/// let q = mentions.iter().find(|m| m.kind == tallystick::MentionKind::Quantity).unwrap();
/// assert_eq!(&text[q.span.start..q.span.end], q.text);
/// # Ok::<(), tallystick::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// What kind of thing this is.
    pub kind: MentionKind,
    /// UTF-8 byte offsets into the document.
    pub span: Span,
    /// Unicode code point offsets into the document (what Python and JSON use).
    pub chars: Span,
    /// The exact slice of the document.
    pub text: String,
    /// The structured reading.
    pub payload: Payload,
}

impl Mention {
    /// The entity payload, for places, camps and actors.
    pub fn entity(&self) -> Option<&Entity> {
        match &self.payload {
            Payload::Entity(e) => Some(e),
            _ => None,
        }
    }

    /// The quantity payload.
    pub fn quantity(&self) -> Option<&Quantity> {
        match &self.payload {
            Payload::Quantity(q) => Some(q),
            _ => None,
        }
    }

    /// The date payload.
    pub fn date(&self) -> Option<&DateValue> {
        match &self.payload {
            Payload::Date(d) => Some(d),
            _ => None,
        }
    }

    /// The mention as a JSON object string, exactly as in the mentions contract.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a mention always serialises")
    }
}

/// A float that JSON can hold: whole numbers print as `5.0`, and non-finite
/// numbers (which the extractor never produces) become `null`.
fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|x| x.is_finite())
}

impl Serialize for Mention {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("kind", &self.kind)?;
        m.serialize_entry("start", &self.chars.start)?;
        m.serialize_entry("end", &self.chars.end)?;
        m.serialize_entry("text", &self.text)?;
        match &self.payload {
            Payload::Entity(e) => {
                m.serialize_entry("name", &e.entity.name)?;
                m.serialize_entry("subtype", &e.entity.subtype)?;
                m.serialize_entry("id", &e.entity.id)?;
                if !e.alternatives.is_empty() {
                    m.serialize_entry("alternatives", &e.alternatives)?;
                }
            }
            Payload::Quantity(q) => {
                m.serialize_entry("value", &finite(q.value))?;
                m.serialize_entry("low", &finite(q.low))?;
                m.serialize_entry("high", &finite(q.high))?;
                m.serialize_entry("unit", &q.unit)?;
                m.serialize_entry("item", &q.item)?;
                m.serialize_entry("approx", &q.approx)?;
                m.serialize_entry("per", &q.per)?;
                if let Some(w) = &q.where_ {
                    m.serialize_entry("where", &w.name)?;
                    m.serialize_entry("where_id", &w.id)?;
                }
            }
            Payload::Date(d) => {
                m.serialize_entry("value", &d.value)?;
                m.serialize_entry("low", &d.low)?;
                m.serialize_entry("high", &d.high)?;
            }
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_render_iso_with_unknown_year() {
        let d = PartialDate { year: None, month: Some(7), day: Some(1) };
        assert_eq!(d.to_string(), "XXXX-07-01");
        let d = PartialDate { year: Some(2019), month: Some(6), day: None };
        assert_eq!(d.to_string(), "2019-06");
        assert_eq!(PartialDate { year: Some(2018), ..Default::default() }.to_string(), "2018");
    }

    #[test]
    fn quantity_json_has_every_field_and_where_only_when_set() {
        let m = Mention {
            kind: MentionKind::Quantity,
            span: Span::new(0, 8),
            chars: Span::new(0, 8),
            text: "3.3 tons".into(),
            payload: Payload::Quantity(Quantity {
                value: Some(3.3),
                unit: Some(Unit::Tonne),
                item: Some("food products".into()),
                ..Default::default()
            }),
        };
        assert_eq!(
            m.to_json(),
            r#"{"kind":"quantity","start":0,"end":8,"text":"3.3 tons","value":3.3,"low":null,"high":null,"unit":"t","item":"food products","approx":"exact","per":null}"#
        );
    }

    #[test]
    fn kinds_and_subtypes_round_trip_through_strings() {
        for k in MentionKind::ALL {
            assert_eq!(k.as_str().parse::<MentionKind>().unwrap(), k);
        }
        for s in Subtype::ALL {
            assert_eq!(s.as_str().parse::<Subtype>().unwrap(), s);
        }
        assert!("places".parse::<MentionKind>().unwrap_err().to_string().contains("expected one of"));
    }
}
