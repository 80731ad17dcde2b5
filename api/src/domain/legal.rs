//! Who sells (issue 15): a shop's legal identity checked once at the edge (SIRET with its
//! Luhn key, the VAT number's key and SIREN, the register's city), and the built-in terms.

use shared::error::FieldError;
use shared::legal::{LegalForm, Registration, UpdateShopLegal};

/// A legal identity valid by construction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalIdentity {
    pub legal_name: String,
    pub legal_form: LegalForm,
    /// 14 digits.
    pub siret: String,
    pub registration: Registration,
    /// Empty unless `registration` needs one.
    pub registration_city: String,
    /// `FR` + 11 digits; empty when the shop is exempt from VAT.
    pub vat_number: String,
    pub responsible: String,
}

/// La Poste's SIREN, whose establishments' SIRETs follow their own key.
const LA_POSTE_SIREN: &str = "356000000";

/// Whether `digits` (ASCII digits) passes the Luhn check.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let d = d * 2;
                if d > 9 { d - 9 } else { d }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A SIRET without its spaces, if it is 14 digits with a valid key (La Poste's: the sum of
/// the digits is a multiple of 5).
pub fn parse_siret(value: &str) -> Result<String, &'static str> {
    let siret: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if siret.len() != 14 || !siret.bytes().all(|b| b.is_ascii_digit()) {
        return Err("must be 14 digits, such as 732 829 320 00074");
    }
    let valid = if siret.starts_with(LA_POSTE_SIREN) && siret != "35600000000048" {
        siret
            .bytes()
            .map(|b| u32::from(b - b'0'))
            .sum::<u32>()
            .is_multiple_of(5)
    } else {
        luhn(&siret)
    };
    if valid {
        Ok(siret)
    } else {
        Err("is not a valid SIRET: a digit is wrong (its check key does not match)")
    }
}

/// A French intra-community VAT number for `siren`, upper-case without spaces.
pub fn parse_vat_number(value: &str, siren: &str) -> Result<String, &'static str> {
    let vat: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let digits = vat.strip_prefix("FR").unwrap_or("");
    if digits.len() != 11 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("must be FR followed by 11 digits, such as FR44732829320");
    }
    let (key, number) = digits.split_at(2);
    let number_value: u64 = number.parse().unwrap_or(0);
    let expected = (12 + 3 * (number_value % 97)) % 97;
    if key.parse::<u64>().ok() != Some(expected) {
        return Err("is not a valid VAT number: its 2-digit key does not match the SIREN");
    }
    if number != siren {
        return Err(
            "must be the VAT number of the SIRET's business (FR + key + the SIRET's first 9 digits)",
        );
    }
    Ok(vat)
}

fn text(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize) -> String {
    let value = value.trim().to_owned();
    if !(2..=max).contains(&value.chars().count()) {
        errors.push(FieldError {
            field: field.into(),
            message: format!("must be 2 to {max} characters"),
        });
    }
    value
}

/// `prefix` and the digit that makes the whole pass the Luhn check (demo SIRENs and SIRETs).
pub fn with_luhn_digit(prefix: &str) -> String {
    (0..10)
        .map(|d| format!("{prefix}{d}"))
        .find(|candidate| luhn(candidate))
        .unwrap_or_default()
}

/// The French VAT number of a SIREN.
pub fn vat_number_of(siren: &str) -> String {
    let number: u64 = siren.parse().unwrap_or(0);
    format!("FR{:02}{siren}", (12 + 3 * (number % 97)) % 97)
}

/// A fictional but well-formed identity for a demo shop (the `index`th).
pub fn demo_identity(index: usize, shop_name: &str, vat_exempt: bool) -> LegalIdentity {
    const PEOPLE: [&str; 8] = [
        "Claire Fabre",
        "Jean Roux",
        "Martine Blanc",
        "Paul Chabert",
        "Sophie Arnaud",
        "Luc Granier",
        "Anne Teissier",
        "Marc Bonnet",
    ];
    let siren = with_luhn_digit(&format!("{:08}", 81_000_000 + index * 1_117));
    let siret = with_luhn_digit(&format!("{siren}0001"));
    let responsible = PEOPLE[index % PEOPLE.len()].to_owned();
    if vat_exempt {
        LegalIdentity {
            legal_name: responsible.clone(),
            legal_form: LegalForm::Ei,
            siret,
            registration: Registration::Micro,
            registration_city: String::new(),
            vat_number: String::new(),
            responsible,
        }
    } else {
        let (legal_form, registration) = match index % 3 {
            0 => (LegalForm::Sarl, Registration::Rcs),
            1 => (LegalForm::Sas, Registration::Rcs),
            _ => (LegalForm::Eurl, Registration::Rm),
        };
        LegalIdentity {
            legal_name: format!("{shop_name} {}", legal_form.as_str().to_uppercase()),
            legal_form,
            vat_number: vat_number_of(&siren),
            siret,
            registration,
            registration_city: "Nîmes".into(),
            responsible,
        }
    }
}

