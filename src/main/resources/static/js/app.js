// The pages' only script besides the vendored libraries. No inline script anywhere: the Content-Security-Policy
// forbids it, so everything a page needs is read from data- attributes here.
(function () {
  'use strict';

  // form-js reads and writes typed dates in the browser's default locale, whatever the page's language: on a French
  // page in an American browser, 05/01/2027 became 1 May. The page's language is the default here instead, so a date
  // is typed as the page shows dates.
  (function datesFollowThePage() {
    var language = document.documentElement.lang;
    var BrowserDateTimeFormat = window.Intl && Intl.DateTimeFormat;
    if (!language || !BrowserDateTimeFormat) {
      return;
    }
    function PageDateTimeFormat(locales, options) {
      return new BrowserDateTimeFormat(locales === undefined || locales === 'default' ? language : locales, options);
    }
    PageDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
    PageDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf;
    Intl.DateTimeFormat = PageDateTimeFormat;
  })();

  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  // Every htmx request carries the CSRF token, as every page form does through its hidden field.
  document.addEventListener('htmx:configRequest', function (event) {
    if (csrfToken && csrfHeader) {
      event.detail.headers[csrfHeader.content] = csrfToken.content;
    }
  });

  function readJson(element, name) {
    var text = element.getAttribute(name);
    return text ? JSON.parse(text) : null;
  }

  // The task form: form-js renders forms/<formId>.form; our own <form> posts its data as JSON to the server, which
  // validates it with the same rules as the API and sends back errors, shown next to their fields.
  function mountTaskForm(container) {
    var outer = container.closest('form');
    var errors = readJson(container, 'data-errors') || {};
    fetch(container.getAttribute('data-form-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (schema) {
        // No debounce: every keystroke is in the form's data at once, so a value typed just before the submit button
        // is pressed is submitted whole ("130", not the "13" of 300 ms earlier).
        return FormViewer.createForm({ container: container, schema: schema, debounce: false,
          data: readJson(container, 'data-values') || {} })
          .then(function (form) {
            showServerErrors(container, schema, errors);
            outer.addEventListener('submit', function (event) {
              var result = form.submit();
              if (Object.keys(result.errors).length > 0) {
                event.preventDefault();
                return;
              }
              outer.querySelector('input[name="variables"]').value = JSON.stringify(result.data);
            });
          });
      });
  }

  function showServerErrors(container, schema, errors) {
    var byKey = {};
    (function collect(components) {
      (components || []).forEach(function (c) {
        if (c.key) { byKey[c.key] = c.id; }
        collect(c.components);
      });
    })(schema.components);
    Object.keys(errors).forEach(function (key) {
      var input = container.querySelector('[id$="-' + byKey[key] + '"]') || container.querySelector('[name="' + key + '"]');
      var field = input ? input.closest('.fjs-form-field') : null;
      var note = document.createElement('div');
      note.className = 'server-error';
      note.setAttribute('role', 'alert');
      note.textContent = errors[key];
      if (field) {
        field.appendChild(note);
        if (input) { input.setAttribute('aria-invalid', 'true'); }
      } else {
        container.insertBefore(note, container.firstChild);
      }
    });
  }

  // "Tick all" for the invoices of a customer, and the live total of the ticked ones.
  function wireInvoiceTicks(table) {
    var total = document.getElementById('ticked-total');
    function update() {
      var sum = 0;
      table.querySelectorAll('input[name="taskId"]:checked').forEach(function (box) {
        sum += parseFloat(box.getAttribute('data-balance'));
      });
      if (total) {
        total.textContent = new Intl.NumberFormat(document.documentElement.lang || 'en',
          { style: 'currency', currency: total.getAttribute('data-currency') }).format(sum);
      }
    }
    table.addEventListener('change', update);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-task-form]').forEach(mountTaskForm);
    document.querySelectorAll('[data-invoice-ticks]').forEach(wireInvoiceTicks);
  });
})();
