-- Schemagov DDL capture for PostgreSQL (version 1). Idempotent: safe to run again.
-- Every DDL command is handed to logical decoding as one transactional message with the
-- prefix 'schemagov.ddl': rolled-back DDL therefore produces nothing. A superuser must run
-- this once per monitored database (event triggers require it).

CREATE SCHEMA IF NOT EXISTS schemagov;
-- Event trigger functions run as the role that runs the DDL, and must find the capture's functions: without USAGE a
-- migration role that is no superuser would have its DDL go uncaptured (a WARNING only). The functions read only
-- what every role may read; the tables stay closed (capture_settings is readable, it holds one boolean).
GRANT USAGE ON SCHEMA schemagov TO PUBLIC;

CREATE TABLE IF NOT EXISTS schemagov.baseline_runs (
    slot_name text PRIMARY KEY,
    taken_at  timestamptz NOT NULL DEFAULT now(),
    tables    integer NOT NULL
);

-- What the ingest configured for this database and the triggers read: whether TRUNCATE is captured (the ingest sets
-- it at each start from sources[n].truncate-capture; a DBA script sets it through sync_truncate_capture).
CREATE TABLE IF NOT EXISTS schemagov.capture_settings (
    singleton        boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    truncate_capture boolean NOT NULL DEFAULT true
);
INSERT INTO schemagov.capture_settings DEFAULT VALUES ON CONFLICT DO NOTHING;
GRANT SELECT ON schemagov.capture_settings TO PUBLIC;

