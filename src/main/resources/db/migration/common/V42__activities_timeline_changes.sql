-- What other modules report about their records, kept for the timeline: a stage move, a lifecycle change, a lead's
-- conversion, an order placed, a contract that starts, a merge. Each is about one record and rolls up to its account,
-- like an activity. owner_id and team_id are those of the record it is about, which decide who sees the entry; an
-- entry about an account itself has none and shows to whoever sees the account.
create table timeline_change (
    id           uuid primary key,
    occurred_at  timestamp(6) with time zone not null,
    kind         varchar(30) not null,
    about_type   varchar(30) not null,
    about_id     uuid not null,
    account_id   uuid,
    owner_id     uuid,
    team_id      uuid,
    from_value   varchar(100),
    to_value     varchar(100),
    amount       numeric(19, 4),
    currency     varchar(3),
    note         varchar(500),
    ref_type     varchar(30),
    ref_id       uuid
);
create index timeline_change_about_idx on timeline_change (about_type, about_id, occurred_at, id);
create index timeline_change_account_idx on timeline_change (account_id, occurred_at, id);
