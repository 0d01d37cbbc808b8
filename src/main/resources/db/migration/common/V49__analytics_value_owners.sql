-- The owner and team of each valued account beside its value, kept up to date by the analytics module as accounts
-- change hands, so that a list of values shows each user only the accounts they may see, by one index.
alter table account_value add column owner_id uuid;
alter table account_value add column team_id uuid;
update account_value set owner_id = (select a.owner_id from account a where a.id = account_value.account_id),
    team_id = (select a.team_id from account a where a.id = account_value.account_id);
create index account_value_owner_idx on account_value (owner_id, predicted_value, account_id);
create index account_value_team_idx on account_value (team_id, predicted_value, account_id);
