// Progressive enhancement only: every control works without this file (links to confirmation
// pages, forms that post). It turns those links into <dialog>s, adds copy buttons and stops
// double submits. No inline script anywhere, so the CSP can forbid it.
(function () {
  'use strict';

  // Where the focus goes when a dialog opens: a field to type in, else the copy button of a secret,
  // else the safe way out (Cancel, OK), never the button that acts: one Enter must not delete a key.
  var FOCUS_ORDER = ['[autofocus]', 'input:not([type=hidden]):not([readonly])', 'textarea:not([readonly])',
    '[data-copy]', '[data-close-dialog]'];

  function showModal(dialog) {
    if (typeof dialog.showModal !== 'function') { return false; }
    if (dialog.open) { dialog.close(); }
    dialog.showModal();
    for (var i = 0; i < FOCUS_ORDER.length; i++) {
      var focus = dialog.querySelector(FOCUS_ORDER[i]);
      if (focus && !focus.hidden) { focus.focus(); break; }
    }
    return true;
  }

  // Copy buttons only make sense with script.
  document.querySelectorAll('[data-copy]').forEach(function (button) { button.hidden = false; });

  // Dialogs the server rendered open (new key, revealed master, a form with an error) become modal.
  document.querySelectorAll('dialog[data-show-modal]').forEach(showModal);

  // The account menu (<details>) closes on Escape, giving the focus back to its button, and on a
  // click anywhere outside it.
  var menu = document.querySelector('details.menu');
  if (menu) {
    menu.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
    document.addEventListener('click', function (event) {
      if (menu.open && !menu.contains(event.target)) { menu.open = false; }
    });
  }

  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-open-dialog]');
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute('data-open-dialog'));
      if (dialog && showModal(dialog)) { event.preventDefault(); }
      return;
    }
    var confirmLink = event.target.closest('a[data-confirm]');
    if (confirmLink) {
      var confirmDialog = document.getElementById('confirm-' + confirmLink.getAttribute('data-confirm'));
      if (!confirmDialog) { return; }
      var form = confirmDialog.querySelector('form');
      form.action = confirmLink.href;
      confirmDialog.querySelectorAll('[data-slot]').forEach(function (slot) {
        var value = confirmLink.getAttribute('data-key-' + slot.getAttribute('data-slot'))
          || confirmLink.getAttribute('data-' + slot.getAttribute('data-slot')) || '';
        if (slot.tagName === 'INPUT' || slot.tagName === 'TEXTAREA') { slot.value = value; } else { slot.textContent = value; }
      });
      if (showModal(confirmDialog)) { event.preventDefault(); }
      return;
    }
    var closer = event.target.closest('[data-close-dialog]');
    if (closer) {
      var open = closer.closest('dialog');
      // a secret dialog's OK leads back to the plain page, so the secret leaves the screen and history
      if (open && closer.tagName !== 'A') { event.preventDefault(); open.close(); }
      return;
    }
    var copy = event.target.closest('[data-copy]');
    if (copy) {
      var field = document.getElementById(copy.getAttribute('data-copy'));
      var done = copy.querySelector('.copy-done');
      var text = field.value !== undefined ? field.value : field.textContent;
      var select = function () {
        if (field.select) { field.select(); } else { window.getSelection().selectAllChildren(field); }
      };
      var finish = function () {
        if (done) { done.hidden = false; setTimeout(function () { done.hidden = true; }, 1500); }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(finish, select);
      } else {
        select();
        try { document.execCommand('copy'); finish(); } catch (e) { /* selected for manual copy */ }
      }
    }
  });

  // A second click on a submit button while the first request runs must not send the form again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-submitted]').forEach(function (f) {
      delete f.dataset.submitted;
      f.querySelectorAll('button[type=submit]').forEach(function (b) { b.removeAttribute('aria-disabled'); });
    });
  });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.submitted === 'true') { event.preventDefault(); return; }
    form.dataset.submitted = 'true';
    form.querySelectorAll('button[type=submit]').forEach(function (b) { b.setAttribute('aria-disabled', 'true'); });
  });

  // Keep the typed e-mail across a failed sign-in (the server's redirect cannot carry it).
  var login = document.getElementById('login-form');
  if (login) {
    var email = login.querySelector('input[name=j_username]');
    if (!email.value && sessionStorage.getItem('login-email')) { email.value = sessionStorage.getItem('login-email'); }
    login.addEventListener('submit', function () { sessionStorage.setItem('login-email', email.value); });
  }
})();
