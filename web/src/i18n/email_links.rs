//! E-mail links (issue 12): the forgotten password, the new password from the link, the
//! address's verification, in French and English.

/// The strings of the e-mail links' pages and of the account's address.
pub struct EmailLinkStrings {
    /// The log-in page's link.
    pub forgot_link: &'static str,
    pub forgot_heading: &'static str,
    pub forgot_intro: &'static str,
    pub forgot_submit: &'static str,
    pub forgot_sending: &'static str,
    /// After the request, whatever the address.
    pub forgot_done: &'static str,
    /// Too many requests.
    pub forgot_throttled: &'static str,
    pub new_heading: &'static str,
    pub new_intro: &'static str,
    pub new_password_label: &'static str,
    pub confirm_label: &'static str,
    /// The two passwords differ.
    pub mismatch: &'static str,
    pub new_submit: &'static str,
    pub new_sending: &'static str,
    pub new_done: &'static str,
    /// The link is wrong, used or expired.
    pub link_refused: &'static str,
    /// Asks for another link.
    pub ask_again: &'static str,
    /// The page was opened without a token.
    pub no_token: &'static str,
    pub verify_heading: &'static str,
    pub verifying: &'static str,
    pub verified: &'static str,
    pub verify_refused: &'static str,
    /// The account page: the address is verified.
    pub status_verified: &'static str,
    /// The account page: the address is not verified yet.
    pub status_unverified: &'static str,
    pub resend: &'static str,
    pub resending: &'static str,
    pub resent: &'static str,
    pub resend_throttled: &'static str,
    /// The account page: a mail server refused the address; then its reason.
    pub status_refused: &'static str,
    pub refused_reason: &'static str,
    /// The admins' view of an account: the address verified, or not.
    pub admin_verified: &'static str,
    pub admin_unverified: &'static str,
    pub admin_refused: &'static str,
}

/// In French.
pub static FR: EmailLinkStrings = EmailLinkStrings {
    forgot_link: "Mot de passe oublié ?",
    forgot_heading: "Mot de passe oublié",
    forgot_intro: "Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.",
    forgot_submit: "Recevoir le lien",
    forgot_sending: "Envoi…",
    forgot_done: "Si un compte existe pour cette adresse, un lien vous a été envoyé. Il fonctionne pendant une heure, une seule fois. Pensez à regarder dans les courriers indésirables.",
    forgot_throttled: "Plusieurs liens ont déjà été demandés pour cette adresse. Regardez vos messages (et les courriers indésirables), ou réessayez dans une heure.",
    new_heading: "Choisir un nouveau mot de passe",
    new_intro: "Tapez deux fois votre nouveau mot de passe. Une fois changé, vos autres appareils devront se reconnecter.",
    new_password_label: "Nouveau mot de passe",
    confirm_label: "Le même, encore une fois",
    mismatch: "Les deux mots de passe ne sont pas les mêmes.",
    new_submit: "Enregistrer le mot de passe",
    new_sending: "Enregistrement…",
    new_done: "Votre mot de passe est changé. Vous pouvez vous connecter avec lui.",
    link_refused: "Ce lien ne fonctionne plus : il a déjà servi, ou il a plus d'une heure.",
    ask_again: "Demander un nouveau lien",
    no_token: "Ce lien est incomplet. Ouvrez le lien reçu par e-mail en entier, ou demandez-en un nouveau.",
    verify_heading: "Vérification de votre adresse e-mail",
    verifying: "Vérification en cours…",
    verified: "Merci : votre adresse e-mail est vérifiée.",
    verify_refused: "Ce lien ne fonctionne plus : il a déjà servi, il a plus de 48 heures, ou l'adresse du compte a changé. Depuis votre compte, vous pouvez demander un nouveau lien.",
    status_verified: "Votre adresse e-mail est vérifiée.",
    status_unverified: "Votre adresse e-mail n'est pas encore vérifiée : ouvrez le lien que nous vous avons envoyé (il fonctionne 48 heures).",
    resend: "Renvoyer le lien",
    resending: "Envoi…",
    resent: "Un nouveau lien vous a été envoyé.",
    resend_throttled: "Plusieurs liens ont été envoyés cette heure-ci : regardez vos messages (et les courriers indésirables), ou réessayez plus tard.",
    status_refused: "Les e-mails ne peuvent pas vous parvenir : le serveur de messagerie a refusé votre adresse. Vérifiez-la, et contactez l'association pour la corriger.",
    refused_reason: "Réponse du serveur :",
    admin_verified: "Adresse vérifiée",
    admin_unverified: "Adresse pas encore vérifiée",
    admin_refused: "Adresse refusée par le serveur de messagerie",
};

/// In English.
pub static EN: EmailLinkStrings = EmailLinkStrings {
    forgot_link: "Forgot your password?",
    forgot_heading: "Forgotten password",
    forgot_intro: "Enter your account's e-mail address: we will send you a link to choose a new password.",
    forgot_submit: "Send me the link",
    forgot_sending: "Sending…",
    forgot_done: "If an account exists for this address, a link has been sent to it. It works for one hour, once. Look in the spam folder too.",
    forgot_throttled: "Several links were already asked for this address. Look in your messages (and the spam folder), or try again in an hour.",
    new_heading: "Choose a new password",
    new_intro: "Type your new password twice. Once it is changed, your other devices will have to sign in again.",
    new_password_label: "New password",
    confirm_label: "The same, once more",
    mismatch: "The two passwords are not the same.",
    new_submit: "Save the password",
    new_sending: "Saving…",
    new_done: "Your password is changed. You can sign in with it.",
    link_refused: "This link no longer works: it was already used, or it is more than an hour old.",
    ask_again: "Ask for a new link",
    no_token: "This link is incomplete. Open the whole link from the e-mail, or ask for a new one.",
    verify_heading: "Verifying your e-mail address",
    verifying: "Verifying…",
    verified: "Thank you: your e-mail address is verified.",
    verify_refused: "This link no longer works: it was already used, it is more than 48 hours old, or the account's address changed. You can ask for a new link from your account.",
    status_verified: "Your e-mail address is verified.",
    status_unverified: "Your e-mail address is not verified yet: open the link we sent you (it works for 48 hours).",
    resend: "Send the link again",
    resending: "Sending…",
    resent: "A new link has been sent to you.",
    resend_throttled: "Several links were sent this hour: look in your messages (and the spam folder), or try again later.",
    status_refused: "E-mails cannot reach you: the mail server refused your address. Check it, and ask the association to correct it.",
    refused_reason: "The server's answer:",
    admin_verified: "Address verified",
    admin_unverified: "Address not verified yet",
    admin_refused: "Address refused by the mail server",
};
