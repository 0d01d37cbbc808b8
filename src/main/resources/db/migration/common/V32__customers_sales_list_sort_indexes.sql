-- Every order a list offers has an index behind it. The opportunity list sorts by its last change, which had none;
-- a team's list (what a manager sees) sorts by creation, last change, close date or number through an index that
-- starts with the team, as its name sort already does.
create index opportunity_updated_idx on opportunity (updated_at, id);
create index opportunity_team_updated_idx on opportunity (team_id, updated_at, id);
create index opportunity_team_close_idx on opportunity (team_id, close_date, id);
create index account_team_created_idx on account (team_id, created_at, id);
create index account_team_updated_idx on account (team_id, updated_at, id);
create index contact_team_created_idx on contact (team_id, created_at, id);
create index contact_team_updated_idx on contact (team_id, updated_at, id);
create index lead_team_created_idx on lead (team_id, created_at, id);
create index lead_team_updated_idx on lead (team_id, updated_at, id);
create index sales_order_team_number_idx on sales_order (team_id, number);
create index contract_team_number_idx on contract (team_id, number);
