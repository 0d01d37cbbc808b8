-- The case list filtered by SLA state counts the cases of each queue it shows in the state: the open cases of a team by
-- their earliest due time (H2 has no partial index).
create index support_case_open_team_due_idx on support_case (team_id, is_open, sla_due_at, id);
