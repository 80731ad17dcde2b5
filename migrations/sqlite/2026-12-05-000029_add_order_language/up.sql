-- The language the shopper used at checkout (issue 12): their e-mails about the order are
-- written in it. Orders placed before (and phone orders) are French.
ALTER TABLE orders ADD COLUMN language TEXT NOT NULL DEFAULT 'fr';
