//! The back-office's strings (`bo_*`), in French and English: read through
//! [`super::Strings::bo`], so that only the bundles showing the back-office carry them.

/// The strings, in one language.
pub struct BackOfficeStrings {
    /// Back-office: heading of the shops list.
    pub bo_heading: &'static str,
    /// Back-office, signed out.
    pub bo_login_needed: &'static str,
    /// Back-office: an account without shops.
    pub bo_no_shop: &'static str,
    /// Back-office: a shop not yet (or no longer) on the site.
    pub bo_not_active: &'static str,
    /// Back-office: link to a shop's orders.
    pub bo_orders_link: &'static str,
    /// Back-office: link to a shop's products.
    pub bo_products_link: &'static str,
    /// Back-office: link back to the shops list.
    pub bo_all_shops: &'static str,
    /// Back-office: the inbox's heading.
    pub bo_orders_heading: &'static str,
    /// Back-office: the inbox is live.
    pub bo_live: &'static str,
    /// Back-office: the live feed is reconnecting.
    pub bo_live_lost: &'static str,
    /// Back-office: the sound toggle.
    pub bo_sound: &'static str,
    /// Back-office: an empty inbox.
    pub bo_no_orders: &'static str,
    /// Back-office: the customer may be called.
    pub bo_may_call: &'static str,
    /// Back-office: the customer prefers no call.
    pub bo_no_call: &'static str,
    /// Back-office: before the customer's note.
    pub bo_customer_note: &'static str,
    /// Back-office: placed to confirmed.
    pub bo_confirm: &'static str,
    /// Back-office: confirmed to ready.
    pub bo_mark_ready: &'static str,
    /// Back-office: ready to completed.
    pub bo_mark_completed: &'static str,
    /// Back-office: opens the cancellation.
    pub bo_cancel: &'static str,
    /// Back-office: label of the cancellation's reason.
    pub bo_cancel_reason: &'static str,
    /// Back-office: cancels.
    pub bo_cancel_confirm: &'static str,
    /// Back-office: a paid order.
    pub bo_paid: &'static str,
    /// Back-office: an order to be paid.
    pub bo_payment_due: &'static str,
    /// Back-office: label of the payment method.
    pub bo_payment_method: &'static str,
    /// Payment in cash.
    pub bo_cash: &'static str,
    /// Payment by card.
    pub bo_card: &'static str,
    /// Payment by cheque.
    pub bo_cheque: &'static str,
    /// Back-office: records the payment.
    pub bo_record_payment: &'static str,
    /// Back-office: label of the merchant's note.
    pub bo_merchant_note: &'static str,
    /// Back-office: saves the note.
    pub bo_save_note: &'static str,
    /// Back-office: a change was saved.
    pub bo_saved: &'static str,
    /// Back-office: the products page's heading.
    pub bo_products_heading: &'static str,
    /// Back-office: label of a price field.
    pub bo_price: &'static str,
    /// Back-office: label of a stock field.
    pub bo_stock: &'static str,
    /// Back-office: saves a product.
    pub bo_save: &'static str,
    /// A product not yet on sale.
    pub bo_draft: &'static str,
    /// A product on sale.
    pub bo_on_sale: &'static str,
    /// An archived product.
    pub bo_archived: &'static str,
    /// Back-office: a price that is not one.
    pub bo_bad_price: &'static str,
    /// Back-office: a stock that is not one.
    pub bo_bad_stock: &'static str,
    /// Link from the account to the back-office.
    pub bo_back_office_link: &'static str,
    /// Back-office: link to the association's page (admins).
    pub bo_association_link: &'static str,
    /// The association's page heading.
    pub bo_association_heading: &'static str,
    /// The association's page, for a non-admin.
    pub bo_association_only: &'static str,
    /// No shop waits for approval.
    pub bo_none_pending: &'static str,
    /// Approves a shop.
    pub bo_approve: &'static str,
    /// A shop was approved.
    pub bo_approved: &'static str,
    /// Prints an order's slip.
    pub bo_print: &'static str,
    /// Back-office: an order's history.
    pub bo_history: &'static str,
    /// History: the shopper as actor.
    pub bo_history_customer: &'static str,
    /// History: the order was placed.
    pub bo_history_placed: &'static str,
    /// History: the payment was recorded.
    pub bo_history_paid: &'static str,
    /// History: the note was changed.
    pub bo_history_note: &'static str,
    /// A delivery round's tap (collected, delivered, failed); its note says which.
    pub bo_history_delivery: &'static str,
    /// The link to (and heading of) the new product's page.
    pub bo_new_product: &'static str,
    /// The heading of a product's edit page.
    pub bo_edit_product: &'static str,
    /// The link back to the shop's products.
    pub bo_back_to_products: &'static str,
    /// Label of the products list's search box.
    pub bo_search_label: &'static str,
    /// The products list's search button.
    pub bo_search_button: &'static str,
    /// Label of the products list's status select.
    pub bo_status_filter: &'static str,
    /// The status select's choice of every product.
    pub bo_all_statuses: &'static str,
    /// The status select's choice of drafts.
    pub bo_drafts: &'static str,
    /// The status select's choice of products on sale.
    pub bo_all_on_sale: &'static str,
    /// The status select's choice of archived products.
    pub bo_all_archived: &'static str,
    /// No product matches the search or the status.
    pub bo_no_match: &'static str,
    /// The shop has no product yet.
    pub bo_no_products: &'static str,
    /// The link to a product's edit page.
    pub bo_edit: &'static str,
    /// Puts a draft on sale.
    pub bo_publish: &'static str,
    /// Takes a product off sale, back to draft.
    pub bo_unpublish: &'static str,
    /// Makes an archived product a draft again.
    pub bo_back_to_draft: &'static str,
    /// Archives a product.
    pub bo_archive: &'static str,
    /// The API refused to publish (409).
    pub bo_publish_refused: &'static str,
    /// The API refused to unpublish (409).
    pub bo_unpublish_refused: &'static str,
    /// The API refused to archive (409).
    pub bo_archive_refused: &'static str,
    /// Before a product's new status, once changed.
    pub bo_status_now: &'static str,
    /// Heading of the edit page's status box.
    pub bo_status_heading: &'static str,
    /// The edit page of a product the shop does not have.
    pub bo_product_missing: &'static str,
    /// Heading of the product's fields.
    pub bo_details_heading: &'static str,
    /// Label of the product's name.
    pub bo_name: &'static str,
    /// Label of the product's description.
    pub bo_description: &'static str,
    /// Example under the price field.
    pub bo_price_hint: &'static str,
    /// Label of the VAT rate select.
    pub bo_vat: &'static str,
    /// VAT 5.5 %.
    pub bo_vat_5_5: &'static str,
    /// VAT 20 %.
    pub bo_vat_20: &'static str,
    /// VAT 10 %.
    pub bo_vat_10: &'static str,
    /// VAT 2.1 %.
    pub bo_vat_2_1: &'static str,
    /// The only rate of a VAT-exempt shop.
    pub bo_vat_exempt: &'static str,
    /// Label of the product's stock.
    pub bo_stock_field: &'static str,
    /// Hint under the stock field.
    pub bo_stock_hint: &'static str,
    /// Label of the category select.
    pub bo_category: &'static str,
    /// The category select's empty choice.
    pub bo_choose_category: &'static str,
    /// A missing or too long name.
    pub bo_bad_name: &'static str,
    /// A too long description.
    pub bo_bad_description: &'static str,
    /// A VAT rate the API refused.
    pub bo_bad_vat: &'static str,
    /// A missing or unknown category.
    pub bo_bad_category: &'static str,
    /// Submits the new product.
    pub bo_create_product: &'static str,
    /// Submits the product's changes.
    pub bo_save_product: &'static str,
    /// Heading of the picture section.
    pub bo_picture_heading: &'static str,
    /// Said when the product has no uploaded picture.
    pub bo_picture_generated: &'static str,
    /// Label of the picture file input.
    pub bo_picture_choose: &'static str,
    /// Hint under the picture file input.
    pub bo_picture_hint: &'static str,
    /// The picture was uploaded.
    pub bo_picture_saved: &'static str,
    /// The picture was removed.
    pub bo_picture_removed: &'static str,
    /// Removes the uploaded picture.
    pub bo_picture_remove: &'static str,
    /// A file that is not a JPEG, PNG or WebP picture.
    pub bo_picture_not_image: &'static str,
    /// A picture over 5 MB.
    pub bo_picture_too_big: &'static str,
    /// Heading of the CSV section.
    pub bo_csv_heading: &'static str,
    /// What the CSV section is for.
    pub bo_csv_intro: &'static str,
    /// Downloads the products as CSV.
    pub bo_export: &'static str,
    /// Label of the CSV file input.
    pub bo_import_label: &'static str,
    /// Hint under the CSV file input.
    pub bo_import_hint: &'static str,
    /// Applies a checked import.
    pub bo_import_apply: &'static str,
    /// A report with bad lines.
    pub bo_import_has_errors: &'static str,
    /// Before the name of the CSV file chosen.
    pub bo_import_file: &'static str,
    /// Heading of the bad lines.
    pub bo_import_errors_heading: &'static str,
    /// Back-office: link to the application to join.
    pub bo_join_link: &'static str,
    /// Back-office: link to a shop's profile.
    pub bo_profile_link: &'static str,
    /// Back-office: link to a shop's API keys.
    pub bo_keys_link: &'static str,
    /// Back-office: link to the phone order form.
    pub bo_phone_link: &'static str,
    /// Joining: the page's heading.
    pub bo_join_heading: &'static str,
    /// Joining: signed out.
    pub bo_join_account_needed: &'static str,
    /// Joining: what the form is for.
    pub bo_join_intro: &'static str,
    /// Joining: the food kind, with examples.
    pub bo_kind_food: &'static str,
    /// Joining: the non-food kind, with examples.
    pub bo_kind_non_food: &'static str,
    /// Joining: the restaurant kind, with examples.
    pub bo_kind_restaurant: &'static str,
    /// Label of the shop's name.
    pub bo_shop_name: &'static str,
    /// Legend of the shop's kind.
    pub bo_shop_kind: &'static str,
    /// Label of the street address.
    pub bo_address: &'static str,
    /// Label of the postcode.
    pub bo_postcode: &'static str,
    /// Label of the commune.
    pub bo_commune: &'static str,
    /// Label of the shop's phone.
    pub bo_phone: &'static str,
    /// Label of the shop's e-mail.
    pub bo_email_optional: &'static str,
    /// Label of what the shop sells.
    pub bo_what_you_sell: &'static str,
    /// Joining: sends the application.
    pub bo_join_send: &'static str,
    /// Joining: what happens next.
    pub bo_join_pending: &'static str,
    /// A form not sent: fix what is in red.
    pub bo_fix_errors: &'static str,
    /// A change the API refused.
    pub bo_not_saved: &'static str,
    /// Error: the shop's name.
    pub bo_error_shop_name: &'static str,
    /// Error: no kind chosen.
    pub bo_error_kind: &'static str,
    /// Error: the address.
    pub bo_error_address: &'static str,
    /// Error: the postcode.
    pub bo_error_postcode: &'static str,
    /// Error: the commune.
    pub bo_error_commune: &'static str,
    /// Error: the description.
    pub bo_error_description: &'static str,
    /// Profile: the page's heading.
    pub bo_profile_heading: &'static str,
    /// Profile: link to the shop's public page.
    pub bo_public_page: &'static str,
    /// Label of the description.
    pub bo_shop_description: &'static str,
    /// Profile: heading of the opening hours.
    pub bo_hours_heading: &'static str,
    /// Profile: how to fill the hours.
    pub bo_hours_hint: &'static str,
    /// Profile: a weekday the shop is closed.
    pub bo_closed_that_day: &'static str,
    /// Profile: opening time.
    pub bo_opens: &'static str,
    /// Profile: closing time.
    pub bo_closes: &'static str,
    /// Profile: opening time after the break.
    pub bo_reopens: &'static str,
    /// Profile: closing time after the break.
    pub bo_closes_again: &'static str,
    /// Error: a period with one time only.
    pub bo_error_period_half: &'static str,
    /// Error: an open day without hours.
    pub bo_error_open_day: &'static str,
    /// Error: hours the API refused.
    pub bo_error_hours: &'static str,
    /// Profile: heading of pickup and delivery.
    pub bo_orders_reach: &'static str,
    /// Profile: legend of pickup and delivery.
    pub bo_offered_legend: &'static str,
    /// Profile: pickup offered.
    pub bo_offers_pickup: &'static str,
    /// Profile: delivery offered.
    pub bo_offers_delivery: &'static str,
    /// Error: neither pickup nor delivery (422).
    pub bo_error_none_offered: &'static str,
    /// Profile: VAT exemption.
    pub bo_shop_vat_exempt: &'static str,
    /// Profile: a restaurant on the food rounds.
    pub bo_food_days: &'static str,
    /// Profile: saves it.
    pub bo_save_profile: &'static str,
    /// Profile: heading of the logo.
    pub bo_logo_heading: &'static str,
    /// Profile: label of the logo's file input.
    pub bo_logo_choose: &'static str,
    /// Profile: what file the logo may be.
    pub bo_logo_hint: &'static str,
    /// Profile: the logo is being sent.
    pub bo_logo_sending: &'static str,
    /// Profile: the logo was saved.
    pub bo_logo_saved: &'static str,
    /// Profile: heading of the closed days.
    pub bo_closed_days_heading: &'static str,
    /// Profile: no closed day.
    pub bo_no_closed_day: &'static str,
    /// Profile: label of a new closed day.
    pub bo_closed_day_date: &'static str,
    /// Profile: adds a closed day.
    pub bo_add_closed_day: &'static str,
    /// Profile: removes a closed day.
    pub bo_reopen: &'static str,
    /// Error: no date.
    pub bo_error_date: &'static str,
    /// Error: a day already closed (409).
    pub bo_error_already_closed: &'static str,
    /// Error: a past or far date (422).
    pub bo_error_date_range: &'static str,
    /// API keys: the page's heading.
    pub bo_keys_heading: &'static str,
    /// API keys: what they are for.
    pub bo_keys_intro: &'static str,
    /// API keys: heading of the list.
    pub bo_keys_list: &'static str,
    /// API keys: none.
    pub bo_no_keys: &'static str,
    /// API keys: label of the name.
    pub bo_key_name: &'static str,
    /// API keys: an example name.
    pub bo_key_name_hint: &'static str,
    /// Error: the key's name.
    pub bo_error_key_name: &'static str,
    /// API keys: creates one.
    pub bo_create_key: &'static str,
    /// API keys: the secret is shown once.
    pub bo_key_once: &'static str,
    /// API keys: label of the new secret.
    pub bo_new_key: &'static str,
    /// API keys: copies the secret.
    pub bo_copy: &'static str,
    /// API keys: copied.
    pub bo_copied: &'static str,
    /// API keys: copying failed.
    pub bo_copy_failed: &'static str,
    /// API keys: hides the secret.
    pub bo_key_noted: &'static str,
    /// API keys: never used.
    pub bo_key_never_used: &'static str,
    /// API keys: starts revoking.
    pub bo_revoke: &'static str,
    /// API keys: what revoking does.
    pub bo_revoke_warning: &'static str,
    /// API keys: revokes.
    pub bo_revoke_confirm: &'static str,
    /// API keys: does not revoke.
    pub bo_revoke_keep: &'static str,
    /// Phone order: the page's heading.
    pub bo_phone_heading: &'static str,
    /// Phone order: heading of the search.
    pub bo_phone_products: &'static str,
    /// Phone order: label of the search.
    pub bo_phone_search: &'static str,
    /// Phone order: searches.
    pub bo_phone_search_button: &'static str,
    /// Phone order: nothing found.
    pub bo_phone_no_result: &'static str,
    /// Phone order: adds a product.
    pub bo_add: &'static str,
    /// Phone order: removes a line.
    pub bo_remove: &'static str,
    /// Phone order: heading of the lines.
    pub bo_phone_lines: &'static str,
    /// Phone order: no line yet.
    pub bo_phone_no_line: &'static str,
    /// Error: a quantity.
    pub bo_error_quantity: &'static str,
    /// Error: no line.
    pub bo_error_no_line: &'static str,
    /// Phone order: heading of the customer.
    pub bo_phone_customer: &'static str,
    /// Phone order: label of the customer's name.
    pub bo_customer_name: &'static str,
    /// Phone order: label of the customer's phone.
    pub bo_customer_phone: &'static str,
    /// Phone order: legend of pickup or delivery.
    pub bo_phone_way: &'static str,
    /// Error: the way the shop does not offer.
    pub bo_error_way: &'static str,
    /// Error: the delivery commune.
    pub bo_error_delivery_commune: &'static str,
    /// Phone order: label of the note.
    pub bo_phone_note: &'static str,
    /// Error: the note.
    pub bo_error_note: &'static str,
    /// Phone order: the customer may be called back.
    pub bo_phone_may_call: &'static str,
    /// Phone order: places it.
    pub bo_phone_place: &'static str,
    /// Phone order: fix the form.
    pub bo_phone_fix: &'static str,
    /// Phone order: not enough stock (409).
    pub bo_phone_stock: &'static str,
    /// Phone order: a product is no longer the shop's (404).
    pub bo_phone_gone: &'static str,
    /// Phone order: another refusal.
    pub bo_phone_not_placed: &'static str,
    /// Phone order: link to the inbox.
    pub bo_phone_to_inbox: &'static str,
    /// Phone order: starts another.
    pub bo_phone_another: &'static str,
    /// Back-office: the new-order signal.
    pub bo_new_order: fn(&str) -> String,
    /// Back-office: the button that phones the customer.
    pub bo_call: fn(&str) -> String,
    /// History: the lines were changed after the call (issue 14).
    pub bo_history_lines_changed: &'static str,
    /// The button that opens the order-line editor (issue 14).
    pub bo_edit_order: &'static str,
    /// Editor: a line's quantity.
    pub bo_edit_quantity: &'static str,
    /// Editor: a line's variant.
    pub bo_edit_variant: &'static str,
    /// Editor: a line's actual weight.
    pub bo_edit_weight: &'static str,
    /// Editor: removes a line.
    pub bo_edit_remove: &'static str,
    /// Editor: the required note.
    pub bo_edit_note: &'static str,
    /// Editor: the save button.
    pub bo_edit_save: &'static str,
    /// Editor: the part where products are added.
    pub bo_edit_add: &'static str,
    /// The association's navigation: what is done every week.
    pub bo_nav_weekly: &'static str,
    /// The association's navigation: how the site is set up.
    pub bo_nav_site: &'static str,
    /// The association's navigation: people and personal data.
    pub bo_nav_people: &'static str,
    /// Editor: nothing to save.
    pub bo_edit_nothing: &'static str,
    /// How many products the list found.
    pub bo_product_count: fn(u64) -> String,
    /// A dry run's counts: created, updated, unchanged.
    pub bo_import_would: fn(u64, u64, u64) -> String,
    /// An applied import's counts: created, updated, unchanged.
    pub bo_import_done: fn(u64, u64, u64) -> String,
    /// Where a bad value is: the line and the column.
    pub bo_import_error_at: fn(u64, &str) -> String,
    /// What a line does: its number, and whether it creates a product.
    pub bo_import_line: fn(u64, bool) -> String,
    /// Joining: the application is in (the shop's name).
    pub bo_join_sent: fn(&str) -> String,
    /// Profile: the logo's text alternative (the shop's name).
    pub bo_logo_of: fn(&str) -> String,
    /// Profile: a closed day (YYYY-MM-DD).
    pub bo_closed_on: fn(&str) -> String,
    /// Profile: accessible name of the button that removes a closed day.
    pub bo_reopen_label: fn(&str) -> String,
    /// API keys: a key was created (its name).
    pub bo_key_created: fn(&str) -> String,
    /// API keys: creation date (YYYY-MM-DD).
    pub bo_key_created_on: fn(&str) -> String,
    /// API keys: last use (YYYY-MM-DD).
    pub bo_key_used_on: fn(&str) -> String,
    /// API keys: revocation date (YYYY-MM-DD).
    pub bo_key_revoked_on: fn(&str) -> String,
    /// Phone order: accessible name of an add button (product).
    pub bo_add_named: fn(&str) -> String,
    /// Phone order: accessible name of a remove button (product).
    pub bo_remove_named: fn(&str) -> String,
    /// Phone order: label of a line's quantity (product).
    pub bo_quantity_of: fn(&str) -> String,
    /// Phone order: stock left (a number).
    pub bo_in_stock: fn(&str) -> String,
    /// A size that cannot be chosen, sold out (its label).
    pub bo_size_sold_out: fn(&str) -> String,
    /// Phone order: placed (its number).
    pub bo_phone_done: fn(&str) -> String,
}

