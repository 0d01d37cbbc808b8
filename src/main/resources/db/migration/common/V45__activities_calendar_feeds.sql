-- Each user's personal calendar feed: the address holds a secret whose SHA-256 is kept here. Resetting replaces
-- it, and the old address stops at once.
create table calendar_feed (
    user_id     uuid primary key,
    secret_hash varchar(64) not null unique,
    created_at  timestamp(6) with time zone not null
);
