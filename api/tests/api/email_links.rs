//! E-mail links (issue 12): a password reset by e-mail and the account's address verified.
//! The same answer for any address; the link arrives over a real SMTP conversation and
//! works once; an expired link, a used one, concurrent uses of one link; every session
//! closed by a reset; the verification flag and a refused address on `/me`.

use std::time::Duration;

use serde_json::json;
use shared::Page;
use shared::auth::{LinkRequested, Me, Session};
use shared::mail::{MailMessage, MailState, MailSummary};
use vitrine::mail::MailSettings;

use crate::helpers::{Backend, Reply, TestApp, spawn_app_with_mail, token_of};
use crate::smtp_server::SmtpServer;
use crate::{on_both_backends, with_smtp_on_both_backends};

const PUBLIC_URL: &str = "https://commerces.uzes.test";
const CUSTOMER: &str = "client@vitrine.demo";
const OLD_PASSWORD: &str = "vitrine-demo-2026";
const NEW_PASSWORD: &str = "un tout nouveau mot de passe";
const ADMIN: &str = "admin@vitrine.demo";

fn sending_to(smtp: &SmtpServer) -> MailSettings {
    MailSettings {
        smtp_url: Some(smtp.url()),
        smtp_plain_on_loopback: true,
        mail_from: "vitrine@uzes.test".into(),
        public_url: Some(PUBLIC_URL.into()),
        outbox_poll_ms: 30,
        outbox_retry_ms: 100,
        schedule_seconds: 0,
    }
}

async fn ask_reset(app: &TestApp, email: &str) -> Reply {
    app.post_json(
        "/api/v1/auth/password-reset",
        &json!({"email": email}),
        None,
    )
    .await
}

async fn confirm(app: &TestApp, token: &str, password: &str) -> Reply {
    app.post_json(
        "/api/v1/auth/password-reset/confirm",
        &json!({"token": token, "password": password}),
        None,
    )
    .await
}

pub(crate) async fn verify(app: &TestApp, token: &str) -> Reply {
    app.post_json("/api/v1/auth/verify-email", &json!({"token": token}), None)
        .await
}

