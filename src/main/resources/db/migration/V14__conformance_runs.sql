-- The conformance run (issue 13): per member its schedule and the second flavor resize checks use; per run the
-- guideline and target it checked, its totals and the digest of its evidence; per run and capability the result.
alter table member add column conformance_probe_enabled boolean default false not null;
alter table member add column conformance_probe_interval_seconds integer default 86400 not null;
alter table member add column probe_flavor_alt varchar(255);

create table conformance_run (
    run_id          uuid         primary key references probe_run (id),
    member_id       bigint       not null references member (id),
    guideline       varchar(32)  not null,
    target          varchar(128) not null,
    finished_at     timestamp with time zone not null,
    passed          integer      not null,
    failed          integer      not null,
    not_applicable  integer      not null,
    not_checked     integer      not null,
    evidence_digest varchar(64)  not null
);
create index conformance_run_member on conformance_run (member_id, guideline, finished_at);

create table conformance_result (
    run_id      uuid          not null references conformance_run (run_id),
    capability  varchar(128)  not null,
    position    integer       not null,
    status      varchar(16)   not null,
    reason      varchar(1000),
    evidence    text          not null,
    primary key (run_id, capability)
);