/// In French.
pub static FR: BackOfficeStrings = BackOfficeStrings {
    bo_heading: "Mes commerces",
    bo_login_needed: "Connectez-vous avec le compte de votre commerce pour gérer vos commandes et vos produits.",
    bo_no_shop: "Ce compte ne gère aucun commerce pour l'instant.",
    bo_not_active: "Pas visible sur le site pour l'instant",
    bo_orders_link: "Commandes",
    bo_products_link: "Produits",
    bo_all_shops: "Tous mes commerces",
    bo_orders_heading: "Commandes",
    bo_live: "Les nouvelles commandes s'affichent ici d'elles-mêmes, sans recharger la page.",
    bo_live_lost: "Connexion perdue, nouvelle tentative…",
    bo_sound: "Jouer un son à chaque nouvelle commande",
    bo_no_orders: "Aucune commande pour l'instant.",
    bo_may_call: "Accepte d'être appelé",
    bo_no_call: "Préfère ne pas être appelé",
    bo_customer_note: "Mot du client :",
    bo_confirm: "Confirmer la commande",
    bo_mark_ready: "Marquer prête",
    bo_mark_completed: "Marquer remise au client",
    bo_cancel: "Annuler la commande",
    bo_cancel_reason: "Raison de l'annulation (le client la verra)",
    bo_cancel_confirm: "Confirmer l'annulation",
    bo_paid: "Payée",
    bo_payment_due: "À payer à la remise",
    bo_payment_method: "Moyen de paiement",
    bo_cash: "Espèces",
    bo_card: "Carte bancaire",
    bo_cheque: "Chèque",
    bo_record_payment: "Enregistrer le paiement",
    bo_merchant_note: "Note pour le commerce (ce qui a été convenu au téléphone)",
    bo_save_note: "Enregistrer la note",
    bo_saved: "Enregistré.",
    bo_products_heading: "Produits",
    bo_price: "Prix TTC en euros",
    bo_stock: "Stock (vide : sans limite)",
    bo_save: "Enregistrer",
    bo_draft: "brouillon",
    bo_on_sale: "en vente",
    bo_archived: "archivé",
    bo_bad_price: "Écrivez un prix comme 12,50.",
    bo_bad_stock: "Écrivez un nombre entier, ou laissez vide.",
    bo_back_office_link: "Gérer mon commerce",
    bo_association_link: "Commerces à valider (association)",
    bo_association_heading: "Commerces à valider",
    bo_association_only: "Cette page est réservée aux administrateurs de l'association.",
    bo_none_pending: "Aucun commerce n'attend de validation.",
    bo_approve: "Valider et mettre en ligne",
    bo_approved: "Validé : le commerce est en ligne.",
    bo_print: "Imprimer le bon de commande",
    bo_history: "Historique de la commande",
    bo_history_customer: "le client",
    bo_history_placed: "commande passée",
    bo_history_paid: "paiement enregistré",
    bo_history_note: "note modifiée",
    bo_history_delivery: "tournée de livraison",
    bo_new_product: "Nouveau produit",
    bo_edit_product: "Modifier le produit",
    bo_back_to_products: "Retour aux produits",
    bo_search_label: "Rechercher un produit",
    bo_search_button: "Rechercher",
    bo_status_filter: "Afficher",
    bo_all_statuses: "Tous les produits",
    bo_drafts: "Brouillons",
    bo_all_on_sale: "En vente",
    bo_all_archived: "Archivés",
    bo_no_match: "Aucun produit ne correspond à cette recherche.",
    bo_no_products: "Aucun produit pour l'instant : ajoutez-en un avec « Nouveau produit ».",
    bo_edit: "Modifier",
    bo_publish: "Mettre en vente",
    bo_unpublish: "Retirer de la vente",
    bo_back_to_draft: "Remettre en brouillon",
    bo_archive: "Archiver",
    bo_publish_refused: "Ce produit ne peut pas être mis en vente : il est déjà en vente, ou il est archivé (remettez-le d'abord en brouillon). Rechargez la page pour voir son état.",
    bo_unpublish_refused: "Ce produit est déjà un brouillon. Rechargez la page pour voir son état.",
    bo_archive_refused: "Ce produit est déjà archivé. Rechargez la page pour voir son état.",
    bo_status_now: "C'est fait. Le produit est maintenant :",
    bo_status_heading: "État du produit",
    bo_product_missing: "Ce produit n'existe pas, ou il n'est pas à ce commerce.",
    bo_details_heading: "Description du produit",
    bo_name: "Nom du produit",
    bo_description: "Présentation (facultatif)",
    bo_price_hint: "Par exemple : 12,50",
    bo_vat: "Taux de TVA",
    bo_vat_5_5: "5,5 % (alimentation, livres)",
    bo_vat_20: "20 % (taux normal)",
    bo_vat_10: "10 % (restauration, plats à emporter)",
    bo_vat_2_1: "2,1 % (presse, médicaments remboursés)",
    bo_vat_exempt: "0 % (commerce exonéré de TVA)",
    bo_stock_field: "Stock",
    bo_stock_hint: "Nombre d'unités en magasin. Laissez vide si vous ne les comptez pas.",
    bo_category: "Catégorie",
    bo_choose_category: "Choisissez une catégorie",
    bo_bad_name: "Écrivez un nom de 1 à 120 caractères.",
    bo_bad_description: "La présentation doit faire 5 000 caractères au plus.",
    bo_bad_vat: "Choisissez un taux de TVA de la liste.",
    bo_bad_category: "Choisissez une catégorie dans la liste.",
    bo_create_product: "Créer le produit (brouillon)",
    bo_save_product: "Enregistrer les modifications",
    bo_picture_heading: "Photo",
    bo_picture_generated: "Pas encore de photo : une image est créée automatiquement.",
    bo_picture_choose: "Choisir une nouvelle photo",
    bo_picture_hint: "Photo JPEG, PNG ou WebP, 5 Mo au plus. Elle remplace l'actuelle dès qu'elle est choisie.",
    bo_picture_saved: "Photo enregistrée.",
    bo_picture_removed: "Photo retirée.",
    bo_picture_remove: "Retirer la photo",
    bo_picture_not_image: "Ce fichier n'est pas une photo lisible. Choisissez une photo JPEG, PNG ou WebP.",
    bo_picture_too_big: "Cette photo est trop lourde (plus de 5 Mo). Choisissez-en une plus petite.",
    bo_csv_heading: "Tableur (fichier CSV)",
    bo_csv_intro: "Exportez vos produits pour les modifier dans un tableur, puis importez le fichier.",
    bo_export: "Exporter (CSV)",
    bo_import_label: "Importer un fichier CSV",
    bo_import_hint: "Le fichier est d'abord vérifié : rien ne change avant « Appliquer l'import ».",
    bo_import_apply: "Appliquer l'import",
    bo_import_has_errors: "Des lignes sont à corriger : rien n'a été importé. Corrigez le fichier puis choisissez-le à nouveau.",
    bo_import_file: "Fichier choisi :",
    bo_import_errors_heading: "Lignes à corriger",
    bo_join_link: "Inscrire mon commerce",
    bo_profile_link: "Profil et horaires",
    bo_keys_link: "Clés d'accès (API)",
    bo_phone_link: "Commande par téléphone",
    bo_join_heading: "Inscrire mon commerce",
    bo_join_account_needed: "Pour inscrire votre commerce, créez d'abord votre compte personnel (ou connectez-vous si vous en avez un). Vous reviendrez ensuite ici.",
    bo_join_intro: "Présentez votre commerce. L'association vérifie chaque demande avant de la mettre en ligne ; elle vous appellera si besoin.",
    bo_kind_food: "Alimentation (épicerie, boulangerie, boucherie, producteur…)",
    bo_kind_non_food: "Autres commerces (livres, vêtements, chaussures, artisanat…)",
    bo_kind_restaurant: "Restaurant ou traiteur",
    bo_shop_name: "Nom du commerce",
    bo_shop_kind: "Type de commerce",
    bo_address: "Adresse (numéro et rue)",
    bo_postcode: "Code postal",
    bo_commune: "Commune",
    bo_phone: "Téléphone du commerce",
    bo_email_optional: "E-mail du commerce (facultatif)",
    bo_what_you_sell: "Ce que vous vendez",
    bo_join_send: "Envoyer ma demande",
    bo_join_pending: "Votre commerce attend la validation de l'association. Il n'apparaît pas encore sur le site. Avant qu'elle puisse le valider, indiquez son identité légale (dénomination, SIRET, immatriculation, TVA, responsable) sur son profil, où vous pouvez aussi compléter ses horaires.",
    bo_fix_errors: "Rien n'est encore enregistré : corrigez ce qui est signalé en rouge.",
    bo_not_saved: "La modification n'a pas été enregistrée.",
    bo_error_shop_name: "Écrivez le nom du commerce (2 à 100 caractères).",
    bo_error_kind: "Choisissez le type de commerce.",
    bo_error_address: "Écrivez le numéro et la rue du commerce.",
    bo_error_postcode: "Écrivez un code postal à 5 chiffres, par exemple 30700.",
    bo_error_commune: "Écrivez le nom de la commune.",
    bo_error_description: "Décrivez ce que vous vendez (2 000 caractères au plus).",
    bo_profile_heading: "Profil du commerce",
    bo_public_page: "Voir la page du commerce sur le site",
    bo_shop_description: "Présentation du commerce (ce que vous vendez)",
    bo_hours_heading: "Horaires d'ouverture",
    bo_hours_hint: "Pour chaque jour : fermé, ou une période (9 h 00 – 19 h 00), ou deux avec une pause (9 h 00 – 12 h 30 puis 15 h 00 – 19 h 00). Laissez vides les champs de l'après-midi si vous ne fermez pas à midi.",
    bo_closed_that_day: "Fermé ce jour-là",
    bo_opens: "Ouvre à",
    bo_closes: "Ferme à",
    bo_reopens: "Rouvre à (facultatif)",
    bo_closes_again: "Ferme à (après la pause)",
    bo_error_period_half: "Indiquez l'heure d'ouverture et l'heure de fermeture.",
    bo_error_open_day: "Indiquez les heures de ce jour, ou cochez « Fermé ce jour-là ».",
    bo_error_hours: "Ces horaires ne vont pas : chaque période doit fermer après avoir ouvert, sans chevaucher l'autre.",
    bo_orders_reach: "Retrait, livraison, TVA",
    bo_offered_legend: "Comment vos clients reçoivent leurs commandes",
    bo_offers_pickup: "Retrait en boutique",
    bo_offers_delivery: "Livraison par les bénévoles de l'association",
    bo_error_none_offered: "Gardez au moins une des deux cases : sinon vos clients ne pourraient pas recevoir leurs commandes.",
    bo_shop_vat_exempt: "Micro-entreprise exonérée de TVA",
    bo_food_days: "Livrer aussi les jours de l'alimentation (mardi et vendredi)",
    bo_save_profile: "Enregistrer le profil",
    bo_logo_heading: "Logo",
    bo_logo_choose: "Choisir un nouveau logo",
    bo_logo_hint: "Une photo ou une image JPEG, PNG ou WebP, 5 Mo au plus. Elle est envoyée dès que vous la choisissez.",
    bo_logo_sending: "Envoi du logo…",
    bo_logo_saved: "Nouveau logo enregistré.",
    bo_closed_days_heading: "Jours de fermeture exceptionnelle",
    bo_no_closed_day: "Aucun jour de fermeture prévu.",
    bo_closed_day_date: "Date de fermeture",
    bo_add_closed_day: "Ajouter ce jour",
    bo_reopen: "Retirer",
    bo_error_date: "Choisissez une date.",
    bo_error_already_closed: "Ce jour est déjà dans la liste.",
    bo_error_date_range: "Choisissez une date entre aujourd'hui et deux ans d'ici.",
    bo_keys_heading: "Clés d'accès (API)",
    bo_keys_intro: "Une clé permet à votre caisse ou à votre site de lire et de mettre à jour vos produits et commandes sur Vitrine. Donnez-en une par appareil ; révoquez celle d'un appareil perdu.",
    bo_keys_list: "Vos clés",
    bo_no_keys: "Aucune clé pour l'instant.",
    bo_key_name: "Nom de la clé",
    bo_key_name_hint: "Par exemple : Caisse du magasin",
    bo_error_key_name: "Donnez un nom à la clé (100 caractères au plus).",
    bo_create_key: "Créer la clé",
    bo_key_once: "Copiez cette clé maintenant et gardez-la en lieu sûr : elle ne sera plus jamais affichée. Si vous la perdez, révoquez-la et créez-en une autre.",
    bo_new_key: "Votre nouvelle clé",
    bo_copy: "Copier",
    bo_copied: "Clé copiée.",
    bo_copy_failed: "La copie n'a pas marché : sélectionnez la clé et copiez-la à la main.",
    bo_key_noted: "C'est noté, masquer la clé",
    bo_key_never_used: "Jamais utilisée",
    bo_revoke: "Révoquer",
    bo_revoke_warning: "Cette clé cessera de marcher tout de suite, pour toujours.",
    bo_revoke_confirm: "Oui, révoquer cette clé",
    bo_revoke_keep: "Non, la garder",
    bo_phone_heading: "Commande par téléphone",
    bo_phone_products: "1. Les produits",
    bo_phone_search: "Chercher un produit",
    bo_phone_search_button: "Chercher",
    bo_phone_no_result: "Aucun produit en vente ne correspond.",
    bo_add: "Ajouter",
    bo_remove: "Retirer",
    bo_phone_lines: "2. La commande",
    bo_phone_no_line: "Aucun produit pour l'instant : cherchez-les ci-dessus.",
    bo_error_quantity: "Écrivez une quantité d'au moins 1 pour chaque produit, ou retirez-le.",
    bo_error_no_line: "Ajoutez au moins un produit.",
    bo_phone_customer: "3. Le client",
    bo_customer_name: "Nom du client",
    bo_customer_phone: "Téléphone du client",
    bo_phone_way: "Retrait ou livraison",
    bo_error_way: "Votre commerce ne propose pas ce mode : choisissez l'autre.",
    bo_error_delivery_commune: "Choisissez la commune dans la liste. Si elle n'y est pas, proposez le retrait en boutique.",
    bo_phone_note: "Note (facultatif)",
    bo_error_note: "La note est trop longue.",
    bo_phone_may_call: "Peut être rappelé",
    bo_phone_place: "Enregistrer la commande",
    bo_phone_fix: "La commande n'est pas encore enregistrée : corrigez ce qui est signalé en rouge.",
    bo_phone_stock: "La commande n'est pas enregistrée : il ne reste pas assez d'un produit (voir le détail). Baissez la quantité ou retirez-le.",
    bo_phone_gone: "La commande n'est pas enregistrée : un produit n'est plus en vente. Retirez-le.",
    bo_phone_not_placed: "La commande n'est pas enregistrée.",
    bo_phone_to_inbox: "Voir les commandes",
    bo_phone_another: "Prendre une autre commande",
    bo_new_order: fr::bo_new_order,
    bo_call: fr::bo_call,
    bo_history_lines_changed: "commande modifiée après appel",
    bo_edit_order: "Modifier la commande",
    bo_edit_quantity: "Quantité",
    bo_edit_variant: "Taille ou variante",
    bo_edit_weight: "Poids pesé (en grammes)",
    bo_edit_remove: "Retirer cette ligne",
    bo_edit_note: "Ce qui a été convenu avec le client",
    bo_edit_save: "Enregistrer les modifications",
    bo_edit_add: "Ajouter un produit",
    bo_nav_weekly: "Chaque semaine",
    bo_nav_site: "Le site",
    bo_nav_people: "Personnes et données",
    bo_edit_nothing: "Rien n'a changé.",
    bo_product_count: fr::bo_product_count,
    bo_import_would: fr::bo_import_would,
    bo_import_done: fr::bo_import_done,
    bo_import_error_at: fr::bo_import_error_at,
    bo_import_line: fr::bo_import_line,
    bo_join_sent: fr::bo_join_sent,
    bo_logo_of: fr::bo_logo_of,
    bo_closed_on: fr::bo_closed_on,
    bo_reopen_label: fr::bo_reopen_label,
    bo_key_created: fr::bo_key_created,
    bo_key_created_on: fr::bo_key_created_on,
    bo_key_used_on: fr::bo_key_used_on,
    bo_key_revoked_on: fr::bo_key_revoked_on,
    bo_add_named: fr::bo_add_named,
    bo_remove_named: fr::bo_remove_named,
    bo_quantity_of: fr::bo_quantity_of,
    bo_in_stock: fr::bo_in_stock,
    bo_size_sold_out: fr::bo_size_sold_out,
    bo_phone_done: fr::bo_phone_done,
};

