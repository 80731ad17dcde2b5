//! One route, one file: each page is a `<Name>Page` component that the router in
//! [`crate::app`] shows.

mod account;
mod back_office;
mod basket;
mod catalogue;
mod checkout;
mod confirmation;
mod home;
mod legal;
mod not_found;
mod product;
// People (account administration).
mod reset_code;
mod shop;
mod shops;

pub use account::{LoginPage, MyOrdersPage, RegisterPage};
// The delivery zone and days (issue 9).
pub use back_office::DeliveryPage;
// Delivery rounds (issue 11).
pub use back_office::{
    AssociationCategoriesPage, AssociationPage, BackOfficePage, EditProductPage, JoinShopPage,
    NewProductPage, PhoneOrderPage, ShopKeysPage, ShopOrdersPage, ShopProductsPage,
    ShopProfilePage,
};
// The association's mailbox (issue 12).
pub use back_office::MailboxPage;
pub use back_office::{MyRoundPage, RoundSheetsPage, RoundsPage};
pub(crate) use checkout::new_key;
// People (account administration).
pub use back_office::{PeoplePage, PersonPage};
pub use basket::BasketPage;
pub use catalogue::CataloguePage;
pub use checkout::CheckoutPage;
pub use confirmation::{ConfirmationPage, TrackPage};
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use product::ProductPage;
pub use reset_code::ResetWithCodePage;
pub use shop::ShopPage;
pub use shops::ShopsPage;
// The marketplace's settings (issue 9).
pub use back_office::{SettingsPage, SetupPage};
pub use legal::LegalNoticePage;
