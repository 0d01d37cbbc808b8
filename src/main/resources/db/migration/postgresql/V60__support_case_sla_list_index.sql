-- The case list filtered by SLA state counts the cases of each queue it shows in the state: the open cases of a team by
-- their earliest due time, holding what the filter reads, so that the count reads the index alone.
create index support_case_open_team_due_idx on support_case (team_id, sla_due_at, id)
    include (sla_breached, sla_warning_at, sla_held_state) where is_open;
