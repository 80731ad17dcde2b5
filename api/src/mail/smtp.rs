//! The mail server, from `--smtp-url`: `smtp://` with STARTTLS required (port 587 by
//! default), `smtps://` with TLS from the start (465), plain `smtp://` only to a loopback
//! address and only with `--smtp-plain-on-loopback`. Sending one e-mail says whether it was
//! taken, refused for good (the recipient), or failed for a reason that may pass.

use std::net::IpAddr;
use std::time::Duration;

use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Body, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::Email;

/// How long one SMTP command may take.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

/// A configured mail server.
#[derive(Clone)]
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl std::fmt::Debug for Smtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Smtp")
    }
}

/// What became of one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The server took it.
    Sent,
    /// The server refused the recipient for good (550, 551, 553): no more mail to it.
    Refused(String),
    /// Anything else (a 4xx, a refused connection, a timeout, another 5xx): try again later.
    Failed(String),
}

impl Smtp {
    /// Reads `--smtp-url`; a URL that cannot work is an error at start, not at the first
    /// order.
    pub fn from_url(url: &str, plain_on_loopback: bool) -> anyhow::Result<Smtp> {
        let parsed = url::Url::parse(url).map_err(|e| {
            anyhow::anyhow!(
                "--smtp-url: {e}; expected smtp://user:password@host:587 or smtps://user:password@host:465"
            )
        })?;
        let host = match parsed.host() {
            Some(url::Host::Domain(name)) => name.to_owned(),
            Some(url::Host::Ipv4(ip)) => ip.to_string(),
            Some(url::Host::Ipv6(ip)) => ip.to_string(),
            None => anyhow::bail!("--smtp-url names no host"),
        };
        let builder = match parsed.scheme() {
            "smtps" => AsyncSmtpTransport::<Tokio1Executor>::relay(&host)?
                .port(parsed.port().unwrap_or(465)),
            "smtp" if plain_on_loopback => {
                if !is_loopback(&host) {
                    anyhow::bail!(
                        "--smtp-plain-on-loopback allows plain SMTP only to 127.0.0.1, ::1 or \
                         localhost, not to {host}"
                    );
                }
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&host)
                    .port(parsed.port().unwrap_or(25))
            }
            "smtp" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&host)?
                .port(parsed.port().unwrap_or(587)),
            other => anyhow::bail!("--smtp-url: unknown scheme {other}: use smtp or smtps"),
        };
        let builder = if parsed.username().is_empty() {
            builder
        } else {
            let decode =
                |part: &str| percent_decode(part).map_err(|e| anyhow::anyhow!("--smtp-url: {e}"));
            builder.credentials(Credentials::new(
                decode(parsed.username())?,
                decode(parsed.password().unwrap_or_default())?,
            ))
        };
        Ok(Smtp {
            transport: builder.timeout(Some(COMMAND_TIMEOUT)).build(),
        })
    }

    /// Sends one e-mail under its stable Message-ID.
    pub async fn send(&self, email: &Email, message_id: &str) -> Outcome {
        let message = match build(email, message_id) {
            Ok(message) => message,
            // An address the server could never take: as refused.
            Err(err) => return Outcome::Refused(format!("cannot be written as an e-mail: {err}")),
        };
        match self.transport.send(message).await {
            Ok(_) => Outcome::Sent,
            Err(err) => {
                let code = err.status().map(u16::from);
                let said = err.to_string();
                match code {
                    Some(550 | 551 | 553) if err.is_permanent() => Outcome::Refused(said),
                    _ => Outcome::Failed(said),
                }
            }
        }
    }
}

fn build(email: &Email, message_id: &str) -> anyhow::Result<Message> {
    let mut builder = Message::builder()
        .from(email.from.parse::<Mailbox>()?)
        .to(email.to.parse::<Mailbox>()?)
        .subject(&email.subject)
        .message_id(Some(message_id.to_owned()));
    if let Some(reply_to) = &email.reply_to {
        builder = builder.reply_to(reply_to.parse::<Mailbox>()?);
    }
    if let Some(url) = &email.list_unsubscribe {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                super::LIST_UNSUBSCRIBE_POST.to_owned(),
            ));
    }
    // Quoted-printable whatever the text: French reads as itself in the raw message, and
    // every server takes it (no 8BITMIME needed).
    let part = |content_type: ContentType, text: &str| -> anyhow::Result<SinglePart> {
        let body =
            Body::new_with_encoding(text.to_owned(), ContentTransferEncoding::QuotedPrintable)
                .map_err(|_| anyhow::anyhow!("the text cannot be encoded"))?;
        Ok(SinglePart::builder().header(content_type).body(body))
    };
    Ok(builder.multipart(
        MultiPart::alternative()
            .singlepart(part(ContentType::TEXT_PLAIN, &email.text)?)
            .singlepart(part(ContentType::TEXT_HTML, &email.html)?),
    )?)
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_matches(|c| c == '[' || c == ']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// `%40` -> `@` in a URL's user or password.
fn percent_decode(part: &str) -> Result<String, std::str::Utf8Error> {
    percent_encoding::percent_decode_str(part)
        .decode_utf8()
        .map(|decoded| decoded.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_pick_the_security_and_plain_smtp_stays_on_loopback() {
        assert!(Smtp::from_url("smtp://user:pass@mail.example.fr:587", false).is_ok());
        assert!(Smtp::from_url("smtps://user:pass@mail.example.fr", false).is_ok());
        assert!(Smtp::from_url("smtp://127.0.0.1:2525", true).is_ok());
        assert!(Smtp::from_url("smtp://[::1]:2525", true).is_ok());
        assert!(Smtp::from_url("smtp://mail.example.fr:25", true).is_err());
        assert!(Smtp::from_url("http://mail.example.fr", false).is_err());
        assert!(Smtp::from_url("not a url", false).is_err());
    }

    #[test]
    fn credentials_are_percent_decoded() {
        assert_eq!(
            percent_decode("vitrine%40uzes.fr").unwrap(),
            "vitrine@uzes.fr"
        );
        assert_eq!(percent_decode("p%2Fss%").unwrap(), "p/ss%");
    }
}
