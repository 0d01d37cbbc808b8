-- A run of an analytics model on the CRM's data, queued by its schedule or by an administrator and run by the
-- persistent scheduler on one node; its parameters and figures are kept (as JSON) for the history of runs, and a
-- failed run says why.
create table analytics_run (
    id            uuid primary key,
    model         varchar(30) not null,
    status        varchar(20) not null,
    parameters    varchar(4000) not null,
    figures       text,
    error         varchar(2000),
    requested_by  uuid,
    queued_at     timestamp(6) with time zone not null,
    started_at    timestamp(6) with time zone,
    finished_at   timestamp(6) with time zone
);
create index analytics_run_model_idx on analytics_run (model, queued_at, id);

-- The lifetime-value settings an administrator chooses: the yearly discount rate, the period the models count in,
-- how many periods ahead the value looks, and how many periods before today check the fit. One row.
create table analytics_clv_setting (
    id             integer primary key,
    version        bigint not null,
    discount_rate  numeric(9, 6) not null,
    period_unit    varchar(10) not null,
    horizon        integer not null,
    holdout        integer not null
);
insert into analytics_clv_setting (id, version, discount_rate, period_unit, horizon, holdout)
values (1, 0, 0.100000, 'WEEK', 52, 26);

-- Each account's value as the last run found it: its purchases to date and their value (the historic value), what
-- the models predict, and the seed's discounted value of its revenue per period; one row per account that bought.
create table account_value (
    account_id          uuid primary key references account (id) on delete cascade,
    run_id              uuid not null,
    purchases           integer not null,
    first_purchase      date not null,
    last_purchase       date not null,
    historic_value      numeric(19, 4) not null,
    expected_purchases  double precision not null,
    probability_alive   double precision not null,
    expected_spend      double precision not null,
    predicted_value     numeric(19, 4) not null,
    discounted_value    numeric(19, 4) not null,
    currency            varchar(3) not null,
    computed_at         timestamp(6) with time zone not null
);
create index account_value_predicted_idx on account_value (predicted_value, account_id);
create index account_value_run_idx on account_value (run_id);
