-- Invoice-budget projects bill their agreed budget, not their hours. A budget line names the project whose budget
-- it bills, so "what is left of the budget" is the budget amount minus that project's budget lines on invoices
-- that are not void; voiding an invoice gives its budget back without touching the line.
alter table invoice_line add column budget_project_id bigint references project (id);
create index invoice_line_budget_idx on invoice_line (budget_project_id) where budget_project_id is not null;
