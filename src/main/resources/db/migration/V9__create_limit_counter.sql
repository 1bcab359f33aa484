-- Counters of the shared limits (sign-in, password change, sign-up, failed SMTP AUTH), one row per
-- (purpose, subject), each hit one atomic upsert. UNLOGGED: no WAL, so a hit costs no fsync; after
-- a crash PostgreSQL empties the table, which only forgets recent failures.
create unlogged table limit_counter (
    purpose       varchar(40)  not null,
    subject       varchar(128) not null,
    hits          integer      not null,
    -- when the count starts again; never before blocked_until, so also when the row may go
    window_end    timestamptz  not null,
    blocked_until timestamptz,
    primary key (purpose, subject)
);
-- the cleanup deletes rows whose window has ended, in batches
create index limit_counter_window_end_idx on limit_counter (window_end);
