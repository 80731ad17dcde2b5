//! Building blocks of pages: props in, view out, no fetching.

mod category_list;
mod document_title;
mod error_box;
mod loaded;
mod loading;
mod shop_card;
mod site_footer;
mod site_header;

pub use category_list::CategoryList;
pub use document_title::DocumentTitle;
pub use error_box::ErrorBox;
pub use loaded::Loaded;
pub use loading::Loading;
pub use shop_card::ShopCard;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