-- The capture's own triggers on user tables (TRUNCATE capture, actor attribution): installing or dropping them is
-- not a user's DDL.
CREATE OR REPLACE FUNCTION schemagov.is_own_trigger(object_type text, identity text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $fn$
SELECT object_type = 'trigger'
       AND (identity LIKE 'schemagov\_truncate on %' OR identity LIKE 'schemagov\_actor on %')
$fn$;

-- The structure and size of one table, read from the catalog of the current transaction.
CREATE OR REPLACE FUNCTION schemagov.table_snapshot(rel oid) RETURNS jsonb
LANGUAGE sql STABLE AS $fn$
SELECT jsonb_build_object(
    'schemaName', n.nspname,
    'tableName', c.relname,
    'kind', CASE c.relkind WHEN 'p' THEN 'partitioned table' ELSE 'table' END,
    'estimatedRows', c.reltuples::bigint,
    'pages', c.relpages,
    'sizeBytes', pg_relation_size(c.oid),
    'totalBytes', pg_total_relation_size(c.oid),
    'rowSecurity', c.relrowsecurity,
    'columns', COALESCE((
        SELECT jsonb_agg(jsonb_build_object(
            'name', a.attname,
            'position', a.attnum,
            'dataType', format_type(a.atttypid, a.atttypmod),
            'notNull', a.attnotnull,
            'defaultExpression', pg_get_expr(d.adbin, d.adrelid),
            'identity', CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END,
            'generated', CASE a.attgenerated WHEN 's' THEN 'STORED' END,
            'typeCategory', ty.typcategory) ORDER BY a.attnum)
        FROM pg_attribute a
        JOIN pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '[]'::jsonb),
    'constraints', COALESCE((
        SELECT jsonb_agg(jsonb_build_object(
            'name', k.conname,
            'type', CASE k.contype WHEN 'p' THEN 'PRIMARY_KEY' WHEN 'f' THEN 'FOREIGN_KEY' WHEN 'u' THEN 'UNIQUE'
                                   WHEN 'c' THEN 'CHECK' WHEN 'x' THEN 'EXCLUSION' WHEN 'n' THEN 'NOT_NULL'
                                   ELSE 'OTHER' END,
            'definition', pg_get_constraintdef(k.oid),
            'validated', k.convalidated,
            'columns', COALESCE((
                SELECT jsonb_agg(att.attname ORDER BY u.ord)
                FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                JOIN pg_attribute att ON att.attrelid = k.conrelid AND att.attnum = u.attnum), '[]'::jsonb),
            'referencedTable', (
                SELECT rn.nspname || '.' || rc.relname
                FROM pg_class rc JOIN pg_namespace rn ON rn.oid = rc.relnamespace
                WHERE rc.oid = k.confrelid),
            'referencedColumns', COALESCE((
                SELECT jsonb_agg(att.attname ORDER BY u.ord)
                FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                JOIN pg_attribute att ON att.attrelid = k.confrelid AND att.attnum = u.attnum), '[]'::jsonb),
            'referencedColumnTypes', COALESCE((
                SELECT jsonb_agg(format_type(att.atttypid, att.atttypmod) ORDER BY u.ord)
                FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                JOIN pg_attribute att ON att.attrelid = k.confrelid AND att.attnum = u.attnum), '[]'::jsonb))
            ORDER BY k.conname)
        FROM pg_constraint k WHERE k.conrelid = c.oid), '[]'::jsonb),
    'indexes', COALESCE((
        SELECT jsonb_agg(jsonb_build_object(
            'name', ic.relname,
            'definition', pg_get_indexdef(i.indexrelid),
            'valid', i.indisvalid,
            'unique', i.indisunique,
            'primary', i.indisprimary,
            'columns', COALESCE((
                SELECT jsonb_agg(pg_get_indexdef(i.indexrelid, k.ord, true) ORDER BY k.ord)
                FROM generate_series(1, i.indnkeyatts::int) AS k(ord)), '[]'::jsonb),
            'predicate', pg_get_expr(i.indpred, i.indrelid))
            ORDER BY ic.relname)
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = c.oid), '[]'::jsonb))
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = rel
$fn$;

-- Who, from where, under which limits: the part of an event that describes the session.
CREATE OR REPLACE FUNCTION schemagov.session_context() RETURNS jsonb
LANGUAGE sql STABLE AS $fn$
SELECT jsonb_build_object(
    'statement', current_query(),
    'role', current_user::text,
    'sessionRole', session_user::text,
    'application', current_setting('application_name', true),
    'clientAddress', host(inet_client_addr()),
    'transactionId', pg_current_xact_id()::text::bigint,
    'lockTimeoutMs', (SELECT setting::bigint FROM pg_settings WHERE name = 'lock_timeout'),
    'statementTimeoutMs', (SELECT setting::bigint FROM pg_settings WHERE name = 'statement_timeout'),
    'inTransactionBlock', current_setting('schemagov.after_other_work', true) IS NOT DISTINCT FROM 'on',
    'eventTime', (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
$fn$;

CREATE OR REPLACE FUNCTION schemagov.rewrite_reasons(reason int) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $fn$
SELECT COALESCE(jsonb_agg(label), '[]'::jsonb) FROM (VALUES
    (1, 'SET LOGGED/UNLOGGED'),
    (2, 'column default that must be written to every row'),
    (4, 'column type or storage change'),
    (8, 'access method change')) AS r(bit, label)
WHERE reason & bit <> 0
$fn$;

-- ddl_command_start: whether the command runs after other work of its transaction, which still holds that
-- work's locks: a transaction id already assigned (earlier writes) or a lock on a user relation (earlier reads).
-- Comparing transaction_timestamp() with statement_timestamp() cannot tell: with the extended query protocol
-- of JDBC and most drivers the transaction starts at Parse, before the statement's Execute. Known blind spot:
-- CREATE TABLE ... AS and CREATE MATERIALIZED VIEW lock their source tables while being parsed, so they count as
-- coming after other work even when they run alone.
CREATE OR REPLACE FUNCTION schemagov.on_ddl_command_start() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM set_config('schemagov.after_other_work',
        CASE WHEN pg_current_xact_id_if_assigned() IS NOT NULL OR EXISTS (
                      SELECT 1 FROM pg_locks l
                       WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.relation >= 16384)
             THEN 'on' ELSE 'off' END,
        true);
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'schemagov: could not record the transaction state: %', SQLERRM;
END
$fn$;

-- table_rewrite fires before the rewrite; remember it for ddl_command_end of the same command.
CREATE OR REPLACE FUNCTION schemagov.on_table_rewrite() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM set_config('schemagov.rewrites',
        (COALESCE(NULLIF(current_setting('schemagov.rewrites', true), ''), '[]')::jsonb
         || jsonb_build_array(jsonb_build_object(
                'table', (SELECT n.nspname || '.' || c.relname FROM pg_class c
                          JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE c.oid = pg_event_trigger_table_rewrite_oid()),
                'reasons', schemagov.rewrite_reasons(pg_event_trigger_table_rewrite_reason()))))::text,
        true);
EXCEPTION WHEN OTHERS THEN
    -- The capture must never make a user's DDL fail.
    RAISE WARNING 'schemagov: could not record a table rewrite: %', SQLERRM;
END
$fn$;

-- sql_drop fires before ddl_command_end; the dropped objects are no longer in the catalog then.
CREATE OR REPLACE FUNCTION schemagov.on_sql_drop() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM set_config('schemagov.dropped',
        (COALESCE(NULLIF(current_setting('schemagov.dropped', true), ''), '[]')::jsonb
         || COALESCE((SELECT jsonb_agg(jsonb_build_object(
                'objectType', object_type,
                'schemaName', schema_name,
                'objectName', object_name,
                'objectIdentity', object_identity,
                'original', original))
             FROM pg_event_trigger_dropped_objects()
            WHERE NOT schemagov.is_own_trigger(object_type, object_identity)), '[]'::jsonb))::text,
        true);
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'schemagov: could not record dropped objects: %', SQLERRM;
END
$fn$;

CREATE OR REPLACE FUNCTION schemagov.on_ddl_command_end() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    objects  jsonb := '[]'::jsonb;
    tables   jsonb := '[]'::jsonb;
    reported bigint := 0;
    failure  text;
BEGIN
    BEGIN
        SELECT COALESCE(jsonb_agg(jsonb_build_object(
                   'commandTag', command_tag,
                   'objectType', object_type,
                   'schemaName', schema_name,
                   'objectIdentity', object_identity))
                   FILTER (WHERE NOT schemagov.is_own_trigger(object_type, object_identity)), '[]'::jsonb),
               count(*)
          INTO objects, reported
          FROM pg_event_trigger_ddl_commands();
        -- Our own objects are not governed: those in schema schemagov, and our triggers on user tables (created here
        -- for new tables, or by the ingest at start-up; dropping one leaves sql_drop nothing to record).
        IF (reported > 0 AND NOT EXISTS (
               SELECT 1 FROM jsonb_array_elements(objects) o
               WHERE o->>'schemaName' IS DISTINCT FROM 'schemagov'))
           OR (tg_tag = 'DROP TRIGGER' AND COALESCE(NULLIF(current_setting('schemagov.dropped', true), ''), '[]') = '[]') THEN
            PERFORM set_config('schemagov.dropped', '', true);
            RETURN;
        END IF;
        -- Each table the command touched, directly or through one of its indexes.
        SELECT COALESCE(jsonb_agg(schemagov.table_snapshot(t.relid)), '[]'::jsonb)
          INTO tables
          FROM (SELECT DISTINCT CASE WHEN c.relkind IN ('i', 'I') THEN x.indrelid ELSE c.oid END AS relid
                  FROM pg_event_trigger_ddl_commands() d
                  JOIN pg_class c ON c.oid = d.objid
                  LEFT JOIN pg_index x ON x.indexrelid = c.oid
                 WHERE d.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'p', 'i', 'I')
                UNION
                -- A dropped index is gone from the catalog, and with it the link to its table; the table is
                -- still locked by this transaction, exclusively for a plain DROP INDEX.
                SELECT l.relation
                  FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                 WHERE tg_tag = 'DROP INDEX' AND l.pid = pg_backend_pid() AND l.locktype = 'relation'
                   AND l.mode IN ('AccessExclusiveLock', 'ShareUpdateExclusiveLock')
                   AND c.relkind IN ('r', 'p') AND c.relnamespace <> 'schemagov'::regnamespace) t
         WHERE t.relid IS NOT NULL;
    EXCEPTION WHEN OTHERS THEN
        failure := SQLERRM;
    END;
    BEGIN
        PERFORM pg_logical_emit_message(true, 'schemagov.ddl', (schemagov.session_context() || jsonb_build_object(
            'version', 1,
            'commandTag', tg_tag,
            'objects', objects,
            'tables', tables,
            'dropped', COALESCE(NULLIF(current_setting('schemagov.dropped', true), '')::jsonb, '[]'::jsonb),
            'rewrites', COALESCE(NULLIF(current_setting('schemagov.rewrites', true), '')::jsonb, '[]'::jsonb),
            'captureError', failure))::text);
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'schemagov: could not capture % : %', tg_tag, SQLERRM;
    END;
    PERFORM set_config('schemagov.dropped', '', true);
    PERFORM set_config('schemagov.rewrites', '', true);
    -- A new table gets the TRUNCATE capture too (after the event above, so that our CREATE TRIGGER is not in it).
    BEGIN
        IF (SELECT truncate_capture FROM schemagov.capture_settings) THEN
            PERFORM schemagov.set_truncate_trigger(d.objid, true)
               FROM pg_event_trigger_ddl_commands() d
              WHERE d.classid = 'pg_class'::regclass AND d.command_tag IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO')
                AND schemagov.truncate_capturable(d.objid);
        END IF;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'schemagov: could not add the TRUNCATE capture to the new table: %', SQLERRM;
    END;
END
$fn$;

-- The baseline: one message per existing table, taken once per replication slot.
CREATE OR REPLACE FUNCTION schemagov.take_baseline(slot text, schemas text[]) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
    taken integer := 0;
    rel record;
BEGIN
    IF EXISTS (SELECT 1 FROM schemagov.baseline_runs WHERE slot_name = slot) THEN
        RETURN -1;
    END IF;
    FOR rel IN
        SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'schemagov')
           AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
           AND (schemas IS NULL OR cardinality(schemas) = 0 OR n.nspname = ANY (schemas))
         ORDER BY n.nspname, c.relname
    LOOP
        PERFORM pg_logical_emit_message(true, 'schemagov.baseline', (schemagov.session_context() || jsonb_build_object(
            'version', 1,
            'commandTag', 'BASELINE',
            'statement', NULL,
            'objects', '[]'::jsonb,
            'tables', jsonb_build_array(schemagov.table_snapshot(rel.oid)),
            'dropped', '[]'::jsonb,
            'rewrites', '[]'::jsonb))::text);
        taken := taken + 1;
    END LOOP;
    INSERT INTO schemagov.baseline_runs (slot_name, tables) VALUES (slot, taken);
    RETURN taken;
END
$fn$;

-- Actor attribution (opt-in per source): a BEFORE ... FOR EACH STATEMENT trigger on each audited table emits,
-- inside the transaction and ahead of its rows, who is changing data: the actor the application declared with
-- SET LOCAL schemagov.actor = '...', and the session's login role. SECURITY DEFINER so that application roles
-- need no right to emit logical messages; current_user is therefore the owner, and session_user is recorded.
CREATE OR REPLACE FUNCTION schemagov.record_actor() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
BEGIN
    PERFORM pg_logical_emit_message(true, 'schemagov.actor', jsonb_build_object(
        'declared', NULLIF(current_setting('schemagov.actor', true), ''),
        'role', session_user::text,
        'application', NULLIF(current_setting('application_name', true), ''),
        'clientAddress', host(inet_client_addr()),
        'transactionId', pg_current_xact_id()::text::bigint)::text);
    RETURN NULL;
END
$fn$;

-- TRUNCATE capture. No event trigger fires for TRUNCATE, so each table of the database gets a BEFORE TRUNCATE ...
-- FOR EACH STATEMENT trigger (schemagov_truncate) whose function emits the same kind of message as ddl_command_end.
-- Before the truncate, so the snapshot holds the rows and size it is about to remove; TRUNCATE ... CASCADE fires it
-- on every table it empties. SECURITY DEFINER like record_actor, so application roles need no right to emit logical
-- messages; the role recorded is therefore the session's. A failure never fails the user's TRUNCATE.
CREATE OR REPLACE FUNCTION schemagov.record_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
    identity text := quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME);
    objects  jsonb := jsonb_build_array(jsonb_build_object('commandTag', 'TRUNCATE TABLE', 'objectType', 'table',
                          'schemaName', TG_TABLE_SCHEMA, 'objectIdentity', identity));
    tables   jsonb := '[]'::jsonb;
    failure  text;
BEGIN
    BEGIN
        tables := jsonb_build_array(schemagov.table_snapshot(TG_RELID));
        -- The tables a CASCADE empties because they reference this one: this statement holds them exclusively.
        IF current_query() ~* '\mcascade\M' THEN
            objects := objects || COALESCE((
                SELECT jsonb_agg(jsonb_build_object('commandTag', 'TRUNCATE TABLE', 'objectType', 'table',
                           'schemaName', n.nspname, 'objectIdentity', quote_ident(n.nspname) || '.' || quote_ident(c.relname))
                           ORDER BY n.nspname, c.relname)
                  FROM (SELECT DISTINCT k.conrelid FROM pg_constraint k
                         WHERE k.contype = 'f' AND k.confrelid = TG_RELID AND k.conrelid <> TG_RELID) r
                  JOIN pg_class c ON c.oid = r.conrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE EXISTS (SELECT 1 FROM pg_locks l
                                WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation'
                                  AND l.relation = r.conrelid AND l.mode = 'AccessExclusiveLock')), '[]'::jsonb);
        END IF;
    EXCEPTION WHEN OTHERS THEN
        failure := SQLERRM;
    END;
    BEGIN
        PERFORM pg_logical_emit_message(true, 'schemagov.ddl', (schemagov.session_context() || jsonb_build_object(
            'version', 1,
            'commandTag', 'TRUNCATE TABLE',
            'role', session_user::text,
            -- Unknown: TRUNCATE has a transaction id before its triggers run, so there is no telling from here.
            'inTransactionBlock', NULL,
            'objects', objects,
            'tables', tables,
            'dropped', '[]'::jsonb,
            'rewrites', '[]'::jsonb,
            'captureError', failure))::text);
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'schemagov: could not capture TRUNCATE of % : %', identity, SQLERRM;
    END;
    RETURN NULL;
END
$fn$;

-- The tables whose TRUNCATE is captured: ordinary and partitioned tables (partitions too), not temporary, outside
-- the system schemas and ours, and not an extension's own (PostGIS's spatial_ref_sys, say: the extension manages it).
CREATE OR REPLACE FUNCTION schemagov.truncate_capturable(rel oid) RETURNS boolean
LANGUAGE sql STABLE AS $fn$
SELECT EXISTS (
    SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid = rel AND c.relkind IN ('r', 'p') AND c.relpersistence <> 't'
       AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'schemagov') AND n.nspname NOT LIKE 'pg\_%'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'))
