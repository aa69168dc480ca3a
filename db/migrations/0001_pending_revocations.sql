CREATE TABLE `pending_revocations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_name` text NOT NULL,
	`token_id` text,
	`accounts_server` text NOT NULL,
	`data_centre` text,
	`sealed_token` text NOT NULL,
	`attempts` integer NOT NULL,
	`last_error` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_attempt_at` integer NOT NULL,
	`claimed_until` integer
);
--> statement-breakpoint
CREATE INDEX `pending_revocations_user_idx` ON `pending_revocations` (`user_name`);