-- Set anew by every claim: a worker whose lease ran out and whose message another worker claimed
-- no longer matches it, so it neither sends that message nor records a result over the new claim's.
alter table outbound_message add column claim_token uuid;