$fn$;

-- Puts the TRUNCATE trigger on one table or takes it off; true when it changed something. CREATE and DROP TRIGGER
-- take a SHARE ROW EXCLUSIVE lock on the table: callers run it one table per transaction under a lock_timeout.
CREATE OR REPLACE FUNCTION schemagov.set_truncate_trigger(rel oid, enabled boolean) RETURNS boolean
LANGUAGE plpgsql AS $fn$
DECLARE
    present boolean := EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = rel AND tgname = 'schemagov_truncate');
BEGIN
    IF enabled AND NOT present THEN
        EXECUTE format('CREATE TRIGGER schemagov_truncate BEFORE TRUNCATE ON %s FOR EACH STATEMENT '
                       'EXECUTE FUNCTION schemagov.record_truncate()', rel::regclass);
        RETURN true;
    ELSIF present AND NOT enabled THEN
        EXECUTE format('DROP TRIGGER schemagov_truncate ON %s', rel::regclass);
        RETURN true;
    END IF;
    RETURN false;
END
$fn$;

-- For a DBA script: records the setting and puts the trigger on (or takes it off) every table in one go, skipping
-- a table whose lock does not come within lock_wait; returns the tables skipped. The ingest does the same one table
-- per transaction (TruncateCapture).
CREATE OR REPLACE FUNCTION schemagov.sync_truncate_capture(enabled boolean, lock_wait text DEFAULT '2s') RETURNS text[]
LANGUAGE plpgsql AS $fn$
DECLARE
    rel     record;
    skipped text[] := '{}';
