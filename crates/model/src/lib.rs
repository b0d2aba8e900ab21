//! Plain data types shared by every claimgraph crate.
//!
//! Nothing here knows how text is read, how claims are found or how they are
//! stored: these are the values that flow between those stages
//! (`Document` → `Claim` → RDF). Offsets are always Unicode code points
//! (not bytes), end exclusive, into [`Document::text`].

mod claim;
mod date;
mod document;

pub use claim::{ActorKind, Claim, ClaimType, Span, SpeakerMention};
pub use date::{DateParseError, DatePrecision, DateValue};
pub use document::{DateSource, Document};