async fn me(app: &TestApp, token: &str) -> Me {
    let reply = app.get_as("/api/v1/me", token).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

/// The token of the link to `page` in a message's text.
pub(crate) fn token_in(text: &str, page: &str) -> String {
    let marker = format!("{page}?jeton=");
    let start = text
        .find(&marker)
        .unwrap_or_else(|| panic!("no link to {page} in {text}"))
        + marker.len();
    let token: String = text[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 96, "{text}");
    token
}

/// The held (or sent) e-mails of this topic to `to`, newest first, as the admins read them.
pub(crate) async fn mails_to(
    app: &TestApp,
    admin: &str,
    to: &str,
    topic: &str,
) -> Vec<MailMessage> {
    let reply = app.get_as("/api/v1/admin/mail?per_page=100", admin).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let page: Page<MailSummary> = reply.json();
    let mut found = Vec::new();
    for item in page
        .items
        .iter()
        .filter(|m| m.recipient == to && m.topic == topic)
    {
        let reply = app
            .get_as(&format!("/api/v1/admin/mail/{}", item.id), admin)
            .await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        found.push(reply.json());
    }
    found
}

/// Asks for a reset of `email` and reads the link's token in the admins' mailbox.
async fn reset_token(app: &TestApp, admin: &str, email: &str) -> String {
    let reply = ask_reset(app, email).await;
    assert_eq!(reply.status, 202, "{}", reply.body);
    let mails = mails_to(app, admin, email, "password_reset").await;
    token_in(&mails[0].text, "/mot-de-passe/nouveau")
}

on_both_backends! {
    async fn a_reset_request_answers_the_same_whether_the_address_has_an_account_or_not(app) {
        let admin = token_of(&app, ADMIN).await;
        let known = ask_reset(&app, CUSTOMER).await;
        let unknown = ask_reset(&app, "personne@example.fr").await;
        assert_eq!(known.status, 202, "{}", known.body);
        assert_eq!((unknown.status, &unknown.content_type, &unknown.body), (known.status, &known.content_type, &known.body));
        assert!(known.json::<LinkRequested>().detail.contains("If an account exists"));

        // Only the account's owner gets a message, held without a mail server.
        let mails = mails_to(&app, &admin, CUSTOMER, "password_reset").await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].summary.state, MailState::Held);
        assert!(mails[0].summary.subject.starts_with("Nouveau mot de passe"), "{}", mails[0].summary.subject);
        assert!(mails[0].text.contains("Bonjour Jeanne Martin,"), "{}", mails[0].text);
        token_in(&mails[0].text, "/mot-de-passe/nouveau");
        assert!(mails_to(&app, &admin, "personne@example.fr", "password_reset").await.is_empty());

        // A malformed address is a 400; the same e-mail asked too often is a 429, whoever owns it.
        assert_eq!(ask_reset(&app, "pas une adresse").await.invalid_fields(), ["email"]);
        for email in [CUSTOMER, "personne@example.fr"] {
            assert_eq!(ask_reset(&app, email).await.status, 202);
            assert_eq!(ask_reset(&app, email).await.status, 202);
            let reply = ask_reset(&app, email).await;
            reply.problem(429, "too_many_requests");
        }
        assert_eq!(mails_to(&app, &admin, CUSTOMER, "password_reset").await.len(), 3, "three links at most an hour");
    }

    async fn an_expired_reset_link_is_refused_and_changes_nothing(app) {
        let admin = token_of(&app, ADMIN).await;
        let token = reset_token(&app, &admin, CUSTOMER).await;
        // An hour has passed: the link expired when it was made.
        app.execute_sql("UPDATE email_tokens SET expires_at = created_at WHERE purpose = 'reset'");
        let reply = confirm(&app, &token, NEW_PASSWORD).await;
        let problem = reply.problem(422, "unprocessable");
        assert!(problem.detail.contains("expired"), "{}", problem.detail);
        assert_eq!(app.login(CUSTOMER, OLD_PASSWORD).await.status, 200, "the password did not change");
        assert_eq!(app.login(CUSTOMER, NEW_PASSWORD).await.status, 401);
    }

    async fn a_reset_ends_every_other_link_and_refuses_bad_input(app) {
        let admin = token_of(&app, ADMIN).await;
        let first = reset_token(&app, &admin, CUSTOMER).await;
        let second = reset_token(&app, &admin, CUSTOMER).await;
        assert_ne!(first, second);

        // Bad input: a 400 naming the fields, and the link still works afterwards.
        assert_eq!(confirm(&app, "abc", "court").await.invalid_fields(), ["token", "password"]);
        assert_eq!(confirm(&app, &first.to_uppercase(), NEW_PASSWORD).await.invalid_fields(), ["token"]);
        let unknown = "0".repeat(96);
        confirm(&app, &unknown, NEW_PASSWORD).await.problem(422, "unprocessable");
        let reply = app.post_json("/api/v1/auth/password-reset/confirm", &json!({"token": first, "password": NEW_PASSWORD, "email": CUSTOMER}), None).await;
        assert_eq!(reply.status, 400, "unknown fields are refused: {}", reply.body);

        // The newer link resets; the older one then stops working.
        assert_eq!(confirm(&app, &second, NEW_PASSWORD).await.status, 204);
        confirm(&app, &first, "encore un autre mot de passe").await.problem(422, "unprocessable");
        assert_eq!(app.login(CUSTOMER, NEW_PASSWORD).await.status, 200);
    }

    async fn concurrent_confirmations_of_one_link_let_exactly_one_through(app) {
        let admin = token_of(&app, ADMIN).await;
        let token = reset_token(&app, &admin, CUSTOMER).await;
        let passwords: Vec<String> = (0..4).map(|n| format!("mot de passe numéro {n}")).collect();
        let replies = futures_util::future::join_all(passwords.iter().map(|p| confirm(&app, &token, p))).await;
        let statuses: Vec<u16> = replies.iter().map(|r| r.status).collect();
        assert_eq!(statuses.iter().filter(|s| **s == 204).count(), 1, "{statuses:?}");
        assert_eq!(statuses.iter().filter(|s| **s == 422).count(), 3, "{statuses:?}");
        let winner = statuses.iter().position(|s| *s == 204).unwrap();
        for (n, password) in passwords.iter().enumerate() {
            let expected = if n == winner { 200 } else { 401 };
            assert_eq!(app.login(CUSTOMER, password).await.status, expected, "{password}");
        }
    }

    async fn registering_sends_a_verification_link_that_sets_the_flag(app) {
        let admin = token_of(&app, ADMIN).await;
        let reply = app.post_json("/api/v1/auth/register", &json!({"email": "Paul@Example.fr", "password": NEW_PASSWORD, "name": "Paul Roux"}), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let session: Session = reply.json();
        assert!(!session.user.email_verified);
        let access = session.access_token;
        assert!(!me(&app, &access).await.email_verified);

        let mails = mails_to(&app, &admin, "paul@example.fr", "verify_email").await;
        assert_eq!(mails.len(), 1);
        assert!(mails[0].text.contains("48 heures"), "{}", mails[0].text);
        let first = token_in(&mails[0].text, "/verifier-courriel");

        // Asked again: a second link; either proves the address, once.
        let again = app.post_json("/api/v1/me/verification", &json!({}), Some(&access)).await;
        assert_eq!(again.status, 202, "{}", again.body);
        let mails = mails_to(&app, &admin, "paul@example.fr", "verify_email").await;
        assert_eq!(mails.len(), 2);
        let second = token_in(&mails[0].text, "/verifier-courriel");
        assert_ne!(first, second);
        assert_eq!(verify(&app, &second).await.status, 204);
        let me_now = me(&app, &access).await;
        assert!(me_now.email_verified);
        assert_eq!(me_now.email_refused, None);
        // The admins' view of the account says so too.
        let account = app.get_as(&format!("/api/v1/admin/users/{}", me_now.id), &admin).await;
        assert_eq!(account.status, 200, "{}", account.body);
        let account: shared::admin_users::Account = account.json();
        assert!(account.email_verified);
        verify(&app, &second).await.problem(422, "unprocessable");
        verify(&app, &first).await.problem(422, "unprocessable");
        assert_eq!(verify(&app, "xyz").await.invalid_fields(), ["token"]);
        app.post_json("/api/v1/me/verification", &json!({}), Some(&access)).await.problem(409, "conflict");
        app.post_json("/api/v1/me/verification", &json!({}), None).await.problem(401, "unauthorized");
    }

    async fn asking_again_for_a_verification_link_is_throttled(app) {
        let access = token_of(&app, CUSTOMER).await;
        assert!(!me(&app, &access).await.email_verified, "the demo's addresses are not verified");
        for _ in 0..3 {
            let reply = app.post_json("/api/v1/me/verification", &json!({}), Some(&access)).await;
            assert_eq!(reply.status, 202, "{}", reply.body);
        }
        app.post_json("/api/v1/me/verification", &json!({}), Some(&access)).await.problem(429, "too_many_requests");
    }
}

