DROP TABLE secrets;
DROP TABLE login_failures;
DROP TABLE refresh_tokens;
