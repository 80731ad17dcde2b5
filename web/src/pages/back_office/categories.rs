//! The marketplace's categories, for the association's admins: the tree with its product
//! counts, adding, renaming, moving, reordering (up and down buttons, with what changed said
//! aloud), merging (in two steps, saying how many products move) and removing an empty
//! category; on an empty marketplace, the default tree offered with what it will create.
//!
//! Browser tests rely on `[data-testid="category"]` (`data-slug`, `data-depth`) for each
//! category, `[data-testid="category-status"]` for what the last action did, the buttons
//! named "Monter « X »", "Descendre « X »" and "Modifier « X »", the forms' labels, and the
//! "Utiliser les catégories proposées", "Fusionner…" then "Oui, fusionner" buttons.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    admin_categories::{
        AdminCategory, CreateCategory, DefaultCategory, MoveCategory, RenameCategory,
    },
    error::ErrorCode,
};

use super::{Frame, LoginNeeded, join::FieldErrors, token};
use crate::{
    api::{self, ApiError},
    components::{Loaded, ProblemText, TextField},
    i18n::{tr, use_i18n},
    state::session::use_session,
};

/// Deeper than this, a category's parent chain is ignored: it stops a cycle in bad data.
const MAX_DEPTH: usize = 16;

/// `/gestion/association/categories`: the marketplace's categories.
#[component]
pub fn AssociationCategoriesPage() -> impl IntoView {
    let session = use_session();
    let tree = RwSignal::new(Vec::<AdminCategory>::new());
    let status = RwSignal::new(String::new());
    let resource = LocalResource::new(move || async move {
        let Some(token) = session.access_token().await else {
            return Ok(None);
        };
        match api::admin_categories(&token).await {
            Ok(list) => {
                tree.set(list.items);
                Ok(Some(true))
            }
            // Not an admin: the route does not exist for them.
            Err(ApiError::Api(problem)) if problem.code == ErrorCode::NotFound => Ok(Some(false)),
            Err(error) => Err(error),
        }
    });
    let loaded = move |state: Option<bool>| match state {
        None => view! { <LoginNeeded /> }.into_any(),
        Some(false) => view! { <p>{tr(|t| t.bo().bo_association_only)}</p> }.into_any(),
        Some(true) => view! {
            <p>{tr(|t| t.categories().intro)}</p>
            {move || tree.with(Vec::is_empty).then(|| view! { <DefaultsOffer tree status /> })}
            <h2 class="bo-subheading">{tr(|t| t.categories().tree_heading)}</h2>
            <TreeView tree status />
            <AddForm tree status />
        }
        .into_any(),
    };
    view! {
        <Frame heading=|t| t.categories().heading>
            // Always in the page, so screen readers hear each change said into it.
            <p class="bo-saved cat-status" role="status" data-testid="category-status">
                {move || status.get()}
            </p>
            <Loaded resource loaded />
        </Frame>
    }
}

/// Reads the tree again after a change.
async fn reload(token: &str, tree: RwSignal<Vec<AdminCategory>>) -> Result<(), ApiError> {
    tree.set(api::admin_categories(token).await?.items);
    Ok(())
}

/// Whether `slug` is `ancestor` or lies under it.
fn within(tree: &[AdminCategory], slug: &str, ancestor: &str) -> bool {
    let mut current = Some(slug.to_owned());
    for _ in 0..MAX_DEPTH {
        match current {
            Some(slug) if slug == ancestor => return true,
            Some(slug) => {
                current = tree
                    .iter()
                    .find(|c| c.slug == slug)
                    .and_then(|c| c.parent.clone());
            }
            None => return false,
        }
    }
    false
}

/// `(slug, indented name)` of the categories `keep` accepts, in tree order.
fn options(tree: &[AdminCategory], keep: impl Fn(&AdminCategory) -> bool) -> Vec<(String, String)> {
    tree.iter()
        .filter(|c| keep(c))
        .map(|c| {
            // No-break spaces indent sub-categories in every browser's select.
            let indent = "\u{a0}\u{a0}\u{a0}".repeat(c.depth as usize);
            (c.slug.clone(), format!("{indent}{}", c.name))
        })
        .collect()
}

/// The name of the category `slug`, or the slug itself.
fn name_of(tree: &[AdminCategory], slug: &str) -> String {
    tree.iter()
        .find(|c| c.slug == slug)
        .map_or_else(|| slug.to_owned(), |c| c.name.clone())
}

