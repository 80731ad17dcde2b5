//! One route, one file: each page is a `<Name>Page` component that the router in
//! [`crate::app`] shows.

mod catalogue;
mod home;
mod not_found;
mod product;
mod shop;
mod shops;

pub use catalogue::CataloguePage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use product::ProductPage;
pub use shop::ShopPage;
pub use shops::ShopsPage;