BEGIN
    UPDATE schemagov.capture_settings SET truncate_capture = enabled;
    PERFORM set_config('lock_timeout', lock_wait, true);
    FOR rel IN SELECT c.oid FROM pg_class c WHERE schemagov.truncate_capturable(c.oid) ORDER BY c.oid LOOP
        BEGIN
            PERFORM schemagov.set_truncate_trigger(rel.oid, enabled);
        EXCEPTION WHEN lock_not_available THEN
            skipped := skipped || rel.oid::regclass::text;
        END;
    END LOOP;
    RETURN skipped;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS schemagov_ddl_command_start;
DROP EVENT TRIGGER IF EXISTS schemagov_ddl_command_end;
DROP EVENT TRIGGER IF EXISTS schemagov_sql_drop;
DROP EVENT TRIGGER IF EXISTS schemagov_table_rewrite;
CREATE EVENT TRIGGER schemagov_ddl_command_start ON ddl_command_start EXECUTE FUNCTION schemagov.on_ddl_command_start();
CREATE EVENT TRIGGER schemagov_ddl_command_end ON ddl_command_end EXECUTE FUNCTION schemagov.on_ddl_command_end();
CREATE EVENT TRIGGER schemagov_sql_drop ON sql_drop EXECUTE FUNCTION schemagov.on_sql_drop();
CREATE EVENT TRIGGER schemagov_table_rewrite ON table_rewrite EXECUTE FUNCTION schemagov.on_table_rewrite();
