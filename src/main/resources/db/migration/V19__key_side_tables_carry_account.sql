-- The SMTP tab reads every key of an account with its client IPs and its allowlist in one statement
-- (keys.KeyTable). Asked per key, that was two index probes for each of the account's keys, empty or
-- not: about three quarters of the statement's time at 50 keys. With the account on the rows, each
-- side table is read with one index range scan per page. A key never moves to another account, so the
-- copy cannot go stale; the rows still go with their key (on delete cascade).
alter table smtp_key_client_ip add column account_id bigint;
update smtp_key_client_ip c set account_id = k.account_id from smtp_key k where k.id = c.key_id;
alter table smtp_key_client_ip alter column account_id set not null;
create index smtp_key_client_ip_account_idx on smtp_key_client_ip (account_id);

alter table smtp_key_allowed_network add column account_id bigint;
update smtp_key_allowed_network n set account_id = k.account_id from smtp_key k where k.id = n.key_id;
alter table smtp_key_allowed_network alter column account_id set not null;
create index smtp_key_allowed_network_account_idx on smtp_key_allowed_network (account_id);
