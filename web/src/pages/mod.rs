//! One route, one file: each page is a `<Name>Page` component that the router in
//! [`crate::app`] shows.

mod account;
mod back_office;
mod basket;
mod catalogue;
mod checkout;
mod confirmation;
// E-mail links (issue 12): password reset by e-mail, address verification.
mod email_links;
mod home;
mod legal;
mod not_found;
// E-mail settings and the unsubscribe page (issue 12).
mod notifications;
// Personal data (issue 15): the privacy page, the account's data, a guest's request.
mod privacy;
mod product;
// People (account administration).
mod reset_code;
mod shop;
mod shops;
// Who sells, terms (issue 15).
mod terms;

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
// The association's dashboard (issue 13).
pub use back_office::DashboardPage;
// The printed directory of shops (issue 13).
pub use back_office::DirectoryPage;
// Webhooks (issue 17).
pub use back_office::WebhooksPage;
pub use back_office::{MyRoundPage, RoundSheetsPage, RoundsPage};
pub(crate) use checkout::new_key;
// People (account administration).
pub use back_office::{PeoplePage, PersonPage};
pub use basket::BasketPage;
pub use catalogue::CataloguePage;
pub use checkout::CheckoutPage;
pub use confirmation::{ConfirmationPage, TrackPage};
pub(crate) use email_links::EmailStatus;
pub use email_links::{ForgotPasswordPage, NewPasswordPage, VerifyEmailPage};
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use notifications::UnsubscribePage;
pub use product::ProductPage;
pub use reset_code::ResetWithCodePage;
pub use shop::ShopPage;
pub use shops::ShopsPage;
// The marketplace's settings (issue 9).
pub use back_office::AssociationPrivacyPage;
pub use back_office::{SettingsPage, SetupPage};
pub(crate) use back_office::{offer_download, token};
pub use legal::LegalNoticePage;
pub use privacy::PrivacyPage;
// Who sells, terms (issue 15).
pub use terms::{ShopTermsPage, TermsPage};
