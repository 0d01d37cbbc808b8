create table account (
    id                   uuid primary key,
    version              bigint not null,
    name                 varchar(200) not null,
    type                 varchar(20) not null,
    industry             varchar(40),
    website              varchar(255),
    phone                varchar(40),
    email                varchar(254),
    billing_street       varchar(200),
    billing_city         varchar(100),
    billing_postal_code  varchar(20),
    billing_region       varchar(100),
    billing_country      varchar(100),
    owner_id             uuid not null,
    team_id              uuid,
    lifecycle_stage      varchar(20) not null,
    source               varchar(40),
    description          varchar(4000),
    created_by           uuid,
    created_at           timestamp(6) with time zone not null,
    updated_by           uuid,
    updated_at           timestamp(6) with time zone not null
);
-- Every sort and filter the account list offers has an index that serves it in name order.
create index account_name_idx on account (name, id);
create index account_owner_name_idx on account (owner_id, name, id);
create index account_team_name_idx on account (team_id, name, id);
create index account_stage_name_idx on account (lifecycle_stage, name, id);
create index account_industry_name_idx on account (industry, name, id);
create index account_created_idx on account (created_at, id);
create index account_updated_idx on account (updated_at, id);

create table contact (
    id              uuid primary key,
    version         bigint not null,
    account_id      uuid references account (id),
    first_name      varchar(100),
    last_name       varchar(100) not null,
    title           varchar(100),
    email           varchar(254),
    phone           varchar(40),
    street          varchar(200),
    city            varchar(100),
    postal_code     varchar(20),
    region          varchar(100),
    country         varchar(100),
    owner_id        uuid not null,
    team_id         uuid,
    do_not_contact  boolean not null,
    created_by      uuid,
    created_at      timestamp(6) with time zone not null,
    updated_by      uuid,
    updated_at      timestamp(6) with time zone not null
);
create index contact_name_idx on contact (last_name, first_name, id);
create index contact_account_idx on contact (account_id, last_name, first_name, id);
create index contact_owner_name_idx on contact (owner_id, last_name, first_name, id);
create index contact_team_name_idx on contact (team_id, last_name, first_name, id);
create index contact_created_idx on contact (created_at, id);
create index contact_updated_idx on contact (updated_at, id);
