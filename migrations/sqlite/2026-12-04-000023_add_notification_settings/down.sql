DELETE FROM marketplace_settings WHERE name IN ('mail.sender_name', 'mail.sender_address', 'mail.reply_to');
DROP TABLE mail_opt_outs;
DROP TABLE shop_mail_settings;
DROP TABLE merchant_mail_settings;
