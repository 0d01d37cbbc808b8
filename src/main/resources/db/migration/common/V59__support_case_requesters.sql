-- A case is requested by an account (and maybe one of its contacts) or by a lead: the service mailbox may take a
-- sender whom no contact matches for a lead. When the lead is converted, its cases move to the account and contact
-- it became; a lead that is deleted leaves its cases without a requester.
alter table support_case alter column account_id drop not null;
alter table support_case add column lead_id uuid references lead (id) on delete set null;
create index support_case_lead_idx on support_case (lead_id, created_at, id);

-- What the service mailbox makes of a sender whom no contact matches: a new contact (CONTACT) or a lead (LEAD).
alter table support_mailbox add column unknown_senders varchar(10) default 'CONTACT' not null;
