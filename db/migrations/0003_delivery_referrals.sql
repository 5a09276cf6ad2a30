CREATE TABLE `duty_chat_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`direction` text NOT NULL,
	`text` text,
	`photo_key` text,
	`patient_chat_id` integer NOT NULL,
	`patient_message_id` integer,
	`staff_chat_id` integer NOT NULL,
	`staff_message_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `duty_chat_consultation_idx` ON `duty_chat_messages` (`consultation_id`);--> statement-breakpoint
CREATE INDEX `duty_chat_staff_msg_idx` ON `duty_chat_messages` (`staff_chat_id`,`staff_message_id`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`name` text PRIMARY KEY NOT NULL,
	`last_run_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `referral_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`staff_id` integer,
	`imported` integer NOT NULL,
	`known` integer NOT NULL,
	`rejected` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer,
	`person_key` text NOT NULL,
	`full_name` text NOT NULL,
	`birth_date` text NOT NULL,
	`phone` text NOT NULL,
	`center_code` text NOT NULL,
	`condition_code` text NOT NULL,
	`diagnosis` text,
	`icd10` text,
	`referring_doctor` text,
	`organization` text,
	`region_code` text,
	`region_text` text,
	`invite_code` text NOT NULL,
	`invite_state` text DEFAULT 'queued' NOT NULL,
	`invite_sent_at` integer,
	`invite_error` text,
	`account_id` integer,
	`patient_id` integer,
	`linked_at` integer,
	`application_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `referral_imports`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`telegram_id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referrals_person_key_unique` ON `referrals` (`person_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `referrals_invite_code_unique` ON `referrals` (`invite_code`);--> statement-breakpoint
CREATE INDEX `referrals_phone_idx` ON `referrals` (`phone`);--> statement-breakpoint
CREATE INDEX `referrals_account_idx` ON `referrals` (`account_id`);--> statement-breakpoint
CREATE TABLE `sms_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text NOT NULL,
	`purpose` text NOT NULL,
	`params` text NOT NULL,
	`text` text,
	`referral_id` integer,
	`dedupe_key` text NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`provider_message_id` text,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_outbox_dedupe_key_unique` ON `sms_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `sms_outbox_due_idx` ON `sms_outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `sending_at` integer;