//! The association's categories: who may manage them, create and rename (the slug stays),
//! move and reorder (dense positions, no cycle), merge (products move, the old slug leads to
//! the target, counts stay right), remove only when empty, the default tree on an empty
//! marketplace, and concurrent changes on PostgreSQL.

use std::collections::{BTreeMap, HashMap};

use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::admin_categories::{AdminCategory, CategoryTree, DefaultCategories, MergeReport};
use shared::catalogue::{Category, ProductCard};
use shared::shop_admin::NewApiKey;

use crate::helpers::{AppOptions, Backend, Reply, TestApp, spawn_app, spawn_app_with};
use crate::helpers::{call, token_of};
use crate::on_both_backends;

const PASSWORD: &str = "vitrine-demo-2026";
const ADMIN: &str = "admin@vitrine.demo";
const MERCHANT: &str = "marchand@vitrine.demo";
const CUSTOMER: &str = "client@vitrine.demo";
const GROCER: &str = "epicerie-du-duche";

/// The admin's view of the tree.
async fn admin_tree(app: &TestApp, token: &str) -> Vec<AdminCategory> {
    let reply = call(app, Method::GET, "/admin/categories", Some(token), None).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json::<CategoryTree>().items
}

/// The public list, whole.
async fn public(app: &TestApp) -> Vec<Category> {
    let reply = app.list_categories("per_page=100").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json::<Page<Category>>().items
}

fn by_slug<'a>(tree: &'a [AdminCategory], slug: &str) -> &'a AdminCategory {
    tree.iter()
        .find(|c| c.slug == slug)
        .unwrap_or_else(|| panic!("no category {slug}"))
}

fn public_by_slug<'a>(list: &'a [Category], slug: &str) -> &'a Category {
    list.iter()
        .find(|c| c.slug == slug)
        .unwrap_or_else(|| panic!("no public category {slug}"))
}

/// Slugs of the children of `parent`, in order, and checks their positions are 0, 1, 2...
fn children(tree: &[AdminCategory], parent: Option<&str>) -> Vec<String> {
    let mut kids: Vec<&AdminCategory> = tree
        .iter()
        .filter(|c| c.parent.as_deref() == parent)
        .collect();
    kids.sort_by_key(|c| c.position);
    let positions: Vec<u32> = kids.iter().map(|c| c.position).collect();
    let dense: Vec<u32> = (0..kids.len() as u32).collect();
    assert_eq!(positions, dense, "positions under {parent:?} are dense");
    kids.into_iter().map(|c| c.slug.clone()).collect()
}

/// Every product of the catalogue filtered by `?category=`, or the 404 reply.
async fn products_in(app: &TestApp, category: &str) -> Result<Vec<ProductCard>, Reply> {
    let mut all = Vec::new();
    for page in 1.. {
        let reply = app
            .list_products(&format!("category={category}&per_page=100&page={page}"))
            .await;
        if reply.status != 200 {
            return Err(reply);
        }
        let page: Page<ProductCard> = reply.json();
        let done = page.items.len() < 100;
        all.extend(page.items);
        if done {
            break;
        }
    }
    Ok(all)
}

async fn create(app: &TestApp, token: &str, body: Value) -> Reply {
    call(
        app,
        Method::POST,
        "/admin/categories",
        Some(token),
        Some(&body),
    )
    .await
}

/// Every admin route, with a body that would succeed for an admin.
fn admin_routes() -> Vec<(Method, &'static str, Option<Value>)> {
    vec![
        (Method::GET, "/admin/categories", None),
        (
            Method::POST,
            "/admin/categories",
            Some(json!({"name": "Antiquités"})),
        ),
        (
            Method::PATCH,
            "/admin/categories/truffes",
            Some(json!({"name": "Truffes noires"})),
        ),
        (
            Method::POST,
            "/admin/categories/truffes/move",
            Some(json!({"parent": null, "position": 0})),
        ),
        (
            Method::POST,
            "/admin/categories/truffes/merge",
            Some(json!({"into": "miels-et-confitures"})),
        ),
        (Method::DELETE, "/admin/categories/sports-et-loisirs", None),
        (Method::GET, "/admin/categories/defaults", None),
        (Method::POST, "/admin/categories/defaults", None),
    ]
}

