// The calendar page: FullCalendar over /calendar/events, in the user's time zone. The server writes times on the
// user's wall clock without an offset, and the calendar runs in UTC, so that the browser's own time zone never
// shifts them; a time the calendar gives back is read the same way.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('calendar');
  if (!element || !window.FullCalendar) {
    return;
  }
  const data = element.dataset;
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  const refused = document.getElementById('calendar-refused');
  const wallClock = (date) => date.toISOString().substring(0, 16);
  const narrow = window.matchMedia('(max-width: 575.98px)').matches;

  const move = (info) => {
    refused.classList.add('d-none');
    const body = new URLSearchParams();
    body.set('version', info.event.extendedProps.version);
    body.set('start', wallClock(info.event.start));
    const occurrence = info.event.extendedProps.occurrence;
    if (occurrence) {
      body.set('occurrence', occurrence);
    }
    if (info.event.end && info.event.extendedProps.kind === 'MEETING') {
      body.set('end', wallClock(info.event.end));
    }
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (token && header) {
      headers[header.content] = token.content;
    }
    fetch(data.move + info.event.extendedProps.activity + '/move', { method: 'POST', headers, body, credentials: 'same-origin' })
      .then((response) => response.ok ? response.json() : Promise.reject(response))
      .then((answer) => {
        if (occurrence) {
          // the occurrence is an activity of its own now, apart from its series
          calendar.refetchEvents();
        } else {
          info.event.setExtendedProp('version', answer.version);
        }
      })
      .catch(() => {
        info.revert();
        refused.classList.remove('d-none');
      });
  };

  const calendar = new FullCalendar.Calendar(element, {
    timeZone: 'UTC',
    locale: data.locale,
    initialView: narrow && data.view === 'timeGridWeek' ? 'listWeek' : data.view,
    initialDate: data.today,
    firstDay: 1,
    height: 'auto',
    slotMinTime: '07:00:00',
    slotMaxTime: '21:00:00',
    scrollTime: '08:00:00',
    // entries at the same time stand side by side, so that none covers another's text
    slotEventOverlap: false,
    headerToolbar: narrow
      ? { left: 'prev,next', center: 'title', right: 'today' }
      : { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek' },
    footerToolbar: narrow ? { center: 'dayGridMonth,timeGridDay,listWeek' } : false,
    // a month on a phone keeps each day's cell to one entry and a link to the rest, the weekdays to one letter
    views: {
      dayGridMonth: narrow
        ? { dayMaxEvents: 1, displayEventTime: false, dayHeaderFormat: { weekday: 'narrow' },
          moreLinkContent: (more) => '+' + more.num }
        : { dayMaxEvents: 4 },
    },
    buttonText: { today: data.textToday, month: data.textMonth, week: data.textWeek, day: data.textDay,
      list: data.textList },
    buttonHints: { prev: data.textPrev, next: data.textNext, today: data.textToday },
    noEventsText: data.textNone,
    // the arrows' buttons carry their names; the arrow glyphs inside are decoration
    datesSet: () => element.querySelectorAll('.fc-icon').forEach((icon) => {
      icon.removeAttribute('role');
      icon.setAttribute('aria-hidden', 'true');
    }),
    events: { url: data.events, extraParams: () => {
      const params = {};
      if (data.owner) { params.owner = data.owner; }
      if (data.team) { params.team = data.team; }
      return params;
    } },
    editable: true,
    selectable: true,
    selectMirror: true,
    eventDrop: move,
    eventResize: move,
    select: (info) => {
      const end = info.allDay ? new Date(info.end.getTime() - 1) : info.end;
      window.location.href = data.new + '&startsAt=' + wallClock(info.start) + '&endsAt=' + wallClock(end)
        + (info.allDay ? '&allDay=true' : '');
    },
  });
  calendar.render();

  const scope = document.getElementById('calendar-scope');
  if (scope) {
    scope.addEventListener('change', () => {
      const [kind, id] = scope.value.split(':');
      const url = new URL(window.location.href);
      url.searchParams.delete('owner');
      url.searchParams.delete('team');
      url.searchParams.delete('scope');
      if (kind && id) {
        url.searchParams.set(kind, id);
      }
      window.location.href = url.toString();
    });
  }
});
