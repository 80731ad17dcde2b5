//! Joining the marketplace: a shopkeeper's application, then word that the association
//! looks at it. Also the form pieces the shop's other pages share: the API's field errors
//! ([`FieldErrors`]) and a labelled text area ([`TextArea`]).
//!
//! Browser tests rely on the fields' labels, the "Envoyer ma demande" button and
//! `[data-testid="join-sent"]` (`data-slug`) once the application is in.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    catalogue::ShopKind,
    error::{ErrorCode, FieldError},
    shop_admin::{ApplyForShop, ShopProfile},
};

use super::Frame;
use crate::{
    api::{self, ApiError},
    components::{ProblemText, TextField},
    i18n::{Text, tr, tr_with},
    routes::Page,
    state::session::use_session,
};

/// The API's field errors of a form's last attempt.
#[derive(Clone, Copy)]
pub(super) struct FieldErrors(RwSignal<Vec<FieldError>>);

impl FieldErrors {
    pub(super) fn new() -> FieldErrors {
        FieldErrors(RwSignal::new(Vec::new()))
    }

    /// Keeps the field errors of `error`, if it is a refused field; whether there were any.
    pub(super) fn take(self, error: &ApiError) -> bool {
        match error {
            ApiError::Api(problem)
                if problem.code == ErrorCode::ValidationFailed && !problem.errors.is_empty() =>
            {
                self.0.set(problem.errors.clone());
                true
            }
            _ => {
                self.0.set(Vec::new());
                false
            }
        }
    }

    pub(super) fn clear(self) {
        self.0.set(Vec::new());
    }

    /// `text` while the API refuses `field` (or a part of it, `field.x`, `field[i]`).
    pub(super) fn of(self, field: &'static str, text: Text) -> Signal<Option<Text>> {
        let errors = self.0;
        Signal::derive(move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .any(|error| names(&error.field, field))
                    .then_some(text)
            })
        })
    }

    /// The fields the API refused.
    pub(super) fn fields(self) -> Vec<String> {
        self.0
            .with_untracked(|errors| errors.iter().map(|error| error.field.clone()).collect())
    }
}

