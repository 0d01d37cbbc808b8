-- Campaigns keep their custom field values as one JSON object, as the other records do. H2 has no expression
-- indexes; the name index of V62 serves the embedded database's name search.
alter table campaign add column custom_fields json;
