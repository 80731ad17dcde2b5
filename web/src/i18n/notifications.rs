//! E-mail settings (issue 12): the shopper's, the merchant's, the association's sender, and
//! the page an e-mail's unsubscribe link opens, in French and English.

/// The strings of the e-mail settings.
pub struct NotificationsStrings {
    pub heading: &'static str,
    /// The shopper's account: what is always sent.
    pub always_sent: &'static str,
    pub delivery_reminder: &'static str,
    pub round_warning: &'static str,
    pub saved: &'static str,
    /// The shop's settings.
    pub shop_intro: &'static str,
    pub new_order: &'static str,
    pub daily_summary: &'static str,
    pub summary_time: &'static str,
    pub save: &'static str,
    /// The association's sender.
    pub sender_heading: &'static str,
    pub sender_intro: &'static str,
    pub sender_name: &'static str,
    pub sender_address: &'static str,
    pub reply_to: &'static str,
    pub reply_to_hint: &'static str,
    /// The unsubscribe page.
    pub unsubscribe_heading: &'static str,
    pub unsubscribe_intro: &'static str,
    pub unsubscribe_button: &'static str,
    pub unsubscribe_done: &'static str,
    pub unsubscribe_no_token: &'static str,
}

/// In French.
pub static FR: NotificationsStrings = NotificationsStrings {
    heading: "E-mails",
    always_sent: "Les messages sur vos commandes (reçue, confirmée, prête, annulée) sont toujours envoyés.",
    delivery_reminder: "Rappel la veille d'une livraison (à 18 h)",
    round_warning: "Alerte la veille d'une livraison quand des commandes ne sont pas encore confirmées",
    saved: "Enregistré.",
    shop_intro: "Les e-mails que vous recevez pour cette boutique (chaque personne de l'équipe choisit les siens). L'heure du résumé est la même pour toute la boutique.",
    new_order: "Chaque nouvelle commande (et chaque annulation par un client)",
    daily_summary: "Un résumé chaque jour des commandes à confirmer",
    summary_time: "Heure du résumé quotidien",
    save: "Enregistrer",
    sender_heading: "Expéditeur des e-mails",
    sender_intro: "Le nom et l'adresse qui envoient les e-mails, et où vont les réponses. Les réponses à un message sur une commande vont à la boutique quand elle a une adresse.",
    sender_name: "Nom de l'expéditeur",
    sender_address: "Adresse de l'expéditeur",
    reply_to: "Adresse de réponse",
    reply_to_hint: "Laisser vide pour que les réponses aillent à l'expéditeur.",
    unsubscribe_heading: "Ne plus recevoir ce message",
    unsubscribe_intro: "Vous avez suivi le lien de désabonnement d'un e-mail. Confirmez pour ne plus recevoir ce type de message. Les messages sur vos commandes continueront d'arriver.",
    unsubscribe_button: "Confirmer le désabonnement",
    unsubscribe_done: "C'est fait : vous ne recevrez plus ce message. Vous pouvez le réactiver depuis votre compte.",
    unsubscribe_no_token: "Ce lien est incomplet : copiez tout le lien de l'e-mail.",
};

/// In English.
pub static EN: NotificationsStrings = NotificationsStrings {
    heading: "E-mails",
    always_sent: "Messages about your orders (received, confirmed, ready, cancelled) are always sent.",
    delivery_reminder: "A reminder the evening before a delivery (at 6 pm)",
    round_warning: "A warning the evening before a delivery when some orders are still unconfirmed",
    saved: "Saved.",
    shop_intro: "The e-mails you get for this shop (each member of the team chooses their own). The summary's time is the same for the whole shop.",
    new_order: "Each new order (and each cancellation by a customer)",
    daily_summary: "A daily summary of the orders to confirm",
    summary_time: "Time of the daily summary",
    save: "Save",
    sender_heading: "E-mail sender",
    sender_intro: "The name and address the e-mails come from, and where replies go. Replies to a message about an order go to the shop when it has an address.",
    sender_name: "Sender's name",
    sender_address: "Sender's address",
    reply_to: "Reply-to address",
    reply_to_hint: "Leave empty for replies to go to the sender.",
    unsubscribe_heading: "Stop this message",
    unsubscribe_intro: "You followed an e-mail's unsubscribe link. Confirm to stop receiving this kind of message. Messages about your orders will still arrive.",
    unsubscribe_button: "Confirm",
    unsubscribe_done: "Done: you will not receive this message any more. You can turn it back on from your account.",
    unsubscribe_no_token: "This link is incomplete: copy the whole link from the e-mail.",
};