/// In English.
pub static EN: BackOfficeStrings = BackOfficeStrings {
    bo_heading: "My shops",
    bo_login_needed: "Log in with your shop's account to manage your orders and products.",
    bo_no_shop: "This account runs no shop yet.",
    bo_not_active: "Not visible on the site for now",
    bo_orders_link: "Orders",
    bo_products_link: "Products",
    bo_all_shops: "All my shops",
    bo_orders_heading: "Orders",
    bo_live: "New orders show up here by themselves, without reloading the page.",
    bo_live_lost: "Connection lost, trying again…",
    bo_sound: "Play a sound for each new order",
    bo_no_orders: "No orders yet.",
    bo_may_call: "Happy to be called",
    bo_no_call: "Prefers not to be called",
    bo_customer_note: "Customer's note:",
    bo_confirm: "Confirm the order",
    bo_mark_ready: "Mark as ready",
    bo_mark_completed: "Mark as handed over",
    bo_cancel: "Cancel the order",
    bo_cancel_reason: "Why it is cancelled (the customer will see it)",
    bo_cancel_confirm: "Confirm the cancellation",
    bo_paid: "Paid",
    bo_payment_due: "To be paid at handover",
    bo_payment_method: "Payment method",
    bo_cash: "Cash",
    bo_card: "Card",
    bo_cheque: "Cheque",
    bo_record_payment: "Record the payment",
    bo_merchant_note: "Note for the shop (what was agreed on the phone)",
    bo_save_note: "Save the note",
    bo_saved: "Saved.",
    bo_products_heading: "Products",
    bo_price: "Price incl. VAT, in euros",
    bo_stock: "Stock (empty: no limit)",
    bo_save: "Save",
    bo_draft: "draft",
    bo_on_sale: "on sale",
    bo_archived: "archived",
    bo_bad_price: "Write a price like 12.50.",
    bo_bad_stock: "Write a whole number, or leave it empty.",
    bo_back_office_link: "Run my shop",
    bo_association_link: "Shops to approve (association)",
    bo_association_heading: "Shops to approve",
    bo_association_only: "This page is for the association's administrators.",
    bo_none_pending: "No shop is waiting for approval.",
    bo_approve: "Approve and put online",
    bo_approved: "Approved: the shop is online.",
    bo_print: "Print the order slip",
    bo_history: "Order history",
    bo_history_customer: "the customer",
    bo_history_placed: "order placed",
    bo_history_paid: "payment recorded",
    bo_history_note: "note changed",
    bo_history_delivery: "delivery round",
    bo_new_product: "New product",
    bo_edit_product: "Edit product",
    bo_back_to_products: "Back to the products",
    bo_search_label: "Find a product",
    bo_search_button: "Search",
    bo_status_filter: "Show",
    bo_all_statuses: "All products",
    bo_drafts: "Drafts",
    bo_all_on_sale: "On sale",
    bo_all_archived: "Archived",
    bo_no_match: "No product matches this search.",
    bo_no_products: "No product yet: add one with “New product”.",
    bo_edit: "Edit",
    bo_publish: "Put on sale",
    bo_unpublish: "Take off sale",
    bo_back_to_draft: "Back to draft",
    bo_archive: "Archive",
    bo_publish_refused: "This product cannot be put on sale: it is already on sale, or archived (make it a draft first). Reload the page to see where it stands.",
    bo_unpublish_refused: "This product is already a draft. Reload the page to see where it stands.",
    bo_archive_refused: "This product is already archived. Reload the page to see where it stands.",
    bo_status_now: "Done. The product is now:",
    bo_status_heading: "Status",
    bo_product_missing: "This product does not exist, or it is not this shop's.",
    bo_details_heading: "Product details",
    bo_name: "Product name",
    bo_description: "Description (optional)",
    bo_price_hint: "For example: 12.50",
    bo_vat: "VAT rate",
    bo_vat_5_5: "5.5 % (food, books)",
    bo_vat_20: "20 % (standard rate)",
    bo_vat_10: "10 % (restaurants, take-away)",
    bo_vat_2_1: "2.1 % (press, refunded medicines)",
    bo_vat_exempt: "0 % (VAT-exempt shop)",
    bo_stock_field: "Stock",
    bo_stock_hint: "Units in the shop. Leave empty if you do not count them.",
    bo_category: "Category",
    bo_choose_category: "Choose a category",
    bo_bad_name: "Write a name of 1 to 120 characters.",
    bo_bad_description: "The description may have at most 5,000 characters.",
    bo_bad_vat: "Choose a VAT rate from the list.",
    bo_bad_category: "Choose a category from the list.",
    bo_create_product: "Create the product (draft)",
    bo_save_product: "Save the changes",
    bo_picture_heading: "Picture",
    bo_picture_generated: "No picture yet: an image is made automatically.",
    bo_picture_choose: "Choose a new picture",
    bo_picture_hint: "A JPEG, PNG or WebP picture, at most 5 MB. It replaces the current one as soon as it is chosen.",
    bo_picture_saved: "Picture saved.",
    bo_picture_removed: "Picture removed.",
    bo_picture_remove: "Remove the picture",
    bo_picture_not_image: "This file is not a readable picture. Choose a JPEG, PNG or WebP picture.",
    bo_picture_too_big: "This picture is too large (over 5 MB). Choose a smaller one.",
    bo_csv_heading: "Spreadsheet (CSV file)",
    bo_csv_intro: "Export your products to change them in a spreadsheet, then import the file.",
    bo_export: "Export (CSV)",
    bo_import_label: "Import a CSV file",
    bo_import_hint: "The file is checked first: nothing changes before “Apply the import”.",
    bo_import_apply: "Apply the import",
    bo_import_has_errors: "Some lines need fixing: nothing was imported. Fix the file, then choose it again.",
    bo_import_file: "File chosen:",
    bo_import_errors_heading: "Lines to fix",
    bo_join_link: "Register my shop",
    bo_profile_link: "Profile and hours",
    bo_keys_link: "API keys",
    bo_phone_link: "Phone order",
    bo_join_heading: "Register my shop",
    bo_join_account_needed: "To register your shop, first create your personal account (or log in if you have one). You will then come back here.",
    bo_join_intro: "Tell us about your shop. The association checks each application before it goes online; it will call you if needed.",
    bo_kind_food: "Food (grocer, baker, butcher, producer…)",
    bo_kind_non_food: "Other shops (books, clothes, shoes, crafts…)",
    bo_kind_restaurant: "Restaurant or caterer",
    bo_shop_name: "Shop name",
    bo_shop_kind: "Kind of shop",
    bo_address: "Address (number and street)",
    bo_postcode: "Postcode",
    bo_commune: "Town",
    bo_phone: "Shop phone number",
    bo_email_optional: "Shop e-mail (optional)",
    bo_what_you_sell: "What you sell",
    bo_join_send: "Send my application",
    bo_join_pending: "Your shop is waiting for the association's approval. It is not on the site yet. Before it can be approved, give its legal identity (legal name, SIRET, registration, VAT, person responsible) on its profile, where you can also fill in its hours.",
    bo_fix_errors: "Nothing is saved yet: fix what is marked in red.",
    bo_not_saved: "The change was not saved.",
    bo_error_shop_name: "Write the shop's name (2 to 100 characters).",
    bo_error_kind: "Choose the kind of shop.",
    bo_error_address: "Write the shop's number and street.",
    bo_error_postcode: "Write a 5-digit postcode, such as 30700.",
    bo_error_commune: "Write the town's name.",
    bo_error_description: "Describe what you sell (at most 2,000 characters).",
    bo_profile_heading: "Shop profile",
    bo_public_page: "See the shop's page on the site",
    bo_shop_description: "About the shop (what you sell)",
    bo_hours_heading: "Opening hours",
    bo_hours_hint: "For each day: closed, or one period (9:00 – 19:00), or two with a break (9:00 – 12:30 then 15:00 – 19:00). Leave the afternoon fields empty if you do not close at noon.",
    bo_closed_that_day: "Closed that day",
    bo_opens: "Opens at",
    bo_closes: "Closes at",
    bo_reopens: "Reopens at (optional)",
    bo_closes_again: "Closes at (after the break)",
    bo_error_period_half: "Give both the opening and the closing time.",
    bo_error_open_day: "Give this day's hours, or tick “Closed that day”.",
    bo_error_hours: "These hours do not work: each period must close after it opens, without overlapping the other.",
    bo_orders_reach: "Pickup, delivery, VAT",
    bo_offered_legend: "How your customers get their orders",
    bo_offers_pickup: "Pickup at the shop",
    bo_offers_delivery: "Delivery by the association's volunteers",
    bo_error_none_offered: "Keep at least one of the two boxes: otherwise your customers could not get their orders.",
    bo_shop_vat_exempt: "Micro-business exempt from VAT",
    bo_food_days: "Also deliver on the food days (Tuesday and Friday)",
    bo_save_profile: "Save the profile",
    bo_logo_heading: "Logo",
    bo_logo_choose: "Choose a new logo",
    bo_logo_hint: "A JPEG, PNG or WebP photo or picture, at most 5 MB. It is sent as soon as you choose it.",
    bo_logo_sending: "Sending the logo…",
    bo_logo_saved: "New logo saved.",
    bo_closed_days_heading: "Exceptional closing days",
    bo_no_closed_day: "No closing day planned.",
    bo_closed_day_date: "Closing date",
    bo_add_closed_day: "Add this day",
    bo_reopen: "Remove",
    bo_error_date: "Choose a date.",
    bo_error_already_closed: "This day is already in the list.",
    bo_error_date_range: "Choose a date between today and two years from now.",
    bo_keys_heading: "API keys",
    bo_keys_intro: "A key lets your till or your website read and update your products and orders on Vitrine. Give one per device; revoke the key of a lost device.",
    bo_keys_list: "Your keys",
    bo_no_keys: "No key yet.",
    bo_key_name: "Key name",
    bo_key_name_hint: "For example: Shop till",
    bo_error_key_name: "Give the key a name (at most 100 characters).",
    bo_create_key: "Create the key",
    bo_key_once: "Copy this key now and keep it safe: it will never be shown again. If you lose it, revoke it and create another.",
    bo_new_key: "Your new key",
    bo_copy: "Copy",
    bo_copied: "Key copied.",
    bo_copy_failed: "Copying did not work: select the key and copy it by hand.",
    bo_key_noted: "Noted, hide the key",
    bo_key_never_used: "Never used",
    bo_revoke: "Revoke",
    bo_revoke_warning: "This key will stop working at once, for good.",
    bo_revoke_confirm: "Yes, revoke this key",
    bo_revoke_keep: "No, keep it",
    bo_phone_heading: "Phone order",
    bo_phone_products: "1. The products",
    bo_phone_search: "Search for a product",
    bo_phone_search_button: "Search",
    bo_phone_no_result: "No product on sale matches.",
    bo_add: "Add",
    bo_remove: "Remove",
    bo_phone_lines: "2. The order",
    bo_phone_no_line: "No product yet: search for them above.",
    bo_error_quantity: "Write a quantity of at least 1 for each product, or remove it.",
    bo_error_no_line: "Add at least one product.",
    bo_phone_customer: "3. The customer",
    bo_customer_name: "Customer's name",
    bo_customer_phone: "Customer's phone",
    bo_phone_way: "Pickup or delivery",
    bo_error_way: "Your shop does not offer this: choose the other.",
    bo_error_delivery_commune: "Choose the town from the list. If it is not there, offer pickup at the shop.",
    bo_phone_note: "Note (optional)",
    bo_error_note: "The note is too long.",
    bo_phone_may_call: "May be called back",
    bo_phone_place: "Save the order",
    bo_phone_fix: "The order is not saved yet: fix what is marked in red.",
    bo_phone_stock: "The order is not saved: there is not enough of a product left (see the detail). Lower the quantity or remove it.",
    bo_phone_gone: "The order is not saved: a product is no longer on sale. Remove it.",
    bo_phone_not_placed: "The order is not saved.",
    bo_phone_to_inbox: "See the orders",
    bo_phone_another: "Take another order",
    bo_new_order: en::bo_new_order,
    bo_call: en::bo_call,
    bo_history_lines_changed: "order changed after the call",
    bo_edit_order: "Change the order",
    bo_edit_quantity: "Quantity",
    bo_edit_variant: "Size or variant",
    bo_edit_weight: "Weighed (grams)",
    bo_edit_remove: "Remove this line",
    bo_edit_note: "What was agreed with the customer",
    bo_edit_save: "Save the changes",
    bo_edit_add: "Add a product",
    bo_nav_weekly: "Every week",
    bo_nav_site: "The site",
    bo_nav_people: "People and data",
    bo_edit_nothing: "Nothing changed.",
    bo_product_count: en::bo_product_count,
    bo_import_would: en::bo_import_would,
    bo_import_done: en::bo_import_done,
    bo_import_error_at: en::bo_import_error_at,
    bo_import_line: en::bo_import_line,
    bo_join_sent: en::bo_join_sent,
    bo_logo_of: en::bo_logo_of,
    bo_closed_on: en::bo_closed_on,
    bo_reopen_label: en::bo_reopen_label,
    bo_key_created: en::bo_key_created,
    bo_key_created_on: en::bo_key_created_on,
    bo_key_used_on: en::bo_key_used_on,
    bo_key_revoked_on: en::bo_key_revoked_on,
    bo_add_named: en::bo_add_named,
    bo_remove_named: en::bo_remove_named,
    bo_quantity_of: en::bo_quantity_of,
    bo_in_stock: en::bo_in_stock,
    bo_size_sold_out: en::bo_size_sold_out,
    bo_phone_done: en::bo_phone_done,
};

