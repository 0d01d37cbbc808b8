-- Failed sign-ins are counted per account and per client address, with growing delays instead of a lock.
create table login_throttle (
    throttle_key     varchar(300) primary key,
    failures         integer not null,
    last_failure_at  timestamp(6) with time zone not null,
    blocked_until    timestamp(6) with time zone
);
create index login_throttle_last_failure_idx on login_throttle (last_failure_at);

alter table app_user drop column failed_logins;
alter table app_user drop column locked_until;

-- Changes when a user's sessions must end (deactivation, a new password); every request compares it.
alter table app_user add column security_stamp bigint not null default 0;
