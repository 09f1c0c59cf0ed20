// New course form: the time zone starts as the instructor's browser's own (e.g. Asia/Shanghai);
// without JavaScript the field stays empty and the course uses the app's default zone.
(function () {
  'use strict';
  const field = document.querySelector('[data-browser-zone]');
  if (field && !field.value && window.Intl && Intl.DateTimeFormat) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) field.value = zone;
  }
})();
