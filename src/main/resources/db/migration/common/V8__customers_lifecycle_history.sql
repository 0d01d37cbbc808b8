create table lifecycle_history (
    id          uuid primary key,
    account_id  uuid not null references account (id) on delete cascade,
    from_stage  varchar(20) not null,
    to_stage    varchar(20) not null,
    reason      varchar(500) not null,
    changed_at  timestamp(6) with time zone not null,
    changed_by  uuid
);
create index lifecycle_history_account_idx on lifecycle_history (account_id, changed_at, id);
