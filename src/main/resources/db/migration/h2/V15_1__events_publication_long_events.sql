-- An import publishes one event per batch naming every record of the batch (about 50 characters each), so that
-- the search module indexes them; a batch of 5,000 needs about 250,000 characters.
alter table event_publication alter column serialized_event set data type varchar(1000000);
