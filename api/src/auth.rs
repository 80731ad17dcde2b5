//! Who is calling: passwords (Argon2id), access tokens (JWT, HS256, 15 minutes, issuer and
//! audience checked, 30 s leeway), opaque refresh tokens (stored as their SHA-256), and the
//! extractors handlers take to say who may call them.
//!
//! A valid signature is not enough: each authenticated request also reads the account's row
//! (one primary-key lookup), so a suspended account is refused at once, a role change takes
//! effect at once, and a token of an older session generation (before a suspension or a
//! password reset) is refused.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header::AUTHORIZATION;
use actix_web::{FromRequest, HttpRequest, web};
use std::cell::RefCell;

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Argon2, Block, Params};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use shared::auth::Role;

use crate::db;
use crate::db::models::user;
use crate::error::ApiError;
use crate::startup::AppState;

/// Accepted password lengths, in characters.
pub const PASSWORD_LENGTH: std::ops::RangeInclusive<usize> = 12..=128;
/// Lifetime of an access token.
pub const ACCESS_TOKEN_SECONDS: u64 = 15 * 60;
/// Lifetime of a refresh token.
pub const REFRESH_TOKEN_DAYS: i64 = 30;
const ISSUER: &str = "vitrine";
const AUDIENCE: &str = "vitrine-api";
const LEEWAY_SECONDS: u64 = 30;

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

/// Hashes a password with Argon2id, its default parameters (19 MiB, two passes) and a
/// random salt (PHC string).
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    hash_password_in(password, &mut Vec::new())
}

/// Whether `password` matches the stored PHC string.
pub fn verify_password(password: &str, stored: &str) -> bool {
    verify_password_in(password, stored, &mut Vec::new())
}

thread_local! {
    /// The Argon2 working memory of a hashing thread (19 MiB), allocated on its first hash
    /// and kept for the next ones. Allocated and freed by each hash instead, in a process of
    /// many threads, the allocator keeps the freed buffers in arenas that other threads then
    /// split, and later hashes take new ones: 60 logins at once grew the server by 190 MB
    /// with two hashing threads (`api/tests/api/memory.rs`); kept, it is one buffer a thread.
    static HASHING_MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// [`hash_password`] in `memory`, grown to the size the parameters need.
fn hash_password_in(password: &str, memory: &mut Vec<Block>) -> anyhow::Result<String> {
    let params = Params::default();
    let salt = Salt::generate();
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    argon2_in(Argon2::default(), password, &salt, &mut out, memory)
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    let hash = PasswordHash {
        algorithm: argon2::Algorithm::default().ident(),
        version: Some(argon2::Version::default().into()),
        params: ParamsString::try_from(&params)
            .map_err(|e| anyhow::anyhow!("cannot write the hash's parameters: {e}"))?,
        salt: Some(salt),
        hash: Some(
            Output::new(&out).map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?,
        ),
    };
    Ok(hash.to_string())
}

/// [`verify_password`] in `memory`: the stored hash's own algorithm, version and
/// parameters, and a constant-time comparison.
fn verify_password_in(password: &str, stored: &str, memory: &mut Vec<Block>) -> bool {
    let Ok(hash) = PasswordHash::new(stored) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (&hash.salt, &hash.hash) else {
        return false;
    };
    let (Ok(algorithm), Some(Ok(version)), Ok(params)) = (
        argon2::Algorithm::try_from(hash.algorithm.as_str()),
        hash.version.map(argon2::Version::try_from),
        Params::try_from(&hash),
    ) else {
        return false;
    };
    let mut out = vec![0u8; expected.len()];
    argon2_in(
        Argon2::new(algorithm, version, params),
        password,
        salt,
        &mut out,
        memory,
    )
    .is_ok()
        && Output::new(&out).is_ok_and(|computed| computed == *expected)
}

/// Runs Argon2 in `memory`, grown (never shrunk) to the blocks its parameters need.
fn argon2_in(
    argon2: Argon2<'_>,
    password: &str,
    salt: &[u8],
    out: &mut [u8],
    memory: &mut Vec<Block>,
) -> argon2::Result<()> {
    let blocks = argon2.params().block_count();
    if memory.len() < blocks {
        memory.resize(blocks, Block::new());
    }
    argon2.hash_password_into_with_memory(password.as_bytes(), salt, out, &mut memory[..blocks])
}

/// [`hash_password`] on the hashing threads, at most as many at once as the process allows
/// (one per core by default), each in its thread's kept memory (19 MiB): a crowd of
/// sign-ups cannot take the memory. The rest wait briefly, then get 503 with `Retry-After`.
pub async fn hash_password_limited(state: &AppState, password: String) -> Result<String, ApiError> {
    let slot = state.limits.hashing_slot().await?;
    let hash = state
        .limits
        .hashers
        .run(move || {
            let hash = HASHING_MEMORY.with_borrow_mut(|memory| hash_password_in(&password, memory));
            drop(slot);
            hash
        })
        .await??;
    Ok(hash)
}

/// [`verify_password`] under the same cap and in the same kept memory as
/// [`hash_password_limited`].
pub async fn verify_password_limited(
    state: &AppState,
    password: String,
    stored: String,
) -> Result<bool, ApiError> {
    let slot = state.limits.hashing_slot().await?;
    state
        .limits
        .hashers
        .run(move || {
            let matches = HASHING_MEMORY
                .with_borrow_mut(|memory| verify_password_in(&password, &stored, memory));
            drop(slot);
            matches
        })
        .await
}

/// A new random secret (refresh tokens, signing keys): 256 bits, hex.
pub fn random_secret() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// How a refresh token is stored: its SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The claims of an access token.
#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    role: String,
    iss: String,
    aud: String,
    iat: u64,
    exp: u64,
    /// The account's session generation when the token was issued.
    #[serde(default, rename = "gen")]
    generation: i64,
}

