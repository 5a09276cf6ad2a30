ALTER TABLE `outbox` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `sms_outbox` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `sms_outbox` ADD `lease_until` integer;