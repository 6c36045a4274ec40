-- A probe run row may stand for several runs at the member's cadence: imported history (the sandbox backfill,
-- trigger BACKFILL) writes one row per 15-minute slot instead of one per run. Coverage sums covered_runs.
-- Every run the probes make covers exactly one.
alter table probe_run add column covered_runs integer default 1 not null;
-- Every run stored before this migration covers one run, so the run rollups built by V10 stay right.