/// What a valid signature vouches for; the account's row has the last word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Verified {
    id: i64,
    generation: i64,
    /// When it expires, in seconds since the epoch.
    exp: u64,
}

/// Signs and checks access tokens with the marketplace's key (kept in the database, so
/// every instance shares it).
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl TokenKeys {
    pub fn new(secret: &str) -> anyhow::Result<TokenKeys> {
        Ok(TokenKeys {
            encoding: EncodingKey::from_secret(secret.as_bytes())?,
            decoding: DecodingKey::from_secret(secret.as_bytes())?,
        })
    }

    /// A signed access token for a user, of the account's current session generation.
    pub fn issue(&self, user_id: i64, role: Role, generation: i64) -> Result<String, ApiError> {
        let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0);
        let claims = Claims {
            sub: user_id.to_string(),
            role: role.as_str().into(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now,
            exp: now + ACCESS_TOKEN_SECONDS,
            generation,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| ApiError::Internal(e.into()))
    }

    fn verify(&self, token: &str) -> Option<Verified> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.leeway = LEEWAY_SECONDS;
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).ok()?;
        Role::parse(&data.claims.role)?;
        Some(Verified {
            id: data.claims.sub.parse().ok()?,
            generation: data.claims.generation,
            exp: data.claims.exp,
        })
    }

    /// When a valid access token expires, in seconds since the epoch.
    pub fn expiry(&self, token: &str) -> Option<u64> {
        self.verify(token).map(|verified| verified.exp)
    }
}

/// A signed-in caller. As a handler parameter it means: 401 without a valid access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthUser {
    pub id: i64,
    pub role: Role,
}