/// The French texts made from values.
mod fr {
    use crate::i18n::fr::dated;

    pub(super) fn bo_new_order(number: &str) -> String {
        format!("Nouvelle commande : {number}")
    }

    pub(super) fn bo_call(phone: &str) -> String {
        format!("Appeler le {phone}")
    }

    pub(super) fn bo_product_count(count: u64) -> String {
        match count {
            0 => "Aucun produit".to_owned(),
            1 => "1 produit".to_owned(),
            n => format!("{n} produits"),
        }
    }

    pub(super) fn bo_import_would(created: u64, updated: u64, unchanged: u64) -> String {
        format!(
            "Le fichier est correct. À créer : {created} ; à modifier : {updated} ; inchangés : {unchanged}. Rien n'a encore changé."
        )
    }

    pub(super) fn bo_import_done(created: u64, updated: u64, unchanged: u64) -> String {
        format!(
            "Import appliqué. Créés : {created} ; modifiés : {updated} ; inchangés : {unchanged}."
        )
    }

    pub(super) fn bo_import_error_at(line: u64, field: &str) -> String {
        if field == "ligne" {
            format!("Ligne {line} :")
        } else {
            format!("Ligne {line}, colonne « {field} » :")
        }
    }

    pub(super) fn bo_import_line(line: u64, creates: bool) -> String {
        if creates {
            format!("Ligne {line}, nouveau produit :")
        } else {
            format!("Ligne {line}, modifié :")
        }
    }

