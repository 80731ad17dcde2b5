//! The demo marketplace: a deterministic catalogue of Uzès and its villages, its settings
//! (the only place the town is written: everywhere else reads the settings), and the demo
//! accounts, loaded into an empty database by `vitrine --demo` or `vitrine seed-demo`.

pub mod data;
mod deliveries;
pub mod picture;
mod variants;

use std::collections::HashMap;

use anyhow::Context;
use chrono::{Duration, NaiveDateTime};
use diesel::Connection;

use crate::auth::hash_password;
use crate::db::DbConn;
use crate::db::models::category::NewCategory;
use crate::db::models::commune::NewCommune;
use crate::db::models::marketplace::{self, MarketplaceChanges};
use crate::db::models::now;
use crate::db::models::product::NewProduct;
use crate::db::models::shop::{self, NewShop};
use crate::db::models::user::{NewUser, add_shop_member, set_phone, upsert_by_email};
use crate::domain::search::{product_search_key, search_key, sort_key};
use data::DemoCatalogue;
use shared::catalogue::OpeningSlot;

/// The seed of the demo data: same seed, same marketplace.
pub const DEMO_SEED: u64 = 2026;
/// The password of every demo account (documented in the README).
pub const DEMO_PASSWORD: &str = "vitrine-demo-2026";
/// The demo accounts: e-mail, name, role.
pub const DEMO_ACCOUNTS: [(&str, &str, &str); 4] = [
    ("admin@vitrine.demo", "Association des commerçants", "admin"),
    ("marchand@vitrine.demo", "Claire Fabre", "merchant"),
    ("client@vitrine.demo", "Jeanne Martin", "customer"),
    ("benevole@vitrine.demo", "Lucie Vidal", "volunteer"),
];
/// The demo volunteer's phone (volunteers need one).
pub const DEMO_VOLUNTEER_PHONE: &str = "06 71 22 33 44";

/// Loads the demo into an empty database. Returns `false`, changing nothing, when the
/// database already has shops.
pub fn seed(conn: &mut DbConn) -> anyhow::Result<bool> {
    seed_with(conn, false)
}

/// [`seed`], and with `deliveries` a few orders for delivery on the next delivery dates in a
/// round driven by the demo volunteer (`vitrine serve --demo --demo-deliveries`, as `just
/// run` does), so that the rounds have something to show. Tests read the demo without them.
pub fn seed_with(conn: &mut DbConn, deliveries: bool) -> anyhow::Result<bool> {
    if shop::count_all(conn)? > 0 {
        return Ok(false);
    }
    let catalogue = data::demo_catalogue(DEMO_SEED);
    let hashes = DEMO_ACCOUNTS
        .iter()
        .map(|_| hash_password(DEMO_PASSWORD))
        .collect::<anyhow::Result<Vec<_>>>()?;
    conn.transaction(|conn| {
        marketplace::update(conn, &demo_settings(), now())?;
        let shop_ids = load_catalogue(conn, &catalogue, now())?;
        variants::add(conn, now())?;
        let mut ids: HashMap<&str, i64> = HashMap::new();
        for ((email, name, role), hash) in DEMO_ACCOUNTS.iter().zip(&hashes) {
            let user = NewUser {
                email,
                password_hash: hash,
                name,
                role,
                created_at: now(),
            };
            let user_id = upsert_by_email(conn, &user)?;
            ids.insert(role, user_id);
            if *role == "volunteer" {
                set_phone(conn, user_id, Some(DEMO_VOLUNTEER_PHONE))?;
            }
            if *role == "merchant" {
                // The demo merchant runs the first two shops: one food, one non_food.
                for shop_id in shop_ids.iter().take(2) {
                    add_shop_member(conn, *shop_id, user_id)?;
                }
            }
        }
        if !deliveries {
            return Ok(());
        }
        deliveries::seed(
            conn,
            &shop_ids[..2],
            ids["customer"],
            ids["volunteer"],
            &format!("user:{}", ids["merchant"]),
            chrono::Utc::now(),
        )?;
        Ok::<_, anyhow::Error>(())
    })
    .context("loading the demo data")?;
    Ok(true)
}

/// The demo marketplace's settings: Uzès's.
pub fn demo_settings() -> MarketplaceChanges {
    let text = |s: &str| Some(s.to_owned());
    MarketplaceChanges {
        name: text("Vitrine"),
        town: text("Uzès"),
        tagline_fr: text("les commerces d'Uzès"),
        tagline_en: text("the shops of Uzès"),
        intro_fr: text(
            "Vitrine rassemble les boutiques, artisans, producteurs et restaurants d'Uzès et \
             des villages alentour. Un seul panier pour tous vos achats, quel que soit le \
             commerce.",
        ),
        intro_en: text(
            "Vitrine brings together the shops, craftspeople, producers and restaurants of \
             Uzès and the surrounding villages. One basket for all your shopping, whatever \
             the shop.",
        ),
        contact_phone: text("04 66 22 00 00"),
        contact_email: text("contact@commerces-uzes.example"),
        contact_address: text("Place aux Herbes, 30700 Uzès"),
        publisher_name: text("Association des commerçants d'Uzès"),
        publisher_address: text("Place aux Herbes, 30700 Uzès"),
        publication_director: text("Claire Fabre, présidente"),
        host_name: text("L'hébergeur de démonstration"),
        host_address: text("1 rue de l'Exemple, 75000 Paris"),
        host_phone: text("01 00 00 00 00"),
        palette: text("terre"),
        order_number_prefix: text("UZ"),
    }
}

