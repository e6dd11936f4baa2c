-- An invoice takes its number (and with it the year's counter row, locked until commit) as the last step of its
-- transaction, so that the rest of the conversion (lines, entries, the engine's task) runs outside that lock. The
-- row is therefore written first without its number; this deferred check keeps every committed invoice numbered.
alter table invoice alter column number drop not null,
                    alter column year drop not null,
                    alter column sequence drop not null;

create function invoice_numbered_at_commit() returns trigger language plpgsql as $$
begin
    -- read the row as it is at commit, not as the event that queued this check saw it
    if exists (select 1 from invoice where id = new.id and (number is null or year is null or sequence is null)) then
        raise exception 'invoice % would be stored without its number', new.id using errcode = 'check_violation';
    end if;
    return null;
end
$$;

create constraint trigger invoice_numbered
    after insert or update of number, year, sequence on invoice
    deferrable initially deferred
    for each row execute function invoice_numbered_at_commit();
