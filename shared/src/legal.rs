//! Who sells, on what terms, and the right of withdrawal (issue 15): a shop's legal
//! identity, the versioned terms of use and of sale, what an order's customer accepted, and
//! the withdrawal of order lines.

use serde::{Deserialize, Serialize};

/// What a VAT-exempt micro-entrepreneur must print on prices and receipts.
pub const VAT_EXEMPT_MENTION: &str = "TVA non applicable, art. 293 B du CGI";

/// Days the shopper has to withdraw from a distance purchase, from handover.
pub const WITHDRAWAL_DAYS: i64 = 14;

/// The shop's legal form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalForm {
    /// Entreprise individuelle, micro-entrepreneur included.
    Ei,
    Eurl,
    Sarl,
    Sas,
    Sasu,
    Sa,
    Scop,
    Association,
    Gaec,
    Earl,
    Other,
}

impl LegalForm {
    /// Every form, in the order a form lists them.
    pub const ALL: [LegalForm; 11] = [
        LegalForm::Ei,
        LegalForm::Eurl,
        LegalForm::Sarl,
        LegalForm::Sas,
        LegalForm::Sasu,
        LegalForm::Sa,
        LegalForm::Scop,
        LegalForm::Association,
        LegalForm::Gaec,
        LegalForm::Earl,
        LegalForm::Other,
    ];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            LegalForm::Ei => "ei",
            LegalForm::Eurl => "eurl",
            LegalForm::Sarl => "sarl",
            LegalForm::Sas => "sas",
            LegalForm::Sasu => "sasu",
            LegalForm::Sa => "sa",
            LegalForm::Scop => "scop",
            LegalForm::Association => "association",
            LegalForm::Gaec => "gaec",
            LegalForm::Earl => "earl",
            LegalForm::Other => "other",
        }
    }

    /// Parses the stored name.
    pub fn parse(value: &str) -> Option<LegalForm> {
        LegalForm::ALL.into_iter().find(|f| f.as_str() == value)
    }

    /// How a French document names it.
    pub fn label(self) -> &'static str {
        match self {
            LegalForm::Ei => "Entreprise individuelle (EI, micro-entrepreneur)",
            LegalForm::Eurl => "EURL",
            LegalForm::Sarl => "SARL",
            LegalForm::Sas => "SAS",
            LegalForm::Sasu => "SASU",
            LegalForm::Sa => "SA",
            LegalForm::Scop => "SCOP",
            LegalForm::Association => "Association",
            LegalForm::Gaec => "GAEC",
            LegalForm::Earl => "EARL",
            LegalForm::Other => "Autre forme",
        }
    }
}

/// Where the shop is registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Registration {
    /// Registre du commerce et des sociétés, with its city (`registration_city`).
    Rcs,
    /// Répertoire des métiers (artisans), with its city.
    Rm,
    /// Micro-entrepreneur dispensé d'immatriculation.
    Micro,
    /// No register (farmers, associations...).
    None,
}

impl Registration {
    /// Every kind, in the order a form lists them.
    pub const ALL: [Registration; 4] = [
        Registration::Rcs,
        Registration::Rm,
        Registration::Micro,
        Registration::None,
    ];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Registration::Rcs => "rcs",
            Registration::Rm => "rm",
            Registration::Micro => "micro",
            Registration::None => "none",
        }
    }

    /// Parses the stored name.
    pub fn parse(value: &str) -> Option<Registration> {
        Registration::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// Whether a city goes with it.
    pub fn needs_city(self) -> bool {
        matches!(self, Registration::Rcs | Registration::Rm)
    }

    /// The French mention, e.g. "RCS Nîmes".
    pub fn mention(self, city: &str) -> String {
        match self {
            Registration::Rcs => format!("RCS {city}"),
            Registration::Rm => format!("RM {city}"),
            Registration::Micro => "Micro-entrepreneur dispensé d'immatriculation".into(),
            Registration::None => "Sans immatriculation au RCS ni au RM".into(),
        }
    }
}

