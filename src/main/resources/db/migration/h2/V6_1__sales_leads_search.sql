-- H2 has no expression indexes; the embedded database is small enough to scan for the quick search and the
-- duplicate check. These plain indexes keep the twin of the PostgreSQL script.
create index lead_email_idx on lead (email);
create index lead_company_idx on lead (company, last_name);
