//! The account's e-mails (issue 12): a link to set a new password, a link to verify the
//! address. Transactional: sent because the owner asked or just signed up, never marketing.

use super::{Body, Piece, Rendered};
use crate::domain::language::Language;

/// To the account's owner, who asked: the link to set a new password, valid one hour,
/// once; and what to do if they did not ask.
pub fn password_reset(name: &str, link: &str, marketplace: &str, language: Language) -> Rendered {
    let anchor = Piece::Link {
        label: link,
        href: link,
    };
    match language {
        Language::Fr => Body::new()
            .para(&format!("Bonjour {name},"))
            .para(&format!(
                "Quelqu'un, sans doute vous, a demandé à changer le mot de passe de votre \
                 compte {marketplace}."
            ))
            .line(&[
                Piece::Text("Pour choisir un nouveau mot de passe, ouvrez ce lien : "),
                anchor,
            ])
            .para(
                "Le lien fonctionne pendant une heure, une seule fois. Une fois le mot de passe \
                 changé, vos appareils devront se reconnecter.",
            )
            .para("Si vous n'avez rien demandé, ne faites rien : votre mot de passe reste le même.")
            .finish_in(
                format!("Nouveau mot de passe pour votre compte {marketplace}"),
                marketplace,
                language,
            ),
        Language::En => Body::new()
            .para(&format!("Hello {name},"))
            .para(&format!(
                "Someone, probably you, asked to change the password of your {marketplace} \
                 account."
            ))
            .line(&[
                Piece::Text("To choose a new password, open this link: "),
                anchor,
            ])
            .para(
                "The link works for one hour, once. Once the password is changed, your devices \
                 will have to sign in again.",
            )
            .para("If you did not ask, do nothing: your password stays the same.")
            .finish_in(
                format!("A new password for your {marketplace} account"),
                marketplace,
                language,
            ),
    }
}

/// To a new account's address (or one whose owner asked again): the link that proves the
/// address is theirs, valid 48 hours, once.
pub fn verify_address(name: &str, link: &str, marketplace: &str, language: Language) -> Rendered {
    let anchor = Piece::Link {
        label: link,
        href: link,
    };
    match language {
        Language::Fr => Body::new()
            .para(&format!("Bonjour {name},"))
            .para(&format!(
                "Pour confirmer que cette adresse est bien la vôtre, et recevoir les nouvelles \
                 de vos commandes sur {marketplace}, ouvrez ce lien :"
            ))
            .line(&[anchor])
            .para("Le lien fonctionne pendant 48 heures, une seule fois.")
            .para(
                "Si vous n'avez pas créé de compte, ne faites rien : sans confirmation, cette \
                 adresse ne sera pas vérifiée.",
            )
            .finish_in(
                format!("Confirmez votre adresse e-mail pour {marketplace}"),
                marketplace,
                language,
            ),
        Language::En => Body::new()
            .para(&format!("Hello {name},"))
            .para(&format!(
                "To confirm that this address is yours, and to get news of your orders on \
                 {marketplace}, open this link:"
            ))
            .line(&[anchor])
            .para("The link works for 48 hours, once.")
            .para(
                "If you did not create an account, do nothing: without confirmation, this \
                 address will not be verified.",
            )
            .finish_in(
                format!("Confirm your e-mail address for {marketplace}"),
                marketplace,
                language,
            ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reset_message_gives_the_link_and_its_limits_in_both_parts() {
        let link = "https://commerces.uzes.test/mot-de-passe/nouveau?jeton=abc";
        let rendered = password_reset("Jeanne", link, "Commerces d'Uzès", Language::Fr);
        assert_eq!(
            rendered.subject,
            "Nouveau mot de passe pour votre compte Commerces d'Uzès"
        );
        assert!(rendered.text.contains(link), "{}", rendered.text);
        assert!(rendered.text.contains("pendant une heure"));
        assert!(
            rendered
                .html
                .contains(&format!("<a href=\"{link}\">{link}</a>"))
        );
    }

    #[test]
    fn the_verification_message_says_48_hours() {
        let link = "https://commerces.uzes.test/verifier-courriel?jeton=abc";
        let rendered = verify_address("Paul", link, "Vitrine", Language::Fr);
        assert!(rendered.text.contains(link));
        assert!(rendered.text.contains("48 heures"));
        assert!(rendered.html.contains("lang=\"fr\""));
    }

    #[test]
    fn an_english_reader_gets_english_words_and_lang() {
        let link = "https://commerces.uzes.test/verifier-courriel?jeton=abc";
        let rendered = verify_address("Paul", link, "Vitrine", Language::En);
        assert_eq!(rendered.subject, "Confirm your e-mail address for Vitrine");
        assert!(rendered.text.contains("48 hours"), "{}", rendered.text);
        assert!(rendered.html.contains("lang=\"en\""));
        let rendered = password_reset("Jeanne", link, "Vitrine", Language::En);
        assert!(
            rendered.text.starts_with("Hello Jeanne,"),
            "{}",
            rendered.text
        );
        assert!(!rendered.text.contains("Bonjour"));
    }
}
