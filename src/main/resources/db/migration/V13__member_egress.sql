-- Member egress settings (docs/api.md, "Members"): whether plain http is allowed for the member's cloud, and the
-- non-public address ranges (CIDR, canonical, comma-separated like allowed_hosts) it may be reached at.
-- Existing members keep the defaults: https only, public addresses only.
alter table member add column insecure boolean default false not null;
alter table member add column allowed_ranges varchar(2048);
