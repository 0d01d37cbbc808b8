// Rapport's small behaviours: the CSRF token on htmx requests and confirmation of destructive forms.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// A search box inside a form (such as the account picker) looks things up; Enter there must not save the form.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target.matches && event.target.matches('[data-no-submit]')) {
    event.preventDefault();
  }
});

// A select that navigates, such as the board's pipeline choice, submits its form when it changes.
document.addEventListener('change', (event) => {
  if (event.target.matches && event.target.matches('[data-submit-on-change]')) {
    event.target.form.submit();
  }
});

// Saving a view keeps what the list shows at this moment: its filters, sort and page size from the address.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form.id === 'save-view' && form.elements.query) {
    form.elements.query.value = window.location.search.replace(/^\?/, '');
  }
});
