-- Duplicate detection compares normalised keys that every write keeps up to date (see MatchKeys); the
-- Java migration V12_1 fills them for the rows that exist. Each key has its own index so that the check on
-- entry is a look-up and the duplicates list groups an index, never the table.
alter table account add column name_key varchar(200);
alter table account add column domain_key varchar(200);
create index account_name_key_idx on account (name_key, id);
create index account_domain_key_idx on account (domain_key, id);

alter table contact add column email_key varchar(200);
alter table contact add column person_key varchar(200);
create index contact_email_key_idx on contact (email_key, id);
-- the same person at the same account; a look-up by company goes through account_name_key_idx first
create index contact_person_key_idx on contact (account_id, person_key, id);

alter table lead add column email_key varchar(200);
alter table lead add column person_key varchar(200);
alter table lead add column company_key varchar(200);
create index lead_email_key_idx on lead (email_key, id);
create index lead_company_person_key_idx on lead (company_key, person_key, id);

-- What each merge kept: the record that remained, the one merged into it (gone since), that record's values
-- and the field choices, as JSON text, and who merged them when.
create table merge_log (
    id              uuid primary key,
    kind            varchar(20) not null,
    survivor_id     uuid not null,
    merged_id       uuid not null,
    merged_label    varchar(300) not null,
    merged_values   varchar(16000) not null,
    chosen_fields   varchar(4000) not null,
    merged_by       uuid,
    merged_at       timestamp(6) with time zone not null
);
create index merge_log_survivor_idx on merge_log (survivor_id, merged_at, id);
create index merge_log_merged_idx on merge_log (merged_id);
-- merging contacts moves the converted leads' links to the contact that remains
create index lead_converted_contact_idx on lead (converted_contact_id);
