CREATE TABLE `call_attendance` (
	`consultation_id` integer PRIMARY KEY NOT NULL,
	`doctor_joined_at` integer,
	`doctor_left_at` integer,
	`patient_joined_at` integer,
	`patient_left_at` integer,
	`audio_only_at` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `room_passes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`side` text NOT NULL,
	`person_id` integer NOT NULL,
	`ticket_hash` text NOT NULL,
	`ticket_expires_at` integer NOT NULL,
	`used_at` integer,
	`session_hash` text,
	`session_expires_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `room_passes_ticket_hash_unique` ON `room_passes` (`ticket_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `room_passes_session_hash_unique` ON `room_passes` (`session_hash`);--> statement-breakpoint
CREATE INDEX `room_passes_consultation_idx` ON `room_passes` (`consultation_id`);