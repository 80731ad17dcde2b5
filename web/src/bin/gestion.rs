//! The shops' back-office bundle: orders inbox, products (see `shared::bundle`).

use shared::bundle::Bundle;

fn main() {
    vitrine_web::start(Bundle::BackOffice, vitrine_web::app::back_office_routes);
}