    pub(super) fn bo_join_sent(v: &str) -> String {
        format!("Merci ! La demande pour « {v} » est envoyée.")
    }

    pub(super) fn bo_logo_of(v: &str) -> String {
        format!("Logo de {v}")
    }

    pub(super) fn bo_closed_on(v: &str) -> String {
        format!("Fermé le {}", dated(v))
    }

    pub(super) fn bo_reopen_label(v: &str) -> String {
        format!("Retirer le {}", dated(v))
    }

    pub(super) fn bo_key_created(v: &str) -> String {
        format!("Clé « {v} » créée")
    }

    pub(super) fn bo_key_created_on(v: &str) -> String {
        format!("Créée le {}", dated(v))
    }

    pub(super) fn bo_key_used_on(v: &str) -> String {
        format!("Dernière utilisation le {}", dated(v))
    }

    pub(super) fn bo_key_revoked_on(v: &str) -> String {
        format!("Révoquée le {} : ne marche plus", dated(v))
    }

    pub(super) fn bo_add_named(v: &str) -> String {
        format!("Ajouter {v}")
    }

    pub(super) fn bo_remove_named(v: &str) -> String {
        format!("Retirer {v}")
    }

    pub(super) fn bo_quantity_of(v: &str) -> String {
        format!("Quantité : {v}")
    }

