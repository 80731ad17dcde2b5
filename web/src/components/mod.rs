//! Building blocks of pages: props in, view out, no fetching.

mod category_list;
mod document_title;
mod error_box;
mod fulfilment_line;
mod loaded;
mod loading;
mod missing;
mod opening_hours;
mod pagination;
mod problem_text;
mod product_results;
mod product_tile;
mod results_heading;
mod search_box;
mod shop_card;
mod site_footer;
mod site_header;

pub use category_list::CategoryList;
pub use document_title::DocumentTitle;
pub use error_box::ErrorBox;
pub use fulfilment_line::FulfilmentLine;
pub use loaded::Loaded;
pub use loading::Loading;
pub use missing::Missing;
pub use opening_hours::OpeningHours;
pub use pagination::Pagination;
pub use problem_text::ProblemText;
pub use product_results::ProductResults;
pub use product_tile::ProductTile;
pub use results_heading::ResultsHeading;
pub use search_box::SearchBox;
pub use shop_card::ShopCard;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
