-- An entry in a pending client approval stays deletable by its owner (the snapshot keeps what was sent and the
-- submission shows "changed since sent"), so the covered-entry list must outlive the entry it names.
alter table approval_entry drop constraint approval_entry_entry_id_fkey;
