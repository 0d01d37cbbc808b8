-- The series of a user and of a team, in place of V47's indexes (H2 has no partial index; its planner takes these
-- only for the series).
drop index if exists activity_owner_series_idx;
drop index if exists activity_team_series_idx;
create index activity_owner_series_idx on activity (owner_id, recurrence_zone, occurs_at);
create index activity_team_series_idx on activity (team_id, recurrence_zone, occurs_at);
