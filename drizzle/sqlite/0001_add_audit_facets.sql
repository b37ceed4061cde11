ALTER TABLE `audit_event` ADD `outcome` text GENERATED ALWAYS AS (CASE WHEN action IN ('request.approved', 'request.denied', 'request.expired', 'request.cancelled') THEN substr(action, 9) WHEN action = 'execution.reported' THEN json_extract(data, '$.outcome') END) VIRTUAL;--> statement-breakpoint
ALTER TABLE `audit_event` ADD `agent` text GENERATED ALWAYS AS (CASE WHEN action = 'agent.created' THEN json_extract(data, '$.name') ELSE json_extract(data, '$.agent') END) VIRTUAL;--> statement-breakpoint
ALTER TABLE `audit_event` ADD `tool` text GENERATED ALWAYS AS (json_extract(data, '$.tool')) VIRTUAL;--> statement-breakpoint
ALTER TABLE `audit_event` ADD `risk` text GENERATED ALWAYS AS (json_extract(data, '$.risk')) VIRTUAL;--> statement-breakpoint
ALTER TABLE `audit_event` ADD `channel` text GENERATED ALWAYS AS (json_extract(data, '$.channel')) VIRTUAL;--> statement-breakpoint
ALTER TABLE `audit_event` ADD `reviewer` text GENERATED ALWAYS AS (CASE WHEN actor_type = 'user' AND action IN ('request.approved', 'request.denied') THEN actor_id END) VIRTUAL;--> statement-breakpoint
ALTER TABLE `audit_event` ADD `waited_ms` integer GENERATED ALWAYS AS (json_extract(data, '$.waitedMs')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `audit_event_outcome_at_idx` ON `audit_event` (`outcome`,`at`) WHERE "outcome" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_event_reviewed_risk_at_idx` ON `audit_event` (`risk`,`at`,`waited_ms`) WHERE "reviewer" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_event_agent_idx` ON `audit_event` (`agent`) WHERE "agent" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_event_tool_idx` ON `audit_event` (`tool`) WHERE "tool" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_event_reviewer_idx` ON `audit_event` (`reviewer`) WHERE "reviewer" IS NOT NULL;