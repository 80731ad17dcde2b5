//! The association's categories: the tree with its product counts, and creating, renaming,
//! moving, reordering, merging and removing categories, or installing the default tree on an
//! empty marketplace.
//!
//! Admins only: anyone signed in who is not an admin, and any API key, gets 404 as if the
//! route did not exist. Every change is one transaction behind the tree's lock (see
//! [`crate::db::models::category_tree`]); the catalogue's cache follows at once through the
//! `catalogue_version` triggers on `categories`, `category_aliases` and `products`.

use actix_web::web::{self, Json, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use shared::admin_categories::{
    AdminCategory, CategoryTree, CreateCategory, DefaultCategories, MergeCategory, MergeReport,
    MoveCategory, RenameCategory,
};
use shared::error::{ErrorCode, FieldError, Problem};

use crate::access::Caller;
use crate::db::models::category::{self, CategoryRow, tree_of};
use crate::db::models::category_tree::{self as tree, NameChanges, NewNamedCategory};
use crate::db::{self, DbConn, write_transaction};
use crate::domain::category_tree::{Cycle, category_name, english_name, unique_slug};
use crate::domain::default_categories::default_categories;
use crate::error::ApiError;
use crate::startup::AppState;

/// Only admins; anyone else is told the route does not exist.
fn admin(caller: &Caller) -> Result<(), ApiError> {
    if caller.is_admin() {
        Ok(())
    } else {
        Err(ApiError::NotFound("not found".into()))
    }
}

fn no_category(slug: &str) -> ApiError {
    ApiError::NotFound(format!("there is no category '{slug}'"))
}

fn cycle(_: Cycle) -> ApiError {
    ApiError::ConflictWith(
        ErrorCode::CategoryCycle,
        "a category cannot go inside itself or one of its own sub-categories".into(),
    )
}

fn name_taken(name: &str) -> ApiError {
    ApiError::ConflictWith(
        ErrorCode::CategoryNameTaken,
        format!("there is already a category named \"{name}\" at this place"),
    )
}

/// The category `slug` as the admin list shows it now.
fn listed(conn: &mut DbConn, slug: &str) -> Result<AdminCategory, ApiError> {
    tree::admin_list(conn)?
        .into_iter()
        .find(|category| category.slug == slug)
        .ok_or_else(|| no_category(slug))
}

/// The id of the category with this slug among `rows`; `None` for `None`.
fn parent_id(rows: &[CategoryRow], slug: Option<&str>) -> Result<Option<i64>, ApiError> {
    match slug {
        None => Ok(None),
        Some(slug) => tree::find(rows, slug)
            .map(|row| Some(row.id))
            .ok_or_else(|| ApiError::refused("parent", format!("there is no category '{slug}'"))),
    }
}

/// The category tree, for the association.
///
/// Every category, parents before their children, with its products by status (drafts and
/// archived ones included), counted in the category itself and with its sub-categories.
/// Admins only; anyone else gets 404. Changes nothing.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every category", body = CategoryTree),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/categories")]
pub async fn list_admin_categories(
    caller: Caller,
    state: web::Data<AppState>,
) -> Result<Json<CategoryTree>, ApiError> {
    admin(&caller)?;
    let items = db::run(&state.pool, |conn| Ok(tree::admin_list(conn)?)).await?;
    Ok(Json(CategoryTree { items }))
}

/// Creates a category.
///
/// The new category comes last among its siblings. Its slug is made from the French name
/// (`-2`, `-3`... added when another category has it) and never changes afterwards. Admins
/// only; anyone else gets 404. Shops can file products in it at once.
#[utoipa::path(
    tag = "administration",
    request_body = CreateCategory,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The new category", body = AdminCategory),
        (status = 400, description = "A name is missing or too long, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`category_name_taken`: a sibling has this name", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the parent does not exist (`errors` names `parent`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/categories")]
pub async fn create_category(
    caller: Caller,
    state: web::Data<AppState>,
    body: Json<CreateCategory>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let body = body.into_inner();
    let mut errors = Vec::new();
    let name = category_name(&body.name).unwrap_or_else(|message| {
        errors.push(FieldError {
            field: "name".into(),
            message,
        });
        String::new()
    });
    let name_en = english_name(body.name_en.as_deref().unwrap_or("")).unwrap_or_else(|message| {
        errors.push(FieldError {
            field: "name_en".into(),
            message,
        });
        None
    });
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let created = db::run(&state.pool, move |conn| {
        let slug = write_transaction(conn, |conn| {
            tree::lock(conn)?;
            let rows = category::all(conn)?;
            let parent = parent_id(&rows, body.parent.as_deref())?;
            if tree::sibling_named(&rows, parent, &name, None) {
                return Err(name_taken(&name));
            }
            let slug = unique_slug(&name, |slug| tree::slug_taken(&rows, slug));
            tree::insert(
                conn,
                &NewNamedCategory {
                    slug: &slug,
                    name: &name,
                    name_en: name_en.as_deref(),
                    parent_id: parent,
                    position: tree_of(&rows).next_position(parent),
                },
            )?;
            Ok(slug)
        })?;
        listed(conn, &slug)
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}

/// Renames a category.
///
/// Changes its French name, its English name or both. The slug, and so every address of the
/// category, stays as it was. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    params(("slug" = String, Path, description = "The category's slug")),
    request_body = RenameCategory,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The category, renamed", body = AdminCategory),
        (status = 400, description = "A name is empty or too long, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such category, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`category_name_taken`: a sibling has this name", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/admin/categories/{slug}")]
pub async fn rename_category(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<RenameCategory>,
) -> Result<Json<AdminCategory>, ApiError> {
    admin(&caller)?;
    let body = body.into_inner();
    let mut errors = Vec::new();
    let name = body.name.as_deref().map(category_name).transpose();
    let name = name.unwrap_or_else(|message| {
        errors.push(FieldError {
            field: "name".into(),
            message,
        });
        None
    });
    let name_en = body.name_en.as_deref().map(english_name).transpose();
    let name_en = name_en.unwrap_or_else(|message| {
        errors.push(FieldError {
            field: "name_en".into(),
            message,
        });
        None
    });
    if let Some(err) = ApiError::from_field_errors(errors) {
        return Err(err);
    }
    let slug = slug.into_inner();
    let renamed = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            tree::lock(conn)?;
            let rows = category::all(conn)?;
            let row = tree::find(&rows, &slug).ok_or_else(|| no_category(&slug))?;
            if let Some(name) = &name
                && tree::sibling_named(&rows, row.parent_id, name, Some(row.id))
            {
                return Err(name_taken(name));
            }
            tree::rename(
                conn,
                row.id,
                &NameChanges {
                    name: name.clone(),
                    name_en: name_en.clone(),
                },
            )?;
            if let Some(name) = &name {
                tree::refresh_search_text(conn, row.id, name)?;
            }
            Ok(())
        })?;
        listed(conn, &slug)
    })
    .await?;
    Ok(Json(renamed))
}

/// Moves a category.
///
/// Moves a category, with its sub-categories and products, under another parent or to the
/// top level, at a given place among its new siblings; with its own parent, this reorders
/// the siblings. Positions stay 0, 1, 2... without gaps. Answers the whole tree. Admins
/// only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    params(("slug" = String, Path, description = "The category's slug")),
    request_body = MoveCategory,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The tree after the move", body = CategoryTree),
        (status = 400, description = "Malformed body, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the parent does not exist (`errors` names `parent`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such category, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`category_cycle`: the new parent is the category itself or one of its sub-categories; `category_name_taken`: a new sibling has its name", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/categories/{slug}/move")]
pub async fn move_category(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<MoveCategory>,
) -> Result<Json<CategoryTree>, ApiError> {
    admin(&caller)?;
    let body = body.into_inner();
    let slug = slug.into_inner();
    let items = db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            tree::lock(conn)?;
            let rows = category::all(conn)?;
            let row = tree::find(&rows, &slug).ok_or_else(|| no_category(&slug))?;
            let parent = parent_id(&rows, body.parent.as_deref())?;
            if parent != row.parent_id && tree::sibling_named(&rows, parent, &row.name, None) {
                return Err(name_taken(&row.name));
            }
            let position = body.position.map(|p| p as usize);
            let places = tree_of(&rows)
                .plan_move(row.id, parent, position)
                .map_err(cycle)?;
            tree::place(conn, &places)?;
            Ok(())
        })?;
        Ok(tree::admin_list(conn)?)
    })
    .await?;
    Ok(Json(CategoryTree { items }))
}

