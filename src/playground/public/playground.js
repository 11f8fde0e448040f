// The playground page: Web Chat (served from node_modules) talking Direct Line to the bot's own endpoint.
// Each message carries the chosen persona; the server turns it into that persona's Teams identity.
(async function playground() {
  'use strict';
  const status = document.getElementById('status');

  function showProblem(text) {
    status.textContent = text;
    status.classList.add('problem');
  }

  if (!window.WebChat) {
    showProblem('The chat could not load. Run npm install, then restart the bot with npm start.');
    return;
  }

  let session;
  try {
    const answer = await fetch('/playground/api/session', { headers: { accept: 'application/json' } });
    if (!answer.ok) throw new Error(String(answer.status));
    session = await answer.json();
  } catch {
    showProblem('The bot is not answering. Check it is running (npm start), then reload this page.');
    return;
  }

  const saved = window.localStorage.getItem('playground.persona');
  let chosen = session.personas.some((p) => p.key === saved) ? saved : session.personas[0].key;
  const list = document.getElementById('personas');
  for (const persona of session.personas) {
    const row = document.createElement('div');
    row.className = 'choice';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'persona';
    input.id = `persona-${persona.key}`;
    input.value = persona.key;
    input.checked = persona.key === chosen;
    input.addEventListener('change', () => {
      chosen = persona.key;
      window.localStorage.setItem('playground.persona', chosen);
      showPersona();
    });
    const label = document.createElement('label');
    label.htmlFor = input.id;
    const role = document.createElement('span');
    role.className = 'role';
    role.textContent = persona.roleLabel;
    label.append(role, persona.name);
    row.append(input, label);
    list.appendChild(row);
  }

  function currentPersona() {
    return session.personas.find((p) => p.key === chosen) ?? session.personas[0];
  }
  function showPersona() {
    const persona = currentPersona();
    status.textContent = `You are ${persona.name}, ${persona.roleLabel.toLowerCase()}.`;
    status.classList.remove('problem');
    document.body.dataset.persona = persona.key;
  }
  showPersona();

  document.getElementById('start-again').addEventListener('click', async () => {
    await fetch('/playground/api/reset', { method: 'POST', headers: { authorization: `Bearer ${session.token}` } });
    window.location.reload();
  });

  const directLine = window.WebChat.createDirectLine({
    domain: `${window.location.origin}/playground/directline`,
    token: session.token,
    webSocket: false,
    pollingInterval: 300,
  });

  // Every message the page sends says which persona sent it.
  const store = window.WebChat.createStore({}, () => (next) => (action) => {
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
      const activity = action.payload.activity;
      const channelData = { ...(activity.channelData || {}), persona: currentPersona().key };
      return next({ ...action, payload: { ...action.payload, activity: { ...activity, channelData } } });
    }
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') document.body.dataset.chat = 'connected';
    return next(action);
  });

  window.WebChat.renderWebChat(
    {
      directLine,
      store,
      userID: 'playground-user',
      locale: 'en-GB',
      styleOptions: {
        hideUploadButton: true,
        botAvatarInitials: 'PQ',
        userAvatarInitials: 'You',
        bubbleMaxWidth: 720,
        primaryFont: '"Segoe UI", Arial, sans-serif',
      },
    },
    document.getElementById('webchat'),
  );
})();
