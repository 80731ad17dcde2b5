//! Building blocks of pages: props in, view out, no fetching.

mod category_list;
mod document_title;
mod error_box;
mod fulfilment_line;
mod loaded;
mod loading;
mod missing;
mod opening_hours;
mod order_card;
mod pagination;
mod problem_text;
mod product_results;
mod product_tile;
mod results_heading;
mod search_box;
// Who sells (issue 15).
mod seller_identity;
mod server_words;
mod shop_card;
mod site_footer;
mod site_header;
// Terms (issue 15).
mod terms_text;
mod text_field;

pub use category_list::CategoryList;
pub use document_title::DocumentTitle;
pub use error_box::ErrorBox;
pub use fulfilment_line::FulfilmentLine;
pub use loaded::Loaded;
pub use loading::Loading;
pub use missing::Missing;
pub use opening_hours::OpeningHours;
pub use order_card::OrderCard;
pub use pagination::Pagination;
pub use problem_text::ProblemText;
pub use product_results::ProductResults;
pub use product_tile::ProductTile;
pub use results_heading::ResultsHeading;
pub use search_box::SearchBox;
pub use seller_identity::SellerIdentity;
pub use server_words::ServerWords;
pub use shop_card::ShopCard;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use terms_text::TermsText;
pub use text_field::TextField;
