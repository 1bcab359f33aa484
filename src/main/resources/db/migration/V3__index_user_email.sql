-- Sign-in and every signed-in request look users up by `email = ?` (security-jpa and
-- User.findByEmail); the index on lower(email) cannot serve that. Addresses are stored lower-case,
-- which the check now guarantees, so a plain unique index is both the lookup and the uniqueness.
alter table app_user add constraint app_user_email_lower_ck check (email = lower(email));
create unique index app_user_email_key on app_user (email);
drop index app_user_email_uq;