/// Merges a category into another.
///
/// Its products (whatever their status) and its sub-categories move into the target, and it
/// disappears. Its slug (with the slugs of categories merged into it before) leads to the
/// target from then on, in `GET /products?category=` and in the web app's addresses. Admins
/// only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    params(("slug" = String, Path, description = "The slug of the category that disappears")),
    request_body = MergeCategory,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What moved, and the target as it is now", body = MergeReport),
        (status = 400, description = "Malformed body, or an unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the target does not exist (`errors` names `into`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such category, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`category_cycle`: the target is the category itself or one of its sub-categories", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/categories/{slug}/merge")]
pub async fn merge_category(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
    body: Json<MergeCategory>,
) -> Result<Json<MergeReport>, ApiError> {
    admin(&caller)?;
    let into = body.into_inner().into;
    let slug = slug.into_inner();
    let report = db::run(&state.pool, move |conn| {
        let (moved_products, moved_children) = write_transaction(conn, |conn| {
            tree::lock(conn)?;
            let rows = category::all(conn)?;
            let source = tree::find(&rows, &slug).ok_or_else(|| no_category(&slug))?;
            let target = tree::find(&rows, &into).ok_or_else(|| {
                ApiError::refused("into", format!("there is no category '{into}'"))
            })?;
            let tree_now = tree_of(&rows);
            let places = tree_now.plan_merge(source.id, target.id).map_err(cycle)?;
            let moved_children = tree_now.children(Some(source.id)).len() as u64;
            // Products first: the same lock order as any product write.
            let moved_products = tree::move_products(conn, source.id, target.id)? as u64;
            tree::place(conn, &places)?;
            tree::replace_by(conn, &source, target.id)?;
            if moved_products > 0 {
                tree::refresh_search_text(conn, target.id, &target.name)?;
            }
            Ok((moved_products, moved_children))
        })?;
        Ok(MergeReport {
            into: listed(conn, &into)?,
            moved_products,
            moved_children,
        })
    })
    .await?;
    Ok(Json(report))
}

/// Removes an empty category.
///
/// Removes a category that holds no product (whatever its status) and no sub-category; its
/// siblings close the gap. A category that is not empty is refused with 409: merge it
/// instead. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    params(("slug" = String, Path, description = "The category's slug")),
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such category, or not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`category_not_empty`: it still holds products or sub-categories (merge it instead)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/categories/{slug}")]
pub async fn delete_category(
    caller: Caller,
    state: web::Data<AppState>,
    slug: Path<String>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let slug = slug.into_inner();
    db::run(&state.pool, move |conn| {
        write_transaction(conn, |conn| {
            tree::lock(conn)?;
            let rows = category::all(conn)?;
            let row = tree::find(&rows, &slug).ok_or_else(|| no_category(&slug))?;
            let tree_now = tree_of(&rows);
            let children = tree_now.children(Some(row.id)).len();
            if children > 0 || tree::has_products(conn, row.id)? {
                return Err(ApiError::ConflictWith(
                    ErrorCode::CategoryNotEmpty,
                    format!(
                        "the category \"{}\" still holds products or sub-categories: move \
                         them, or merge it into another category",
                        row.name
                    ),
                ));
            }
            let places = tree_now.plan_removal(row.id);
            tree::delete(conn, row.id)?;
            tree::place(conn, &places)?;
            Ok(())
        })
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The default category tree.
///
/// The tree that `POST /admin/categories/defaults` installs, parents first, in French and
/// English. Admins only; anyone else gets 404. Changes nothing.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The default tree, parents first", body = DefaultCategories),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/categories/defaults")]
pub async fn get_default_categories(caller: Caller) -> Result<Json<DefaultCategories>, ApiError> {
    admin(&caller)?;
    Ok(Json(DefaultCategories {
        items: default_categories().to_vec(),
    }))
}

/// Installs the default category tree.
///
/// Installs the default tree (food shops, restaurants, books, clothing, shoes, home,
/// beauty, toys, crafts, flowers, DIY...), in French and English, on a marketplace that has
/// no category yet (409 otherwise). The association can then rename, move, merge or remove
/// any of them. Admins only; anyone else gets 404.
#[utoipa::path(
    tag = "administration",
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The tree now in place", body = CategoryTree),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`categories_exist`: the marketplace has categories already", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/categories/defaults")]
pub async fn install_default_categories(
    caller: Caller,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    admin(&caller)?;
    let items = db::run(&state.pool, |conn| {
        write_transaction(conn, |conn| {
            tree::lock(conn)?;
            if tree::count(conn)? > 0 {
                return Err(ApiError::ConflictWith(
                    ErrorCode::CategoriesExist,
                    "the marketplace has categories already: the default tree only fills an \
                     empty one"
                        .into(),
                ));
            }
            let mut ids: Vec<(&str, i64)> = Vec::new();
            let mut slugs: Vec<String> = Vec::new();
            let mut positions: std::collections::HashMap<Option<i64>, i32> =
                std::collections::HashMap::new();
            for default in default_categories() {
                let parent = default
                    .parent
                    .as_deref()
                    .and_then(|name| ids.iter().find(|(n, _)| *n == name).map(|(_, id)| *id));
                let slug = unique_slug(&default.name, |slug| slugs.iter().any(|s| s == slug));
                let position = positions.entry(parent).or_insert(0);
                let id = tree::insert(
                    conn,
                    &NewNamedCategory {
                        slug: &slug,
                        name: &default.name,
                        name_en: Some(&default.name_en),
                        parent_id: parent,
                        position: *position,
                    },
                )?;
                *position += 1;
                ids.push((default.name.as_str(), id));
                slugs.push(slug);
            }
            Ok(())
        })?;
        Ok(tree::admin_list(conn)?)
    })
    .await?;
    Ok(HttpResponse::Created().json(CategoryTree { items }))
}
