//! Passwords (Argon2id). Tokens, the authenticated-user extractor and role checks come with
//! accounts.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use crate::error::ApiError;

/// Accepted password lengths, in characters.
pub const PASSWORD_LENGTH: std::ops::RangeInclusive<usize> = 12..=128;

/// Checks a new password's length; the message says what to do.
pub fn check_password_policy(password: &str) -> Result<(), ApiError> {
    let length = password.chars().count();
    if PASSWORD_LENGTH.contains(&length) {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "password",
            format!(
                "must be {} to {} characters long",
                PASSWORD_LENGTH.start(),
                PASSWORD_LENGTH.end()
            ),
        ))
    }
}

/// Hashes a password with Argon2id and a random salt (PHC string).
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))
}

/// Whether `password` matches the stored PHC string.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let hash = hash_password("vitrine-demo-2026").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("vitrine-demo-2026", &hash));
        assert!(!verify_password("vitrine-demo-2027", &hash));
        assert!(!verify_password("vitrine-demo-2026", "not a hash"));
    }

    #[test]
    fn passwords_must_be_12_to_128_characters() {
        assert!(check_password_policy("short").is_err());
        assert!(check_password_policy(&"é".repeat(12)).is_ok());
        assert!(check_password_policy(&"x".repeat(128)).is_ok());
        assert!(check_password_policy(&"x".repeat(129)).is_err());
    }
}
