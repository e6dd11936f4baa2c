-- The audit chain moves off the write path. Appends now only insert a record (no lock, no read of the previous
-- record); a single sealer later chains the committed records, in id order, into audit_seal with an HMAC under
-- the server key, which the database does not hold. Both tables are insert-only.

-- The unkeyed SHA-256 chain of the records written so far stays as it was, renamed, so it can still be re-checked
-- with audit_hash(); the keyed chain covers these records too from the sealer's first run.
alter table audit_log rename column previous_hash to legacy_previous_hash;
alter table audit_log rename column hash to legacy_hash;
alter table audit_log alter column legacy_previous_hash drop not null;
alter table audit_log alter column legacy_hash drop not null;

-- The appending transaction. Appends take their transaction id before their record id, so a transaction holding
-- an id the sealer has seen handed out is older than a transaction id the sealer takes afterwards; the sealer
-- waits until no such older transaction runs.
alter table audit_log add column xact xid8;

-- One row per sealed record: its place in the chain (seq 1, 2, 3 ... without gaps, in record id order), the
-- chain hash before it and its own: hash = HMAC(server key "audit-chain", previous_hash, seq, record content).
create table audit_seal (
    seq            bigint      primary key,
    record_id      bigint      not null unique references audit_log (id),
    previous_hash  text        not null,
    hash           text        not null unique,
    sealed_at      timestamptz not null default clock_timestamp()
);

create trigger audit_seal_no_update before update or delete on audit_seal
    for each row execute function audit_log_is_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_log_is_append_only();

-- Before the keyed chain takes over, check the old one, and leave the outcome in the log itself, where the
-- keyed chain seals it: records changed before the upgrade are named there rather than silently re-sealed.
do $$
declare
    legacy_count bigint;
    first_broken bigint;
begin
    select count(*) into legacy_count from audit_log;
    if legacy_count = 0 then
        return;
    end if;
    select id into first_broken from (
        select id, legacy_hash, legacy_previous_hash,
               audit_hash(legacy_previous_hash, at, actor, action, entity_type, entity_id, before, after) as expected,
               coalesce(lag(legacy_hash) over (order by id), repeat('0', 64)) as expected_previous
          from audit_log) chain
     where legacy_hash is distinct from expected or legacy_previous_hash is distinct from expected_previous
     order by id limit 1;
    insert into audit_log (actor, action, entity_type, entity_id, after)
    values ('system', 'CHAIN_UPGRADE', 'AuditLog', null,
            jsonb_build_object('legacyRecords', legacy_count, 'legacyChainIntact', first_broken is null,
                               'legacyFirstBrokenId', first_broken));
end
$$;
