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

  // The calendar form-js opens (flatpickr, which puts itself on window) names months and days in English unless told:
  // its names are taken from the browser's own data for the page's language.
  function calendarFollowsThePage() {
    var language = document.documentElement.lang;
    if (language && window.flatpickr && window.Intl) {
      window.flatpickr.localize(calendarNames(Intl.DateTimeFormat, language));
    }
  }

  function calendarNames(DateTimeFormat, language) {
    function names(count, first, step, option, width) {
      var format = new DateTimeFormat(language, (function () {
        var o = { timeZone: 'UTC' };
        o[option] = width;
        return o;
      })());
      var list = [];
      for (var i = 0; i < count; i++) {
        list.push(format.format(new Date(first + i * step)));
      }
      return list;
    }
    var day = 24 * 3600 * 1000;
    var sunday = Date.UTC(2021, 0, 3);
    var months = { shorthand: [], longhand: [] };
    for (var m = 0; m < 12; m++) {
      var mid = Date.UTC(2021, m, 15);
      months.longhand.push(new DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(mid)));
      months.shorthand.push(new DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }).format(new Date(mid)));
    }
    return {
      months: months,
      weekdays: { shorthand: names(7, sunday, day, 'weekday', 'short'), longhand: names(7, sunday, day, 'weekday', 'long') },
      firstDayOfWeek: language === 'fr' ? 1 : 0
    };
  }

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
            translateValidation(container, readJson(container, 'data-validation'));
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

  // form-js writes its validation messages in English only. Each one it shows is put in the page's language, from the
  // texts the server sends with the page; a message with no rule here stays as form-js wrote it.
  var VALIDATION_RULES = [
    [/^Field is required\.$/, 'required'],
    [/^Field must have minimum value of (.+)\.$/, 'min'],
    [/^Field must have maximum value of (.+)\.$/, 'max'],
    [/^Field must have minimum length of (.+)\.$/, 'minLength'],
    [/^Field must have maximum length of (.+)\.$/, 'maxLength'],
    [/^Value is not a number\.$/, 'notNumber'],
    [/^Value is expected to be an integer\.$/, 'integer'],
    [/^Value is expected to have at most (\d+) decimal digits?\.$/, 'decimals']
  ];

  function translateValidation(container, texts) {
    if (!texts) {
      return;
    }
    function translate(item) {
      var english = item.textContent;
      for (var i = 0; i < VALIDATION_RULES.length; i++) {
        var match = VALIDATION_RULES[i][0].exec(english);
        var text = match && texts[VALIDATION_RULES[i][1]];
        if (text) {
          item.textContent = text.replace('{0}', match[1] || '');
          return;
        }
      }
    }
    function translateAll() {
      container.querySelectorAll('.fjs-form-field-error li').forEach(translate);
    }
    new MutationObserver(translateAll).observe(container, { childList: true, subtree: true, characterData: true });
    translateAll();
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

  // The live total of a customer's ticked invoices.
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
    calendarFollowsThePage();
    document.querySelectorAll('[data-task-form]').forEach(mountTaskForm);
    document.querySelectorAll('[data-invoice-ticks]').forEach(wireInvoiceTicks);
  });

  // A form that asks before it acts: data-confirm holds the question, in the page's language.
  document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
