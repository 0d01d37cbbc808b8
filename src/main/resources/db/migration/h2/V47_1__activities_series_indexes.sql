-- The series of a user and of a team (H2 has no partial index; its planner takes this one only for the series).
create index activity_owner_series_idx on activity (owner_id, recurrence_zone, occurs_at);
create index activity_team_series_idx on activity (team_id, recurrence_zone, occurs_at);
