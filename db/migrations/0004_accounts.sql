CREATE TABLE "auth_throttle" (
	"key" varchar(300) PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
CREATE TRIGGER auth_throttle_touch_updated_at BEFORE UPDATE ON auth_throttle FOR EACH ROW EXECUTE FUNCTION marquee_touch_updated_at();
