-- The case list filtered by SLA state counts the cases of each queue it shows in the state: the open cases of a team by
-- their due time as the list sorts it (H2 has no partial index).
create index support_case_open_team_order_idx on support_case (team_id, is_open, sla_order_at, id);
-- and a user's own open cases in other teams, which the list counts beside the team's
create index support_case_open_owner_order_idx on support_case (owner_id, is_open, sla_order_at, id);
