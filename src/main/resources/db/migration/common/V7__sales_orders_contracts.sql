-- The catalogue list filters by active flag and sorts by name or SKU.
create index product_active_name_idx on product (active, name, id);
create index product_category_active_idx on product (category, active, name, id);

-- Order and contract numbers come from sequences, which H2 and PostgreSQL both offer.
create sequence sales_order_number_seq start with 1 increment by 1;
create sequence contract_number_seq start with 1 increment by 1;

create table sales_order (
    id              uuid primary key,
    version         bigint not null,
    number          varchar(20) not null,
    account_id      uuid not null references account (id),
    opportunity_id  uuid,
    order_date      date not null,
    status          varchar(20) not null,
    total           numeric(19, 4) not null,
    currency        varchar(3) not null,
    notes           varchar(4000),
    confirmed_at    timestamp(6) with time zone,
    owner_id        uuid not null,
    team_id         uuid,
    created_by      uuid,
    created_at      timestamp(6) with time zone not null,
    updated_by      uuid,
    updated_at      timestamp(6) with time zone not null
);
create unique index sales_order_number_uk on sales_order (number);
-- One order per won opportunity, whatever retries the event gets.
create unique index sales_order_opportunity_uk on sales_order (opportunity_id);
create index sales_order_date_idx on sales_order (order_date, id);
create index sales_order_account_date_idx on sales_order (account_id, order_date, id);
create index sales_order_status_date_idx on sales_order (status, order_date, id);
create index sales_order_owner_date_idx on sales_order (owner_id, order_date, id);
create index sales_order_team_date_idx on sales_order (team_id, order_date, id);

create table sales_order_line (
    id          uuid primary key,
    order_id    uuid not null references sales_order (id) on delete cascade,
    position    integer not null,
    product_id  uuid not null references product (id),
    quantity    numeric(19, 4) not null,
    unit_price  numeric(19, 4) not null
);
create index sales_order_line_order_idx on sales_order_line (order_id, position);
create index sales_order_line_product_idx on sales_order_line (product_id);

create table contract (
    id                   uuid primary key,
    version              bigint not null,
    number               varchar(20) not null,
    account_id           uuid not null references account (id),
    opportunity_id       uuid,
    start_date           date not null,
    end_date             date not null,
    contract_value       numeric(19, 4) not null,
    currency             varchar(3) not null,
    status               varchar(20) not null,
    auto_renew           boolean not null,
    renewal_notice_days  integer not null,
    renewed_from_id      uuid references contract (id),
    renewed_to_id        uuid references contract (id),
    description          varchar(4000),
    owner_id             uuid not null,
    team_id              uuid,
    created_by           uuid,
    created_at           timestamp(6) with time zone not null,
    updated_by           uuid,
    updated_at           timestamp(6) with time zone not null
);
create unique index contract_number_uk on contract (number);
create index contract_end_idx on contract (end_date, id);
create index contract_status_end_idx on contract (status, end_date, id);
create index contract_status_start_idx on contract (status, start_date, id);
create index contract_account_end_idx on contract (account_id, end_date, id);
create index contract_owner_end_idx on contract (owner_id, end_date, id);
create index contract_team_end_idx on contract (team_id, end_date, id);
create index contract_opportunity_idx on contract (opportunity_id);