/// Whether the API's `field` is `name` or one of its parts.
fn names(field: &str, name: &str) -> bool {
    field
        .strip_prefix(name)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// A labelled multi-line field, its error tied to it as [`TextField`] does.
#[component]
pub(super) fn TextArea(
    id: &'static str,
    label: Text,
    value: RwSignal<String>,
    error: Signal<Option<Text>>,
    #[prop(default = 4)] rows: u32,
) -> impl IntoView {
    let error_id = format!("{id}-erreur");
    let described_by = {
        let error_id = error_id.clone();
        move || error.get().is_some().then(|| error_id.clone())
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <textarea
                id=id
                rows=rows
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            ></textarea>
            {move || error.get().map(|text| view! { <p class="field__error" id=error_id.clone()>{tr(text)}</p> })}
        </div>
    }
}

/// "Create an account, or log in", with links that come back to `here`.
#[component]
pub(super) fn AccountNeeded(here: String, text: Text) -> impl IntoView {
    view! {
        <p>{tr(text)}</p>
        <p class="bo-shop__links">
            <a class="button" href=Page::Register(Some(here.clone())).href()>{tr(|t| t.register_link)}</a>
            <a class="button button--secondary" href=Page::Login(Some(here)).href()>{tr(|t| t.login_link)}</a>
        </p>
    }
}

/// `/gestion/inscription`: a shopkeeper with an account applies for their shop.
#[component]
pub fn JoinShopPage() -> impl IntoView {
    let session = use_session();
    let sent = RwSignal::new(None::<ShopProfile>);
    view! {
        <Frame heading=|t| t.bo().bo_join_heading>
            {move || match (session.user(), sent.get()) {
                (_, Some(shop)) => view! { <JoinSent shop /> }.into_any(),
                (None, None) => {
                    view! { <AccountNeeded here=Page::JoinShop.href() text=|t| t.bo().bo_join_account_needed /> }
                        .into_any()
                }
                (Some(_), None) => view! { <JoinForm sent /> }.into_any(),
            }}
        </Frame>
    }
}

/// What happens next, once the application is in.
#[component]
fn JoinSent(shop: ShopProfile) -> impl IntoView {
    view! {
        <div class="bo-notice" role="status" data-testid="join-sent" data-slug=shop.slug.clone()>
            <h2>{tr_with(|t| t.bo().bo_join_sent, shop.name)}</h2>
            <p>{tr(|t| t.bo().bo_join_pending)}</p>
        </div>
        <p class="bo-shop__links">
            <a class="button" href=Page::ShopProfile(shop.slug).href()>{tr(|t| t.bo().bo_profile_link)}</a>
            <a class="button button--secondary" href=Page::BackOffice.href()>{tr(|t| t.bo().bo_all_shops)}</a>
        </p>
    }
}

/// The application form; what was typed survives every refusal.
#[component]
fn JoinForm(sent: RwSignal<Option<ShopProfile>>) -> impl IntoView {
    let session = use_session();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<ShopKind>);
    let address = RwSignal::new(String::new());
    let postcode = RwSignal::new(String::new());
    let commune = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let errors = FieldErrors::new();
    let kind_missing = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let sending = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        problem.set(None);
        let Some(chosen) = kind.get_untracked() else {
            kind_missing.set(true);
            return;
        };
        kind_missing.set(false);
        let email = email.get_untracked().trim().to_owned();
        let application = ApplyForShop {
            name: name.get_untracked().trim().to_owned(),
            kind: chosen,
            address: address.get_untracked().trim().to_owned(),
            postcode: postcode.get_untracked().trim().to_owned(),
            commune: commune.get_untracked().trim().to_owned(),
            phone: phone.get_untracked().trim().to_owned(),
            email: (!email.is_empty()).then_some(email),
            description: description.get_untracked().trim().to_owned(),
        };
        sending.set(true);
        spawn_local(async move {
            let result = match session.access_token().await {
                None => Err(ApiError::Network("signed out".to_owned())),
                Some(token) => api::apply_for_shop(&token, &application).await,
            };
            sending.set(false);
            match result {
                Ok(shop) => sent.set(Some(shop)),
                Err(error) => {
                    errors.take(&error);
                    problem.set(Some(error));
                }
            }
        });
    };
    let kind_error_id = "type-erreur";
    view! {
        <p>{tr(|t| t.bo().bo_join_intro)}</p>
        <form class="bo-form" on:submit=submit novalidate>
            {move || problem.get().map(|error| view! {
                <div class="form-problem" role="alert">
                    {matches!(&error, ApiError::Api(p) if p.code == ErrorCode::ValidationFailed)
                        .then(|| view! { <p class="form-problem__lead">{tr(|t| t.bo().bo_fix_errors)}</p> })}
                    <ProblemText error />
                </div>
            })}
            <TextField id="nom-commerce" label=|t| t.bo().bo_shop_name value=name error=errors.of("name", |t| t.bo().bo_error_shop_name) autocomplete="organization" />
            <fieldset class="field bo-choices" aria-invalid=move || kind_missing.get().then_some("true") aria-describedby=move || kind_missing.get().then_some(kind_error_id)>
                <legend>{tr(|t| t.bo().bo_shop_kind)}</legend>
                {ShopKind::ALL
                    .into_iter()
                    .map(|option| {
                        let label: Text = match option {
                            ShopKind::Food => |t| t.bo().bo_kind_food,
                            ShopKind::NonFood => |t| t.bo().bo_kind_non_food,
                            ShopKind::Restaurant => |t| t.bo().bo_kind_restaurant,
                        };
                        view! {
                            <label class="bo-choice">
                                <input type="radio" name="type" prop:checked=move || kind.get() == Some(option) on:change=move |_| kind.set(Some(option)) />
                                {tr(label)}
                            </label>
                        }
                    })
                    .collect_view()}
                {move || (kind_missing.get() || errors.of("kind", |t| t.bo().bo_error_kind).get().is_some())
                    .then(|| view! { <p class="field__error" id=kind_error_id>{tr(|t| t.bo().bo_error_kind)}</p> })}
            </fieldset>
            <TextField id="adresse" label=|t| t.bo().bo_address value=address error=errors.of("address", |t| t.bo().bo_error_address) autocomplete="street-address" />
            <TextField id="code-postal" label=|t| t.bo().bo_postcode value=postcode error=errors.of("postcode", |t| t.bo().bo_error_postcode) autocomplete="postal-code" />
            <TextField id="commune" label=|t| t.bo().bo_commune value=commune error=errors.of("commune", |t| t.bo().bo_error_commune) autocomplete="address-level2" />
            <TextField id="telephone" label=|t| t.bo().bo_phone value=phone error=errors.of("phone", |t| t.error_phone) kind="tel" autocomplete="tel" />
            <TextField id="email" label=|t| t.bo().bo_email_optional value=email error=errors.of("email", |t| t.error_email) kind="email" autocomplete="email" />
            <TextArea id="description" label=|t| t.bo().bo_what_you_sell value=description error=errors.of("description", |t| t.bo().bo_error_description) />
            <button type="submit" class="button" prop:disabled=move || sending.get()>{tr(|t| t.bo().bo_join_send)}</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn a_field_error_names_its_field_or_a_part_of_it() {
        assert!(names("phone", "phone"));
        assert!(names("opening_hours[2].closes", "opening_hours"));
        assert!(names("customer.name", "customer"));
        assert!(!names("phones", "phone"));
        assert!(!names("name", "phone"));
    }
}
