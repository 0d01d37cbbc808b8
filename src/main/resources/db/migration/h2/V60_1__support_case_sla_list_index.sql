-- The case list filtered by SLA state counts the cases of each queue it shows in the state: the open cases of a team by
-- their due time as the list sorts it (H2 has no partial index).
create index support_case_open_team_order_idx on support_case (team_id, is_open, sla_order_at, id);