/// Checks a legal identity; `vat_exempt` is the shop's flag. Every bad field is named.
pub fn parse_identity(
    body: UpdateShopLegal,
    vat_exempt: bool,
) -> Result<LegalIdentity, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut bad = |field: &str, message: &str| {
        errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        })
    };
    let siret = parse_siret(&body.siret).unwrap_or_else(|m| {
        bad("siret", m);
        String::new()
    });
    let city = body.registration_city.unwrap_or_default().trim().to_owned();
    let registration_city = if body.registration.needs_city() {
        if !(2..=80).contains(&city.chars().count()) {
            bad(
                "registration_city",
                "is required for the RCS or RM: the city of the register, such as Nîmes",
            );
        }
        city
    } else {
        String::new()
    };
    let vat = body.vat_number.unwrap_or_default();
    let vat_number = match (vat_exempt, vat.trim().is_empty()) {
        (true, true) => String::new(),
        (true, false) => {
            bad(
                "vat_number",
                "the shop is exempt from VAT (TVA non applicable, art. 293 B du CGI): leave it empty, or untick the exemption on the profile",
            );
            String::new()
        }
        (false, true) => {
            bad(
                "vat_number",
                "is required unless the shop is exempt from VAT (tick the exemption on the profile)",
            );
            String::new()
        }
        (false, false) if siret.is_empty() => String::new(),
        (false, false) => parse_vat_number(&vat, &siret[..9]).unwrap_or_else(|m| {
            bad("vat_number", m);
            String::new()
        }),
    };
    let legal_name = text(&mut errors, "legal_name", &body.legal_name, 120);
    let responsible = text(&mut errors, "responsible", &body.responsible, 120);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LegalIdentity {
        legal_name,
        legal_form: body.legal_form,
        siret,
        registration: body.registration,
        registration_city,
        vat_number,
        responsible,
    })
}

/// The site's terms of use built into Vitrine: version 1 until the association saves its own.
pub const DEFAULT_TERMS_OF_USE: &str = include_str!("terms_of_use.fr.txt");

/// The terms of sale the association offers every shop by default: version 1 until it
/// saves its own.
pub const DEFAULT_TERMS_OF_SALE: &str = include_str!("terms_of_sale.fr.txt");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siret_keys_are_checked() {
        assert_eq!(parse_siret("732 829 320 00074").unwrap(), "73282932000074");
        assert!(parse_siret("73282932000075").is_err());
        assert!(parse_siret("7328293200007").is_err());
        assert!(parse_siret("7328293200007A").is_err());
        // La Poste: the sum of the digits is a multiple of 5.
        assert!(parse_siret("35600000012345").is_err());
        assert!(parse_siret("35600000049837").is_ok());
    }

    #[test]
    fn demo_identities_pass_the_checks() {
        for index in 0..80 {
            for exempt in [false, true] {
                let id = demo_identity(index, "Boutique", exempt);
                let body = UpdateShopLegal {
                    legal_name: id.legal_name.clone(),
                    legal_form: id.legal_form,
                    siret: id.siret.clone(),
                    registration: id.registration,
                    registration_city: Some(id.registration_city.clone()),
                    vat_number: Some(id.vat_number.clone()),
                    responsible: id.responsible.clone(),
                };
                assert_eq!(parse_identity(body, exempt), Ok(id));
            }
        }
    }

    #[test]
    fn vat_numbers_carry_the_siren_and_its_key() {
        assert_eq!(
            parse_vat_number("fr 44 732829320", "732829320").unwrap(),
            "FR44732829320"
        );
        assert!(parse_vat_number("FR45732829320", "732829320").is_err());
        assert!(parse_vat_number("FR44732829320", "732829321").is_err());
        assert!(parse_vat_number("DE123456789", "732829320").is_err());
    }

    fn body() -> UpdateShopLegal {
        UpdateShopLegal {
            legal_name: "Fabre et Fils".into(),
            legal_form: LegalForm::Sarl,
            siret: "73282932000074".into(),
            registration: Registration::Rcs,
            registration_city: Some("Nîmes".into()),
            vat_number: Some("FR44732829320".into()),
            responsible: "Claire Fabre".into(),
        }
    }

    #[test]
    fn an_identity_names_each_bad_field() {
        assert!(parse_identity(body(), false).is_ok());
        let fields = |r: Result<LegalIdentity, Vec<FieldError>>| -> Vec<String> {
            r.unwrap_err().into_iter().map(|e| e.field).collect()
        };
        assert_eq!(fields(parse_identity(body(), true)), ["vat_number"]);
        let mut b = body();
        b.vat_number = None;
        b.registration_city = None;
        b.legal_name = " ".into();
        assert_eq!(
            fields(parse_identity(b, false)),
            ["registration_city", "vat_number", "legal_name"]
        );
        let mut b = body();
        b.registration = Registration::Micro;
        b.vat_number = None;
        let micro = parse_identity(b, true).unwrap();
        assert_eq!(
            (micro.registration_city, micro.vat_number),
            (String::new(), String::new())
        );
    }
}
