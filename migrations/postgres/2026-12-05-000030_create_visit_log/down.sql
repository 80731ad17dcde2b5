DROP TABLE visit_log;
