/// The optional database-enforced roles (`fusion-console init --db-roles`): group roles with grants, and row
/// rules (triggers) so that an account connecting as itself cannot do in SQL what the console would refuse.
///
/// What the database enforces for a member of a group (not for the owner of the tables, which `init` and the
/// runtime use, nor for superusers):
/// - `fusion_viewer`: reads everything; appends audit records only as itself (`actor = session_user`).
/// - `fusion_operator` (+ viewer): cancels and reroutes runs, as itself, through the legal transitions only,
///   compare-and-set (`version + 1`); withdraws the pending approvals of a run it cancels.
/// - `fusion_supervisor` (+ operator): decides pending approvals: its decision row is its own
///   (`decided_by = session_user`), never on a run it submitted or an approval it requested, and only together
///   with the approval's own change in the same transaction; an approval becomes approved only with enough
///   distinct approvers and rejected only with a reject (checked at commit); decided approvals never change.
/// - `fusion_operator` also escalates approvals (`escalations`), as itself.
/// - `fusion_supervisor` also pauses, confirms and lifts pauses (`pauses`, a site pause confirmed by another
///   supervisor) and reverses decisions (`decision_reversals`, with the approval's own return to pending or
///   expired in the same transaction), as itself.
/// - `fusion_admin` (+ supervisor): grants console roles (`operators`), as itself.
/// - Nobody: changes or removes decisions or audit records (triggers and revoked privileges), inserts runs or
///   approvals (the runtime's, as owner).
/// The effective role is the lower of the group membership and the account's role in `operators`.
enum PostgresDatabaseRoles {
    static let groups = ["fusion_viewer", "fusion_operator", "fusion_supervisor", "fusion_admin"]

