CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`event` text NOT NULL,
	`actor` text NOT NULL,
	`subject` text,
	`data_centre` text,
	`outcome` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `oauth_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_name` text,
	`client_id` text DEFAULT '' NOT NULL,
	`secrets` blob NOT NULL,
	`access_digest` text,
	`refresh_digest` text,
	`grant_digest` text,
	`expiry_time` integer,
	`redirect_url` text,
	`api_domain` text,
	`accounts_server` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oauth_tokens_identity_idx` ON `oauth_tokens` (`user_name`,`client_id`);--> statement-breakpoint
CREATE INDEX `oauth_tokens_access_idx` ON `oauth_tokens` (`access_digest`);--> statement-breakpoint
CREATE INDEX `oauth_tokens_refresh_idx` ON `oauth_tokens` (`refresh_digest`);--> statement-breakpoint
CREATE INDEX `oauth_tokens_grant_idx` ON `oauth_tokens` (`grant_digest`);--> statement-breakpoint
CREATE TABLE `portal_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_name` text NOT NULL,
	`token_id` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`ended_at` integer,
	`ended_reason` text
);
--> statement-breakpoint
CREATE INDEX `portal_sessions_user_idx` ON `portal_sessions` (`user_name`);