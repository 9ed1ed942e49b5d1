/**
 * Migration 1: the team inventory's tables, the chain-keeping trigger and the row-level security
 * that decides, in the database itself, what each member's role may read and write.
 *
 * Who is who: `keyturn.members` maps a LOGIN role to its team and member. `member_of(role)` reads it
 * as the schema's owner (SECURITY DEFINER: members may not read other teams' rows), and
 * `current_member()` asks it about `current_user` (an invoker function, so current_user is the
 * caller, not the owner). Policies call it in a sub-select, so it runs once per statement, not per row.
 *
 * FORCE ROW LEVEL SECURITY on keys and audit_entries: no function owned by the owner reads them, so
 * the owner too sees them only through the policies (a superuser still bypasses them). The tables the
 * SECURITY DEFINER functions read (members, vaults, audit_heads) are ENABLEd only, or those
 * functions would see nothing.
 */
export const SCHEMA_V1 = String.raw`
CREATE TABLE keyturn.teams (
  name text COLLATE "C" PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  policy jsonb,
  members_read_audit boolean NOT NULL DEFAULT false
);

CREATE TABLE keyturn.members (
  role_name text COLLATE "C" PRIMARY KEY,
  team text COLLATE "C" NOT NULL REFERENCES keyturn.teams (name),
  member text COLLATE "C" NOT NULL,
  lead boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team, member)
);

CREATE TABLE keyturn.vaults (
  vault_id text COLLATE "C" PRIMARY KEY,
  team text COLLATE "C" NOT NULL,
  member text COLLATE "C" NOT NULL,
  -- Whose the vault is: the role that first delivered it (a member may not name another role).
  role_name text COLLATE "C" NOT NULL DEFAULT current_user,
  machine text NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  last_sync_at timestamptz,
  left_at timestamptz,
  FOREIGN KEY (team, member) REFERENCES keyturn.members (team, member)
);
CREATE INDEX vaults_team ON keyturn.vaults (team);
CREATE INDEX vaults_role ON keyturn.vaults (role_name);

-- One row per key of a vault, as its holder last published it (the audit view's columns: text, as
-- published, so they read back exactly). A removed key stays as a tombstone (removed, its revision),
-- so a late delivery of an older revision cannot bring it back.
CREATE TABLE keyturn.keys (
  vault_id text COLLATE "C" NOT NULL REFERENCES keyturn.vaults (vault_id),
  key_id text COLLATE "C" NOT NULL,
  team text COLLATE "C" NOT NULL,
  member text COLLATE "C" NOT NULL,
  revision bigint NOT NULL,
  removed boolean NOT NULL DEFAULT false,
  ref text COLLATE "C",
  provider text,
  org text,
  instance text,
  env text,
  masked_key text,
  status text,
  rejected boolean,
  pending_for text,
  created_at text,
  age_days integer,
  expires_on text,
  max_age_days integer,
  policy_state text,
  due_on text,
  due_by text,
  last_verified_at text,
  last_verification text,
  last_rotation_at text,
  last_rotation text,
  fingerprint text,
  usage_sites jsonb,
  synced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (vault_id, key_id),
  -- What every reader relies on, whoever wrote the row: a live key has its audit columns.
  CHECK (removed OR (ref IS NOT NULL AND provider IS NOT NULL AND org IS NOT NULL AND instance IS NOT NULL
    AND env IS NOT NULL AND masked_key IS NOT NULL AND status IS NOT NULL AND rejected IS NOT NULL
    AND created_at IS NOT NULL AND age_days IS NOT NULL AND max_age_days IS NOT NULL
    AND policy_state IS NOT NULL AND fingerprint IS NOT NULL AND usage_sites IS NOT NULL)),
  CHECK (env IN ('sandbox', 'production')),
  CHECK (jsonb_typeof(usage_sites) = 'array')
);
-- The leak look-up (live keys only) and the inventory's order (keyset pagination walks this index).
CREATE INDEX keys_fingerprint ON keyturn.keys (fingerprint) WHERE NOT removed;
CREATE INDEX keys_inventory ON keyturn.keys (team, member, ref, vault_id, key_id) WHERE NOT removed;

-- Every member's audit log, line for line, append-only. hash and team are set by the trigger below.
CREATE TABLE keyturn.audit_entries (
  vault_id text COLLATE "C" NOT NULL REFERENCES keyturn.vaults (vault_id),
  seq bigint NOT NULL CHECK (seq >= 1),
  team text COLLATE "C" NOT NULL,
  line text NOT NULL,
  hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (vault_id, seq)
);

-- The newest entry of each vault: written by the trigger only (no role has a grant to write it).
CREATE TABLE keyturn.audit_heads (
  vault_id text COLLATE "C" PRIMARY KEY REFERENCES keyturn.vaults (vault_id),
  team text COLLATE "C" NOT NULL,
  seq bigint NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION keyturn.member_of(role_name text) RETURNS TABLE (team text, member text, lead boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
  -- Only about the role that logged in (or one it belongs to): no probing another team's members.
  SELECT m.team, m.member, m.lead FROM keyturn.members m
  WHERE m.role_name = $1 AND ($1 = session_user::text OR pg_has_role(session_user, $1::name, 'MEMBER'))
$fn$;

CREATE FUNCTION keyturn.current_member() RETURNS TABLE (team text, member text, lead boolean)
LANGUAGE sql STABLE AS $fn$
  SELECT * FROM keyturn.member_of(current_user::text)
$fn$;

-- Each entry's own hash is taken here, never from the client. Its team is its vault's (a client that
-- names one is held to its own by the insert policy, which requires its own vault of its own team).
CREATE FUNCTION keyturn.audit_entry_hash() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  IF NEW.team IS NULL THEN
    SELECT v.team INTO NEW.team FROM keyturn.vaults v WHERE v.vault_id = NEW.vault_id;
  END IF;
  NEW.hash := encode(sha256(convert_to(NEW.line, 'UTF8')), 'hex');
  RETURN NEW;
END
$fn$;
CREATE TRIGGER audit_entry_hash BEFORE INSERT ON keyturn.audit_entries FOR EACH ROW EXECUTE FUNCTION keyturn.audit_entry_hash();

-- Each entry must be the next of its vault: seq = the one before + 1 (head + 1 for a statement's
-- first; 1 when the team has none) and its JSON "seq" and "prev" must say so ("prev": the hash of
-- the one before; SHA-256 of '' for the very first). Checked once per statement over all the rows
-- it added (a row trigger would rewrite the head once per entry: slow for a whole log), then the
-- head moves to the newest. Anything wrong fails the statement, so nothing of it stays.
CREATE FUNCTION keyturn.audit_entries_chain_on() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  bad record;
BEGIN
  -- Heads in vault order, so two statements over the same vaults wait for each other, never deadlock.
  PERFORM 1 FROM keyturn.audit_heads h WHERE h.vault_id IN (SELECT a.vault_id FROM added a) ORDER BY h.vault_id FOR UPDATE;
  SELECT e.vault_id, e.seq, COALESCE(h.seq, 0) AS head_seq INTO bad
  FROM (
    SELECT a.vault_id, a.seq, a.line::jsonb AS entry, lag(a.seq) OVER w AS before_seq, lag(a.hash) OVER w AS before_hash
    FROM added a WINDOW w AS (PARTITION BY a.vault_id ORDER BY a.seq)
  ) e
  LEFT JOIN keyturn.audit_heads h ON h.vault_id = e.vault_id
  WHERE e.seq <> COALESCE(e.before_seq, h.seq, 0) + 1
     OR jsonb_typeof(e.entry) <> 'object'
     OR (e.entry ->> 'seq') IS DISTINCT FROM e.seq::text
     OR (e.entry ->> 'prev') IS DISTINCT FROM COALESCE(e.before_hash, h.hash, encode(sha256(''::bytea), 'hex'))
  ORDER BY e.vault_id, e.seq
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'KT001', MESSAGE = format('audit entry %s of vault %s does not chain on entry %s', bad.seq, bad.vault_id, bad.head_seq);
  END IF;
  INSERT INTO keyturn.audit_heads AS h (vault_id, team, seq, hash)
    SELECT DISTINCT ON (a.vault_id) a.vault_id, a.team, a.seq, a.hash FROM added a ORDER BY a.vault_id, a.seq DESC
    ON CONFLICT (vault_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER audit_entries_chain_on AFTER INSERT ON keyturn.audit_entries REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION keyturn.audit_entries_chain_on();

-- Even the owner's own statements may not change the record (it would have to drop this first).
CREATE FUNCTION keyturn.audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'audit entries are append-only: never updated or deleted';
END
$fn$;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON keyturn.audit_entries FOR EACH ROW EXECUTE FUNCTION keyturn.audit_entries_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON keyturn.audit_entries FOR EACH STATEMENT EXECUTE FUNCTION keyturn.audit_entries_append_only();

REVOKE ALL ON ALL TABLES IN SCHEMA keyturn FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA keyturn FROM PUBLIC;

ALTER TABLE keyturn.teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE keyturn.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE keyturn.vaults ENABLE ROW LEVEL SECURITY;
ALTER TABLE keyturn.audit_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE keyturn.keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE keyturn.keys FORCE ROW LEVEL SECURITY;
ALTER TABLE keyturn.audit_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE keyturn.audit_entries FORCE ROW LEVEL SECURITY;

CREATE POLICY teams_read ON keyturn.teams FOR SELECT
  USING (name = (SELECT cm.team FROM keyturn.current_member() cm));
CREATE POLICY teams_lead_update ON keyturn.teams FOR UPDATE
  USING (name = (SELECT cm.team FROM keyturn.current_member() cm WHERE cm.lead))
  WITH CHECK (name = (SELECT cm.team FROM keyturn.current_member() cm WHERE cm.lead));

CREATE POLICY members_read ON keyturn.members FOR SELECT
  USING (team = (SELECT cm.team FROM keyturn.current_member() cm));

CREATE POLICY vaults_read ON keyturn.vaults FOR SELECT
  USING (team = (SELECT cm.team FROM keyturn.current_member() cm));
CREATE POLICY vaults_insert_own ON keyturn.vaults FOR INSERT
  WITH CHECK (role_name = current_user
    AND (team, member) = (SELECT cm.team, cm.member FROM keyturn.current_member() cm));
CREATE POLICY vaults_update_own ON keyturn.vaults FOR UPDATE
  USING (role_name = current_user)
  WITH CHECK (role_name = current_user
    AND (team, member) = (SELECT cm.team, cm.member FROM keyturn.current_member() cm));

CREATE POLICY audit_heads_read ON keyturn.audit_heads FOR SELECT
  USING (team = (SELECT cm.team FROM keyturn.current_member() cm));

CREATE POLICY keys_read ON keyturn.keys FOR SELECT
  USING (team = (SELECT cm.team FROM keyturn.current_member() cm));
CREATE POLICY keys_insert_own ON keyturn.keys FOR INSERT
  WITH CHECK ((team, member) = (SELECT cm.team, cm.member FROM keyturn.current_member() cm)
    AND EXISTS (SELECT 1 FROM keyturn.vaults v WHERE v.vault_id = keys.vault_id AND v.role_name = current_user));
CREATE POLICY keys_update_own ON keyturn.keys FOR UPDATE
  USING (EXISTS (SELECT 1 FROM keyturn.vaults v WHERE v.vault_id = keys.vault_id AND v.role_name = current_user))
  WITH CHECK ((team, member) = (SELECT cm.team, cm.member FROM keyturn.current_member() cm)
    AND EXISTS (SELECT 1 FROM keyturn.vaults v WHERE v.vault_id = keys.vault_id AND v.role_name = current_user));

-- A member reads its own vaults' entries; a lead, or every member when the team says so, all of the team's.
CREATE POLICY audit_entries_read ON keyturn.audit_entries FOR SELECT
  USING (team = (SELECT cm.team FROM keyturn.current_member() cm)
    AND (EXISTS (SELECT 1 FROM keyturn.vaults v WHERE v.vault_id = audit_entries.vault_id AND v.role_name = current_user)
      OR (SELECT cm.lead FROM keyturn.current_member() cm)
      OR (SELECT t.members_read_audit FROM keyturn.teams t WHERE t.name = audit_entries.team)));
CREATE POLICY audit_entries_insert_own ON keyturn.audit_entries FOR INSERT
  WITH CHECK (team = (SELECT cm.team FROM keyturn.current_member() cm)
    AND EXISTS (SELECT 1 FROM keyturn.vaults v WHERE v.vault_id = audit_entries.vault_id AND v.role_name = current_user));
`;
