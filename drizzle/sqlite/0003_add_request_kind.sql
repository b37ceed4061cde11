ALTER TABLE `action_request` ADD `kind` text DEFAULT 'action' NOT NULL;--> statement-breakpoint
ALTER TABLE `action_request` ADD `channel_data` text;