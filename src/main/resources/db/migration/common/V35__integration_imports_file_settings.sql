-- How an import's file is read beyond its delimiter and decimal mark: its encoding (files imported before were read
-- as UTF-8), the order of the dates of the columns whose order the user chose (JSON of column index to YMD, DMY or
-- MDY), and what was detected of the file (JSON), shown while it is mapped.
alter table import_job add column encoding varchar(40) default 'UTF-8' not null;
alter table import_job add column date_orders varchar(20000);
alter table import_job add column detected varchar(100000);
