CREATE TABLE `application_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`chat_id` integer NOT NULL,
	`message_id` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_notices_uq` ON `application_notices` (`application_id`,`staff_id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`center_code` text NOT NULL,
	`condition_code` text NOT NULL,
	`diagnosis` text NOT NULL,
	`complaints` text NOT NULL,
	`path` text DEFAULT 'own' NOT NULL,
	`status` text NOT NULL,
	`assigned_staff_id` integer,
	`requested_kinds` text,
	`request_comment` text,
	`decline_reason` text,
	`submitted_at` integer NOT NULL,
	`taken_at` integer,
	`scheduled_at` integer,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `applications_patient_idx` ON `applications` (`patient_id`);--> statement-breakpoint
CREATE INDEX `applications_center_status_idx` ON `applications` (`center_code`,`status`);--> statement-breakpoint
CREATE TABLE `conclusions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`text` text NOT NULL,
	`outcome` text NOT NULL,
	`recommendations` text NOT NULL,
	`verification_code` text NOT NULL,
	`pdf_key` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conclusions_consultation_id_unique` ON `conclusions` (`consultation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `conclusions_verification_code_unique` ON `conclusions` (`verification_code`);--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`slot_id` integer NOT NULL,
	`application_id` integer,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`room` text NOT NULL,
	`cancelled_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultations_room_unique` ON `consultations` (`room`);--> statement-breakpoint
CREATE UNIQUE INDEX `consultations_active_slot_uq` ON `consultations` (`slot_id`) WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX `consultations_patient_idx` ON `consultations` (`patient_id`);--> statement-breakpoint
CREATE INDEX `consultations_staff_idx` ON `consultations` (`staff_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bot` text NOT NULL,
	`chat_id` integer NOT NULL,
	`template` text NOT NULL,
	`params` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	`failed_at` integer,
	`last_error` text,
	`message_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_key_unique` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`sent_at`,`failed_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slots_staff_start_uq` ON `slots` (`staff_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `slots_start_idx` ON `slots` (`starts_at`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`telegram_id` integer,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`center_code` text,
	`time_zone` text DEFAULT 'Europe/Moscow' NOT NULL,
	`locale` text DEFAULT 'ru' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_telegram_uq` ON `staff` (`telegram_id`);--> statement-breakpoint
CREATE TABLE `staff_invites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`staff_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_invites_token_hash_unique` ON `staff_invites` (`token_hash`);