-- The series of a user and of a team. Partial: they hold the series alone (recurrence_zone is set on series only),
-- so that the planner never takes them to find the activities that do not repeat, which are nearly all.
create index activity_owner_series_idx on activity (owner_id, occurs_at) where recurrence_zone is not null;
create index activity_team_series_idx on activity (team_id, occurs_at) where recurrence_zone is not null;
