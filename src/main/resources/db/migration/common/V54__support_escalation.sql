-- Escalation. The SLA events of a case that have escalated it, as bits: 1 the first response's warning, 2 its breach,
-- 4 the resolution's warning, 8 its breach; each escalates the case once, however often the sweep runs.
alter table support_case add column escalations integer default 0 not null;

-- What happened to a case that no person wrote: its escalations, with the level reached and what was done.
create table case_event (
    id       uuid primary key,
    case_id  uuid not null references support_case (id) on delete cascade,
    kind     varchar(30) not null,
    level    integer,
    detail   varchar(500),
    at       timestamp(6) with time zone not null
);
create index case_event_case_idx on case_event (case_id, at, id);

-- An escalation's notice to a person, sent at once or held until the working hours of the case's calendar; marked
-- sent in the transaction that hands it to the notification centre, so that it goes out once.
create table case_notice (
    id            uuid primary key,
    case_id       uuid not null references support_case (id) on delete cascade,
    recipient_id  uuid not null,
    level         integer not null,
    send_at       timestamp(6) with time zone not null,
    sent          boolean not null
);
create index case_notice_due_idx on case_notice (sent, send_at);
create index case_notice_case_idx on case_notice (case_id);