/// Loads a large generated catalogue (no accounts) into an empty database, for benchmarks.
/// Returns `false`, changing nothing, when the database already has shops.
pub fn seed_scaled(conn: &mut DbConn, shops: usize, products: usize) -> anyhow::Result<bool> {
    if shop::count_all(conn)? > 0 {
        return Ok(false);
    }
    let catalogue = data::scaled_catalogue(DEMO_SEED, shops, products);
    conn.transaction(|conn| {
        load_catalogue(conn, &catalogue, now())?;
        variants::sizes_for_every_tenth(conn)
    })?;
    Ok(true)
}

/// Inserts a generated catalogue (communes, categories, active shops and products) and
/// returns the shops' ids in the catalogue's order. Call it inside a transaction.
pub fn load_catalogue(
    conn: &mut DbConn,
    catalogue: &DemoCatalogue,
    now: NaiveDateTime,
) -> anyhow::Result<Vec<i64>> {
    for commune in &catalogue.communes {
        NewCommune {
            name: commune.name,
            postcode: commune.postcode,
            insee: commune.insee,
        }
        .insert(conn)?;
    }
    let mut category_ids: HashMap<&str, i64> = HashMap::new();
    // Positions count among siblings: 0, 1, 2... under each parent.
    let mut next_position: HashMap<Option<i64>, i32> = HashMap::new();
    for category in &catalogue.categories {
        let parent_id = match &category.parent {
            Some(parent) => Some(
                *category_ids
                    .get(parent.as_str())
                    .with_context(|| format!("category {} before its parent", category.slug))?,
            ),
            None => None,
        };
        let position = next_position.entry(parent_id).or_insert(0);
        let id = NewCategory {
            slug: &category.slug,
            name: &category.name,
            parent_id,
            position: *position,
        }
        .insert(conn)?;
        *position += 1;
        category_ids.insert(&category.slug, id);
    }
    let category_names: HashMap<&str, &str> = catalogue
        .categories
        .iter()
        .map(|c| (c.slug.as_str(), c.name.as_str()))
        .collect();

    let mut shop_ids: HashMap<&str, (i64, &str)> = HashMap::new();
    let mut ordered_ids = Vec::with_capacity(catalogue.shops.len());
    for demo in &catalogue.shops {
        let hours: Vec<OpeningSlot> = demo
            .hours
            .iter()
            .map(|&(weekday, opens, closes)| OpeningSlot {
                weekday,
                opens: opens.into(),
                closes: closes.into(),
            })
            .collect();
        let id = NewShop {
            slug: &demo.slug,
            name: &demo.name,
            kind: demo.kind,
            status: shop::STATUS_ACTIVE,
            description: &demo.description,
            address: &demo.address,
            commune: demo.commune,
            postcode: demo.postcode,
            phone: &demo.phone,
            email: &demo.email,
            opening_hours: serde_json::to_string(&hours)?,
            offers_pickup: demo.offers_pickup,
            offers_delivery: demo.offers_delivery,
            vat_exempt: demo.vat_exempt,
            search_text: search_key(&format!(
                "{} {} {}",
                demo.name, demo.description, demo.commune
            )),
            sort_name: sort_key(&demo.name),
            created_at: now,
            updated_at: now,
        }
        .insert(conn)?;
        let identity =
            crate::domain::legal::demo_identity(ordered_ids.len(), &demo.name, demo.vat_exempt);
        crate::db::models::legal::save_identity(conn, id, &identity, now)?;
        shop_ids.insert(&demo.slug, (id, &demo.name));
        ordered_ids.push(id);
    }

    for product in &catalogue.products {
        let (shop_id, shop_name) = *shop_ids
            .get(product.shop_slug.as_str())
            .with_context(|| format!("unknown shop {}", product.shop_slug))?;
        let category_id = *category_ids
            .get(product.category_slug.as_str())
            .with_context(|| format!("unknown category {}", product.category_slug))?;
        let created_at = now - Duration::days(i64::from(product.days_old));
        let category_name = category_names
            .get(product.category_slug.as_str())
            .unwrap_or(&"");
        NewProduct {
            shop_id,
            category_id,
            slug: &product.slug,
            name: &product.name,
            description: &product.description,
            price_cents: product.price_cents,
            vat_rate_bp: product.vat_rate_bp,
            stock: product.stock,
            status: "active",
            keep_cold: false,
            withdrawal_exception: "none",
            unit_price_exempt: false,
            search_text: product_search_key(
                &product.name,
                &product.description,
                category_name,
                shop_name,
            ),
            sort_name: sort_key(&product.name),
            created_at,
            updated_at: created_at,
        }
        .insert(conn)?;
    }
    crate::db::models::variant::add_singles(conn, None)?;
    Ok(ordered_ids)
}
