-- E-mail settings (issue 12). A missing row means the defaults: every message on, the
-- daily summary at 08:00 (Paris time).

-- Each merchant's choice, per shop they run: the new-order messages (and a customer's
-- cancellation), the daily summary of orders still to confirm.
CREATE TABLE merchant_mail_settings (
    shop_id BIGINT NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    new_order BOOLEAN NOT NULL DEFAULT TRUE,
    daily_summary BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (shop_id, user_id)
);

-- The shop's daily-summary time, HH:MM Paris time, one per shop.
CREATE TABLE shop_mail_settings (
    shop_id BIGINT PRIMARY KEY NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    summary_time TEXT NOT NULL
);

-- Addresses that turned off a non-essential message: 'delivery_reminder' (a shopper, with
-- an account or not), 'round_warning' (an admin). Trimmed, lower case.
CREATE TABLE mail_opt_outs (
    address TEXT NOT NULL,
    topic TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (address, topic)
);

-- The association's sender (empty: the defaults, the marketplace's name and --mail-from),
-- rows created here so that changing them is an update of existing rows.
INSERT INTO marketplace_settings (name, value) VALUES
    ('mail.sender_name', ''),
    ('mail.sender_address', ''),
    ('mail.reply_to', '');
