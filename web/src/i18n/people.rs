//! The strings of people's pages: the admins' accounts list and account page, and the page
//! where an account's owner sets a new password with the association's code.

/// Every string of people's pages, in one language.
pub struct PeopleStrings {
    /// The accounts list: heading and title.
    pub heading: &'static str,
    /// What the list is.
    pub intro: &'static str,
    /// The search field's label.
    pub search_label: &'static str,
    /// The search field's hint.
    pub search_hint: &'static str,
    /// The role filter's label.
    pub role_label: &'static str,
    /// The role filter's "any" choice.
    pub all_roles: &'static str,
    /// The search button.
    pub search_button: &'static str,
    /// Nothing matches.
    pub none_found: &'static str,
    /// How many accounts match (a number).
    pub found: fn(&str) -> String,
    /// The badge of a suspended account.
    pub suspended: &'static str,
    /// Before the shops of an account.
    pub shops_of: &'static str,
    /// The roles.
    pub role_customer: &'static str,
    pub role_merchant: &'static str,
    pub role_volunteer: &'static str,
    pub role_admin: &'static str,

    /// The account page: the link back to the list.
    pub back_to_list: &'static str,
    /// The account page's title when the account is missing.
    pub account_heading: &'static str,
    /// No such account.
    pub no_account: &'static str,
    /// Created on (a date).
    pub created_on: fn(&str) -> String,
    /// Last signed in or active on (a date).
    pub last_seen: fn(&str) -> String,
    /// Never signed in.
    pub never_seen: &'static str,
    /// Role section.
    pub role_heading: &'static str,
    /// The role select's label.
    pub new_role_label: &'static str,
    /// The role button.
    pub change_role: &'static str,
    /// What becoming a customer or a volunteer means for shops.
    pub role_hint: &'static str,
    /// Role changed.
    pub role_changed: &'static str,
    /// Shops section.
    pub shops_heading: &'static str,
    /// On no shop's team.
    pub no_shops: &'static str,
    /// The shop select's label.
    pub add_shop_label: &'static str,
    /// The shop select's empty choice.
    pub choose_shop: &'static str,
    /// The add button.
    pub add_shop: &'static str,
    /// The remove button (a shop's name).
    pub remove_shop: fn(&str) -> String,
    /// Suspension section.
    pub suspension_heading: &'static str,
    /// The account is active.
    pub active: &'static str,
    /// Suspended since (a date).
    pub suspended_since: fn(&str) -> String,
    /// The first button.
    pub suspend: &'static str,
    /// What suspending does.
    pub suspend_warning: &'static str,
    /// The second, confirming button.
    pub suspend_confirm: &'static str,
    /// Keep it active.
    pub cancel: &'static str,
    /// Lift the suspension.
    pub reinstate: &'static str,
    /// Reset section.
    pub reset_heading: &'static str,
    /// What the reset code is for.
    pub reset_intro: &'static str,
    /// The button.
    pub reset_button: &'static str,
    /// Above the code.
    pub reset_code_label: &'static str,
    /// How to read it out.
    pub reset_read_out: &'static str,
    /// Where the owner types it (the page's address).
    pub reset_where: fn(&str) -> String,
    /// History section.
    pub history_heading: &'static str,
    /// No change yet.
    pub history_empty: &'static str,
    /// The kinds of change.
    pub event_role_changed: &'static str,
    pub event_shop_added: &'static str,
    pub event_shop_removed: &'static str,
    pub event_suspended: &'static str,
    pub event_reinstated: &'static str,
    pub event_reset_code: &'static str,
    pub event_password_reset: &'static str,
    /// Who did it (a name).
    pub by: fn(&str) -> String,

