-- Mail in the outbox may carry an HTML alternative and one attachment (the client approval's timesheet PDF), so
-- that a mail queued while no SMTP server is set goes out later exactly as it would have been sent at once.
alter table mail_outbox add column html_body text;
alter table mail_outbox add column attachment_name text;
alter table mail_outbox add column attachment bytea;
alter table mail_outbox add check ((attachment is null) = (attachment_name is null));
