//! App-wide state shared through context: the shopper's basket and session, and the
//! marketplace's settings.

pub mod cart;
pub mod marketplace;
pub mod session;
pub mod storage;
