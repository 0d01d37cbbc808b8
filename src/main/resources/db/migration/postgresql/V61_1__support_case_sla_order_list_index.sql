-- The case list filtered by SLA state counts the cases of each queue it shows in the state: the open cases of a team by
-- their due time as the list sorts it, holding what the filter reads, so that the count reads the index alone.
create index support_case_open_team_order_idx on support_case (team_id, sla_order_at, id)
    include (sla_breached, sla_warning_at, sla_held_state) where is_open;
-- and a user's own open cases in other teams, which the list counts beside the team's
create index support_case_open_owner_order_idx on support_case (owner_id, sla_order_at, id)
    include (sla_breached, sla_warning_at, sla_held_state, team_id) where is_open;
