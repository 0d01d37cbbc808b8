create table team (
    id          uuid primary key,
    version     bigint not null,
    name        varchar(100) not null,
    created_at  timestamp(6) with time zone not null
);
create unique index team_name_uk on team (name);

create table app_user (
    id             uuid primary key,
    version        bigint not null,
    username       varchar(100) not null,
    display_name   varchar(200) not null,
    email          varchar(254),
    password_hash  varchar(255) not null,
    roles          varchar(200) not null,
    team_id        uuid references team (id),
    locale         varchar(20) not null,
    time_zone      varchar(60) not null,
    active         boolean not null,
    failed_logins  integer not null default 0,
    locked_until   timestamp(6) with time zone,
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null
);
create unique index app_user_username_uk on app_user (username);
create index app_user_team_idx on app_user (team_id);

create table api_token (
    id          uuid primary key,
    user_id     uuid not null references app_user (id),
    name        varchar(100) not null,
    token_hash  varchar(64) not null,
    hint        varchar(20) not null,
    created_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone,
    revoked_at  timestamp(6) with time zone
);
create unique index api_token_hash_uk on api_token (token_hash);
create index api_token_user_idx on api_token (user_id, created_at);
