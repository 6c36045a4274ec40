-- Keys that sign rating statements (issue 5, gate). One row per key; the newest (highest generation) key that is
-- not retired signs once it is old enough to be published everywhere; every key not retired is in the JWK set.
-- generation is unique, so nodes that start (or rotate) at the same time insert one key between them
-- (insert ... on conflict do nothing) and all use it. private_jwk is the private JWK sealed with AES-256-GCM
-- (stackratings.security.credential-key), bound to the kid.
create table statement_key (
    kid          varchar(64)   primary key,
    generation   integer       not null unique,
    algorithm    varchar(16)   not null,
    public_jwk   varchar(1000) not null,
    private_jwk  varchar(2000) not null,
    created_at   timestamp with time zone not null,
    retired_at   timestamp with time zone
);
