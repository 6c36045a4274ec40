-- Settings of the lifecycle and compliance probes per member (issue 3).
alter table member add column lifecycle_probe_enabled boolean default false not null;
alter table member add column lifecycle_probe_interval_seconds integer default 900 not null;
alter table member add column compliance_probe_enabled boolean default false not null;
alter table member add column compliance_probe_interval_seconds integer default 86400 not null;
alter table member add column probe_flavor varchar(255);
alter table member add column probe_image varchar(255);
alter table member add column probe_network varchar(255);

-- Latest compliance result per member and capability, with its evidence (the history is in measurement).
create table compliance_result (
    member_id   bigint       not null references member (id),
    capability  varchar(128) not null,
    guideline   varchar(32)  not null,
    status      varchar(16)  not null,
    evidence    text         not null,
    run_id      uuid         not null,
    checked_at  timestamp with time zone not null,
    primary key (member_id, capability)
);