with_smtp_on_both_backends! {
    async fn the_reset_link_arrives_by_smtp_works_once_and_closes_every_session(app, smtp) {
        // A session open before the reset: its refresh token and access token.
        let login = app.login(CUSTOMER, OLD_PASSWORD).await;
        assert_eq!(login.status, 200, "{}", login.body);
        let old: Session = login.json();

        assert_eq!(ask_reset(&app, CUSTOMER).await.status, 202);
        let received = smtp.wait_for("the reset message", |r| r.iter().any(|m| m.to == [CUSTOMER])).await;
        let message = received.iter().find(|m| m.to == [CUSTOMER]).unwrap();
        assert!(message.header("Subject").unwrap_or_default().contains("mot de passe"), "{}", message.message);
        assert!(message.message.contains(&format!("{PUBLIC_URL}/mot-de-passe/nouveau?jeton=")), "{}", message.message);
        let token = token_in(&message.message, "/mot-de-passe/nouveau");

        assert_eq!(confirm(&app, &token, NEW_PASSWORD).await.status, 204);
        let second = confirm(&app, &token, "encore un autre mot de passe").await;
        second.problem(422, "unprocessable");

        // Every session is closed: the old refresh token and the old access token.
        let refreshed = app.post_json("/api/v1/auth/refresh", &json!({"refresh_token": old.refresh_token}), None).await;
        refreshed.problem(401, "unauthorized");
        app.get_as("/api/v1/me", &old.access_token).await.problem(401, "unauthorized");
        assert_eq!(app.login(CUSTOMER, OLD_PASSWORD).await.status, 401);
        let fresh: Session = app.login(CUSTOMER, NEW_PASSWORD).await.json();
        // The link proved the address.
        assert!(fresh.user.email_verified);
        // Nothing else arrived for the customer.
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(smtp.received().iter().filter(|m| m.to == [CUSTOMER]).count(), 1);
    }

    async fn a_refused_address_shows_on_the_account(app, smtp) {
        let address = "absent@example.fr";
        smtp.refuse(address);
        let reply = app.post_json("/api/v1/auth/register", &json!({"email": address, "password": NEW_PASSWORD, "name": "Absent"}), None).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let access = reply.json::<Session>().access_token;
        // The verification message is refused for good by the mail server (550).
        let mut refused = None;
        for _ in 0..400 {
            refused = me(&app, &access).await.email_refused;
            if refused.is_some() {
                break;
            }
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
        let refused = refused.expect("the refusal shows on /me");
        assert!(refused.reason.contains("550"), "{}", refused.reason);
        let admin = token_of(&app, ADMIN).await;
        let id = me(&app, &access).await.id;
        let account: shared::admin_users::Account = app.get_as(&format!("/api/v1/admin/users/{id}"), &admin).await.json();
        assert_eq!(account.email_refused, Some(refused.clone()));
        assert!(!account.email_verified);
        assert!(refused.at.ends_with("+00:00") || refused.at.ends_with('Z'), "{}", refused.at);
        let problem = app.post_json("/api/v1/me/verification", &json!({}), Some(&access)).await.problem(422, "unprocessable");
        assert!(problem.detail.contains("refused"), "{}", problem.detail);
        // The demo customer's address is not refused.
        let customer = token_of(&app, CUSTOMER).await;
        assert_eq!(me(&app, &customer).await.email_refused, None);
    }
}
