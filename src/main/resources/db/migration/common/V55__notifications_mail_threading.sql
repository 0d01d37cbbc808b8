-- An e-mail may carry the headers by which mail clients thread a conversation: its own Message-ID, the message it
-- answers (In-Reply-To) and the conversation's earlier messages (References); and the address replies go to.
alter table mail_message add column message_id varchar(998);
alter table mail_message add column in_reply_to varchar(998);
alter table mail_message add column mail_references varchar(4000);
alter table mail_message add column reply_to varchar(320);