    /// The log-in page: the link to the code page.
    pub have_code: &'static str,
    /// The code page: heading and title.
    pub code_heading: &'static str,
    /// What to do.
    pub code_intro: &'static str,
    /// The code field.
    pub code_label: &'static str,
    pub code_hint: &'static str,
    /// The new password field.
    pub new_password_label: &'static str,
    /// The button.
    pub code_submit: &'static str,
    pub code_sending: &'static str,
    /// Done.
    pub code_done: &'static str,
    /// The code did not work.
    pub code_refused: &'static str,
    /// The code is not 12 digits.
    pub code_error: &'static str,
    /// The account's phone, before the number.
    pub phone_label: &'static str,
    /// The account has no phone.
    pub no_phone: &'static str,
}

/// French.
pub static FR: PeopleStrings = PeopleStrings {
    heading: "Personnes",
    intro: "Les comptes du site : clients, commerçants, bénévoles et administrateurs. \
            Le téléphone d'un compte est celui que la personne a donné sur sa page « Mon compte » ; \
            celui d'un commerce est sur sa fiche.",
    search_label: "Nom ou adresse e-mail",
    search_hint: "Les accents et les majuscules ne comptent pas.",
    role_label: "Rôle",
    all_roles: "Tous les rôles",
    search_button: "Chercher",
    none_found: "Aucun compte ne correspond.",
    found: |n| format!("{n} compte(s)"),
    suspended: "Suspendu",
    shops_of: "Commerces :",
    role_customer: "Client",
    role_merchant: "Commerçant",
    role_volunteer: "Bénévole",
    role_admin: "Administrateur",

    back_to_list: "Toutes les personnes",
    account_heading: "Compte",
    no_account: "Ce compte n'existe pas.",
    created_on: |d| format!("Compte créé le {d}"),
    last_seen: |d| format!("Dernière connexion le {d}"),
    never_seen: "Jamais connecté",
    role_heading: "Rôle",
    new_role_label: "Nouveau rôle",
    change_role: "Changer le rôle",
    role_hint: "Client ou bénévole : le compte quitte aussi les équipes de ses commerces. \
                Pour en faire un commerçant, ajoutez-le à un commerce ci-dessous.",
    role_changed: "Rôle changé.",
    shops_heading: "Commerces",
    no_shops: "Membre d'aucun commerce.",
    add_shop_label: "Ajouter à l'équipe d'un commerce",
    choose_shop: "Choisir un commerce",
    add_shop: "Ajouter",
    remove_shop: |shop| format!("Retirer de {shop}"),
    suspension_heading: "Suspension",
    active: "Le compte est actif.",
    suspended_since: |d| format!("Suspendu depuis le {d}."),
    suspend: "Suspendre le compte",
    suspend_warning: "Le compte ne pourra plus se connecter ; ses connexions en cours et les \
                      clés d'API qu'il a créées s'arrêtent tout de suite.",
    suspend_confirm: "Oui, suspendre ce compte",
    cancel: "Annuler",
    reinstate: "Rétablir le compte",
    reset_heading: "Mot de passe oublié",
    reset_intro: "Générez un code à usage unique et lisez-le à la personne au téléphone.",
    reset_button: "Générer un code",
    reset_code_label: "Code à lire",
    reset_read_out: "Lisez-le lentement, par groupes de quatre chiffres. Il marche une seule \
                     fois, pendant une heure ; un nouveau code remplace celui-ci.",
    reset_where: |url| {
        format!(
            "La personne va sur la page « {url} » (lien « J'ai un code » sous la connexion), \
             saisit son adresse e-mail, le code et un nouveau mot de passe."
        )
    },
    history_heading: "Historique",
    history_empty: "Aucun changement.",
    event_role_changed: "Rôle changé",
    event_shop_added: "Ajouté au commerce",
    event_shop_removed: "Retiré du commerce",
    event_suspended: "Compte suspendu",
    event_reinstated: "Compte rétabli",
    event_reset_code: "Code de mot de passe généré",
    event_password_reset: "Mot de passe changé avec un code",
    by: |name| format!("par {name}"),

    have_code: "L'association vous a donné un code ?",
    code_heading: "J'ai un code de l'association",
    code_intro: "L'association vous a lu un code de 12 chiffres au téléphone. Saisissez-le \
                 avec votre adresse e-mail, puis choisissez un nouveau mot de passe.",
    code_label: "Code (12 chiffres)",
    code_hint: "Par exemple : 1234 5678 9012",
    new_password_label: "Nouveau mot de passe",
    code_submit: "Changer mon mot de passe",
    code_sending: "Envoi…",
    code_done: "Votre mot de passe est changé. Connectez-vous avec le nouveau.",
    code_refused: "Ce code ne marche pas avec cette adresse : vérifiez les chiffres et \
                   l'adresse, ou demandez un nouveau code à l'association.",
    code_error: "Saisissez les 12 chiffres du code.",
    phone_label: "Téléphone",
    no_phone: "Pas de téléphone sur ce compte.",
};