    pub(super) fn bo_in_stock(v: &str) -> String {
        format!("{v} en stock")
    }

    pub(super) fn bo_size_sold_out(v: &str) -> String {
        format!("{v} (épuisé)")
    }

    pub(super) fn bo_phone_done(v: &str) -> String {
        format!("Commande {v} enregistrée")
    }
}

/// The English texts made from values.
mod en {
    use crate::i18n::en::dated;

    pub(super) fn bo_new_order(number: &str) -> String {
        format!("New order: {number}")
    }

    pub(super) fn bo_call(phone: &str) -> String {
        format!("Call {phone}")
    }

    pub(super) fn bo_product_count(count: u64) -> String {
        match count {
            0 => "No product".to_owned(),
            1 => "1 product".to_owned(),
            n => format!("{n} products"),
        }
    }

    pub(super) fn bo_import_would(created: u64, updated: u64, unchanged: u64) -> String {
        format!(
            "The file is correct. To create: {created}; to change: {updated}; unchanged: {unchanged}. Nothing has changed yet."
        )
    }

    pub(super) fn bo_import_done(created: u64, updated: u64, unchanged: u64) -> String {
        format!("Import applied. Created: {created}; changed: {updated}; unchanged: {unchanged}.")
    }

    pub(super) fn bo_import_error_at(line: u64, field: &str) -> String {
        if field == "ligne" {
            format!("Line {line}:")
        } else {
            format!("Line {line}, column “{field}”:")
        }
    }

