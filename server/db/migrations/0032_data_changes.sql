-- Which transactions changed an organisation's data, so a process can tell whether an answer it keeps
-- (a learner's Today) is still true on PostgreSQL, where other processes write too (decision 0038).
-- One row per organisation and writing transaction; rows older than a few minutes are pruned by a job.
CREATE TABLE "data_changes" (
	"organisation_id" uuid NOT NULL,
	"xid" xid8 DEFAULT pg_current_xact_id() NOT NULL,
	"noted_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "data_changes_pk" PRIMARY KEY ("organisation_id", "xid")
);
--> statement-breakpoint
-- Statement-level, over the transition tables: a bulk write notes each organisation once, not per row.
-- The embedded database (one process, which counts its own writes) turns noting off for its session.
CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('beklijf.note_changes', true) = 'off' THEN
		RETURN NULL;
	END IF;
	IF TG_OP = 'INSERT' THEN
		INSERT INTO data_changes (organisation_id) SELECT DISTINCT organisation_id FROM new_rows
			ON CONFLICT DO NOTHING;
	ELSIF TG_OP = 'DELETE' THEN
		INSERT INTO data_changes (organisation_id) SELECT DISTINCT organisation_id FROM old_rows
			ON CONFLICT DO NOTHING;
	ELSE
		INSERT INTO data_changes (organisation_id)
			SELECT organisation_id FROM new_rows UNION SELECT organisation_id FROM old_rows
			ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- The organisations table keys its own rows by id.
CREATE FUNCTION note_organisation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('beklijf.note_changes', true) = 'off' THEN
		RETURN NULL;
	END IF;
	IF TG_OP = 'DELETE' THEN
		INSERT INTO data_changes (organisation_id) SELECT DISTINCT id FROM old_rows ON CONFLICT DO NOTHING;
	ELSE
		INSERT INTO data_changes (organisation_id) SELECT DISTINCT id FROM new_rows ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- A table that gets the triggers; a later migration that adds a tenant table calls it for that table
-- (a test fails on a tenant table without them). Transition tables allow one event per trigger.
CREATE FUNCTION note_changes_of(target regclass, note text DEFAULT 'note_data_change') RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('CREATE TRIGGER note_inserts AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows '
		'FOR EACH STATEMENT EXECUTE FUNCTION %I()', target, note);
	EXECUTE format('CREATE TRIGGER note_updates AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows '
		'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()', target, note);
	EXECUTE format('CREATE TRIGGER note_deletes AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows '
		'FOR EACH STATEMENT EXECUTE FUNCTION %I()', target, note);
END $$;
--> statement-breakpoint
-- Every tenant table but the audit trail and sign-in sessions, which no learner's answer is built from.
DO $$
DECLARE
	tenant_table regclass;
BEGIN
	FOR tenant_table IN
		SELECT format('%I', c.table_name)::regclass FROM information_schema.columns c
		JOIN information_schema.tables t USING (table_schema, table_name)
		WHERE c.table_schema = 'public' AND c.column_name = 'organisation_id' AND t.table_type = 'BASE TABLE'
			AND c.table_name NOT IN ('audit_events', 'sessions', 'data_changes')
	LOOP
		PERFORM note_changes_of(tenant_table);
	END LOOP;
	PERFORM note_changes_of('organisations', 'note_organisation_change');
END $$;
