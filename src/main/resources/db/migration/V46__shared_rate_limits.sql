-- Rate limits every app node shares (system/security/SharedBuckets): one row per limited key (a sign-in account,
-- a client address), its Bucket4j state, and when a full bucket may be forgotten (epoch millis).
create table rate_limit_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);

-- A sign-in key whose failures ran out of tries (system/security/SignInThrottle): no sign-in with it is tried
-- until blocked_until, whatever the password. Read by primary key before each password check.
create table sign_in_block (
    key           text        primary key,
    blocked_until timestamptz not null
);
