//! The canonical units of the mentions contract.

use std::fmt;

use serde::{Serialize, Serializer};

/// A canonical unit. In this domain "tons" are metric tonnes ([`Unit::Tonne`], `"t"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Unit {
    /// Metric tonne, `t` (ton, tons, tonne, tonnes, metric ton).
    Tonne,
    /// Kilogram, `kg`.
    Kilogram,
    /// Gram, `g`.
    Gram,
    /// Kilometre, `km`.
    Kilometre,
    /// Metre, `m`.
    Metre,
    /// Mile, `mi`.
    Mile,
    /// Square kilometre, `km2`.
    SquareKilometre,
    /// Hectare, `ha`.
    Hectare,
    /// Litre, `l`.
    Litre,
    /// Cubic metre, `m3`.
    CubicMetre,
    /// US dollar, `USD`.
    Usd,
    /// Euro, `EUR`.
    Eur,
    /// Russian rouble, `RUB`.
    Rub,
    /// Syrian pound, `SYP`.
    Syp,
    /// Pound sterling, `GBP`.
    Gbp,
    /// Kilocalorie, `kcal`.
    Kcal,
    /// Degree Celsius, `°C`.
    Celsius,
    /// Share, `%`.
    Percent,
    /// `minute`.
    Minute,
    /// `hour`.
    Hour,
    /// `day`.
    Day,
    /// `week`.
    Week,
    /// `month`.
    Month,
    /// `year`.
    Year,
}

impl Unit {
    /// Every unit.
    pub const ALL: [Unit; 24] = [
        Unit::Tonne,
        Unit::Kilogram,
        Unit::Gram,
        Unit::Kilometre,
        Unit::Metre,
        Unit::Mile,
        Unit::SquareKilometre,
        Unit::Hectare,
        Unit::Litre,
        Unit::CubicMetre,
        Unit::Usd,
        Unit::Eur,
        Unit::Rub,
        Unit::Syp,
        Unit::Gbp,
        Unit::Kcal,
        Unit::Celsius,
        Unit::Percent,
        Unit::Minute,
        Unit::Hour,
        Unit::Day,
        Unit::Week,
        Unit::Month,
        Unit::Year,
    ];

    /// The canonical symbol used in JSON and Python (`"t"`, `"km2"`, `"USD"`, `"%"`, `"day"`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Tonne => "t",
            Unit::Kilogram => "kg",
            Unit::Gram => "g",
            Unit::Kilometre => "km",
            Unit::Metre => "m",
            Unit::Mile => "mi",
            Unit::SquareKilometre => "km2",
            Unit::Hectare => "ha",
            Unit::Litre => "l",
            Unit::CubicMetre => "m3",
            Unit::Usd => "USD",
            Unit::Eur => "EUR",
            Unit::Rub => "RUB",
            Unit::Syp => "SYP",
            Unit::Gbp => "GBP",
            Unit::Kcal => "kcal",
            Unit::Celsius => "°C",
            Unit::Percent => "%",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// The unit whose canonical symbol is `s`.
    pub fn from_symbol(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.as_str() == s)
    }

    /// True for the time units (minute to year), the ones a rate can have.
    pub fn is_time(&self) -> bool {
        matches!(self, Unit::Minute | Unit::Hour | Unit::Day | Unit::Week | Unit::Month | Unit::Year)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
