-- Activities keep their custom field values as one JSON object, as the other records do.
alter table activity add column custom_fields json;
