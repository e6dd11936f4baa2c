// Task forms: shows and hides the components whose conditional.hide holds, as the server decides on submit
// (FormCondition: =field, =not(field), =field OP literal), and moves focus to the list of refused fields.
(function () {
  const form = document.getElementById('task-form');
  if (!form) return;

  function valueOf(key) {
    const holder = form.querySelector('[data-key="' + CSS.escape(key) + '"]');
    if (!holder) return null;
    const type = holder.dataset.type;
    const inputs = Array.from(holder.querySelectorAll('[name="' + CSS.escape(key) + '"]'))
      .filter(i => i.type !== 'hidden');
    if (type === 'checkbox') return inputs.length > 0 && inputs[0].checked;
    if (type === 'checklist') return inputs.filter(i => i.checked).map(i => i.value);
    if (type === 'taglist') return inputs.length ? Array.from(inputs[0].selectedOptions).map(o => o.value) : [];
    if (type === 'radio') {
      const chosen = inputs.find(i => i.checked);
      return chosen ? chosen.value : null;
    }
    const text = inputs.length ? inputs[0].value : '';
    if (text.trim() === '') return null;
    if (type === 'number') {
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
    return text;
  }

  function holds(op, value, literal) {
    switch (op) {
      case 'is': return value === true;
      case 'not': return value === false;
      case '=': return value === literal;
      case '!=':
        if (value !== null && literal !== null && typeof value !== typeof literal) return false;
        if (Array.isArray(value)) return false;
        return value !== literal;
      default: {
        const kinds = typeof value === typeof literal && (typeof value === 'number' || typeof value === 'string');
        if (!kinds || value === null || literal === null) return false;
        if (op === '<') return value < literal;
        if (op === '<=') return value <= literal;
        if (op === '>') return value > literal;
        return value >= literal;
      }
    }
  }

  function update() {
    form.querySelectorAll('[data-hide-key]').forEach(component => {
      let literal = null;
      try { literal = JSON.parse(component.dataset.hideValue); } catch (e) { literal = null; }
      const hide = holds(component.dataset.hideOp, valueOf(component.dataset.hideKey), literal);
      component.hidden = hide || !!component.parentElement.closest('[hidden]');
    });
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
  const refused = document.getElementById('form-errors');
  if (refused) refused.focus();
})();
