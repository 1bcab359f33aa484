-- One row per sign-in. The form-login cookie is stateless and would stay valid until it times out;
-- with this row behind a second cookie, logging out and changing the password end sessions for good.
-- Only the SHA-256 of the session token is kept.
create table user_session (
    token_hash bytea       primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    created_at timestamptz not null default now()
);
create index user_session_user_idx on user_session (user_id);
