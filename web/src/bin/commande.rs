//! The ordering bundle: basket, checkout, tracking, the shopper's account (see
//! `shared::bundle`).

use shared::bundle::Bundle;

fn main() {
    vitrine_web::start(Bundle::Order, vitrine_web::app::order_routes);
}