/// English.
pub static EN: PeopleStrings = PeopleStrings {
    heading: "People",
    intro: "The site's accounts: customers, merchants, volunteers and admins. An account's \
            phone is the one its owner gave on their account page; a shop's is on its profile.",
    search_label: "Name or e-mail address",
    search_hint: "Accents and capitals do not matter.",
    role_label: "Role",
    all_roles: "All roles",
    search_button: "Search",
    none_found: "No account matches.",
    found: |n| format!("{n} account(s)"),
    suspended: "Suspended",
    shops_of: "Shops:",
    role_customer: "Customer",
    role_merchant: "Merchant",
    role_volunteer: "Volunteer",
    role_admin: "Admin",

    back_to_list: "All people",
    account_heading: "Account",
    no_account: "This account does not exist.",
    created_on: |d| format!("Account created on {d}"),
    last_seen: |d| format!("Last signed in on {d}"),
    never_seen: "Never signed in",
    role_heading: "Role",
    new_role_label: "New role",
    change_role: "Change the role",
    role_hint: "Customer or volunteer: the account also leaves its shops' teams. To make it a \
                merchant, add it to a shop below.",
    role_changed: "Role changed.",
    shops_heading: "Shops",
    no_shops: "On no shop's team.",
    add_shop_label: "Add to a shop's team",
    choose_shop: "Choose a shop",
    add_shop: "Add",
    remove_shop: |shop| format!("Remove from {shop}"),
    suspension_heading: "Suspension",
    active: "The account is active.",
    suspended_since: |d| format!("Suspended since {d}."),
    suspend: "Suspend the account",
    suspend_warning: "The account will not be able to sign in; its open sessions and the API \
                      keys it created stop at once.",
    suspend_confirm: "Yes, suspend this account",
    cancel: "Cancel",
    reinstate: "Reinstate the account",
    reset_heading: "Forgotten password",
    reset_intro: "Generate a one-time code and read it out to the person on the phone.",
    reset_button: "Generate a code",
    reset_code_label: "Code to read out",
    reset_read_out: "Read it slowly, in groups of four digits. It works once, for one hour; a \
                     new code replaces this one.",
    reset_where: |url| {
        format!(
            "The person goes to the page \"{url}\" (link \"I have a code\" under the log-in), \
             types their e-mail address, the code and a new password."
        )
    },
    history_heading: "History",
    history_empty: "No change.",
    event_role_changed: "Role changed",
    event_shop_added: "Added to the shop",
    event_shop_removed: "Removed from the shop",
    event_suspended: "Account suspended",
    event_reinstated: "Account reinstated",
    event_reset_code: "Password code generated",
    event_password_reset: "Password changed with a code",
    by: |name| format!("by {name}"),

    have_code: "Did the association give you a code?",
    code_heading: "I have a code from the association",
    code_intro: "The association read you a 12-digit code on the phone. Type it with your \
                 e-mail address, then choose a new password.",
    code_label: "Code (12 digits)",
    code_hint: "For example: 1234 5678 9012",
    new_password_label: "New password",
    code_submit: "Change my password",
    code_sending: "Sending…",
    code_done: "Your password is changed. Log in with the new one.",
    code_refused: "This code does not work with this address: check the digits and the \
                   address, or ask the association for a new code.",
    code_error: "Type the 12 digits of the code.",
    phone_label: "Phone",
    no_phone: "No phone on this account.",
};
