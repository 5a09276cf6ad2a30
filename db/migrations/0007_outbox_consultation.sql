CREATE INDEX `outbox_consultation_idx` ON `outbox` (json_extract("params", '$.consultationId'));
