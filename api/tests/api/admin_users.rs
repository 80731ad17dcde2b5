//! People: the admins' accounts list and search, role changes and shop teams taking effect
//! at once, suspension stopping sessions and keys at once, the last admin kept (also under
//! two concurrent demotions), password reset codes, the history, and who may call.

use reqwest::Method;
use serde_json::{Value, json};
use shared::Page;
use shared::admin_users::{Account, AccountEventKind, AccountSummary, ResetCode};
use shared::auth::{Role, Session};
use shared::shop_admin::NewApiKey;

use crate::helpers::call;
use crate::helpers::{Reply, TestApp};
use crate::on_both_backends;

const PASSWORD: &str = "vitrine-demo-2026";
const NEW_PASSWORD: &str = "un nouveau mot de passe";
const ADMIN: &str = "admin@vitrine.demo";
const MERCHANT: &str = "marchand@vitrine.demo";
const CUSTOMER: &str = "client@vitrine.demo";
const GROCER: &str = "epicerie-du-duche";

async fn session_of(app: &TestApp, email: &str, password: &str) -> Session {
    let reply = app.login(email, password).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

async fn token_of(app: &TestApp, email: &str) -> String {
    session_of(app, email, PASSWORD).await.access_token
}

/// A new customer account, signed in.
async fn sign_up(app: &TestApp, email: &str, name: &str) -> Session {
    let reply = app
        .post_json(
            "/api/v1/auth/register",
            &json!({"email": email, "password": PASSWORD, "name": name}),
            None,
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()
}

async fn account(app: &TestApp, admin: &str, id: i64) -> Account {
    let reply = call(
        app,
        Method::GET,
        &format!("/admin/users/{id}"),
        Some(admin),
        None,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

async fn set_role(app: &TestApp, admin: &str, id: i64, role: &str) -> Reply {
    call(
        app,
        Method::PUT,
        &format!("/admin/users/{id}/role"),
        Some(admin),
        Some(&json!({"role": role})),
    )
    .await
}

async fn search(app: &TestApp, admin: &str, query: &str) -> Page<AccountSummary> {
    let reply = call(
        app,
        Method::GET,
        &format!("/admin/users?{query}"),
        Some(admin),
        None,
    )
    .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

async fn id_of(app: &TestApp, admin: &str, email: &str) -> i64 {
    let page = search(app, admin, &format!("q={email}")).await;
    page.items
        .iter()
        .find(|account| account.email == email)
        .unwrap_or_else(|| panic!("{email} is listed"))
        .id
}

async fn reset_code(app: &TestApp, admin: &str, id: i64) -> String {
    let reply = call(
        app,
        Method::POST,
        &format!("/admin/users/{id}/reset-code"),
        Some(admin),
        None,
    )
    .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json::<ResetCode>().code
}

async fn reset_with(app: &TestApp, email: &str, code: &str, password: &str) -> Reply {
    call(
        app,
        Method::POST,
        "/auth/reset-with-code",
        None,
        Some(&json!({"email": email, "code": code, "new_password": password})),
    )
    .await
}

/// A code of the right shape that is not `code`.
fn other_code(code: &str) -> String {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    let last = digits.as_bytes()[11] - b'0';
    format!("{}{}", &digits[..11], (last + 1) % 10)
}

async fn active_admins(app: &TestApp, admin: &str) -> Vec<i64> {
    search(app, admin, "role=admin&per_page=100")
        .await
        .items
        .into_iter()
        .filter(|account| !account.suspended)
        .map(|account| account.id)
        .collect()
}

on_both_backends! {
    async fn search_finds_accounts_by_name_or_email_whatever_the_accents_and_case(app) {
        let admin = token_of(&app, ADMIN).await;
        sign_up(&app, "h.dupre@example.fr", "Hélène Dupré").await;
        sign_up(&app, "marc@example.fr", "Marc Héraud").await;
        for query in ["q=helene", "q=DUPRÉ", "q=h.dupre", "q=Helene%20dupre", "q=dupre&role=customer"] {
            let page = search(&app, &admin, query).await;
            let names: Vec<&str> = page.items.iter().map(|a| a.name.as_str()).collect();
            assert_eq!(names, ["Hélène Dupré"], "{query}");
            assert_eq!(page.total, 1, "{query}");
        }
        let page = search(&app, &admin, "q=example.fr").await;
        assert_eq!(page.total, 2);
        assert!(search(&app, &admin, "q=dupre&role=admin").await.items.is_empty());
        let admins = search(&app, &admin, "role=admin").await;
        assert_eq!(admins.items.iter().map(|a| a.email.as_str()).collect::<Vec<_>>(), [ADMIN]);
        let merchants = search(&app, &admin, "role=merchant").await;
        let claire = merchants.items.iter().find(|a| a.email == MERCHANT).expect("the merchant");
        assert!(claire.shops.iter().any(|shop| shop.slug == GROCER), "{claire:?}");
        assert!(!claire.suspended);
        let paged = search(&app, &admin, "per_page=2&page=2").await;
        assert_eq!((paged.page, paged.per_page, paged.items.len()), (2, 2, 2));
        // The demo's four accounts and the two signed up.
        assert_eq!(paged.total, 6);
        // An account's page shows the phone its owner gave (the demo volunteer's), or none.
        let lucie = id_of(&app, &admin, "benevole@vitrine.demo").await;
        assert_eq!(account(&app, &admin, lucie).await.phone.as_deref(), Some("06 71 22 33 44"));
        let claire = id_of(&app, &admin, MERCHANT).await;
        assert_eq!(account(&app, &admin, claire).await.phone, None);
        for (query, field) in [("per_page=0", "per_page"), ("role=boss", "role"), ("page=x", "page"), ("colour=red", "colour")] {
            let reply = call(&app, Method::GET, &format!("/admin/users?{query}"), Some(&admin), None).await;
            assert_eq!(reply.invalid_fields(), [field], "{query}");
        }
    }

    async fn a_role_change_takes_effect_on_the_very_next_request(app) {
        let admin = token_of(&app, ADMIN).await;
        let jeanne = token_of(&app, CUSTOMER).await;
        let id = id_of(&app, &admin, CUSTOMER).await;
        call(&app, Method::GET, "/admin/users", Some(&jeanne), None).await.problem(404, "not_found");
        let changed: Account = set_role(&app, &admin, id, "admin").await.json();
        assert_eq!(changed.role, Role::Admin);
        // The same access token, issued when she was a customer.
        let reply = call(&app, Method::GET, "/admin/users", Some(&jeanne), None).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(set_role(&app, &admin, id, "volunteer").await.status, 200);
        call(&app, Method::GET, "/admin/users", Some(&jeanne), None).await.problem(404, "not_found");
        let me = call(&app, Method::GET, "/me", Some(&jeanne), None).await;
        assert_eq!(me.json::<Value>()["role"], "volunteer", "{}", me.body);
        set_role(&app, &admin, id, "merchant").await.problem(422, "unprocessable");
        set_role(&app, &admin, id, "boss").await.problem(400, "malformed_body");
        let reply = call(&app, Method::PUT, &format!("/admin/users/{id}/role"), Some(&admin),
            Some(&json!({"role": "admin", "why": "x"}))).await;
        assert_eq!(reply.status, 400, "{}", reply.body);
        set_role(&app, &admin, 999_999, "admin").await.problem(404, "not_found");
        assert_eq!(account(&app, &admin, id).await.role, Role::Volunteer);
    }

    async fn shop_teams_are_joined_and_left_and_that_gives_and_takes_the_shop(app) {
        let admin = token_of(&app, ADMIN).await;
        let jeanne = token_of(&app, CUSTOMER).await;
        let id = id_of(&app, &admin, CUSTOMER).await;
        let profile = format!("/shops/{GROCER}/profile");
        call(&app, Method::GET, &profile, Some(&jeanne), None).await.problem(404, "not_found");
        let add = |shop: &'static str| {
            let (app, admin) = (&app, admin.clone());
            async move {
                call(app, Method::POST, &format!("/admin/users/{id}/shops"), Some(&admin),
                    Some(&json!({"shop": shop}))).await
            }
        };
        let joined: Account = add(GROCER).await.json();
        assert_eq!(joined.role, Role::Merchant);
        assert_eq!(joined.shops.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>(), [GROCER]);
        assert_eq!(call(&app, Method::GET, &profile, Some(&jeanne), None).await.status, 200);
        add(GROCER).await.problem(409, "conflict");
        add("no-such-shop").await.problem(422, "unprocessable");
        let left: Account = call(&app, Method::DELETE, &format!("/admin/users/{id}/shops/{GROCER}"),
            Some(&admin), None).await.json();
        assert!(left.shops.is_empty());
        assert_eq!(left.role, Role::Customer, "a merchant of no shop is a customer again");
        call(&app, Method::GET, &profile, Some(&jeanne), None).await.problem(404, "not_found");
        call(&app, Method::DELETE, &format!("/admin/users/{id}/shops/{GROCER}"), Some(&admin), None)
            .await.problem(404, "not_found");
        // A merchant made a customer leaves every team.
        let claire = id_of(&app, &admin, MERCHANT).await;
        let claire_token = token_of(&app, MERCHANT).await;
        let demoted: Account = set_role(&app, &admin, claire, "customer").await.json();
        assert!(demoted.shops.is_empty(), "{demoted:?}");
        call(&app, Method::GET, &profile, Some(&claire_token), None).await.problem(404, "not_found");
    }

    async fn a_suspension_stops_sessions_and_keys_at_once_until_reinstated(app) {
        let admin = token_of(&app, ADMIN).await;
        let claire = session_of(&app, MERCHANT, PASSWORD).await;
        let key: NewApiKey = call(&app, Method::POST, &format!("/shops/{GROCER}/api-keys"),
            Some(&claire.access_token), Some(&json!({"name": "caisse"}))).await.json();
        let profile = format!("/shops/{GROCER}/profile");
        assert_eq!(call(&app, Method::GET, &profile, Some(&key.key), None).await.status, 200);
        assert_eq!(call(&app, Method::GET, "/me", Some(&claire.access_token), None).await.status, 200);
        let id = claire.user.id;
        let suspended: Account = call(&app, Method::POST, &format!("/admin/users/{id}/suspend"),
            Some(&admin), None).await.json();
        assert!(suspended.suspended_at.is_some());
        // Her access token is still within its 15 minutes: refused all the same.
        call(&app, Method::GET, "/me", Some(&claire.access_token), None).await.problem(401, "unauthorized");
        call(&app, Method::GET, &profile, Some(&claire.access_token), None).await.problem(401, "unauthorized");
        let refresh = call(&app, Method::POST, "/auth/refresh", None,
            Some(&json!({"refresh_token": claire.refresh_token}))).await;
        refresh.problem(401, "unauthorized");
        call(&app, Method::GET, &profile, Some(&key.key), None).await.problem(401, "unauthorized");
        app.login(MERCHANT, PASSWORD).await.problem(401, "unauthorized");
        assert!(search(&app, &admin, "q=fabre").await.items[0].suspended);
        call(&app, Method::POST, &format!("/admin/users/{id}/suspend"), Some(&admin), None)
            .await.problem(409, "conflict");
        call(&app, Method::POST, &format!("/admin/users/{id}/reset-code"), Some(&admin), None)
            .await.problem(409, "conflict");
        let back: Account = call(&app, Method::POST, &format!("/admin/users/{id}/reinstate"),
            Some(&admin), None).await.json();
        assert_eq!(back.suspended_at, None);
        call(&app, Method::GET, "/me", Some(&claire.access_token), None).await
            .problem(401, "unauthorized");
        assert_eq!(call(&app, Method::GET, &profile, Some(&key.key), None).await.status, 200,
            "her key works again");
        let again = session_of(&app, MERCHANT, PASSWORD).await;
        assert_eq!(call(&app, Method::GET, "/me", Some(&again.access_token), None).await.status, 200);
        call(&app, Method::POST, &format!("/admin/users/{id}/reinstate"), Some(&admin), None)
            .await.problem(409, "conflict");
    }

    async fn the_last_active_admin_can_be_neither_demoted_nor_suspended(app) {
        let admin = token_of(&app, ADMIN).await;
        let me = id_of(&app, &admin, ADMIN).await;
        set_role(&app, &admin, me, "customer").await.problem(409, "conflict");
        call(&app, Method::POST, &format!("/admin/users/{me}/suspend"), Some(&admin), None)
            .await.problem(409, "conflict");
        let jeanne = id_of(&app, &admin, CUSTOMER).await;
        assert_eq!(set_role(&app, &admin, jeanne, "admin").await.status, 200);
        call(&app, Method::POST, &format!("/admin/users/{me}/suspend"), Some(&admin), None)
            .await.problem(422, "unprocessable");
        // Suspended, Jeanne no longer counts: the original admin is the last active one.
        assert_eq!(call(&app, Method::POST, &format!("/admin/users/{jeanne}/suspend"), Some(&admin), None).await.status, 200);
        set_role(&app, &admin, me, "volunteer").await.problem(409, "conflict");
        assert_eq!(call(&app, Method::POST, &format!("/admin/users/{jeanne}/reinstate"), Some(&admin), None).await.status, 200);
        let demoted: Account = set_role(&app, &admin, me, "volunteer").await.json();
        assert_eq!(demoted.role, Role::Volunteer);
        assert_eq!(active_admins(&app, &token_of(&app, CUSTOMER).await).await, [jeanne]);
    }

    async fn two_admins_demoting_each_other_at_once_leave_one_admin(app) {
        let first = token_of(&app, ADMIN).await;
        let first_id = id_of(&app, &first, ADMIN).await;
        let second_id = id_of(&app, &first, CUSTOMER).await;
        assert_eq!(set_role(&app, &first, second_id, "admin").await.status, 200);
        let second = token_of(&app, CUSTOMER).await;
        for round in 0..5 {
            let (a, b) = futures_util::future::join(
                set_role(&app, &first, second_id, "customer"),
                set_role(&app, &second, first_id, "customer"),
            )
            .await;
            let statuses = [a.status, b.status];
            assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "round {round}: {statuses:?} {} {}", a.body, b.body);
            assert!(statuses.iter().all(|s| [200, 404, 409].contains(s)), "{statuses:?}");
            let (winner, loser_id) = if a.status == 200 { (&first, second_id) } else { (&second, first_id) };
            assert_eq!(active_admins(&app, winner).await.len(), 1, "round {round}");
            assert_eq!(set_role(&app, winner, loser_id, "admin").await.status, 200);
        }
        // Suspensions race the same way.
        let (a, b) = futures_util::future::join(
            call(&app, Method::POST, &format!("/admin/users/{second_id}/suspend"), Some(&first), None),
            call(&app, Method::POST, &format!("/admin/users/{first_id}/suspend"), Some(&second), None),
        )
        .await;
        assert_eq!([a.status, b.status].iter().filter(|s| **s == 200).count(), 1, "{} {}", a.body, b.body);
        let winner = if a.status == 200 { &first } else { &second };
        assert_eq!(active_admins(&app, winner).await.len(), 1);
    }

    async fn a_reset_code_sets_a_new_password_once_and_closes_every_session(app) {
        let admin = token_of(&app, ADMIN).await;
        let jeanne = session_of(&app, CUSTOMER, PASSWORD).await;
        let code = reset_code(&app, &admin, jeanne.user.id).await;
        assert!(
            code.len() == 14 && code.split(' ').all(|group| group.len() == 4 && group.bytes().all(|b| b.is_ascii_digit())),
            "three groups of four digits: {code}"
        );
        let unknown = reset_with(&app, "personne@example.fr", &code, NEW_PASSWORD).await;
        let wrong = reset_with(&app, CUSTOMER, &other_code(&code), NEW_PASSWORD).await;
        let (unknown, wrong) = (unknown.problem(422, "unprocessable"), wrong.problem(422, "unprocessable"));
        assert_eq!(unknown, wrong, "an unknown e-mail and a wrong code get the same answer");
        assert_eq!(reset_with(&app, CUSTOMER, &code, "court").await.invalid_fields(), ["new_password"]);
        assert_eq!(reset_with(&app, CUSTOMER, "12 34", NEW_PASSWORD).await.invalid_fields(), ["code"]);
        // Typed without spaces, with upper-case in the e-mail: fine.
        let digits: String = code.chars().filter(char::is_ascii_digit).collect();
        let reply = reset_with(&app, "Client@Vitrine.demo", &digits, NEW_PASSWORD).await;
        assert_eq!(reply.status, 204, "{}", reply.body);
        call(&app, Method::GET, "/me", Some(&jeanne.access_token), None).await.problem(401, "unauthorized");
        call(&app, Method::POST, "/auth/refresh", None, Some(&json!({"refresh_token": jeanne.refresh_token})))
            .await.problem(401, "unauthorized");
        app.login(CUSTOMER, PASSWORD).await.problem(401, "unauthorized");
        let renewed = session_of(&app, CUSTOMER, NEW_PASSWORD).await;
        assert_eq!(call(&app, Method::GET, "/me", Some(&renewed.access_token), None).await.status, 200);
        reset_with(&app, CUSTOMER, &code, "encore un autre mot de passe").await.problem(422, "unprocessable");
        assert_eq!(session_of(&app, CUSTOMER, NEW_PASSWORD).await.user.id, jeanne.user.id);
        let reply = call(&app, Method::POST, "/auth/reset-with-code", None,
            Some(&json!({"email": CUSTOMER, "code": code, "new_password": NEW_PASSWORD, "admin": true}))).await;
        assert_eq!(reply.status, 400, "{}", reply.body);
    }

    async fn wrong_codes_are_counted_and_a_new_code_replaces_the_old_one(app) {
        let admin = token_of(&app, ADMIN).await;
        let id = id_of(&app, &admin, CUSTOMER).await;
        let code = reset_code(&app, &admin, id).await;
        for _ in 0..5 {
            reset_with(&app, CUSTOMER, &other_code(&code), NEW_PASSWORD).await.problem(422, "unprocessable");
        }
        reset_with(&app, CUSTOMER, &code, NEW_PASSWORD).await.problem(422, "unprocessable");
        app.login(CUSTOMER, PASSWORD).await;
        let old = reset_code(&app, &admin, id).await;
        let new = reset_code(&app, &admin, id).await;
        assert_ne!(old, new);
        // The old code is a wrong try of the new one.
        reset_with(&app, CUSTOMER, &old, NEW_PASSWORD).await.problem(422, "unprocessable");
        for _ in 0..3 {
            reset_with(&app, CUSTOMER, &other_code(&new), NEW_PASSWORD).await.problem(422, "unprocessable");
        }
        assert_eq!(reset_with(&app, CUSTOMER, &new, NEW_PASSWORD).await.status, 204, "4 wrong tries leave it working");
    }

    async fn an_expired_code_is_refused(app) {
        let admin = token_of(&app, ADMIN).await;
        let id = id_of(&app, &admin, CUSTOMER).await;
        let code = reset_code(&app, &admin, id).await;
        // As if an hour had passed: it expired when it was made.
        app.execute_sql(&format!("UPDATE reset_codes SET expires_at = created_at WHERE user_id = {id}"));
        reset_with(&app, CUSTOMER, &code, NEW_PASSWORD).await.problem(422, "unprocessable");
        assert_eq!(app.login(CUSTOMER, PASSWORD).await.status, 200, "the password is unchanged");
    }

    async fn the_history_says_who_did_what(app) {
        let admin = token_of(&app, ADMIN).await;
        let id = id_of(&app, &admin, CUSTOMER).await;
        set_role(&app, &admin, id, "volunteer").await;
        call(&app, Method::POST, &format!("/admin/users/{id}/shops"), Some(&admin), Some(&json!({"shop": GROCER}))).await;
        call(&app, Method::POST, &format!("/admin/users/{id}/suspend"), Some(&admin), None).await;
        call(&app, Method::POST, &format!("/admin/users/{id}/reinstate"), Some(&admin), None).await;
        let code = reset_code(&app, &admin, id).await;
        assert_eq!(reset_with(&app, CUSTOMER, &code, NEW_PASSWORD).await.status, 204);
        let history = account(&app, &admin, id).await.history;
        let kinds: Vec<AccountEventKind> = history.iter().map(|event| event.kind).collect();
        assert_eq!(kinds, [
            AccountEventKind::PasswordReset,
            AccountEventKind::ResetCodeCreated,
            AccountEventKind::Reinstated,
            AccountEventKind::Suspended,
            AccountEventKind::ShopAdded,
            AccountEventKind::RoleChanged,
        ], "newest first");
        let who: Vec<&str> = history.iter().map(|e| e.actor.as_ref().map_or("", |a| a.name.as_str())).collect();
        assert_eq!(who, ["Jeanne Martin", "Association des commerçants", "Association des commerçants",
            "Association des commerçants", "Association des commerçants", "Association des commerçants"]);
        assert_eq!(history[5].detail, "customer -> volunteer");
        assert!(history[4].detail.contains("Épicerie"), "{}", history[4].detail);
        assert!(history.iter().all(|e| !e.at.is_empty()));
    }

    async fn only_admins_may_manage_people(app) {
        let admin = token_of(&app, ADMIN).await;
        let target = id_of(&app, &admin, CUSTOMER).await;
        let volunteer = sign_up(&app, "benevole@example.fr", "Paul Bénévole").await;
        set_role(&app, &admin, volunteer.user.id, "volunteer").await;
        let merchant = token_of(&app, MERCHANT).await;
        let key: NewApiKey = call(&app, Method::POST, &format!("/shops/{GROCER}/api-keys"),
            Some(&merchant), Some(&json!({"name": "caisse"}))).await.json();
        let callers = [
            ("customer", token_of(&app, CUSTOMER).await),
            ("merchant", merchant),
            ("volunteer", volunteer.access_token),
            ("api key", key.key),
        ];
        let before = account(&app, &admin, target).await;
        let routes: Vec<(Method, String, Option<Value>)> = vec![
            (Method::GET, "/admin/users".into(), None),
            (Method::GET, format!("/admin/users/{target}"), None),
            (Method::PUT, format!("/admin/users/{target}/role"), Some(json!({"role": "admin"}))),
            (Method::POST, format!("/admin/users/{target}/shops"), Some(json!({"shop": GROCER}))),
            (Method::DELETE, format!("/admin/users/{target}/shops/{GROCER}"), None),
            (Method::POST, format!("/admin/users/{target}/suspend"), None),
            (Method::POST, format!("/admin/users/{target}/reinstate"), None),
            (Method::POST, format!("/admin/users/{target}/reset-code"), None),
        ];
        for (method, path, body) in &routes {
            call(&app, method.clone(), path, None, body.as_ref()).await.problem(401, "unauthorized");
            for (who, token) in &callers {
                let reply = call(&app, method.clone(), path, Some(token), body.as_ref()).await;
                assert_eq!(reply.status, 404, "{who} {method} {path}: {}", reply.body);
            }
        }
        let after = account(&app, &admin, target).await;
        assert_eq!(after, before, "nothing changed");
        assert_eq!(app.login(CUSTOMER, PASSWORD).await.status, 200);
    }
}
