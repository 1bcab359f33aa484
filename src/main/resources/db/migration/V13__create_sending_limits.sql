-- Per-account sending limits (issue 9 item 3). The defaults live in configuration (smtpkeys.sending.*);
-- a row here is support's override for one account, both values together.
create table sending_limit (
    account_id bigint primary key references account (id) on delete cascade,
    per_minute integer not null check (per_minute between 1 and 1000000),
    per_day integer not null check (per_day between 1 and 100000000),
    updated_at timestamptz not null
);

-- The counts, one row per account, shared by every instance. Unlogged: a change here writes no WAL,
-- so the relay's atomic upsert commits without waiting for a disk flush and holds the row lock only
-- for the statement. The price: a crash of PostgreSQL (not a clean restart) empties the table, and
-- the day's counts start again from zero.
create unlogged table sending_usage (
    account_id bigint primary key references account (id) on delete cascade,
    minute_start timestamptz not null,
    minute_count integer not null,
    day date not null,
    day_count integer not null
);

-- What a change set, in a neutral form the activity page puts into words (e.g. "100/1000" for a
-- sending-limit override: per minute / per day).
alter table audit_event add column detail varchar(100);
