-- API keys (issue 5): a public id plus a random secret; only the SHA-256 of the whole key is stored.
-- Revoked keys are kept for audit. A provider key names its member by slug (slugs never change or get reused).
create table api_key (
    id            varchar(16)  primary key,
    secret_sha256 varchar(64)  not null,
    role_name     varchar(16)  not null,
    member_slug   varchar(63)  references member (slug),
    label         varchar(200),
    created_by    varchar(64)  not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone,
    revoked_at    timestamp with time zone,
    last_used_at  timestamp with time zone
);
create index api_key_member on api_key (member_slug);
create index api_key_created on api_key (created_at);