/// A shop's legal identity, as shoppers and the API read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "legal_name": "Fabre et Fils", "legal_form": "sarl", "legal_form_label": "SARL",
    "siret": "73282932000074", "registration": "rcs", "registration_city": "Nîmes",
    "registration_mention": "RCS Nîmes", "vat_number": "FR44732829320", "vat_mention": null,
    "responsible": "Claire Fabre"
})))]
pub struct ShopLegal {
    /// The name the business is registered under.
    pub legal_name: String,
    /// Its legal form.
    pub legal_form: LegalForm,
    /// The form as a French document writes it.
    pub legal_form_label: String,
    /// SIRET, 14 digits.
    pub siret: String,
    /// Where it is registered.
    pub registration: Registration,
    /// The city of the RCS or RM; empty otherwise.
    pub registration_city: String,
    /// E.g. "RCS Nîmes" or "Micro-entrepreneur dispensé d'immatriculation".
    pub registration_mention: String,
    /// The intra-community VAT number; `null` when the shop is exempt from VAT.
    pub vat_number: Option<String>,
    /// "TVA non applicable, art. 293 B du CGI" when the shop is exempt from VAT.
    pub vat_mention: Option<String>,
    /// The person responsible for the business.
    pub responsible: String,
}

/// Sets a shop's legal identity (every field; the VAT number unless the shop is exempt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "legal_name": "Fabre et Fils", "legal_form": "sarl", "siret": "732 829 320 00074",
    "registration": "rcs", "registration_city": "Nîmes", "vat_number": "FR44732829320",
    "responsible": "Claire Fabre"
})))]
pub struct UpdateShopLegal {
    /// 2 to 120 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 120))]
    pub legal_name: String,
    /// The legal form.
    pub legal_form: LegalForm,
    /// 14 digits (spaces allowed), checked with the Luhn key.
    #[cfg_attr(feature = "openapi", schema(max_length = 20))]
    pub siret: String,
    /// Where the business is registered.
    pub registration: Registration,
    /// Required for `rcs` and `rm`: the city of the register.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    pub registration_city: Option<String>,
    /// `FR` + 2-digit key + the SIREN of the SIRET; required unless the shop is exempt
    /// from VAT (`vat_exempt` on its profile), refused when it is.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 20))]
    pub vat_number: Option<String>,
    /// The person responsible, 2 to 120 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 120))]
    pub responsible: String,
}

/// The seller of an order as it was at checkout: the shop and its legal identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Seller {
    /// The shop's name.
    pub shop_name: String,
    /// Its address, postcode and commune.
    pub address: String,
    /// Its phone.
    pub phone: String,
    /// Its e-mail, may be empty.
    pub email: String,
    /// Its legal identity; `null` for a shop approved before identities were required
    /// that has not given it yet.
    pub legal: Option<ShopLegal>,
}

/// Which text a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TermsKind {
    /// The site's terms of use, the association's.
    Use,
    /// Terms of sale.
    Sale,
}

/// Whose text terms of sale are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TermsSource {
    /// The shop wrote its own.
    Shop,
    /// The association's (its terms of use, or its default terms of sale).
    Association,
}

impl TermsSource {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            TermsSource::Shop => "shop",
            TermsSource::Association => "association",
        }
    }
}

/// One version of terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "kind": "sale", "source": "association", "version": 2,
    "published_at": "2026-12-05T09:00:00+00:00",
    "body": "Conditions générales de vente\n\n1. Objet...", "versions_url": "/api/v1/terms/sale/versions/2"
})))]
pub struct Terms {
    /// Terms of use or of sale.
    pub kind: TermsKind,
    /// The shop's own text, or the association's.
    pub source: TermsSource,
    /// Its number, from 1; every save makes the next.
    pub version: i32,
    /// When it was saved (UTC, RFC 3339); `null` for the text built into Vitrine.
    pub published_at: Option<String>,
    /// The text, paragraphs separated by blank lines.
    pub body: String,
    /// Where this very version stays readable.
    pub versions_url: String,
}

/// A new version of terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "body": "Conditions générales de vente\n\n1. Vendeur\nChaussures Fabre, SARL..."
})))]
pub struct UpdateTerms {
    /// The whole text, 20 to 50,000 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 20, max_length = 50000))]
    pub body: String,
}

/// How the customer accepted the terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TermsAcceptance {
    /// Ticked at checkout on the website.
    Ticked,
    /// Read out by the shop on the phone.
    ReadOut,
}