pub fn bearer(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get(AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// What an extractor's future gives.
type Authenticating<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// The caller of a request: `None` without an `Authorization` header; 401 for a token that
/// is invalid, expired, of an older session generation, or of a suspended account.
pub fn authenticate(req: &HttpRequest) -> Authenticating<Option<AuthUser>> {
    let Some(token) = bearer(req) else {
        let anonymous = if req.headers().contains_key(AUTHORIZATION) {
            Err(ApiError::Unauthorized)
        } else {
            Ok(None)
        };
        return Box::pin(async move { anonymous });
    };
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let verified = state.as_ref().map(|state| state.token_keys.verify(token));
    Box::pin(async move {
        let state =
            state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no application state")))?;
        let token = verified.flatten().ok_or(ApiError::Unauthorized)?;
        let account = db::run(&state.pool, move |conn| {
            Ok(user::session_state(conn, token.id)?)
        })
        .await?;
        match account {
            Some((role, generation)) if generation == token.generation => Ok(Some(AuthUser {
                id: token.id,
                role: Role::parse(&role).unwrap_or(Role::Customer),
            })),
            _ => Err(ApiError::Unauthorized),
        }
    })
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Authenticating<AuthUser>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user = authenticate(req);
        Box::pin(async move { user.await?.ok_or(ApiError::Unauthorized) })
    }
}

/// A caller who may or may not be signed in; a token that is present but invalid is still
/// a 401, never a silent guest.
#[derive(Debug, Clone, Copy)]
pub struct MaybeUser(pub Option<AuthUser>);

impl FromRequest for MaybeUser {
    type Error = ApiError;
    type Future = Authenticating<MaybeUser>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user = authenticate(req);
        Box::pin(async move { user.await.map(MaybeUser) })
    }
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
    fn kept_memory_gives_the_argon2_crate_s_own_answers() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let password = "vitrine-demo-2026";
        let reference = Argon2::default()
            .hash_password(password.as_bytes())
            .unwrap()
            .to_string();
        // A costlier hash first leaves a larger buffer, which must not change the answers.
        let costly = Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            Params::new(32 * 1024, 1, 1, None).unwrap(),
        )
        .hash_password(password.as_bytes())
        .unwrap()
        .to_string();
        let mut memory = Vec::new();
        assert!(verify_password_in(password, &costly, &mut memory));
        assert!(verify_password_in(password, &reference, &mut memory));
        assert!(!verify_password_in(
            "vitrine-demo-2027",
            &reference,
            &mut memory
        ));
        let ours = hash_password_in(password, &mut memory).unwrap();
        assert_eq!(
            memory.len(),
            32 * 1024,
            "the buffer was kept, not reallocated"
        );
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        );
        assert!(
            ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{ours}"
        );
    }

    #[test]
    fn passwords_must_be_12_to_128_characters() {
        assert!(check_password_policy("short").is_err());
        assert!(check_password_policy(&"é".repeat(12)).is_ok());
        assert!(check_password_policy(&"x".repeat(128)).is_ok());
        assert!(check_password_policy(&"x".repeat(129)).is_err());
    }

    #[test]
    fn tokens_verify_only_with_their_key_and_claims() {
        let keys = TokenKeys::new("a secret of the marketplace").unwrap();
        let token = keys.issue(42, Role::Merchant, 3).unwrap();
        let verified = keys.verify(&token).expect("valid");
        assert_eq!((verified.id, verified.generation), (42, 3));
        let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap();
        assert!(
            (now + ACCESS_TOKEN_SECONDS - 5..=now + ACCESS_TOKEN_SECONDS + 5)
                .contains(&verified.exp)
        );
        assert_eq!(keys.expiry(&token), Some(verified.exp));
        let other = TokenKeys::new("another secret").unwrap();
        assert_eq!(other.verify(&token), None);
        assert_eq!(keys.verify(&format!("{token}x")), None);
        let foreign = Claims {
            sub: "42".into(),
            role: "admin".into(),
            iss: "someone-else".into(),
            aud: AUDIENCE.into(),
            iat: 0,
            exp: u64::MAX / 2,
            generation: 0,
        };
        let forged =
            jsonwebtoken::encode(&Header::new(Algorithm::HS256), &foreign, &keys.encoding).unwrap();
        assert_eq!(keys.verify(&forged), None, "the issuer is checked");
        let expired = Claims {
            iss: ISSUER.into(),
            exp: 1_000,
            ..foreign
        };
        let expired =
            jsonwebtoken::encode(&Header::new(Algorithm::HS256), &expired, &keys.encoding).unwrap();
        assert_eq!(keys.verify(&expired), None, "expiry is checked");
        assert_eq!(token_hash("abc").len(), 64);
    }
}
