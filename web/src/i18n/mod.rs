//! Interface strings in French (the default) and English, and the reader's choice of language.
//!
//! Each language is one [`Strings`] value ([`fr::STRINGS`], [`en::STRINGS`]), so a string
//! missing from a language is a compile error. [`provide_i18n`] puts the choice in context,
//! restores it from `localStorage`, keeps `<html lang>` in step and remembers changes;
//! components read strings with `use_i18n().t()`, which is reactive.

mod en;
mod fr;

use leptos::prelude::*;
use shared::catalogue::ShopKind;

/// `localStorage` key under which the chosen language is remembered.
const STORAGE_KEY: &str = "vitrine.lang";

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// French, the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code, as in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses a code written by [`Lang::code`].
    fn parse(code: &str) -> Option<Lang> {
        [Lang::Fr, Lang::En]
            .into_iter()
            .find(|lang| lang.code() == code)
    }

    /// The language the toggle in the header switches to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// This language's strings.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &fr::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }
}

/// Every string of the interface, in one language.
pub struct Strings {
    /// What the toggle that switches *to* this language shows: its code, "FR" or "EN".
    pub lang_short: &'static str,
    /// What that toggle says to screen readers after the code, in this language.
    pub lang_name: &'static str,

    /// The site's name, first part of the header's title.
    pub site_name: &'static str,
    /// What the site is, second part of the header's title.
    pub site_tagline: &'static str,
    /// The link that jumps over the header to the page's content.
    pub skip_to_content: &'static str,
    /// Accessible name of the main navigation.
    pub nav_label: &'static str,
    /// Navigation link to the home page.
    pub nav_home: &'static str,
    /// Navigation link to the catalogue.
    pub nav_catalogue: &'static str,

    /// The home page's `<title>`.
    pub home_title: &'static str,
    /// The home page's heading.
    pub home_heading: &'static str,
    /// What Vitrine is, in one plain sentence.
    pub home_intro: &'static str,
    /// Name of the delivery way (also the badge of shops that deliver).
    pub way_delivery: &'static str,
    /// How delivery works.
    pub way_delivery_text: &'static str,
    /// Name of the pickup way (also the badge of shops that offer it).
    pub way_pickup: &'static str,
    /// How pickup works.
    pub way_pickup_text: &'static str,
    /// Name of the way to pay.
    pub way_payment: &'static str,
    /// How payment works.
    pub way_payment_text: &'static str,
    /// Heading of the list of categories.
    pub categories_heading: &'static str,
    /// Shown when there is no category yet.
    pub categories_empty: &'static str,
    /// Heading of the list of shops.
    pub shops_heading: &'static str,
    /// Shown when there is no shop yet.
    pub shops_empty: &'static str,
    /// "1 produit", "12 produits".
    pub product_count: fn(u64) -> String,
    /// "1 commerce", "45 commerces".
    pub shop_count: fn(u64) -> String,

    /// Label of a food shop.
    pub kind_food: &'static str,
    /// Label of a non-food shop.
    pub kind_non_food: &'static str,
    /// Label of a restaurant.
    pub kind_restaurant: &'static str,

    /// Text of the loading indicator.
    pub loading: &'static str,
    /// Heading of the error box.
    pub error_heading: &'static str,
    /// Error text when the API cannot be reached.
    pub error_network: &'static str,
    /// Error text when the API's answer makes no sense to the app.
    pub error_decode: &'static str,
    /// Label before the correlation id of a server error.
    pub error_reference: &'static str,
    /// The error box's retry button.
    pub retry: &'static str,

    /// The catalogue placeholder's title and heading.
    pub catalogue_heading: &'static str,
    /// The catalogue placeholder's text.
    pub catalogue_text: &'static str,
    /// The title and heading of the page shown for unknown addresses.
    pub not_found_heading: &'static str,
    /// What the not-found page says.
    pub not_found_text: &'static str,
    /// Link back to the home page.
    pub back_home: &'static str,

    /// The footer's line about who runs Vitrine.
    pub footer_about: &'static str,
    /// The footer's reminder of the delivery days.
    pub footer_delivery: &'static str,
}

impl Strings {
    /// The label of a kind of shop.
    pub fn kind(&self, kind: ShopKind) -> &'static str {
        match kind {
            ShopKind::Food => self.kind_food,
            ShopKind::NonFood => self.kind_non_food,
            ShopKind::Restaurant => self.kind_restaurant,
        }
    }
}

/// The reader's language, shared through context by [`provide_i18n`].
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (reactive).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The current language's strings (reactive).
    pub fn t(self) -> &'static Strings {
        self.lang().strings()
    }

    /// Switches the interface to `lang` and remembers the choice.
    pub fn set(self, lang: Lang) {
        self.lang.set(lang);
    }
}

/// Puts the reader's language in context: the remembered one, else French. From then on,
/// `<html lang>` follows it and every change is remembered in `localStorage`.
pub fn provide_i18n() {
    let lang = RwSignal::new(stored_lang().unwrap_or_default());
    Effect::new(move || {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            // Only fails for an invalid attribute name, and "lang" is valid.
            let _ = root.set_attribute("lang", lang.code());
        }
        store_lang(lang);
    });
    provide_context(I18n { lang });
}

/// The language chosen with [`provide_i18n`].
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The language remembered by a previous visit, if storage is available and holds one.
fn stored_lang() -> Option<Lang> {
    let storage = window().local_storage().ok().flatten()?;
    let code = storage.get_item(STORAGE_KEY).ok().flatten()?;
    Lang::parse(&code)
}

/// Remembers `lang`; without storage (private browsing, blocked), the choice lasts the visit.
fn store_lang(lang: Lang) {
    if let Ok(Some(storage)) = window().local_storage() {
        // A full or blocked storage only means the choice is not remembered.
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
}
