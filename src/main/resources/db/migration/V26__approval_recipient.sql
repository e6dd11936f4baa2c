-- The client's link goes to the address the approval was sent to, frozen at send time: a later change to the
-- contact cannot re-route the reminders or a resend, and the evidence names the mailbox each link went to.

alter table client_approval add column recipient_name  text;
alter table client_approval add column recipient_email text;

-- approvals sent before this version went to the contact's address as it stands now (the best record there is)
update client_approval a
   set recipient_name = c.name, recipient_email = c.email
  from contact c
 where c.id = a.contact_id;

alter table client_approval alter column recipient_name set not null;
alter table client_approval alter column recipient_email set not null;

-- the address a send, a delivery, a reminder or a resend went to; null for the client's own actions
alter table approval_event add column recipient text;
