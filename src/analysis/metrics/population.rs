//! The population the report gives for the area (never a projection).

use super::super::numbers::Quantity;
use super::Sent;

pub(super) fn read(sents: &[Sent]) -> Option<u64> {
    for s in sents.iter().take(60) {
        let (l, ns) = (&s.lower, &s.nums);
        if ["predicted", "projected", "expected to", "forecast", "will reach", "will rise"].iter().any(|w| l.contains(w)) {
            continue;
        }
        // "a population of 148,285", "population of approximately 95,366", "home to 202,415 residents".
        if let Some(k) = l.find("population of") {
            if let Some(n) = ns.iter().find(|n| n.start >= k && n.start <= k + 40 && n.unit == Quantity::Count && n.value >= 1000.0) {
                return Some(n.value as u64);
            }
        }
        for kw in [" residents", " people live", " inhabitants"] {
            if let Some(k) = l.find(kw) {
                if let Some(n) = ns.iter().rfind(|n| n.end <= k && k - n.end <= 3 && n.unit == Quantity::Count && n.value >= 1000.0) {
                    return Some(n.value as u64);
                }
            }
        }
    }
    None
}