on_both_backends! {
    async fn only_admins_manage_categories_and_others_change_nothing(app) {
        let merchant = token_of(&app, MERCHANT).await;
        let key = call(&app, Method::POST, &format!("/shops/{GROCER}/api-keys"), Some(&merchant),
            Some(&json!({"name": "caisse"}))).await;
        assert_eq!(key.status, 201, "{}", key.body);
        let key = key.json::<NewApiKey>().key;
        let strangers = [
            ("customer", token_of(&app, CUSTOMER).await),
            ("merchant", merchant),
            ("api key", key),
        ];
        let admin = token_of(&app, ADMIN).await;
        let before = admin_tree(&app, &admin).await;
        let public_before = public(&app).await;
        for (method, path, body) in admin_routes() {
            let reply = call(&app, method.clone(), path, None, body.as_ref()).await;
            reply.problem(401, "unauthorized");
            for (who, token) in &strangers {
                let reply = call(&app, method.clone(), path, Some(token), body.as_ref()).await;
                assert_eq!(reply.status, 404, "{who} on {method} {path}: {}", reply.body);
                reply.problem(404, "not_found");
            }
        }
        assert_eq!(admin_tree(&app, &admin).await, before, "the tree is unchanged");
        assert_eq!(public(&app).await, public_before);
    }

    async fn an_admin_creates_and_renames_and_the_slug_stays(app) {
        let admin = token_of(&app, ADMIN).await;
        let reply = create(&app, &admin, json!({"name": "  Caves   à vin ", "name_en": "Wine cellars"})).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let cave: AdminCategory = reply.json();
        assert_eq!((cave.slug.as_str(), cave.name.as_str()), ("caves-a-vin", "Caves à vin"));
        assert_eq!(cave.name_en.as_deref(), Some("Wine cellars"));
        let top = children(&admin_tree(&app, &admin).await, None);
        assert_eq!(top.last(), Some(&cave.slug), "a new category goes last");

        let reply = create(&app, &admin, json!({"name": "Champagnes", "parent": "caves-a-vin"})).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let child: AdminCategory = reply.json();
        assert_eq!(child.parent.as_deref(), Some("caves-a-vin"));
        assert_eq!((child.depth, child.position), (1, 0));

        // The same name at the same place is refused; elsewhere it gets its own slug.
        create(&app, &admin, json!({"name": "CAVES A VIN"})).await.problem(409, "category_name_taken");
        let reply = create(&app, &admin, json!({"name": "Caves à vin", "parent": "epicerie"})).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        assert_eq!(reply.json::<AdminCategory>().slug, "caves-a-vin-2");

        // Bad input: each field named, nothing created.
        let count = admin_tree(&app, &admin).await.len();
        let reply = create(&app, &admin, json!({"name": " ", "name_en": "x".repeat(61)})).await;
        reply.problem(400, "validation_failed");
        assert_eq!(reply.invalid_fields(), ["name", "name_en"]);
        // A parent that does not exist: well-formed, refused (422).
        let reply = create(&app, &admin, json!({"name": "Bières", "parent": "nowhere"})).await;
        assert_eq!(reply.refused_fields(), ["parent"]);
        create(&app, &admin, json!({"name": "Bières", "slug": "x"})).await.problem(400, "malformed_body");
        assert_eq!(admin_tree(&app, &admin).await.len(), count);

        // A rename keeps the slug; the public list (cached) follows at once.
        let listed = public(&app).await;
        assert_eq!(public_by_slug(&listed, "truffes").name, "Truffes");
        let reply = call(&app, Method::PATCH, "/admin/categories/truffes", Some(&admin),
            Some(&json!({"name": "Truffes du Gard", "name_en": "Gard truffles"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let renamed: AdminCategory = reply.json();
        assert_eq!((renamed.slug.as_str(), renamed.name.as_str()), ("truffes", "Truffes du Gard"));
        let listed = public(&app).await;
        let truffes = public_by_slug(&listed, "truffes");
        assert_eq!(truffes.name, "Truffes du Gard");
        assert_eq!(truffes.name_en.as_deref(), Some("Gard truffles"));
        // The products are found by the new name.
        let found = app.list_products("q=gard&category=truffes").await;
        assert_eq!(found.status, 200, "{}", found.body);
        assert_eq!(found.json::<Page<ProductCard>>().total, truffes.own_product_count);
        // An empty English name removes it; a sibling's name is refused.
        let reply = call(&app, Method::PATCH, "/admin/categories/truffes", Some(&admin),
            Some(&json!({"name_en": ""}))).await;
        assert_eq!(reply.json::<AdminCategory>().name_en, None);
        call(&app, Method::PATCH, "/admin/categories/truffes", Some(&admin),
            Some(&json!({"name": "Cafés et thés"}))).await.problem(409, "category_name_taken");
        call(&app, Method::PATCH, "/admin/categories/nowhere", Some(&admin),
            Some(&json!({"name": "X"}))).await.problem(404, "not_found");
    }

    async fn moves_and_reorders_keep_positions_dense_and_refuse_cycles(app) {
        let admin = token_of(&app, ADMIN).await;
        let tree = admin_tree(&app, &admin).await;
        let under_grocery = children(&tree, Some("epicerie"));
        assert!(under_grocery.len() >= 3);

        // Up one place among siblings.
        let second = under_grocery[1].clone();
        let reply = call(&app, Method::POST, &format!("/admin/categories/{second}/move"), Some(&admin),
            Some(&json!({"parent": "epicerie", "position": 0}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let tree = reply.json::<CategoryTree>().items;
        let mut expected = under_grocery.clone();
        expected.swap(0, 1);
        assert_eq!(children(&tree, Some("epicerie")), expected);

        // Under another parent, with its products: the counts follow.
        let listed = public(&app).await;
        let moved = public_by_slug(&listed, "truffes").own_product_count;
        let grocery = public_by_slug(&listed, "epicerie").subtree_product_count;
        let books = public_by_slug(&listed, "librairie-papeterie").subtree_product_count;
        let reply = call(&app, Method::POST, "/admin/categories/truffes/move", Some(&admin),
            Some(&json!({"parent": "librairie-papeterie"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let tree = reply.json::<CategoryTree>().items;
        assert!(!children(&tree, Some("epicerie")).contains(&"truffes".to_owned()));
        assert_eq!(children(&tree, Some("librairie-papeterie")).last().map(String::as_str), Some("truffes"));
        let listed = public(&app).await;
        assert_eq!(public_by_slug(&listed, "epicerie").subtree_product_count, grocery - moved);
        assert_eq!(public_by_slug(&listed, "librairie-papeterie").subtree_product_count, books + moved);
        assert_eq!(products_in(&app, "librairie-papeterie").await.unwrap().len() as u64, books + moved);

        // Deeper, then a cycle: refused with its code, nothing changed.
        let reply = call(&app, Method::POST, "/admin/categories/librairie-papeterie/move", Some(&admin),
            Some(&json!({"parent": "epicerie", "position": 99}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let before = admin_tree(&app, &admin).await;
        assert_eq!(by_slug(&before, "truffes").depth, 2);
        for parent in ["truffes", "librairie-papeterie"] {
            call(&app, Method::POST, "/admin/categories/epicerie/move", Some(&admin),
                Some(&json!({"parent": parent}))).await.problem(409, "category_cycle");
        }
        call(&app, Method::POST, "/admin/categories/epicerie/move", Some(&admin),
            Some(&json!({"parent": "nowhere"}))).await.problem(422, "validation_failed");
        call(&app, Method::POST, "/admin/categories/epicerie/move", Some(&admin),
            Some(&json!({"parent": null, "place": 1}))).await.problem(400, "malformed_body");
        assert_eq!(admin_tree(&app, &admin).await, before);

        // Back to the top level, first.
        let reply = call(&app, Method::POST, "/admin/categories/truffes/move", Some(&admin),
            Some(&json!({"parent": null, "position": 0}))).await;
        let tree = reply.json::<CategoryTree>().items;
        assert_eq!(children(&tree, None)[0], "truffes");
        children(&tree, Some("librairie-papeterie"));
    }

    async fn a_merge_moves_products_and_the_old_slug_leads_to_the_target(app) {
        let admin = token_of(&app, ADMIN).await;
        let merchant = token_of(&app, MERCHANT).await;
        // A draft in the category that disappears: it moves too.
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/products"), Some(&merchant),
            Some(&json!({"name": "Truffe d'essai", "price_cents": 1200, "vat_rate": 5.5, "category": "truffes"}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);

        let listed = public(&app).await;
        let truffes = public_by_slug(&listed, "truffes").clone();
        let honey = public_by_slug(&listed, "miels-et-confitures").clone();
        let grocery = public_by_slug(&listed, "epicerie").subtree_product_count;
        assert!(truffes.own_product_count > 0, "the demo has truffles on sale");
        let tree = admin_tree(&app, &admin).await;
        let drafts = by_slug(&tree, "truffes").own_products.draft + by_slug(&tree, "miels-et-confitures").own_products.draft;
        let total_before = by_slug(&tree, "truffes").own_products.total();
        // A sub-category of the merged one moves along.
        let reply = create(&app, &admin, json!({"name": "Truffes blanches", "parent": "truffes"})).await;
        assert_eq!(reply.status, 201, "{}", reply.body);

        // Into one of its own sub-categories: refused.
        call(&app, Method::POST, "/admin/categories/truffes/merge", Some(&admin),
            Some(&json!({"into": "truffes-blanches"}))).await.problem(409, "category_cycle");
        call(&app, Method::POST, "/admin/categories/truffes/merge", Some(&admin),
            Some(&json!({"into": "truffes"}))).await.problem(409, "category_cycle");
        let reply = call(&app, Method::POST, "/admin/categories/truffes/merge", Some(&admin),
            Some(&json!({"into": "nowhere"}))).await;
        assert_eq!(reply.refused_fields(), ["into"]);

        let reply = call(&app, Method::POST, "/admin/categories/truffes/merge", Some(&admin),
            Some(&json!({"into": "miels-et-confitures"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let report: MergeReport = reply.json();
        assert_eq!(report.moved_products, total_before);
        assert_eq!(report.moved_children, 1);
        assert_eq!(report.into.own_products.draft, drafts);
        assert_eq!(report.into.former_slugs, ["truffes"]);

        let tree = admin_tree(&app, &admin).await;
        assert!(tree.iter().all(|c| c.slug != "truffes"), "the merged category is gone");
        assert_eq!(by_slug(&tree, "truffes-blanches").parent.as_deref(), Some("miels-et-confitures"));
        children(&tree, Some("epicerie"));

        let listed = public(&app).await;
        assert!(listed.iter().all(|c| c.slug != "truffes"));
        let merged = public_by_slug(&listed, "miels-et-confitures");
        assert_eq!(merged.own_product_count, honey.own_product_count + truffes.own_product_count);
        assert_eq!(merged.subtree_product_count, merged.own_product_count);
        assert_eq!(merged.former_slugs, ["truffes"]);
        assert_eq!(public_by_slug(&listed, "epicerie").subtree_product_count, grocery);

        // The old slug still filters the catalogue: to the target's products.
        let by_old = products_in(&app, "truffes").await.expect("the old slug works");
        let by_new = products_in(&app, "miels-et-confitures").await.unwrap();
        assert_eq!(by_old.len() as u64, merged.subtree_product_count);
        assert_eq!(by_old, by_new);
        assert!(by_new.iter().all(|p| p.category == "miels-et-confitures"));
        // A merchant may still name the old slug.
        let reply = call(&app, Method::POST, &format!("/shops/{GROCER}/products"), Some(&merchant),
            Some(&json!({"name": "Truffe noire", "price_cents": 900, "vat_rate": 5.5, "category": "truffes"}))).await;
        assert_eq!(reply.status, 201, "{}", reply.body);

        // Merged again: the slugs that led to it follow.
        let reply = call(&app, Method::POST, "/admin/categories/miels-et-confitures/merge", Some(&admin),
            Some(&json!({"into": "epicerie"}))).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let report: MergeReport = reply.json();
        assert_eq!(report.into.former_slugs, ["miels-et-confitures", "truffes"]);
        assert_eq!(products_in(&app, "truffes").await.unwrap().len() as u64,
            public_by_slug(&public(&app).await, "epicerie").subtree_product_count);

        // A new category may take a former slug back.
        let reply = create(&app, &admin, json!({"name": "Truffes"})).await;
        assert_eq!(reply.json::<AdminCategory>().slug, "truffes");
        assert!(products_in(&app, "truffes").await.unwrap().is_empty());
    }

    async fn only_an_empty_category_can_be_removed(app) {
        let admin = token_of(&app, ADMIN).await;
        let before = admin_tree(&app, &admin).await;
        let public_before = public(&app).await;
        for slug in ["truffes", "epicerie"] {
            let reply = call(&app, Method::DELETE, &format!("/admin/categories/{slug}"), Some(&admin), None).await;
            reply.problem(409, "category_not_empty");
        }
        assert_eq!(admin_tree(&app, &admin).await, before, "nothing changed");
        assert_eq!(public(&app).await, public_before);

        let reply = create(&app, &admin, json!({"name": "Antiquités", "parent": "epicerie"})).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let first = children(&admin_tree(&app, &admin).await, Some("epicerie"))[0].clone();
        call(&app, Method::POST, "/admin/categories/antiquites/move", Some(&admin),
            Some(&json!({"parent": "epicerie", "position": 0}))).await;
        let reply = call(&app, Method::DELETE, "/admin/categories/antiquites", Some(&admin), None).await;
        assert_eq!(reply.status, 204, "{}", reply.body);
        let tree = admin_tree(&app, &admin).await;
        assert!(tree.iter().all(|c| c.slug != "antiquites"));
        assert_eq!(children(&tree, Some("epicerie"))[0], first, "the siblings close the gap");
        call(&app, Method::DELETE, "/admin/categories/antiquites", Some(&admin), None).await.problem(404, "not_found");
    }
}

/// An empty marketplace (no demo) and an admin's token.
async fn empty_marketplace(backend: Backend) -> Option<(TestApp, String)> {
    let app = spawn_app_with(backend, AppOptions { demo: false }).await?;
    let reply = app
        .post_json(
            "/api/v1/auth/register",
            &json!({"email": "bureau@asso.fr", "password": PASSWORD, "name": "Le bureau"}),
            None,
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    // What `vitrine create-admin` does to an existing account.
    app.execute_sql("UPDATE users SET role = 'admin' WHERE email = 'bureau@asso.fr'");
    let token = token_of(&app, "bureau@asso.fr").await;
    Some((app, token))
}

async fn the_default_tree_fills_an_empty_marketplace_once(app: TestApp, admin: String) {
    assert!(public(&app).await.is_empty());
    let reply = call(
        &app,
        Method::GET,
        "/admin/categories/defaults",
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let defaults = reply.json::<DefaultCategories>().items;

    let reply = call(
        &app,
        Method::POST,
        "/admin/categories/defaults",
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let tree = reply.json::<CategoryTree>().items;
    assert_eq!(tree.len(), defaults.len());
    for default in &defaults {
        let category = tree
            .iter()
            .find(|c| c.name == default.name)
            .unwrap_or_else(|| panic!("{} installed", default.name));
        assert_eq!(category.name_en.as_deref(), Some(default.name_en.as_str()));
        let parent = category
            .parent
            .as_ref()
            .map(|slug| by_slug(&tree, slug).name.clone());
        assert_eq!(parent, default.parent);
    }
    // Each level numbered without gaps, in the file's order.
    let mut parents: BTreeMap<Option<String>, ()> = BTreeMap::new();
    for category in &tree {
        parents.insert(category.parent.clone(), ());
    }
    for parent in parents.keys() {
        children(&tree, parent.as_deref());
    }
    let listed = public(&app).await;
    assert_eq!(listed.len(), defaults.len());
    assert!(listed.iter().any(|c| c.slug == "fromagerie-cremerie"));
    assert!(listed.iter().all(|c| c.subtree_product_count == 0));

    let reply = call(
        &app,
        Method::POST,
        "/admin/categories/defaults",
        Some(&admin),
        None,
    )
    .await;
    reply.problem(409, "categories_exist");
    assert_eq!(admin_tree(&app, &admin).await, tree, "nothing added twice");
}

#[actix_web::test]
async fn the_default_tree_fills_an_empty_marketplace_once_sqlite() {
    let (app, admin) = empty_marketplace(Backend::Sqlite)
        .await
        .expect("SQLite runs");
    the_default_tree_fills_an_empty_marketplace_once(app, admin).await;
}

#[actix_web::test]
async fn the_default_tree_fills_an_empty_marketplace_once_postgres() {
    let Some((app, admin)) = empty_marketplace(Backend::Postgres).await else {
        return;
    };
    the_default_tree_fills_an_empty_marketplace_once(app, admin).await;
}

/// Many admins reorder, move and merge at once on PostgreSQL: every change either happens
/// whole or is refused, and the tree stays a tree with dense positions and every product.
#[actix_web::test]
async fn concurrent_changes_leave_a_consistent_tree_postgres() {
    let Some(app) = spawn_app(Backend::Postgres).await else {
        return;
    };
    let admin = token_of(&app, ADMIN).await;
    let before = admin_tree(&app, &admin).await;
    let products: u64 = before.iter().map(|c| c.own_products.total()).sum();
    // The reorders leave alone the four categories the moves and merges below touch.
    let pair = ["chaussures", "vetements", "traiteur", "plats-a-emporter"];
    let top: Vec<String> = children(&before, None)
        .into_iter()
        .filter(|slug| !pair.contains(&slug.as_str()))
        .collect();
    let grocery = children(&before, Some("epicerie"));

    let mut requests: Vec<(String, Value)> = Vec::new();
    for i in 0..12 {
        let slug = &top[i % top.len()];
        requests.push((
            format!("/admin/categories/{slug}/move"),
            json!({"parent": null, "position": (i * 7) % top.len()}),
        ));
        let slug = &grocery[i % grocery.len()];
        requests.push((
            format!("/admin/categories/{slug}/move"),
            json!({"parent": "epicerie", "position": (i * 3) % grocery.len()}),
        ));
    }
    // Two moves that together would make a cycle, and two opposite merges.
    requests.push((
        "/admin/categories/chaussures/move".into(),
        json!({"parent": "vetements"}),
    ));
    requests.push((
        "/admin/categories/vetements/move".into(),
        json!({"parent": "chaussures"}),
    ));
    requests.push((
        "/admin/categories/traiteur/merge".into(),
        json!({"into": "plats-a-emporter"}),
    ));
    requests.push((
        "/admin/categories/plats-a-emporter/merge".into(),
        json!({"into": "traiteur"}),
    ));

    let replies = futures_util::future::join_all(
        requests
            .iter()
            .map(|(path, body)| call(&app, Method::POST, path, Some(&admin), Some(body))),
    )
    .await;
    let mut statuses: HashMap<u16, usize> = HashMap::new();
    for reply in &replies {
        assert!(
            // 422: a merge whose target the other merge took away.
            [200, 404, 409, 422].contains(&reply.status),
            "a refusal, never a failure: {} {}",
            reply.status,
            reply.body
        );
        *statuses.entry(reply.status).or_default() += 1;
    }
    let n = replies.len();
    let [
        ..,
        shoes_under_clothes,
        clothes_under_shoes,
        caterer_merge,
        takeaway_merge,
    ] = &replies[..]
    else {
        unreachable!()
    };
    assert!(statuses[&200] >= n - 4, "{statuses:?}");
    assert_eq!(
        [shoes_under_clothes.status, clothes_under_shoes.status]
            .iter()
            .filter(|s| **s == 200)
            .count(),
        1,
        "one move of the pair wins, the other would make a cycle"
    );
    assert_eq!(
        [caterer_merge.status, takeaway_merge.status]
            .iter()
            .filter(|s| **s == 200)
            .count(),
        1,
        "one merge wins, the other finds its category gone"
    );

    let after = admin_tree(&app, &admin).await;
    // Every category is still reachable from the top (no cycle), exactly once.
    let mut seen: Vec<&str> = after.iter().map(|c| c.slug.as_str()).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(
        seen.len(),
        before.len() - 1,
        "one category merged away, none lost"
    );
    let mut parents: BTreeMap<Option<String>, ()> = BTreeMap::new();
    for category in &after {
        parents.insert(category.parent.clone(), ());
    }
    for parent in parents.keys() {
        children(&after, parent.as_deref());
    }
    let products_after: u64 = after.iter().map(|c| c.own_products.total()).sum();
    assert_eq!(products_after, products, "no product lost");
    let listed = public(&app).await;
    assert_eq!(listed.len(), after.len());
}
