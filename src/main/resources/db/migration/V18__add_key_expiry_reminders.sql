-- The e-mails 7 days and 1 day before a key expires (alerts.ExpiryReminderJob): each column holds when
-- that reminder was claimed, set by one conditional UPDATE ... WHERE ... IS NULL, so with several
-- instances a reminder is claimed (and mailed) once. A failed send gives the claim back and counts
-- in expiry_reminder_failures, so the next run retries a bounded number of times. Written by plain
-- SQL without a version bump: a reminder is not a change of the key.
alter table smtp_key add column expiry_reminded_7d_at    timestamptz;
alter table smtp_key add column expiry_reminded_1d_at    timestamptz;
alter table smtp_key add column expiry_reminder_failures smallint not null default 0;
