-- Marketing campaigns, which nest under a parent campaign; budget, actual cost and expected revenue share the
-- campaign's currency.
create table campaign (
    id               uuid primary key,
    version          bigint not null,
    name             varchar(200) not null,
    type             varchar(20) not null,
    status           varchar(20) not null,
    start_date       date not null,
    end_date         date not null,
    currency         varchar(3) not null,
    budget           numeric(19, 4) not null,
    actual_cost      numeric(19, 4),
    expected_revenue numeric(19, 4),
    description      varchar(4000),
    parent_id        uuid references campaign (id),
    owner_id         uuid not null,
    team_id          uuid,
    created_by       uuid,
    created_at       timestamp(6) with time zone not null,
    updated_by       uuid,
    updated_at       timestamp(6) with time zone not null,
    constraint campaign_period_ck check (end_date >= start_date),
    constraint campaign_amounts_ck check (budget >= 0 and (actual_cost is null or actual_cost >= 0)
        and (expected_revenue is null or expected_revenue >= 0))
);
-- The list sorts by start date (the default) or name; it filters by status, type and owner, and the visibility
-- rule by owner or team, each index continuing with the default order.
create index campaign_start_idx on campaign (start_date, id);
create index campaign_name_idx on campaign (name, id);
create index campaign_status_start_idx on campaign (status, start_date, id);
create index campaign_type_start_idx on campaign (type, start_date, id);
create index campaign_owner_start_idx on campaign (owner_id, start_date, id);
create index campaign_team_start_idx on campaign (team_id, start_date, id);
-- A campaign's children, in their list order, and the walks down the hierarchy.
create index campaign_parent_idx on campaign (parent_id, start_date, id);
