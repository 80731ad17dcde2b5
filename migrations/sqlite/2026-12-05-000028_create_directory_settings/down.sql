DROP TABLE directory_editions;
DROP TABLE directory_settings;
