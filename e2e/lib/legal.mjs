// A shop's legal identity (issue 15), valid (SIRET and VAT keys check out): a shop cannot be
// approved without one. For tests that set a shop up through the API.
export const LEGAL_IDENTITY = {
  legal_name: 'Commerce Exemple SARL',
  legal_form: 'sarl',
  siret: '732 829 320 00074',
  registration: 'rcs',
  registration_city: 'Nîmes',
  vat_number: 'FR44732829320',
  responsible: 'Claire Fabre',
};
