-- "Sudo mode": when the user last proved their password in this session (the sign-in itself counts
-- through created_at). Revealing the master key asks for the password again once both are too old.
alter table user_session add column confirmed_at timestamptz;