    pub(super) fn bo_import_line(line: u64, creates: bool) -> String {
        if creates {
            format!("Line {line}, new product:")
        } else {
            format!("Line {line}, changed:")
        }
    }

    pub(super) fn bo_join_sent(v: &str) -> String {
        format!("Thank you! The application for “{v}” is sent.")
    }

    pub(super) fn bo_logo_of(v: &str) -> String {
        format!("Logo of {v}")
    }

    pub(super) fn bo_closed_on(v: &str) -> String {
        format!("Closed on {}", dated(v))
    }

    pub(super) fn bo_reopen_label(v: &str) -> String {
        format!("Remove {}", dated(v))
    }

    pub(super) fn bo_key_created(v: &str) -> String {
        format!("Key “{v}” created")
    }

    pub(super) fn bo_key_created_on(v: &str) -> String {
        format!("Created on {}", dated(v))
    }

    pub(super) fn bo_key_used_on(v: &str) -> String {
        format!("Last used on {}", dated(v))
    }

    pub(super) fn bo_key_revoked_on(v: &str) -> String {
        format!("Revoked on {}: no longer works", dated(v))
    }

    pub(super) fn bo_add_named(v: &str) -> String {
        format!("Add {v}")
    }

    pub(super) fn bo_remove_named(v: &str) -> String {
        format!("Remove {v}")
    }

    pub(super) fn bo_quantity_of(v: &str) -> String {
        format!("Quantity: {v}")
    }

    pub(super) fn bo_in_stock(v: &str) -> String {
        format!("{v} in stock")
    }

    pub(super) fn bo_size_sold_out(v: &str) -> String {
        format!("{v} (sold out)")
    }

    pub(super) fn bo_phone_done(v: &str) -> String {
        format!("Order {v} saved")
    }
}
