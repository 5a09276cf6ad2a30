CREATE TABLE `duty_exceptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`date` text NOT NULL,
	`reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duty_exceptions_staff_date_uq` ON `duty_exceptions` (`staff_id`,`date`);--> statement-breakpoint
CREATE TABLE `duty_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`weekday` integer NOT NULL,
	`from_time` text NOT NULL,
	`to_time` text NOT NULL,
	`slot_minutes` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `duty_templates_staff_idx` ON `duty_templates` (`staff_id`);--> statement-breakpoint
CREATE TABLE `waitlist` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`patient_id` integer NOT NULL,
	`specialty` text NOT NULL,
	`date` text NOT NULL,
	`from_at` integer NOT NULL,
	`to_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`notified_at` integer,
	`notified_slot_id` integer,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_waiting_uq` ON `waitlist` (`patient_id`,`specialty`,`date`) WHERE notified_at is null;--> statement-breakpoint
CREATE INDEX `waitlist_queue_idx` ON `waitlist` (`specialty`,`notified_at`,`from_at`);--> statement-breakpoint
ALTER TABLE `consultations` ADD `cancel_reason` text;--> statement-breakpoint
ALTER TABLE `slots` ADD `template_id` integer;--> statement-breakpoint
ALTER TABLE `slots` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `slots` ADD `closed_reason` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `specialty` text;