CREATE TABLE `read_generation` (
	`id` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
insert into `read_generation` (`id`, `n`) values (1, 0);
--> statement-breakpoint
create trigger `accounts_insert_read_generation` after insert on `accounts` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `accounts_update_read_generation` after update on `accounts` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `accounts_delete_read_generation` after delete on `accounts` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `patients_insert_read_generation` after insert on `patients` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `patients_update_read_generation` after update on `patients` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `patients_delete_read_generation` after delete on `patients` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `consultations_insert_read_generation` after insert on `consultations` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `consultations_update_read_generation` after update on `consultations` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `consultations_delete_read_generation` after delete on `consultations` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `slots_insert_read_generation` after insert on `slots` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `slots_update_read_generation` after update on `slots` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `slots_delete_read_generation` after delete on `slots` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `staff_insert_read_generation` after insert on `staff` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `staff_update_read_generation` after update on `staff` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `staff_delete_read_generation` after delete on `staff` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `applications_insert_read_generation` after insert on `applications` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `applications_update_read_generation` after update on `applications` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `applications_delete_read_generation` after delete on `applications` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `conclusions_insert_read_generation` after insert on `conclusions` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `conclusions_update_read_generation` after update on `conclusions` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
--> statement-breakpoint
create trigger `conclusions_delete_read_generation` after delete on `conclusions` begin update `read_generation` set `n` = `n` + 1 where `id` = 1; end;
