-- Each account's risk of churn as the last churn run found it, for the accounts not lost: the probability that the
-- kept model gives, the factors that push it most (JSON), and the risk times the account's predicted value, by which
-- the list of valuable customers at risk is sorted; with the owner and team that the analytics module keeps up to
-- date, so that the list shows each user only the accounts they may see, by one index.
create table account_churn (
    account_id   uuid primary key references account (id) on delete cascade,
    run_id       uuid not null,
    owner_id     uuid,
    team_id      uuid,
    risk         double precision not null,
    factors      text not null,
    risk_value   numeric(19, 4) not null,
    computed_at  timestamp(6) with time zone not null
);
create index account_churn_risk_value_idx on account_churn (risk_value desc, account_id);
create index account_churn_owner_idx on account_churn (owner_id, risk_value desc, account_id);
create index account_churn_team_idx on account_churn (team_id, risk_value desc, account_id);
create index account_churn_run_idx on account_churn (run_id);
