//! One route, one file: each page is a `<Name>Page` component that the router in
//! [`crate::app`] shows.

mod catalogue;
mod home;
mod not_found;

pub use catalogue::CataloguePage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