/// A labelled select of categories; `first` is the empty choice's text.
#[component]
fn CategorySelect(
    id: &'static str,
    label: crate::i18n::Text,
    first: crate::i18n::Text,
    choices: Signal<Vec<(String, String)>>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <select id=id prop:value=move || value.get() on:change=move |event| value.set(event_target_value(&event))>
                <option value="">{tr(first)}</option>
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|(slug, name)| {
                            let selected = value.get_untracked() == slug;
                            view! { <option value=slug selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// What the default tree will create, and the button that creates it.
#[component]
fn DefaultsOffer(tree: RwSignal<Vec<AdminCategory>>, status: RwSignal<String>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let defaults = LocalResource::new(move || async move {
        let token = token(session).await?;
        Ok::<_, ApiError>(api::default_categories(&token).await?.items)
    });
    let install = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match token(session).await {
                Ok(token) => api::install_default_categories(&token).await,
                Err(error) => Err(error),
            };
            busy.set(false);
            match result {
                Ok(installed) => {
                    tree.set(installed.items);
                    status.set(i18n.t().categories().defaults_done.to_owned());
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    let loaded = move |items: Vec<DefaultCategory>| {
        let count = items.len();
        let top: Vec<DefaultCategory> = items
            .iter()
            .filter(|c| c.parent.is_none())
            .cloned()
            .collect();
        let list = top
            .into_iter()
            .map(|parent| {
                let children: Vec<String> = items
                    .iter()
                    .filter(|c| c.parent.as_deref() == Some(parent.name.as_str()))
                    .map(|c| c.name.clone())
                    .collect();
                view! {
                    <li>
                        {parent.name.clone()}
                        {(!children.is_empty()).then(|| view! {
                            <ul>{children.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}</ul>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <p>{move || (i18n.t().categories().defaults_count)(count)}</p>
            <ul class="cat-defaults" data-testid="default-categories">{list}</ul>
        }
    };
    view! {
        <section class="bo-notice" aria-labelledby="categories-proposees">
            <h2 id="categories-proposees">{tr(|t| t.categories().defaults_heading)}</h2>
            <p>{tr(|t| t.categories().none_yet)}</p>
            <p>{tr(|t| t.categories().defaults_intro)}</p>
            <Loaded resource=defaults loaded />
            <button type="button" class="button" prop:disabled=move || busy.get() on:click=install>
                {tr(|t| t.categories().defaults_button)}
            </button>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </section>
    }
}

/// The tree: each category indented under its parent, with its counts and buttons.
#[component]
fn TreeView(tree: RwSignal<Vec<AdminCategory>>, status: RwSignal<String>) -> impl IntoView {
    // The category whose actions are open (one at a time).
    let open = RwSignal::new(None::<String>);
    move || {
        let list = tree.get();
        if list.is_empty() {
            return view! { <p>{tr(|t| t.categories().none_yet)}</p> }.into_any();
        }
        let rows = list
            .iter()
            .map(|category| {
                let siblings = list.iter().filter(|c| c.parent == category.parent).count();
                view! { <Row category=category.clone() siblings tree status open /> }
            })
            .collect_view();
        view! { <ul class="cat-tree">{rows}</ul> }.into_any()
    }
}

/// Puts the keyboard focus on the element with this id, once the page has redrawn.
fn focus_later(id: String) {
    request_animation_frame(move || {
        use leptos::wasm_bindgen::JsCast;
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// One category: its names and counts, up and down, and its actions.
#[component]
fn Row(
    category: AdminCategory,
    siblings: usize,
    tree: RwSignal<Vec<AdminCategory>>,
    status: RwSignal<String>,
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<ApiError>);
    let slug = category.slug.clone();
    let name = category.name.clone();
    let first = category.position == 0;
    let last = category.position as usize + 1 >= siblings;
    let up_id = format!("monter-{slug}");
    let down_id = format!("descendre-{slug}");
    let shift = {
        let (slug, name, parent, up_id, down_id) = (
            slug.clone(),
            name.clone(),
            category.parent.clone(),
            up_id.clone(),
            down_id.clone(),
        );
        move |up: bool| {
            let (slug, name, parent, up_id, down_id) = (
                slug.clone(),
                name.clone(),
                parent.clone(),
                up_id.clone(),
                down_id.clone(),
            );
            let position = if up {
                category.position.saturating_sub(1)
            } else {
                category.position + 1
            };
            problem.set(None);
            spawn_local(async move {
                let place = MoveCategory {
                    parent,
                    position: Some(position),
                };
                let result = match token(session).await {
                    Ok(token) => api::move_category(&token, &slug, &place).await,
                    Err(error) => Err(error),
                };
                match result {
                    Ok(after) => {
                        let moved = after.items.iter().find(|c| c.slug == slug).cloned();
                        tree.set(after.items);
                        if let Some(moved) = moved {
                            status.set((i18n.t().categories().moved_to)(
                                &name,
                                moved.position + 1,
                                siblings,
                            ));
                            // Keep the focus on the button pressed, or on the other one once
                            // this one no longer applies.
                            let at_edge = if up {
                                moved.position == 0
                            } else {
                                moved.position as usize + 1 >= siblings
                            };
                            focus_later(match (up, at_edge) {
                                (true, false) | (false, true) => up_id,
                                (false, false) | (true, true) => down_id,
                            });
                        }
                    }
                    Err(error) => problem.set(Some(error)),
                }
            });
        }
    };
    let shift_down = shift.clone();
    let is_open = {
        let slug = slug.clone();
        move || open.get().as_deref() == Some(slug.as_str())
    };
    let toggle = {
        let slug = slug.clone();
        move |_| {
            open.update(|open| {
                *open = if open.as_deref() == Some(slug.as_str()) {
                    None
                } else {
                    Some(slug.clone())
                }
            })
        }
    };
    let label = {
        let name = name.clone();
        move |action: fn(&crate::i18n::categories::CategoriesStrings) -> &'static str| {
            let name = name.clone();
            move || (i18n.t().categories().action_on)(action(i18n.t().categories()), &name)
        }
    };
    let actions_id = format!("actions-{slug}");
    let controls = actions_id.clone();
    let own = category.own_products;
    let subtree = category.subtree_products;
    let has_children = category.children > 0;
    let depth = category.depth;
    let is_open_panel = is_open.clone();
    let panel_category = category.clone();
    view! {
        <li class=format!("cat-row cat-row--depth-{}", depth.min(4)) data-testid="category"
            data-slug=slug.clone() data-depth=depth>
            <div class="cat-row__head">
                <div class="cat-row__text">
                    <h3 class="cat-row__name">{name.clone()}</h3>
                    {category.name_en.clone().map(|english| view! {
                        <p class="cat-row__english"><span lang="en">{english}</span> " (" {tr(|t| t.categories().english)} ")"</p>
                    })}
                    <p>{move || (i18n.t().categories().own_counts)(own.active, own.draft, own.archived)}</p>
                    {has_children.then(|| view! {
                        <p>{move || (i18n.t().categories().subtree_count)(subtree.active)}</p>
                    })}
                </div>
                <div class="cat-row__buttons">
                    <button type="button" id=up_id class="button button--secondary" disabled=first
                        aria-label=label(|c| c.up) on:click=move |_| shift(true)>
                        <span aria-hidden="true">"↑"</span><span class="cat-row__word">" "{tr(|t| t.categories().up)}</span>
                    </button>
                    <button type="button" id=down_id class="button button--secondary" disabled=last
                        aria-label=label(|c| c.down) on:click=move |_| shift_down(false)>
                        <span aria-hidden="true">"↓"</span><span class="cat-row__word">" "{tr(|t| t.categories().down)}</span>
                    </button>
                    <button type="button" class="button" aria-expanded=move || is_open().to_string()
                        aria-controls=controls aria-label=label(|c| c.edit) on:click=toggle>
                        {tr(|t| t.categories().edit)}
                    </button>
                </div>
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
            {move || is_open_panel().then(|| view! {
                <Actions category=panel_category.clone() id=actions_id.clone() tree status open />
            })}
        </li>
    }
}

/// A category's actions: rename, move, merge, remove.
#[component]
fn Actions(
    category: AdminCategory,
    id: String,
    tree: RwSignal<Vec<AdminCategory>>,
    status: RwSignal<String>,
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let problem = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let slug = category.slug.clone();
    let errors = FieldErrors::new();

    // Rename.
    let name = RwSignal::new(category.name.clone());
    let name_en = RwSignal::new(category.name_en.clone().unwrap_or_default());
    let rename = {
        let slug = slug.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let slug = slug.clone();
            let names = RenameCategory {
                name: Some(name.get_untracked()),
                name_en: Some(name_en.get_untracked()),
            };
            busy.set(true);
            problem.set(None);
            errors.clear();
            spawn_local(async move {
                let result = async {
                    let token = token(session).await?;
                    let renamed = api::rename_category(&token, &slug, &names).await?;
                    reload(&token, tree).await?;
                    Ok::<_, ApiError>(renamed)
                }
                .await;
                busy.set(false);
                match result {
                    Ok(renamed) => status.set((i18n.t().categories().renamed)(&renamed.name)),
                    Err(error) => {
                        if !errors.take(&error) {
                            problem.set(Some(error));
                        }
                    }
                }
            });
        }
    };

    // Move: anywhere but inside itself.
    let parent = RwSignal::new(category.parent.clone().unwrap_or_default());
    let movable = {
        let slug = slug.clone();
        Signal::derive(move || tree.with(|list| options(list, |c| !within(list, &c.slug, &slug))))
    };
    let relocate = {
        let (slug, name) = (slug.clone(), category.name.clone());
        move |event: SubmitEvent| {
            event.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let (slug, name) = (slug.clone(), name.clone());
            let chosen = parent.get_untracked();
            let place = MoveCategory {
                parent: (!chosen.is_empty()).then_some(chosen.clone()),
                position: None,
            };
            busy.set(true);
            problem.set(None);
            spawn_local(async move {
                let result = match token(session).await {
                    Ok(token) => api::move_category(&token, &slug, &place).await,
                    Err(error) => Err(error),
                };
                busy.set(false);
                match result {
                    Ok(after) => {
                        let parent_name =
                            (!chosen.is_empty()).then(|| name_of(&after.items, &chosen));
                        tree.set(after.items);
                        status.set((i18n.t().categories().moved_under)(
                            &name,
                            parent_name.as_deref(),
                        ));
                    }
                    Err(error) => problem.set(Some(error)),
                }
            });
        }
    };

    // Merge, in two steps.
    let target = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let targets = {
        let slug = slug.clone();
        Signal::derive(move || tree.with(|list| options(list, |c| !within(list, &c.slug, &slug))))
    };
    let products = category.own_products.total();
    let children = category.children;
    let warning = {
        let name = category.name.clone();
        move || {
            let into = tree.with(|list| name_of(list, &target.get()));
            (i18n.t().categories().merge_warning)(&name, &into, products, children)
        }
    };
    let merge = {
        let (slug, name) = (slug.clone(), category.name.clone());
        move |_| {
            if busy.get_untracked() {
                return;
            }
            let (slug, name) = (slug.clone(), name.clone());
            let into = target.get_untracked();
            busy.set(true);
            problem.set(None);
            spawn_local(async move {
                let result = async {
                    let token = token(session).await?;
                    let report = api::merge_category(&token, &slug, &into).await?;
                    reload(&token, tree).await?;
                    Ok::<_, ApiError>(report)
                }
                .await;
                busy.set(false);
                match result {
                    Ok(report) => {
                        open.set(None);
                        status.set((i18n.t().categories().merged)(
                            &name,
                            &report.into.name,
                            report.moved_products,
                        ));
                    }
                    Err(error) => {
                        confirming.set(false);
                        problem.set(Some(error));
                    }
                }
            });
        }
    };

    // Remove, when empty.
    let remove = {
        let (slug, name) = (slug.clone(), category.name.clone());
        move |_| {
            if busy.get_untracked() {
                return;
            }
            let (slug, name) = (slug.clone(), name.clone());
            busy.set(true);
            problem.set(None);
            spawn_local(async move {
                let result = async {
                    let token = token(session).await?;
                    api::delete_category(&token, &slug).await?;
                    reload(&token, tree).await
                }
                .await;
                busy.set(false);
                match result {
                    Ok(()) => {
                        open.set(None);
                        status.set((i18n.t().categories().deleted)(&name));
                    }
                    Err(error) => problem.set(Some(error)),
                }
            });
        }
    };
    let empty = category.is_empty();

    view! {
        <div class="cat-actions" id=id>
            <form class="bo-form" on:submit=rename novalidate>
                <h4 class="cat-actions__heading">{tr(|t| t.categories().rename_heading)}</h4>
                <TextField id="categorie-nom" label=|t| t.categories().name value=name
                    error=errors.of("name", |t| t.categories().error_name) autocomplete="off" />
                <TextField id="categorie-nom-en" label=|t| t.categories().name_en value=name_en
                    error=errors.of("name_en", |t| t.categories().error_name_en) autocomplete="off" />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{tr(|t| t.categories().rename_button)}</button>
            </form>
            <form class="bo-form" on:submit=relocate novalidate>
                <h4 class="cat-actions__heading">{tr(|t| t.categories().move_heading)}</h4>
                <CategorySelect id="categorie-parent" label=|t| t.categories().move_to first=|t| t.categories().top_level
                    choices=movable value=parent />
                <button type="submit" class="button" prop:disabled=move || busy.get()>{tr(|t| t.categories().move_button)}</button>
            </form>
            <div class="bo-form">
                <h4 class="cat-actions__heading">{tr(|t| t.categories().merge_heading)}</h4>
                <p>{tr(|t| t.categories().merge_intro)}</p>
                <CategorySelect id="categorie-fusion" label=|t| t.categories().merge_into first=|t| t.categories().choose
                    choices=targets value=target />
                {move || if confirming.get() && !target.get().is_empty() {
                    let merge = merge.clone();
                    view! {
                        <p role="alert" data-testid="merge-warning">{warning.clone()}</p>
                        <p class="bo-shop__links">
                            <button type="button" class="button button--danger" prop:disabled=move || busy.get() on:click=merge>
                                {tr(|t| t.categories().merge_confirm)}
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>
                                {tr(|t| t.categories().cancel)}
                            </button>
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button button--secondary"
                            prop:disabled=move || target.get().is_empty()
                            on:click=move |_| confirming.set(true)>
                            {tr(|t| t.categories().merge_button)}
                        </button>
                    }.into_any()
                }}
            </div>
            <div class="bo-form">
                <h4 class="cat-actions__heading">{tr(|t| t.categories().delete_heading)}</h4>
                {if empty {
                    view! {
                        <button type="button" class="button button--danger" prop:disabled=move || busy.get() on:click=remove>
                            {tr(|t| t.categories().delete_button)}
                        </button>
                    }.into_any()
                } else {
                    view! { <p>{tr(|t| t.categories().delete_not_empty)}</p> }.into_any()
                }}
            </div>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </div>
    }
}

/// Adds a category, at the top level or inside another.
#[component]
fn AddForm(tree: RwSignal<Vec<AdminCategory>>, status: RwSignal<String>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let name_en = RwSignal::new(String::new());
    let parent = RwSignal::new(String::new());
    let errors = FieldErrors::new();
    let problem = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let choices = Signal::derive(move || tree.with(|list| options(list, |_| true)));
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let chosen = parent.get_untracked();
        let category = CreateCategory {
            name: name.get_untracked(),
            name_en: Some(name_en.get_untracked()),
            parent: (!chosen.is_empty()).then_some(chosen),
        };
        busy.set(true);
        problem.set(None);
        errors.clear();
        spawn_local(async move {
            let result = async {
                let token = token(session).await?;
                let created = api::create_category(&token, &category).await?;
                reload(&token, tree).await?;
                Ok::<_, ApiError>(created)
            }
            .await;
            busy.set(false);
            match result {
                Ok(created) => {
                    name.set(String::new());
                    name_en.set(String::new());
                    status.set((i18n.t().categories().created)(&created.name));
                }
                Err(error) => {
                    if !errors.take(&error) {
                        problem.set(Some(error));
                    }
                }
            }
        });
    };
    view! {
        <form class="bo-form bo-section" on:submit=submit novalidate>
            <h2 class="bo-subheading">{tr(|t| t.categories().add_heading)}</h2>
            <TextField id="nouvelle-categorie-nom" label=|t| t.categories().name hint=|t| t.categories().name_hint
                value=name error=errors.of("name", |t| t.categories().error_name) autocomplete="off" />
            <TextField id="nouvelle-categorie-nom-en" label=|t| t.categories().name_en hint=|t| t.categories().name_en_hint
                value=name_en error=errors.of("name_en", |t| t.categories().error_name_en) autocomplete="off" />
            <CategorySelect id="nouvelle-categorie-parent" label=|t| t.categories().parent first=|t| t.categories().top_level
                choices value=parent />
            <button type="submit" class="button" prop:disabled=move || busy.get()>{tr(|t| t.categories().add_button)}</button>
            {move || problem.get().map(|error| view! { <ProblemText error /> })}
        </form>
    }
}
