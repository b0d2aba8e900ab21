//! claimgraph-text: reading articles and German text structure.
//!
//! Text structure works on byte offsets into the document's `&str`:
//! [`token`] cuts tokens, [`quote`] pairs quotation marks, [`segment`] finds
//! sentences, lines and boilerplate and converts byte offsets to code points,
//! [`time`] finds time expressions and resolves them against an article date.

pub mod dateline;
pub mod input;
pub mod quote;
pub mod segment;
pub mod time;
pub mod token;

pub use input::{read_inputs, InputError, InputItem, InputOptions, Inputs, Skipped};
