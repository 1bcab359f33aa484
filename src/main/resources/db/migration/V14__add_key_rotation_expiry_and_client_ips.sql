-- Rotation with grace: the old key keeps its row (and name) until it is retired; the replacement
-- points back at it. rotated_at marks a key that has a replacement; retire_at is when it stops
-- working (null while it waits for the replacement's first use). expires_at is the optional expiry
-- chosen at generation; a scheduled job turns keys past it to EXPIRED, and verify refuses them at once.
alter table smtp_key add column expires_at  timestamptz;
alter table smtp_key add column rotated_at  timestamptz;
alter table smtp_key add column retire_at   timestamptz;
alter table smtp_key add column replaces_id bigint references smtp_key (id) on delete set null;

alter table smtp_key drop constraint smtp_key_status_check;
alter table smtp_key add constraint smtp_key_status_check check (status in ('ACTIVE', 'INACTIVE', 'EXPIRED'));
alter table smtp_key add constraint smtp_key_retire_ck check (retire_at is null or rotated_at is not null);

-- A key being replaced shares its name (and, for the master key, the master role) with its
-- replacement: the uniqueness holds among keys that are not being replaced.
drop index smtp_key_account_name_uq;
create unique index smtp_key_account_name_uq on smtp_key (account_id, lower(name)) where rotated_at is null;
drop index smtp_key_one_master_uq;
create unique index smtp_key_one_master_uq on smtp_key (account_id) where master and rotated_at is null;
create unique index smtp_key_replaces_uq on smtp_key (replaces_id);

-- What the scheduled job looks for: small partial indexes, empty for most keys.
create index smtp_key_retire_due_idx on smtp_key (retire_at) where status = 'ACTIVE' and retire_at is not null;
create index smtp_key_expiry_due_idx on smtp_key (expires_at) where status <> 'EXPIRED' and expires_at is not null;

-- The last few distinct client IPs a key authenticated from, written by the relay's batched
-- last-use flush (never on the AUTH path); the flush keeps the five most recent per key.
create table smtp_key_client_ip (
    key_id       bigint      not null references smtp_key (id) on delete cascade,
    ip           varchar(45) not null,
    last_seen_at timestamptz not null,
    primary key (key_id, ip)
);
