-- Hourly rollups of measurements (issue 4): what ratings are computed from, kept after raw measurements expire.
-- One row per member, vantage, probe, operation and hour (the hour's start, UTC). Folded in the transaction that
-- stores the measurements (MeasurementStore.finishRun), so each measurement is counted exactly once.
-- latency: HdrHistogram of the OK calls' durations in units of 0.01 ms, 2 significant digits, compressed encoding.
create table measurement_rollup (
    member_id          bigint        not null references member (id),
    vantage            varchar(64)   not null,
    probe              varchar(32)   not null,
    operation          varchar(128)  not null,
    hour_start         timestamp with time zone not null,
    ok_count           bigint        not null,
    error_count        bigint        not null,
    timeout_count      bigint        not null,
    inconclusive_count bigint        not null,
    latency            bytea,
    sum_ms             double precision not null,
    min_ms             double precision,
    max_ms             double precision,
    primary key (member_id, vantage, probe, operation, hour_start)
);
create index measurement_rollup_member_probe_hour on measurement_rollup (member_id, probe, hour_start);

-- Raw retention deletes by age.
create index measurement_started on measurement (started_at);
