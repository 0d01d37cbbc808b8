create table product (
    id           uuid primary key,
    version      bigint not null,
    sku          varchar(64) not null,
    name         varchar(200) not null,
    description  varchar(4000),
    unit_price   numeric(19, 4) not null,
    currency     varchar(3) not null,
    category     varchar(100),
    active       boolean not null,
    owner_id     uuid not null,
    team_id      uuid,
    created_by   uuid,
    created_at   timestamp(6) with time zone not null,
    updated_by   uuid,
    updated_at   timestamp(6) with time zone not null
);
create unique index product_sku_uk on product (sku);
create index product_name_idx on product (name, id);
create index product_category_idx on product (category, name, id);

create table pipeline (
    id          uuid primary key,
    version     bigint not null,
    name        varchar(100) not null,
    is_default  boolean not null,
    position    integer not null,
    created_at  timestamp(6) with time zone not null
);
create unique index pipeline_name_uk on pipeline (name);

create table pipeline_stage (
    id           uuid primary key,
    pipeline_id  uuid not null references pipeline (id),
    name         varchar(100) not null,
    position     integer not null,
    probability  integer not null,
    kind         varchar(10) not null
);
create index pipeline_stage_pipeline_idx on pipeline_stage (pipeline_id, position);

create table opportunity (
    id              uuid primary key,
    version         bigint not null,
    account_id      uuid not null references account (id),
    name            varchar(200) not null,
    pipeline_id     uuid not null references pipeline (id),
    stage_id        uuid not null references pipeline_stage (id),
    stage_kind      varchar(10) not null,
    amount          numeric(19, 4) not null,
    currency        varchar(3) not null,
    close_date      date not null,
    probability     integer not null,
    next_step       varchar(500),
    lost_reason     varchar(500),
    stage_entered_at timestamp(6) with time zone not null,
    board_rank      bigint not null,
    owner_id        uuid not null,
    team_id         uuid,
    created_by      uuid,
    created_at      timestamp(6) with time zone not null,
    updated_by      uuid,
    updated_at      timestamp(6) with time zone not null
);
create index opportunity_account_idx on opportunity (account_id, close_date);
create index opportunity_board_idx on opportunity (stage_id, board_rank, id);
create index opportunity_owner_name_idx on opportunity (owner_id, name, id);
create index opportunity_team_name_idx on opportunity (team_id, name, id);
create index opportunity_name_idx on opportunity (name, id);
create index opportunity_close_idx on opportunity (close_date, id);
create index opportunity_forecast_idx on opportunity (stage_kind, close_date, owner_id, team_id, currency);

create table opportunity_line (
    id               uuid primary key,
    opportunity_id   uuid not null references opportunity (id) on delete cascade,
    position         integer not null,
    product_id       uuid not null references product (id),
    quantity         numeric(19, 4) not null,
    unit_price       numeric(19, 4) not null,
    discount_percent numeric(5, 2) not null
);
create index opportunity_line_opportunity_idx on opportunity_line (opportunity_id, position);

create table opportunity_stage_history (
    id              uuid primary key,
    opportunity_id  uuid not null references opportunity (id) on delete cascade,
    -- no foreign key: the history outlives a stage that an administrator removes, and keeps its name
    stage_id        uuid not null,
    stage_name      varchar(100) not null,
    entered_at      timestamp(6) with time zone not null,
    left_at         timestamp(6) with time zone,
    changed_by      uuid
);
create index opportunity_stage_history_idx on opportunity_stage_history (opportunity_id, entered_at);

create table sales_quota (
    id          uuid primary key,
    version     bigint not null,
    user_id     uuid not null,
    period      varchar(7) not null,
    amount      numeric(19, 4) not null,
    currency    varchar(3) not null
);
create unique index sales_quota_user_period_uk on sales_quota (user_id, period);