    /// The whole setup; idempotent, run in one transaction by an account that owns the tables and may create
    /// roles (CREATEROLE or superuser).
    static let script = """
        DO $$
        DECLARE
            name text;
        BEGIN
            FOREACH name IN ARRAY ARRAY['fusion_viewer', 'fusion_operator', 'fusion_supervisor', 'fusion_admin'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
                    EXECUTE format('CREATE ROLE %I NOLOGIN', name);
                END IF;
            END LOOP;
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO fusion_viewer', current_schema());
        END
        $$;
        GRANT fusion_viewer TO fusion_operator;
        GRANT fusion_operator TO fusion_supervisor;
        GRANT fusion_supervisor TO fusion_admin;

        REVOKE ALL ON sites, pools, institutes, projects, runs, approvals, decisions, operators, audit_log,
            fusion_migrations, pauses, decision_reversals, escalations
            FROM fusion_viewer, fusion_operator, fusion_supervisor, fusion_admin;
        GRANT SELECT ON sites, pools, institutes, projects, runs, approvals, decisions, operators, audit_log,
            fusion_migrations, pauses, decision_reversals, escalations TO fusion_viewer;
        GRANT INSERT ON escalations TO fusion_operator;
        GRANT INSERT ON decision_reversals TO fusion_supervisor;
        GRANT INSERT, UPDATE (confirmed_by, confirmed_at, confirm_reason, lifted_by, lifted_at, lift_reason)
            ON pauses TO fusion_supervisor;
        GRANT USAGE, SELECT ON SEQUENCE fusion_change_seq TO fusion_viewer;
        GRANT INSERT ON audit_log TO fusion_viewer;
        GRANT UPDATE (state, pool_id, ended_at, end_reason, cancel_requested_by, cancel_requested_at, cancel_reason,
            reroute_requested_by, reroute_requested_at, reroute_reason, reroute_to, updated_at, version)
            ON runs TO fusion_operator;
        GRANT UPDATE (state, decided_at, version) ON approvals TO fusion_operator;
        GRANT INSERT ON decisions TO fusion_supervisor;
        GRANT INSERT, UPDATE ON operators TO fusion_admin;

        -- The session's console role as a rank (viewer 0 … admin 3): the lower of its role in `operators` and its
        -- highest fusion_* group.
        CREATE OR REPLACE FUNCTION fusion_session_rank() RETURNS integer LANGUAGE sql STABLE AS $body$
            SELECT LEAST(
                COALESCE((SELECT CASE role WHEN 'admin' THEN 3 WHEN 'supervisor' THEN 2 WHEN 'operator' THEN 1 ELSE 0 END
                          FROM operators WHERE account = session_user), 0),
                CASE WHEN pg_has_role(session_user, 'fusion_admin', 'MEMBER') THEN 3
                     WHEN pg_has_role(session_user, 'fusion_supervisor', 'MEMBER') THEN 2
                     WHEN pg_has_role(session_user, 'fusion_operator', 'MEMBER') THEN 1
                     ELSE 0 END)
        $body$;

        CREATE OR REPLACE FUNCTION fusion_enforce_roles() RETURNS trigger LANGUAGE plpgsql AS $body$
        DECLARE
            me text := session_user;
            rank integer;
            requester text;
            submitter text;
            approval_state text;
            changed_here boolean;
            run_state text;
            now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
        BEGIN
            IF pg_has_role(me, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN NEW;
            END IF;
            rank := fusion_session_rank();
            IF TG_TABLE_NAME = 'audit_log' THEN
                IF NEW.actor IS DISTINCT FROM me THEN
                    RAISE EXCEPTION 'audit records are written as yourself: % may not write one for %', me, NEW.actor
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            ELSIF TG_TABLE_NAME = 'decisions' THEN
                IF NEW.decided_by IS DISTINCT FROM me THEN
                    RAISE EXCEPTION '% may not record a decision for %: a decision is your own', me, NEW.decided_by
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF rank < 2 THEN
                    RAISE EXCEPTION '% is not a supervisor of this store and may not decide', me
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                SELECT a.requested_by, r.submitted_by, a.state,
                       a.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text
                  INTO requester, submitter, approval_state, changed_here
                  FROM approvals a JOIN runs r ON r.id = a.run_id WHERE a.id = NEW.approval_id;
                IF me = requester OR me = submitter THEN
                    RAISE EXCEPTION '% submitted or requested A-% and may not decide it (four-eyes rule)', me, NEW.approval_id
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF NOT COALESCE(changed_here, false)
                   OR (NEW.verdict = 'reject' AND approval_state <> 'rejected')
                   OR (NEW.verdict = 'approve' AND approval_state NOT IN ('approved', 'pending')) THEN
                    RAISE EXCEPTION 'a decision on A-% must come with the approval''s own change, in one transaction', NEW.approval_id
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            ELSIF TG_TABLE_NAME = 'approvals' THEN
                IF TG_OP <> 'UPDATE' THEN
                    RAISE EXCEPTION 'only the runtime asks for approvals' USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF OLD.state IN ('approved', 'rejected') AND NEW.state IN ('pending', 'expired') AND rank >= 2
                   AND NEW.version = OLD.version + 1
                   AND EXISTS (SELECT 1 FROM decision_reversals v WHERE v.approval_id = OLD.id AND v.reversed_by = me
                               AND v.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text) THEN
                    RETURN NEW;
                END IF;
                IF OLD.state <> 'pending' THEN
                    RAISE EXCEPTION 'A-% is already %; a decided approval does not change', OLD.id, OLD.state
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF NEW.version <> OLD.version + 1 THEN
                    RAISE EXCEPTION 'A-% must be changed compare-and-set (version + 1)', OLD.id
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF NEW.state IN ('pending', 'approved', 'rejected', 'expired') AND rank < 2 THEN
                    RAISE EXCEPTION '% is not a supervisor of this store and may not decide A-%', me, OLD.id
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF NEW.state = 'expired' AND OLD.due_at > now_ms + 300000 THEN
                    RAISE EXCEPTION 'A-% is not due yet and cannot expire', OLD.id USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF NEW.state = 'withdrawn' THEN
                    SELECT state INTO run_state FROM runs WHERE id = OLD.run_id;
                    IF rank < 1 OR run_state IS DISTINCT FROM 'cancelled' THEN
                        RAISE EXCEPTION 'A-% is withdrawn only when its run is cancelled', OLD.id
                            USING ERRCODE = 'insufficient_privilege';
                    END IF;
                END IF;
            ELSIF TG_TABLE_NAME = 'runs' THEN
                IF TG_OP <> 'UPDATE' THEN
                    RAISE EXCEPTION 'only the runtime submits runs' USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF rank < 1 THEN
                    RAISE EXCEPTION '% is not an operator of this store and may not change R-%', me, OLD.id
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF NEW.version <> OLD.version + 1 THEN
                    RAISE EXCEPTION 'R-% must be changed compare-and-set (version + 1)', OLD.id
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF NOT (
                    (OLD.state IN ('queued', 'awaiting_approval') AND NEW.state = 'cancelled'
                        AND NEW.cancel_requested_by IS NOT DISTINCT FROM me)
                    OR (OLD.state IN ('running', 'reroute_requested') AND NEW.state = 'cancel_requested'
                        AND NEW.cancel_requested_by IS NOT DISTINCT FROM me)
                    OR (OLD.state = 'running' AND NEW.state = 'reroute_requested' AND NEW.reroute_to IS NOT NULL
                        AND NEW.reroute_requested_by IS NOT DISTINCT FROM me)
                    OR (OLD.state IN ('queued', 'awaiting_approval') AND NEW.state = OLD.state
                        AND NEW.pool_id <> OLD.pool_id AND NEW.reroute_requested_by IS NOT DISTINCT FROM me)
                ) THEN
                    RAISE EXCEPTION '% may only cancel or reroute runs, as itself (R-%: % to %)', me, OLD.id, OLD.state, NEW.state
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            ELSIF TG_TABLE_NAME = 'escalations' THEN
                IF rank < 1 OR NEW.escalated_by IS DISTINCT FROM me THEN
                    RAISE EXCEPTION '% may not escalate: that needs the operator role, escalating as itself', me
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            ELSIF TG_TABLE_NAME = 'decision_reversals' THEN
                IF rank < 2 OR NEW.reversed_by IS DISTINCT FROM me THEN
                    RAISE EXCEPTION '% may not reverse decisions: that needs the supervisor role, reversing as itself', me
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            ELSIF TG_TABLE_NAME = 'pauses' THEN
                IF rank < 2 THEN
                    RAISE EXCEPTION '% is not a supervisor of this store and may not pause or resume', me
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                IF (TG_OP = 'INSERT' AND NEW.requested_by IS DISTINCT FROM me)
                   OR (TG_OP = 'UPDATE' AND NEW.confirmed_at IS DISTINCT FROM OLD.confirmed_at
                       AND NEW.confirmed_by IS DISTINCT FROM me)
                   OR (TG_OP = 'UPDATE' AND NEW.lifted_at IS DISTINCT FROM OLD.lifted_at AND NEW.lifted_by IS DISTINCT FROM me) THEN
                    RAISE EXCEPTION '% may pause, confirm or resume only as itself', me USING ERRCODE = 'insufficient_privilege';
                END IF;
            ELSIF TG_TABLE_NAME = 'operators' THEN
                IF rank < 3 OR NEW.granted_by IS DISTINCT FROM me THEN
                    RAISE EXCEPTION '% may not grant roles: that needs the admin role, granting as itself', me
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            END IF;
            RETURN NEW;
        END;
        $body$;

        -- At commit: an approval a member moved has the decisions behind it.
        CREATE OR REPLACE FUNCTION fusion_check_decided() RETURNS trigger LANGUAGE plpgsql AS $body$
        DECLARE
            me text := session_user;
            approvers integer;
            rejects integer;
            mine integer;
        BEGIN
            IF NEW.state IN ('expired', 'withdrawn')
               OR (NEW.state = 'pending' AND EXISTS (
                   SELECT 1 FROM decision_reversals v WHERE v.approval_id = NEW.id AND v.reversed_by = me
                   AND v.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text))
               OR pg_has_role(me, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN NULL;
            END IF;
            SELECT COUNT(DISTINCT decided_by) FILTER (WHERE verdict = 'approve'),
                   COUNT(*) FILTER (WHERE verdict = 'reject'), COUNT(*) FILTER (WHERE decided_by = me)
              INTO approvers, rejects, mine
              FROM decisions WHERE approval_id = NEW.id;
            IF mine = 0 OR (NEW.state = 'approved' AND approvers < NEW.required_approvals)
               OR (NEW.state = 'rejected' AND rejects = 0) THEN
                RAISE EXCEPTION 'A-% cannot become % without the decisions behind it (four-eyes rule)', NEW.id, NEW.state
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NULL;
        END;
        $body$;

        -- The functions see this schema's tables only, whatever the caller's search_path (no temporary tables).
        DO $$
        BEGIN
            EXECUTE format('ALTER FUNCTION fusion_session_rank() SET search_path = %I, pg_catalog, pg_temp', current_schema());
            EXECUTE format('ALTER FUNCTION fusion_enforce_roles() SET search_path = %I, pg_catalog, pg_temp', current_schema());
            EXECUTE format('ALTER FUNCTION fusion_check_decided() SET search_path = %I, pg_catalog, pg_temp', current_schema());
        END
        $$;

        DROP TRIGGER IF EXISTS runs_enforce_roles ON runs;
        CREATE TRIGGER runs_enforce_roles BEFORE INSERT OR UPDATE ON runs
            FOR EACH ROW EXECUTE FUNCTION fusion_enforce_roles();
        DROP TRIGGER IF EXISTS approvals_enforce_roles ON approvals;
        CREATE TRIGGER approvals_enforce_roles BEFORE INSERT OR UPDATE ON approvals
            FOR EACH ROW EXECUTE FUNCTION fusion_enforce_roles();
        DROP TRIGGER IF EXISTS decisions_enforce_roles ON decisions;
        CREATE TRIGGER decisions_enforce_roles BEFORE INSERT ON decisions
            FOR EACH ROW EXECUTE FUNCTION fusion_enforce_roles();
        DROP TRIGGER IF EXISTS operators_enforce_roles ON operators;
        CREATE TRIGGER operators_enforce_roles BEFORE INSERT OR UPDATE ON operators
            FOR EACH ROW EXECUTE FUNCTION fusion_enforce_roles();
        DROP TRIGGER IF EXISTS audit_log_enforce_roles ON audit_log;
        CREATE TRIGGER audit_log_enforce_roles BEFORE INSERT ON audit_log
            FOR EACH ROW EXECUTE FUNCTION fusion_enforce_roles();
        DROP TRIGGER IF EXISTS pauses_enforce_roles ON pauses;
        CREATE TRIGGER pauses_enforce_roles BEFORE INSERT OR UPDATE ON pauses
            FOR EACH ROW EXECUTE FUNCTION fusion_enforce_roles();
        DROP TRIGGER IF EXISTS decision_reversals_enforce_roles ON decision_reversals;
        CREATE TRIGGER decision_reversals_enforce_roles BEFORE INSERT ON decision_reversals
            FOR EACH ROW EXECUTE FUNCTION fusion_enforce_roles();
        DROP TRIGGER IF EXISTS escalations_enforce_roles ON escalations;
        CREATE TRIGGER escalations_enforce_roles BEFORE INSERT ON escalations
            FOR EACH ROW EXECUTE FUNCTION fusion_enforce_roles();
        DROP TRIGGER IF EXISTS approvals_decisions_agree ON approvals;
        CREATE CONSTRAINT TRIGGER approvals_decisions_agree AFTER UPDATE ON approvals
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fusion_check_decided();
        """
}
