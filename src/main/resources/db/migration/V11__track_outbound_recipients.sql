-- Delivery per recipient (a smarthost may refuse one RCPT and take the others), hold and drop of a
-- key's queued mail, and retention of what has been delivered.
--
-- recipient_results runs parallel to recipients: 'SENT', or 'QUEUED|<error>' / 'FAILED|<error>' with the
-- error stored as in last_error. Null until a try has refused a recipient: every recipient then shares
-- the message's status, as before this column existed, and the relay's INSERT stays as it was.
alter table outbound_message add column recipient_results text[];
-- when the message reached a final state (SENT, FAILED, DROPPED): retention counts from here
alter table outbound_message add column finished_at timestamptz;
-- set while someone holds the message: a try under way when the hold came ends HELD, not QUEUED
alter table outbound_message add column held_at timestamptz;
-- retention empties the body of a finished message long before its row goes
alter table outbound_message alter column raw_mime drop not null;

alter table outbound_message drop constraint outbound_message_status_check;
alter table outbound_message add constraint outbound_message_status_check
    check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'HELD', 'DROPPED'));

-- FINISH set next_attempt_at to the moment of the outcome for SENT and FAILED
update outbound_message set finished_at = coalesce(sent_at, next_attempt_at) where status in ('SENT', 'FAILED');

-- retention's two passes: bodies still present, and rows, of finished messages in order of finishing
create index outbound_message_body_retention_idx on outbound_message (finished_at)
    where finished_at is not null and raw_mime is not null;
create index outbound_message_finished_idx on outbound_message (finished_at) where finished_at is not null;
-- hold, release and drop select a key's waiting messages
create index outbound_message_key_waiting_idx on outbound_message (key_id)
    where status in ('QUEUED', 'SENDING', 'HELD');
