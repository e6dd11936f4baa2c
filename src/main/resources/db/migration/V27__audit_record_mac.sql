-- Each record carries a MAC the application computes with the server key when it appends (nonce, actor, action,
-- entity and the before/after JSON as PostgreSQL stores it). Someone who can only write to the database cannot
-- make a valid one, so the sealer refuses to chain a record inserted behind the application's back, and
-- verification names it. The nonce is unique, so a copy of a genuine record is refused too.
alter table audit_log add column nonce uuid;
alter table audit_log add column mac text;
create unique index audit_log_nonce_idx on audit_log (nonce);

-- Records appended before this version have no MAC. Their ids are below this boundary; the sealer and the
-- verification take min(first_id), so a row added later can only move the boundary down (stricter), never up.
create table audit_mac_start (
    first_id bigint not null
);
insert into audit_mac_start (first_id)
select coalesce(max(id), 0) + 1 from audit_log;
create trigger audit_mac_start_no_update before update or delete on audit_mac_start
    for each row execute function audit_log_is_append_only();
create trigger audit_mac_start_no_truncate before truncate on audit_mac_start
    for each statement execute function audit_log_is_append_only();
