DROP TABLE products;
DROP TABLE shop_members;
DROP TABLE shops;
DROP TABLE categories;
DROP TABLE communes;
DROP TABLE users;
