-- Every set of rules a node takes into use (at start-up from its folder, or on Reload), with the texts
-- themselves: the other nodes poll the newest id and compile the same texts, so a reload on one node reaches
-- all of them without their folders being touched (docs/operations.md).
create table rule_release (
    id           bigserial   primary key,
    released_at  timestamptz not null default now(),
    origin       text        not null check (origin in ('START', 'RELOAD')),
    released_by  text,
    -- SHA-256 over the files' names and contents, to see at start-up whether a folder is already released
    digest       text        not null,
    -- [{"name": "rate-precedence.drl", "text": "..."}, ...]
    files        jsonb       not null check (jsonb_typeof(files) = 'array')
);
