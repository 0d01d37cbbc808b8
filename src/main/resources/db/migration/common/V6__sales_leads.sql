-- A lead names what it became by id only: the account, contact and opportunity belong to their modules and may
-- be deleted there, leaving the lead's history as it was.
create table lead (
    id                          uuid primary key,
    version                     bigint not null,
    first_name                  varchar(100),
    last_name                   varchar(100) not null,
    company                     varchar(200),
    title                       varchar(100),
    email                       varchar(254),
    phone                       varchar(40),
    source                      varchar(40),
    status                      varchar(20) not null,
    rating                      varchar(10),
    notes                       varchar(4000),
    disqualified_reason         varchar(500),
    converted_account_id        uuid,
    converted_contact_id        uuid,
    converted_opportunity_id    uuid,
    converted_at                timestamp(6) with time zone,
    owner_id                    uuid not null,
    team_id                     uuid,
    created_by                  uuid,
    created_at                  timestamp(6) with time zone not null,
    updated_by                  uuid,
    updated_at                  timestamp(6) with time zone not null
);
-- Every sort and filter the lead list offers has an index that serves it in name order.
create index lead_name_idx on lead (last_name, first_name, id);
create index lead_owner_name_idx on lead (owner_id, last_name, first_name, id);
create index lead_team_name_idx on lead (team_id, last_name, first_name, id);
create index lead_status_name_idx on lead (status, last_name, first_name, id);
create index lead_rating_name_idx on lead (rating, last_name, first_name, id);
create index lead_created_idx on lead (created_at, id);
create index lead_updated_idx on lead (updated_at, id);
-- The account page lists the leads converted into it.
create index lead_converted_account_idx on lead (converted_account_id, converted_at);
