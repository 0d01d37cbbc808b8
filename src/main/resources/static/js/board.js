// The opportunity board: cards are dragged between stage columns with SortableJS; each drop asks the server
// to move the opportunity, and a refused move puts the card back where it was.
(() => {
  const board = document.getElementById('board');
  if (!board || typeof Sortable === 'undefined') {
    return;
  }
  const moveUrl = board.dataset.moveUrl;
  const errorBox = document.getElementById('board-error');
  const dialog = document.getElementById('lost-dialog');
  const reasonInput = document.getElementById('lost-reason');

  const csrfHeaders = () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  };

  const showError = (message) => {
    errorBox.textContent = message;
    errorBox.classList.remove('d-none');
  };

  const putBack = (evt) => {
    evt.item.remove();
    evt.from.insertBefore(evt.item, evt.from.children[evt.oldIndex] || null);
  };

  const askReason = () => new Promise((resolve) => {
    reasonInput.value = '';
    dialog.returnValue = '';
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok' && reasonInput.value.trim() ? reasonInput.value.trim() : null);
    }, { once: true });
    dialog.showModal();
    reasonInput.focus();
  });

  const updateColumns = (columns) => {
    Object.entries(columns).forEach(([stage, column]) => {
      const count = board.querySelector(`[data-count="${stage}"]`);
      const sum = board.querySelector(`[data-sum="${stage}"]`);
      if (count) count.textContent = column.count;
      if (sum) sum.textContent = column.sum;
    });
  };

  const move = async (evt, lostReason) => {
    const card = evt.item;
    const next = card.nextElementSibling && card.nextElementSibling.classList.contains('board-card') ? card.nextElementSibling : null;
    const body = new URLSearchParams({ stageId: evt.to.dataset.stage, version: card.dataset.version });
    if (next) body.append('before', next.dataset.id);
    if (lostReason) body.append('lostReason', lostReason);
    const response = await fetch(`${moveUrl}${card.dataset.id}/move`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json', ...csrfHeaders() },
      body,
    });
    let answer = {};
    try { answer = await response.json(); } catch (e) { answer = {}; }
    if (response.ok) {
      card.dataset.version = answer.version;
      updateColumns(answer.columns || {});
      errorBox.classList.add('d-none');
      return;
    }
    if (response.status === 422 && answer.field === 'lostReason' && !lostReason) {
      const reason = await askReason();
      if (reason) {
        return move(evt, reason);
      }
      putBack(evt);
      return;
    }
    putBack(evt);
    showError(answer.message || answer.detail || `${response.status}`);
  };

  board.querySelectorAll('.board-cards').forEach((column) => {
    Sortable.create(column, {
      group: 'board',
      draggable: '.board-card',
      filter: '.board-more',
      animation: 120,
      forceFallback: true,
      onEnd: async (evt) => {
        if (evt.from === evt.to && evt.oldIndex === evt.newIndex) return;
        let reason = null;
        if (evt.from !== evt.to && evt.to.closest('.board-column').dataset.kind === 'LOST') {
          reason = await askReason();
          if (!reason) {
            putBack(evt);
            return;
          }
        }
        move(evt, reason).catch((e) => { putBack(evt); showError(e.message); });
      },
    });
  });
})();
