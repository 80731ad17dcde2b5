//! Which weekdays the association's volunteers deliver, per kind of shop.

use shared::catalogue::ShopKind;

/// ISO weekdays (1 Monday .. 7 Sunday) of delivery rounds for a kind of shop: food on
/// Tuesday and Friday, other shops on Thursday; restaurants are pickup only.
pub fn default_delivery_days(kind: ShopKind) -> &'static [u8] {
    match kind {
        ShopKind::Food => &[2, 5],
        ShopKind::NonFood => &[4],
        ShopKind::Restaurant => &[],
    }
}

/// The delivery days of a shop: none when it does not deliver.
pub fn shop_delivery_days(kind: ShopKind, offers_delivery: bool) -> Vec<u8> {
    if offers_delivery {
        default_delivery_days(kind).to_vec()
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn food_on_tuesday_and_friday_others_on_thursday() {
        assert_eq!(shop_delivery_days(ShopKind::Food, true), [2, 5]);
        assert_eq!(shop_delivery_days(ShopKind::NonFood, true), [4]);
        assert!(shop_delivery_days(ShopKind::Restaurant, true).is_empty());
        assert!(shop_delivery_days(ShopKind::Food, false).is_empty());
    }
}
