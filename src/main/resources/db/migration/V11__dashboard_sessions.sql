-- Dashboard login sessions (issue 6): a browser that logged in with an API key holds a random session token in an
-- HttpOnly cookie; only its SHA-256 is stored here. key_id names the key the session was opened with ('bootstrap'
-- for the configured admin key, whose SHA-256 is kept in key_sha256 so that changing the key ends its sessions).
-- Deleted on logout, on expiry (idle or absolute) and when the key is no longer valid.
create table dashboard_session (
    token_sha256  varchar(64)  primary key,
    key_id        varchar(16)  not null,
    key_sha256    varchar(64)  not null,
    role_name     varchar(16)  not null,
    member_slug   varchar(63),
    created_at    timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null,
    expires_at    timestamp with time zone not null
);
create index dashboard_session_expires on dashboard_session (expires_at);
