//! App-wide state shared through context: the shopper's basket and session.

pub mod cart;
pub mod session;
pub mod storage;
