//! App-wide state shared through context: the shopper's basket.

pub mod cart;
pub mod storage;
