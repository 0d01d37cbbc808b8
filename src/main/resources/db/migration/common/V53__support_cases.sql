-- Customer service. A business calendar holds the working hours of each weekday in a time zone and its holidays, by
-- which SLA targets count business time. Hours are written as "MON 09:00-17:00, TUE 09:00-12:00 13:00-17:00" and
-- holidays as ISO dates separated by spaces.
create table business_calendar (
    id          uuid primary key,
    version     bigint not null,
    name        varchar(100) not null,
    time_zone   varchar(60) not null,
    week_hours  varchar(1000) not null,
    holidays    varchar(8000),
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null
);
create unique index business_calendar_name_uk on business_calendar (name);

-- An SLA policy applies to the cases it matches (a priority, an account tier, or any case), tried in order of
-- position: the first that matches sets the case's first-response and resolution targets in business minutes of its
-- calendar, and the share of a target from which the case is at risk.
create table sla_policy (
    id                      uuid primary key,
    version                 bigint not null,
    name                    varchar(100) not null,
    position                integer not null,
    match_priority          varchar(10),
    match_tier              varchar(100),
    calendar_id             uuid not null references business_calendar (id),
    first_response_minutes  integer not null,
    resolution_minutes      integer not null,
    warning_percent         integer not null,
    raise_priority          boolean not null,
    around_the_clock        boolean not null,
    escalation_team_id      uuid,
    active                  boolean not null,
    created_at              timestamp(6) with time zone not null,
    updated_at              timestamp(6) with time zone not null
);
create unique index sla_policy_name_uk on sla_policy (name);
create index sla_policy_position_idx on sla_policy (position, id);
create index sla_policy_calendar_idx on sla_policy (calendar_id);

-- Case numbers (CS-000123) come from a sequence.
create sequence support_case_number_seq start with 1 increment by 1;

-- A support case. Its team is its queue; a case nobody has taken yet is unassigned (taken false), owned meanwhile by
-- whoever opened it. Each SLA target's clock is kept as the business seconds used before it last ran, since when it
-- runs and when it stopped; its due time is kept beside it, and the earliest due and warning times of the running
-- targets, by which the list filters on SLA state and the escalation sweep finds what falls due.
create table support_case (
    id                          uuid primary key,
    version                     bigint not null,
    number                      varchar(20) not null,
    account_id                  uuid not null references account (id),
    contact_id                  uuid references contact (id) on delete set null,
    contract_id                 uuid references contract (id) on delete set null,
    subject                     varchar(255) not null,
    description                 varchar(10000),
    priority                    varchar(10) not null,
    status                      varchar(30) not null,
    channel                     varchar(10) not null,
    category                    varchar(100),
    taken                       boolean not null,
    resolution                  varchar(4000),
    first_response_at           timestamp(6) with time zone,
    resolved_at                 timestamp(6) with time zone,
    closed_at                   timestamp(6) with time zone,
    policy_id                   uuid references sla_policy (id) on delete set null,
    calendar_id                 uuid references business_calendar (id) on delete set null,
    response_target_minutes     integer,
    resolution_target_minutes   integer,
    warning_percent             integer,
    response_used_seconds       bigint,
    response_running_since      timestamp(6) with time zone,
    response_stopped_at         timestamp(6) with time zone,
    resolution_used_seconds     bigint,
    resolution_running_since    timestamp(6) with time zone,
    resolution_stopped_at       timestamp(6) with time zone,
    sla_changed_at              timestamp(6) with time zone,
    response_due_at             timestamp(6) with time zone,
    resolution_due_at           timestamp(6) with time zone,
    sla_due_at                  timestamp(6) with time zone,
    sla_warning_at              timestamp(6) with time zone,
    sla_breached                boolean not null,
    sla_held_state              varchar(10),
    escalation_level            integer not null,
    next_escalation_at          timestamp(6) with time zone,
    is_open                     boolean not null,
    owner_id                    uuid not null,
    team_id                     uuid,
    created_by                  uuid,
    created_at                  timestamp(6) with time zone not null,
    updated_by                  uuid,
    updated_at                  timestamp(6) with time zone not null
);
create unique index support_case_number_uk on support_case (number);
create index support_case_created_idx on support_case (created_at, id);
create index support_case_account_idx on support_case (account_id, created_at, id);
create index support_case_contact_idx on support_case (contact_id);
create index support_case_contract_idx on support_case (contract_id);
create index support_case_owner_idx on support_case (owner_id, created_at, id);
create index support_case_team_idx on support_case (team_id, created_at, id);
create index support_case_status_idx on support_case (status, created_at, id);
create index support_case_priority_idx on support_case (priority, created_at, id);
create index support_case_policy_idx on support_case (policy_id);
create index support_case_calendar_idx on support_case (calendar_id);
-- the queue: a team's open cases nobody has taken, the earliest due first
create index support_case_queue_idx on support_case (team_id, is_open, taken, sla_due_at, id);
-- my open cases, and the list by due time
create index support_case_owner_open_idx on support_case (owner_id, is_open, sla_due_at, id);
create index support_case_due_idx on support_case (is_open, sla_due_at, id);
create index support_case_warning_idx on support_case (is_open, sla_warning_at, id);
create index support_case_escalation_idx on support_case (next_escalation_at);

-- A comment on a case: internal among agents, or public, which the customer reads (an agent's first public comment
-- is the case's first response). A customer's reply by e-mail is a public comment without an author, with the sender's
-- address and the message's id.
create table case_comment (
    id            uuid primary key,
    case_id       uuid not null references support_case (id) on delete cascade,
    author_id     uuid,
    author_email  varchar(320),
    public_reply  boolean not null,
    body          varchar(20000) not null,
    message_id    varchar(998),
    created_at    timestamp(6) with time zone not null
);
create index case_comment_case_idx on case_comment (case_id, created_at, id);
