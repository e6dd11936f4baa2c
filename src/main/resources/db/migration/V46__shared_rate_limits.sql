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

-- Personal tokens now end (people/PersonalTokens: 90 days unless chosen, at most a year). A token made before had
-- no end: it keeps working for 90 days from this upgrade, which its owner sees in their token list.
update access_token set expires_at = now() + interval '90 days' where expires_at is null and revoked_at is null;
