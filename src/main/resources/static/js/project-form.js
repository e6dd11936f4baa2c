// The project form (kept out of the page so that the Content-Security-Policy allows no inline script).
// offer only the chosen client's deals; the server checks the same rule
(function () {
  const client = document.getElementById('contactId');
  const deal = document.getElementById('dealId');
  if (!client || !deal) return;
  const filter = () => {
    for (const option of deal.options) {
      const other = option.dataset.contact && option.dataset.contact !== client.value;
      option.hidden = other;
      if (other && option.selected) deal.value = '';
    }
  };
  client.addEventListener('change', filter);
  filter();
})();
