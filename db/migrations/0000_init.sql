CREATE TABLE `accounts` (
	`telegram_id` integer PRIMARY KEY NOT NULL,
	`locale` text DEFAULT 'ru' NOT NULL,
	`consent_version` text NOT NULL,
	`consent_at` integer NOT NULL,
	`phone` text,
	`phone_verified` integer DEFAULT false NOT NULL,
	`reachable` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`patient_id` integer,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_patient_idx` ON `audit_log` (`patient_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `bot_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`kind` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`thumbnail_key` text,
	`page_count` integer DEFAULT 1 NOT NULL,
	`width` integer,
	`height` integer,
	`original_name` text,
	`telegram_file_unique_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `documents_patient_idx` ON `documents` (`patient_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_patient_sha_uq` ON `documents` (`patient_id`,`sha256`);--> statement-breakpoint
CREATE INDEX `documents_storage_idx` ON `documents` (`storage_key`);--> statement-breakpoint
CREATE INDEX `documents_thumbnail_idx` ON `documents` (`thumbnail_key`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer,
	`relation` text NOT NULL,
	`full_name` text NOT NULL,
	`birth_date` text NOT NULL,
	`phone` text,
	`phone_verified` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`time_zone` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`telegram_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `patients_account_idx` ON `patients` (`account_id`);