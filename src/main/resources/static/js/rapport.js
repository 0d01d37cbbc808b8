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

// A picker that fills a select (such as the case form's account, from its search box) chooses the first match without
// a change event; a select marked data-changed-by-swap announces one, so that what depends on it (the account's
// contacts and contracts) follows.
document.addEventListener('htmx:afterSwap', (event) => {
  const target = event.detail && event.detail.target;
  if (target && target.matches && target.matches('select[data-changed-by-swap]')) {
    target.dispatchEvent(new Event('change', { bubbles: true }));
  }
});

// Saving a view keeps what the list shows at this moment: its filters, sort and page size from the address.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form.id === 'save-view' && form.elements.query) {
    form.elements.query.value = window.location.search.replace(/^\?/, '');
  }
});

// The search box of the navigation: arrow keys walk its dropdown, Escape or a click elsewhere closes it.
(() => {
  const results = () => document.getElementById('global-search-results');
  const close = () => { const r = results(); if (r) { r.innerHTML = ''; } };
  document.addEventListener('click', (event) => {
    if (!event.target.closest || !event.target.closest('#global-search')) {
      close();
    }
  });
  document.addEventListener('keydown', (event) => {
    const box = document.getElementById('global-search');
    if (!box || !box.contains(event.target)) {
      return;
    }
    if (event.key === 'Escape') {
      close();
      document.getElementById('global-search-q').focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
      return;
    }
    const links = Array.from(box.querySelectorAll('#global-search-results a'));
    if (links.length === 0) {
      return;
    }
    event.preventDefault();
    const at = links.indexOf(document.activeElement);
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : at - 1;
    if (next < 0) {
      document.getElementById('global-search-q').focus();
    } else {
      links[next].focus();
    }
  });
})();

// The repeat fields of an activity's form: only those its frequency and its end use show (without a script, all do).
(() => {
  const show = (fieldset) => {
    const repeat = fieldset.querySelector('#repeat').value;
    const end = fieldset.querySelector('#repeatEnd').value;
    fieldset.querySelectorAll('[data-repeat-when]').forEach((part) => {
      const when = part.dataset.repeatWhen.split(' ');
      part.hidden = repeat === 'NONE' || !(when.includes('ANY') || when.includes(repeat) || when.includes('END-' + end));
    });
  };
  document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('#repeat-fields').forEach(show));
  document.addEventListener('change', (event) => {
    const fieldset = event.target.closest && event.target.closest('#repeat-fields');
    if (fieldset) {
      show(fieldset);
    }
  });
})();

// A note's editor: the plain text box becomes a box that keeps bold, italics, lists and links, whose HTML goes in
// the form's noteHtml (the server sanitises it); without a script the plain text box stays.
(() => {
  const start = (part) => {
    const text = part.querySelector('textarea');
    const html = part.querySelector('input[name="noteHtml"]');
    const format = part.querySelector('input[name="bodyFormat"]');
    const toolbar = document.createElement('div');
    toolbar.className = 'btn-toolbar gap-1 mb-1';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', part.dataset.labelToolbar);
    const editor = document.createElement('div');
    editor.className = 'form-control note-editor note-body';
    editor.id = 'note-editor';
    editor.contentEditable = 'true';
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('aria-multiline', 'true');
    editor.setAttribute('aria-labelledby', 'body-label');
    if (html.value) {
      editor.innerHTML = html.value;
    } else {
      text.value.split(/\n/).forEach((line) => {
        const paragraph = document.createElement('p');
        paragraph.textContent = line;
        editor.appendChild(paragraph);
      });
    }
    const buttons = [['bold', 'bi-type-bold', 'labelBold'], ['italic', 'bi-type-italic', 'labelItalic'],
      ['insertUnorderedList', 'bi-list-ul', 'labelBullets'], ['insertOrderedList', 'bi-list-ol', 'labelNumbers'],
      ['createLink', 'bi-link-45deg', 'labelLink']];
    buttons.forEach(([command, icon, label]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-sm btn-outline-secondary';
      button.id = 'note-' + command;
      button.setAttribute('aria-label', part.dataset[label]);
      button.title = part.dataset[label];
      button.innerHTML = '<i class="bi ' + icon + '" aria-hidden="true"></i>';
      button.addEventListener('click', () => {
        editor.focus();
        if (command === 'createLink') {
          const address = window.prompt(part.dataset.linkPrompt, 'https://');
          if (address && /^(https?:|mailto:)/i.test(address)) {
            document.execCommand('createLink', false, address);
          }
        } else {
          document.execCommand(command, false, null);
        }
      });
      toolbar.appendChild(button);
    });
    text.hidden = true;
    text.removeAttribute('id');
    part.querySelector('label[for="body"]').removeAttribute('for');
    text.after(toolbar, editor);
    if (text.classList.contains('is-invalid')) {
      editor.classList.add('is-invalid');
    }
    text.form.addEventListener('submit', () => {
      html.value = editor.innerHTML;
      format.value = 'html';
      text.value = editor.innerText;
    });
  };
  document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('[data-rich-note]').forEach(start));
})();