/// The terms an order's customer accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptedTerms {
    /// The version of the terms of use (`GET /terms/versions/{n}`).
    pub terms_of_use_version: i32,
    /// Whose terms of sale: the shop's own (`GET /shops/{slug}/terms/versions/{n}`) or the
    /// association's default (`GET /terms/sale/versions/{n}`).
    pub terms_of_sale_source: TermsSource,
    /// Their version.
    pub terms_of_sale_version: i32,
    /// When (UTC, RFC 3339).
    pub accepted_at: String,
    /// Ticked on the website or read out on the phone.
    pub how: TermsAcceptance,
}

/// A product's exception to the right of withdrawal (Code de la consommation, L221-28).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WithdrawalException {
    /// The 14-day right of withdrawal applies.
    #[default]
    None,
    /// Goods that spoil or expire quickly.
    Perishable,
    /// Goods made to the customer's specification or clearly personalised.
    MadeToOrder,
    /// Sealed goods that cannot be returned for hygiene reasons once unsealed.
    SealedHygiene,
}

impl WithdrawalException {
    /// Every value.
    pub const ALL: [WithdrawalException; 4] = [
        WithdrawalException::None,
        WithdrawalException::Perishable,
        WithdrawalException::MadeToOrder,
        WithdrawalException::SealedHygiene,
    ];

    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            WithdrawalException::None => "none",
            WithdrawalException::Perishable => "perishable",
            WithdrawalException::MadeToOrder => "made_to_order",
            WithdrawalException::SealedHygiene => "sealed_hygiene",
        }
    }

    /// Parses the stored name.
    pub fn parse(value: &str) -> Option<WithdrawalException> {
        WithdrawalException::ALL
            .into_iter()
            .find(|e| e.as_str() == value)
    }

    /// Why the right does not apply, in French; `None` when it does.
    pub fn reason_fr(self) -> Option<&'static str> {
        match self {
            WithdrawalException::None => None,
            WithdrawalException::Perishable => {
                Some("bien susceptible de se détériorer ou de se périmer rapidement")
            }
            WithdrawalException::MadeToOrder => {
                Some("bien confectionné selon les spécifications du client")
            }
            WithdrawalException::SealedHygiene => Some(
                "bien scellé ne pouvant être renvoyé pour des raisons d'hygiène une fois descellé",
            ),
        }
    }
}

/// Withdraws from an order (rétractation): the lines sent back, named by `line_ids` (one
/// size of a product) or `product_ids` (every line of the product), 1 to 100 in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "line_ids": [41], "message": "Je me rétracte de l'achat de ce bien.",
    "tracking_token": "b296ab8fb56b47aba71f1ac17652d505"
})))]
pub struct RequestWithdrawal {
    /// The order's lines withdrawn from (`Order.lines[].id`), each once.
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    #[serde(default, deserialize_with = "crate::whole_number_ids")]
    pub line_ids: Vec<i64>,
    /// Products of the order, each once: every line of each is withdrawn from (the form
    /// before sizes; `line_ids` names one size of a product).
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    #[serde(default, deserialize_with = "crate::whole_number_ids")]
    pub product_ids: Vec<i64>,
    /// A message for the shop, at most 1,000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub message: Option<String>,
    /// A guest's tracking token (from the tracking link), instead of signing in.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub tracking_token: Option<String>,
}

/// A line withdrawn from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Withdrawal {
    /// The order's line withdrawn from.
    #[serde(default)]
    pub line_id: i64,
    /// The line's product.
    pub product_id: i64,
    /// When the withdrawal was sent (UTC, RFC 3339).
    pub at: String,
    /// The customer's message.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for form in LegalForm::ALL {
            assert_eq!(LegalForm::parse(form.as_str()), Some(form));
        }
        for registration in Registration::ALL {
            assert_eq!(
                Registration::parse(registration.as_str()),
                Some(registration)
            );
        }
        for exception in WithdrawalException::ALL {
            assert_eq!(
                WithdrawalException::parse(exception.as_str()),
                Some(exception)
            );
        }
        assert_eq!(LegalForm::parse("gmbh"), None);
    }
}
