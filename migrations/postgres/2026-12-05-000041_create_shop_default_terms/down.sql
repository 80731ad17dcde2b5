DROP TABLE shop_default_terms;
