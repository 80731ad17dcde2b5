//! Page and page size of a list request, valid by construction.

use shared::error::FieldError;
use shared::{DEFAULT_PER_PAGE, MAX_PER_PAGE};

/// The last page one may ask for ([`shared::MAX_PAGE`]). A page costs as much as the rows
/// it skips, so a stranger asking for page 10,000,000 would make the database count through
/// the whole table: the deepest page skips at most 9,900 rows (page 100 of 100); past it, a
/// filter or a search narrows the list (a town's catalogue has about a thousand products).
pub use shared::MAX_PAGE;

/// A valid page request: `page` from 1 to [`MAX_PAGE`], `per_page` from 1 to [`MAX_PER_PAGE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: u32,
    pub per_page: u32,
}

impl Paging {
    /// Checks the raw parameters. Each bad one is added to `errors` (and the default is
    /// returned in its place, so the caller can go on collecting errors).
    pub fn parse(page: Option<u32>, per_page: Option<u32>, errors: &mut Vec<FieldError>) -> Paging {
        let page = page.unwrap_or(1);
        // Deeper pages are refused, not served (see MAX_PAGE).
        if !(1..=MAX_PAGE).contains(&page) {
            errors.push(FieldError {
                field: "page".into(),
                message: format!("must be between 1 and {MAX_PAGE}"),
            });
        }
        let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            errors.push(FieldError {
                field: "per_page".into(),
                message: format!("must be between 1 and {MAX_PER_PAGE}"),
            });
        }
        if errors
            .iter()
            .any(|e| e.field == "page" || e.field == "per_page")
        {
            Paging {
                page: 1,
                per_page: DEFAULT_PER_PAGE,
            }
        } else {
            Paging { page, per_page }
        }
    }

    /// Rows to skip.
    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }

    /// Rows to take.
    pub fn limit(self) -> i64 {
        i64::from(self.per_page)
    }

    /// The paging of a request that has nothing else to check: a 400 naming each bad field.
    pub fn from_query(
        query: &shared::catalogue::PageQuery,
    ) -> Result<Paging, crate::error::ApiError> {
        let mut errors = Vec::new();
        let paging = Paging::parse(query.page, query.per_page, &mut errors);
        crate::error::ApiError::from_field_errors(errors).map_or(Ok(paging), Err)
    }

    /// This page of a whole list held in memory.
    pub fn page_of<T>(self, all: Vec<T>) -> shared::Page<T> {
        let total = all.len() as u64;
        let skip = usize::try_from(self.offset()).unwrap_or(usize::MAX);
        let items = all
            .into_iter()
            .skip(skip)
            .take(self.per_page as usize)
            .collect();
        self.page(items, total)
    }

    /// Wraps one page of items.
    pub fn page<T>(self, items: Vec<T>, total: u64) -> shared::Page<T> {
        shared::Page {
            items,
            page: self.page,
            per_page: self.per_page,
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Paging;

    #[test]
    fn defaults_and_bounds() {
        let parse = |page, per_page| {
            let mut errors = Vec::new();
            let paging = Paging::parse(page, per_page, &mut errors);
            (
                paging,
                errors.into_iter().map(|e| e.field).collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            parse(None, None),
            (
                Paging {
                    page: 1,
                    per_page: 24
                },
                vec![]
            )
        );
        assert_eq!(parse(Some(3), Some(100)).0.offset(), 200);
        assert_eq!(parse(Some(0), None).1, ["page"]);
        assert_eq!(parse(None, Some(0)).1, ["per_page"]);
        assert_eq!(parse(None, Some(101)).1, ["per_page"]);
        assert_eq!(parse(Some(0), Some(500)).1, ["page", "per_page"]);
    }
}
