-- Whether a queued message needs SMTPUTF8 (RFC 6531) to go on: its sender declared it because an
-- envelope address or a header is internationalized, so delivery must not hand it to a smarthost
-- that does not offer SMTPUTF8 (and must pass the parameter on).
alter table outbound_message add column smtputf8 boolean not null default false;
