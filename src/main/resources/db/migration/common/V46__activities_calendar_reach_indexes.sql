-- The meetings that began before a calendar's window and reach into it, found by when they end: a team's, a user's.
-- occurs_at rides along so that the start is checked in the index.
create index activity_team_ends_idx on activity (team_id, ends_at, occurs_at);
create index activity_owner_ends_idx on activity (owner_id, ends_at, occurs_at);
