create table saved_view (
    id            uuid primary key,
    version       bigint not null,
    owner_id      uuid not null,
    team_id       uuid,
    list_key      varchar(40) not null,
    name          varchar(100) not null,
    query_string  varchar(2000) not null,
    is_default    boolean not null,
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null
);
create index saved_view_owner_idx on saved_view (owner_id, list_key);
create index saved_view_team_idx on saved_view (team_id, list_key);
