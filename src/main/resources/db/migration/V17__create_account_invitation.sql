-- Accounts that support opens get no password anyone knows: the user chooses one through a one-time
-- link mailed to them. One pending invitation per user (a new one replaces the old); only the SHA-256
-- of the link's token is kept, and using the link deletes the row.
create table account_invitation (
    user_id    bigint      primary key references app_user (id) on delete cascade,
    token_hash bytea       not null unique,
    expires_at timestamptz not null,
    sent_at    timestamptz not null
);

-- Users still on an initial password that support was shown: that password stops working (a bcrypt
-- hash, of the usual cost, of a random value that was thrown away), and their sessions end. Support
-- sends them an invitation from the account page.
update app_user
   set password_hash = '$2a$10$D1kU0wyoVQ94H4254qnhVuORk0uHV3AC8LL5V8REx9MU9drODmX0q'
 where must_change_password;
delete from user_session
 where user_id in (select id from app_user where must_change_password);
