-- Tasks, calls, meetings, logged e-mails and notes in one table: each is about one record of another module,
-- named by type and id, and rolls up to the account that record belongs to, so that an account's timeline holds
-- its contacts' and opportunities' activities too. occurs_at is when the activity happens on a timeline: a task's
-- due time (or its creation), a meeting's or call's start, an e-mail's sending, a note's writing.
create table activity (
    id                uuid primary key,
    version           bigint not null,
    kind              varchar(10) not null,
    subject           varchar(200) not null,
    about_type        varchar(30) not null,
    about_id          uuid not null,
    account_id        uuid,
    occurs_at         timestamp(6) with time zone not null,
    status            varchar(10) not null,
    priority          varchar(10),
    due_at            timestamp(6) with time zone,
    starts_at         timestamp(6) with time zone,
    ends_at           timestamp(6) with time zone,
    all_day           boolean not null,
    location          varchar(500),
    organiser_id      uuid,
    direction         varchar(10),
    duration_minutes  integer,
    outcome           varchar(20),
    email_from        varchar(320),
    email_to          varchar(2000),
    body              text,
    completed_at      timestamp(6) with time zone,
    owner_id          uuid not null,
    team_id           uuid,
    created_by        uuid,
    created_at        timestamp(6) with time zone not null,
    updated_by        uuid,
    updated_at        timestamp(6) with time zone not null
);

-- The list's orders (when, subject) under each visibility rule, the timelines of a record and of an account,
-- and a user's open work by due time.
create index activity_occurs_idx on activity (occurs_at, id);
create index activity_owner_occurs_idx on activity (owner_id, occurs_at, id);
create index activity_team_occurs_idx on activity (team_id, occurs_at, id);
create index activity_subject_idx on activity (subject, id);
create index activity_about_idx on activity (about_type, about_id, occurs_at, id);
create index activity_account_idx on activity (account_id, occurs_at, id);
create index activity_owner_open_idx on activity (owner_id, status, occurs_at, id);

-- The users and contacts who take part in a meeting.
create table activity_participant (
    activity_id       uuid not null references activity (id) on delete cascade,
    participant_type  varchar(10) not null,
    participant_id    uuid not null,
    primary key (activity_id, participant_type, participant_id)
);
create index activity_participant_idx on activity_participant (participant_id, activity_id);
