-- Requests that a limit counts per client address (public forms), shared by every node of one database.
-- A key's row is locked while one request is admitted; its hits within the window are the count.
create table request_limit (
    limit_key   varchar(300) primary key,
    expires_at  timestamp(6) with time zone not null
);
create index request_limit_expires_idx on request_limit (expires_at);

create table request_limit_hit (
    limit_key  varchar(300) not null references request_limit (limit_key) on delete cascade,
    hit_at     timestamp(6) with time zone not null
);
create index request_limit_hit_key_idx on request_limit_hit (limit_key, hit_at);
