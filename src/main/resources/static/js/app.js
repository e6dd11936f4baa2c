// Small helpers shared by the pages: fetch with the page's CSRF token.
window.nexus = {
  csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  }
};

// a select marked data-submit-on-change sends its form when a choice is made (no inline handlers: see the CSP)
document.addEventListener('change', (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute('data-submit-on-change') && field.form) {
    field.form.submit();
  }
});
