// The time entry form (kept out of the page so that the Content-Security-Policy allows no inline script).
(() => {
  const project = document.getElementById('projectId');
  const activity = document.getElementById('activityId');
  const type = document.getElementById('type');
  const purchaseOrder = document.getElementById('purchaseOrderId');
  const purchaseOrderField = document.getElementById('purchase-order-field');
  const notInvoiced = document.getElementById('notInvoiced');
  const notInvoicedField = document.getElementById('not-invoiced-field');
  // "not invoiced" only where the API accepts it: projects billed by invoice budget
  const showNotInvoiced = () => {
    const chosen = project.selectedOptions[0];
    const budget = !!chosen && chosen.dataset.billingMode === 'INVOICE_BUDGET';
    notInvoicedField.hidden = !budget;
    if (!budget) notInvoiced.checked = false;
  };
  project.addEventListener('change', showNotInvoiced);
  showNotInvoiced();
  // a choice only where there is one: projects with two or more purchase orders (invoice groups)
  project.addEventListener('change', async () => {
    purchaseOrder.innerHTML = '<option value="">The project\'s first</option>';
    purchaseOrderField.hidden = true;
    if (!project.value) return;
    const orders = await fetch(`/api/v1/projects/${project.value}/purchase-orders`, { headers: { Accept: 'application/json' } });
    if (!orders.ok) return;
    const list = await orders.json();
    for (const po of list) {
      purchaseOrder.add(new Option(po.number + ' · ' + po.invoiceGroup, po.id));
    }
    purchaseOrderField.hidden = list.length < 2;
  });
  project.addEventListener('change', async () => {
    activity.innerHTML = '<option value="">Choose…</option>';
    if (!project.value) return;
    // the server asks the activity-availability rules: the choice is exactly what a save would accept
    const response = await fetch(`/api/v1/activities/available?projectId=${encodeURIComponent(project.value)}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    for (const a of await response.json()) {
      const option = new Option(a.name, a.id);
      option.dataset.billable = a.billable;
      activity.add(option);
    }
  });
  // a new entry starts as billable as its activity is marked; the person may still change it
  const billable = document.getElementById('billable');
  activity.addEventListener('change', () => {
    const chosen = activity.selectedOptions[0];
    if (chosen && chosen.dataset.billable !== undefined) billable.checked = chosen.dataset.billable !== 'false';
  });
  const showKind = () => {
    const money = type.value !== 'ACTIVITY';
    document.querySelectorAll('.kind-hours').forEach(el => el.hidden = money);
    document.querySelectorAll('.kind-money').forEach(el => el.hidden = !money);
  };
  type.addEventListener('change', showKind);
  showKind();
  window.NexusArtworks.attach(project, document.getElementById('artworkId-field'));
})();
