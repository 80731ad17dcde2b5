//! Found by search engines (issue 16): `/robots.txt` and `/sitemap.xml`.
//!
//! The sitemap lists the public pages a shopper can land on: the home, the catalogue and the
//! shops' directory, every category's catalogue page, every active shop's page and every
//! listed product's (active, of an active shop), each with its last change. Past 50,000
//! addresses (the protocol's limit per file) `/sitemap.xml` is an index of parts
//! (`/sitemap.xml?partie=2`). Nothing of the back-office, the accounts or the baskets is
//! listed, and `robots.txt` asks crawlers to keep out of them.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;

use crate::db::models::shop::STATUS_ACTIVE;
use crate::db::schema::{categories, products, shops};
use crate::db::{self, DbConn};
use crate::error::ApiError;
use crate::extract::ValidQuery;
use crate::startup::AppState;

/// The protocol's limit of addresses per sitemap file.
const PER_FILE: usize = 50_000;

/// The paths no crawler needs: the back-office, accounts, baskets, orders, e-mailed links.
const PRIVATE: [&str; 10] = [
    "/gestion",
    "/tournee",
    "/compte",
    "/panier",
    "/commande",
    "/suivi",
    "/mot-de-passe",
    "/verifier-courriel",
    "/desabonnement",
    "/api/",
];

/// `GET /robots.txt`.
pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let mut text = String::from("User-agent: *\n");
    for path in PRIVATE {
        text.push_str(&format!("Disallow: {path}\n"));
    }
    text.push_str(&format!(
        "\nSitemap: {}/sitemap.xml\n",
        state.notices.base_url()
    ));
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/plain; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "max-age=3600"))
        .body(text)
}

/// Which part of a long sitemap.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    partie: Option<usize>,
}

/// One address and its last change.
struct Entry {
    path: String,
    modified: Option<NaiveDateTime>,
}

/// `GET /sitemap.xml`, or one of its parts past 50,000 addresses.
pub async fn sitemap(
    state: web::Data<AppState>,
    ValidQuery(part): ValidQuery<Part>,
) -> Result<HttpResponse, ApiError> {
    let entries = db::run(&state.pool, entries).await?;
    let base = state.notices.base_url();
    let parts = entries.len().div_ceil(PER_FILE).max(1);
    let xml = match part.partie {
        None if parts > 1 => index(base, parts),
        None => urlset(base, &entries),
        Some(n) if (1..=parts).contains(&n) => urlset(
            base,
            &entries[(n - 1) * PER_FILE..entries.len().min(n * PER_FILE)],
        ),
        Some(n) => return Err(ApiError::NotFound(format!("no sitemap part {n}"))),
    };
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/xml; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "max-age=3600"))
        .body(xml))
}

fn entries(conn: &mut DbConn) -> Result<Vec<Entry>, ApiError> {
    let mut entries: Vec<Entry> = ["/", "/catalogue", "/commerces"]
        .into_iter()
        .map(|path| Entry {
            path: path.to_owned(),
            modified: None,
        })
        .collect();
    let category_slugs: Vec<String> = categories::table
        .order(categories::id.asc())
        .select(categories::slug)
        .load(conn)?;
    entries.extend(category_slugs.into_iter().map(|slug| Entry {
        path: format!("/catalogue?categorie={slug}"),
        modified: None,
    }));
    let active_shops: Vec<(String, NaiveDateTime)> = shops::table
        .filter(shops::status.eq(STATUS_ACTIVE))
        .order(shops::id.asc())
        .select((shops::slug, shops::updated_at))
        .load(conn)?;
    entries.extend(active_shops.into_iter().map(|(slug, at)| Entry {
        path: format!("/commerces/{slug}"),
        modified: Some(at),
    }));
    let listed: Vec<(i64, NaiveDateTime)> = products::table
        .filter(products::listed.eq(true))
        .order(products::id.asc())
        .select((products::id, products::updated_at))
        .load(conn)?;
    entries.extend(listed.into_iter().map(|(id, at)| Entry {
        path: format!("/produits/{id}"),
        modified: Some(at),
    }));
    Ok(entries)
}

fn urlset(base: &str, entries: &[Entry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for entry in entries {
        xml.push_str(&format!(
            "<url><loc>{}</loc>",
            escape(&format!("{base}{}", entry.path))
        ));
        if let Some(at) = entry.modified {
            xml.push_str(&format!("<lastmod>{}</lastmod>", at.format("%Y-%m-%d")));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

fn index(base: &str, parts: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=parts {
        xml.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            escape(&format!("{base}/sitemap.xml?partie={n}"))
        ));
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

/// XML's five special characters.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}
