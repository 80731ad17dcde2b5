//! The account's e-mails (issue 12), written in the transaction that stores their link: a
//! link to set a new password, a link to verify the address. Only the e-mail holds the
//! token; the database keeps its hash (`db::models::email_token`).

use super::super::templates::{Rendered, account};
use super::{Letter, Notices};
use crate::db::DbConn;
use crate::domain::language::Language;
use crate::error::ApiError;

/// The web app's page a reset link opens.
pub const RESET_PAGE: &str = "/mot-de-passe/nouveau";
/// The web app's page a verification link opens.
pub const VERIFY_PAGE: &str = "/verifier-courriel";

/// The topic of a password reset's letter.
pub(super) const PASSWORD_RESET: &str = "password_reset";
/// The topic of an address's verification letter.
pub(super) const VERIFY_EMAIL: &str = "verify_email";

impl Notices {
    /// To the account's owner: the link to set a new password, with its token, in the
    /// language of the request that asked for it.
    pub fn password_reset(
        &self,
        conn: &mut DbConn,
        email: &str,
        name: &str,
        token: &str,
        language: Language,
    ) -> Result<(), ApiError> {
        let link = format!("{}{RESET_PAGE}?jeton={token}", self.base_url);
        self.account_letter(conn, PASSWORD_RESET, email, |marketplace| {
            account::password_reset(name, &link, marketplace, language)
        })
    }

    /// To the account's address: the link that proves it, with its token, in the language
    /// of the request that caused it (the sign-up, or "send it again").
    pub fn verify_address(
        &self,
        conn: &mut DbConn,
        email: &str,
        name: &str,
        token: &str,
        language: Language,
    ) -> Result<(), ApiError> {
        let link = format!("{}{VERIFY_PAGE}?jeton={token}", self.base_url);
        self.account_letter(conn, VERIFY_EMAIL, email, |marketplace| {
            account::verify_address(name, &link, marketplace, language)
        })
    }

    /// Writes an account's transactional message, `render`ed with the sender's name.
    fn account_letter(
        &self,
        conn: &mut DbConn,
        topic: &str,
        email: &str,
        render: impl FnOnce(&str) -> Rendered,
    ) -> Result<(), ApiError> {
        let sender = self.sender(conn)?;
        let rendered = render(&sender.name);
        self.write(
            conn,
            &sender,
            Letter {
                topic,
                to: email,
                reply_to: None,
                rendered: &rendered,
                unsubscribe: None,
            },
        )?;
        Ok(())
    }
}
