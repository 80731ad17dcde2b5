//! The browsing bundle: home, catalogue, products, shops (see `shared::bundle`).

use shared::bundle::Bundle;

fn main() {
    vitrine_web::start(Bundle::Browse, vitrine_web::app::browse_routes);
}
