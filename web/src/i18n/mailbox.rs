//! The association's mailbox (issue 12): every e-mail the server sent, is sending, or keeps
//! because no mail server is configured, in French and English.

/// The strings of the mailbox page.
pub struct MailboxStrings {
    pub nav: &'static str,
    pub heading: &'static str,
    /// Says what the page is, and why messages may be held.
    pub intro: &'static str,
    pub filter_label: &'static str,
    pub filter_all: &'static str,
    pub state_pending: &'static str,
    pub state_held: &'static str,
    pub state_sent: &'static str,
    pub state_failed: &'static str,
    pub empty: &'static str,
    pub to: &'static str,
    pub created: &'static str,
    pub sent: &'static str,
    pub attempts: &'static str,
    pub last_error: &'static str,
    pub read: &'static str,
    pub close: &'static str,
    pub loading: &'static str,
    /// The plain-text part's heading.
    pub text_part: &'static str,
}

/// In French.
pub static FR: MailboxStrings = MailboxStrings {
    nav: "Courrier",
    heading: "Courrier envoyé",
    intro: "Chaque e-mail que Vitrine envoie aux commerces, aux clients et à l'association, tel qu'il part. Tant que l'hébergeur n'a pas branché de serveur de messagerie, les messages ne partent pas : ils sont gardés ici, « en attente d'un serveur », et on peut les lire tels qu'ils seraient partis.",
    filter_label: "Afficher",
    filter_all: "Tous les messages",
    state_pending: "À envoyer",
    state_held: "En attente d'un serveur",
    state_sent: "Envoyé",
    state_failed: "Échec",
    empty: "Aucun message pour l'instant.",
    to: "À",
    created: "Écrit le",
    sent: "Envoyé le",
    attempts: "Tentatives",
    last_error: "Dernière erreur",
    read: "Lire",
    close: "Fermer",
    loading: "Chargement du message…",
    text_part: "Le message",
};

/// In English.
pub static EN: MailboxStrings = MailboxStrings {
    nav: "Mail",
    heading: "Mail sent",
    intro: "Every e-mail Vitrine sends to the shops, the shoppers and the association, as it goes out. Until the host connects a mail server, messages do not leave: they are kept here, \"waiting for a server\", readable as they would have been sent.",
    filter_label: "Show",
    filter_all: "All messages",
    state_pending: "To send",
    state_held: "Waiting for a server",
    state_sent: "Sent",
    state_failed: "Failed",
    empty: "No message yet.",
    to: "To",
    created: "Written on",
    sent: "Sent on",
    attempts: "Attempts",
    last_error: "Last error",
    read: "Read",
    close: "Close",
    loading: "Loading the message…",
    text_part: "The message",
};
