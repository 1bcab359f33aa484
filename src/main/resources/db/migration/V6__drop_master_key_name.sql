-- The master key was stored with the English name "Master password", and that text was copied into
-- the audit log and the queue, while every page shows the master key by its translated label. The
-- database keeps no display text: the master key has no name, and the copies carry a flag instead.
alter table smtp_key alter column name drop not null;
update smtp_key set name = null where master;
alter table smtp_key add constraint smtp_key_master_name_ck check (master = (name is null));

-- Master keys cannot be deleted, so every audit line and message of one still finds it by id.
alter table audit_event add column key_master boolean not null default false;
update audit_event e set key_master = true, key_name = null
  from smtp_key k
 where k.id = e.key_id and k.master;
alter table audit_event add constraint audit_event_key_master_ck check (not key_master or key_name is null);

alter table outbound_message add column key_master boolean not null default false;
alter table outbound_message alter column key_name drop not null;
update outbound_message m set key_master = true, key_name = null
  from smtp_key k
 where k.id = m.key_id and k.master;
alter table outbound_message add constraint outbound_message_key_master_ck check (key_master = (key_name is null));
