-- The quick search matches a prefix of the name, company or e-mail case-insensitively; the duplicate check
-- compares the e-mail, and the company with the name, for equality. These indexes serve both.
create index lead_last_name_prefix_idx on lead (lower(last_name) text_pattern_ops);
create index lead_first_name_prefix_idx on lead (lower(first_name) text_pattern_ops);
create index lead_company_prefix_idx on lead (lower(company) text_pattern_ops);
create index lead_email_prefix_idx on lead (lower(email) text_pattern_ops);
-- Contacts are matched by e-mail and last name through the customers' own lower() indexes (V4).
