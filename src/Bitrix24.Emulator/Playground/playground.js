// The emulator's playground: polls the /_emulator JSON views and lets a developer act as an open line's customer.
// Every text from the state is put in the page with textContent (never parsed as HTML): customers and bots write
// whatever they like, and it must show as text. Links are shown only for http and https.
(function () {
  'use strict';

  var POLL_MS = 500;
  var DEFAULT_CHAT = 112;
  var LINES_EVERY = 10; // lines change rarely (a bot connected): every 5 s is enough

  var state = {
    chats: [],
    chatsText: null,
    chatText: null,
    linesText: null,
    chatId: null,
    loaded: false,
    busy: false,
    again: false,
    messageCount: -1,
    pollNotice: false,
    rounds: 0
  };

  function byId(id) { return document.getElementById(id); }

  // An element with a class, a data-testid and children (strings become text nodes).
  function el(tag, className, testId, children) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (testId) { node.setAttribute('data-testid', testId); }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function text(value) {
    if (value === null || value === undefined) { return ''; }
    return typeof value === 'string' ? value : (typeof value === 'object' ? JSON.stringify(value) : String(value));
  }

  // The URL when it is http or https (relative ones resolve against the emulator), else null.
  function safeUrl(value) {
    if (typeof value !== 'string' || value.trim() === '') { return null; }
    try {
      var url = new URL(value.trim(), document.baseURI);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(href, label, className, testId) {
    var a = el('a', className, testId, [label]);
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  // A JSON list, or a PHP-style object whose keys are 0, 1, 2, ... (as a form body may have sent it).
  function asList(value) {
    if (Array.isArray(value)) { return value; }
    if (value && typeof value === 'object') {
      var keys = Object.keys(value);
      if (keys.length > 0 && keys.every(function (k) { return /^\d+$/.test(k); })) {
        return keys.sort(function (a, b) { return a - b; }).map(function (k) { return value[k]; });
      }
    }
    return null;
  }

  function isObject(value) { return value !== null && typeof value === 'object' && !Array.isArray(value); }

  function setNotice(message) { document.querySelector('[data-testid="notice"]').textContent = message || ''; }

  function two(n) { return n < 10 ? '0' + n : String(n); }

  function clock(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return ''; }
    return two(date.getHours()) + ':' + two(date.getMinutes()) + ':' + two(date.getSeconds());
  }

  async function api(method, path, body) {
    var init = { method: method, cache: 'no-store', headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    var response = await fetch(path, init);
    var raw = await response.text();
    var json = null;
    try { json = raw ? JSON.parse(raw) : null; } catch (e) { json = null; }
    return { status: response.status, ok: response.ok, text: raw, json: json };
  }

  function errorOf(answer) {
    return answer.json && typeof answer.json.error === 'string' ? answer.json.error : 'HTTP ' + answer.status;
  }

  // ---- Selection and the URL hash ----

  function hashChatId() {
    var match = /^#chat-(\d+)$/.exec(location.hash);
    return match ? Number(match[1]) : null;
  }

  function select(chatId) {
    if (state.chatId === chatId) { return; }
    state.chatId = chatId;
    state.chatText = null;
    state.messageCount = -1;
    if (chatId !== null && hashChatId() !== chatId) {
      history.replaceState(null, '', '#chat-' + chatId);
    }
    markSelected();
    refresh();
  }

  function chooseInitial() {
    var ids = state.chats.map(function (c) { return c.chatId; });
    var wanted = hashChatId();
    if (wanted !== null && ids.indexOf(wanted) >= 0) { return wanted; }
    if (ids.indexOf(DEFAULT_CHAT) >= 0) { return DEFAULT_CHAT; }
    return ids.length > 0 ? ids[0] : null;
  }

  // ---- Dialog list ----

  var KIND_LABELS = { bot: 'Bot', operator: 'Operator', queue: 'Queue' };

  function renderChatList() {
    var list = document.querySelector('[data-testid="chat-list"]');
    var items = state.chats.map(function (chat) {
      var badges = [el('span', 'badge badge-' + chat.ownerKind, null, [KIND_LABELS[chat.ownerKind] || text(chat.ownerKind)])];
      if (chat.status === 'Closed') { badges.push(el('span', 'badge badge-closed', null, ['Closed'])); }
      var button = el('button', 'chat-link', null, [
        el('div', 'chat-line1', null, [el('span', 'chat-customer', null, [text(chat.customer)])].concat(badges)),
        el('div', 'chat-last', null, [chat.lastMessage === null ? 'No messages yet' : text(chat.lastMessage)])
      ]);
      button.type = 'button';
      button.title = 'Chat ' + chat.chatId + ' · ' + text(chat.lineName);
      var item = el('li', 'chat-item', 'chat-item', [button]);
      item.setAttribute('data-chat-id', String(chat.chatId));
      item.addEventListener('click', function () { select(chat.chatId); });
      return item;
    });
    list.replaceChildren.apply(list, items);
    markSelected();
  }

  function markSelected() {
    document.querySelectorAll('[data-testid="chat-item"]').forEach(function (item) {
      if (Number(item.getAttribute('data-chat-id')) === state.chatId) {
        item.setAttribute('aria-current', 'true');
      } else {
        item.removeAttribute('aria-current');
      }
    });
  }

  // ---- Keyboards ----

  function keyboardButtons(keyboard) {
    if (isObject(keyboard) && asList(keyboard) === null) { return asList(keyboard.BUTTONS); }
    return asList(keyboard);
  }

  function renderKeyboard(chatId, message) {
    var buttons = keyboardButtons(message.keyboard);
    if (!buttons || buttons.length === 0) { return null; }
    var keyboard = el('div', 'keyboard', 'keyboard');
    var row = el('div', 'keyboard-row');
    var index = 0; // the place among the buttons, line breaks not counted, as the commands endpoint counts
    buttons.forEach(function (button) {
      if (!isObject(button)) { return; }
      if (text(button.TYPE) === 'NEWLINE') {
        if (row.childNodes.length > 0) { keyboard.appendChild(row); }
        row = el('div', 'keyboard-row');
        return;
      }
      row.appendChild(renderButton(chatId, message.id, button, index));
      index += 1;
    });
    if (row.childNodes.length > 0) { keyboard.appendChild(row); }
    return keyboard;
  }

  function renderButton(chatId, messageId, button, index) {
    var label = text(button.TEXT);
    var disabled = button.DISABLED === 'Y' || button.DISABLED === true;
    var href = safeUrl(button.LINK);
    if (!disabled && href) {
      return link(href, label, 'keyboard-button', 'keyboard-button');
    }
    var node = el('button', 'keyboard-button', 'keyboard-button', [label]);
    node.type = 'button';
    if (disabled) {
      node.disabled = true;
    } else if (text(button.COMMAND).trim() !== '') {
      node.title = 'Sends ' + text(button.COMMAND) + (button.COMMAND_PARAMS ? ' ' + text(button.COMMAND_PARAMS) : '') + ' to the bot';
      node.addEventListener('click', function () { press(chatId, messageId, index); });
    } else if (text(button.ACTION) === 'SEND' && text(button.ACTION_VALUE).trim() !== '') {
      node.title = 'Sends "' + text(button.ACTION_VALUE) + '" as your message';
      node.addEventListener('click', function () { send(chatId, text(button.ACTION_VALUE)); });
    } else {
      node.disabled = true;
      node.title = button.LINK ? 'Only http and https links are shown' : 'This button does nothing in the playground';
    }
    return node;
  }

  async function press(chatId, messageId, index) {
    try {
      var answer = await api('POST', 'chats/' + chatId + '/commands', { messageId: messageId, button: index });
      if (!answer.ok) {
        setNotice(errorOf(answer));
      } else if (answer.json && answer.json.delivered === false) {
        setNotice(text(answer.json.reason));
      } else {
        setNotice('');
      }
    } catch (e) {
      setNotice('The emulator did not answer: ' + e.message);
    }
    refresh();
  }

  // ---- Attachments ----

  function renderAttachment(attach) {
    var blocks = asList(attach);
    var color = null;
    if (blocks === null && isObject(attach)) {
      blocks = asList(attach.BLOCKS);
      color = typeof attach.COLOR === 'string' ? attach.COLOR : null;
    }
    if (!blocks) { return null; }
    var card = el('div', 'attachment', 'attachment');
    if (color && /^#[0-9a-fA-F]{3,8}$/.test(color)) { card.style.borderLeftColor = color; }
    blocks.forEach(function (block) { card.appendChild(renderBlock(block)); });
    return card;
  }

  function items(value) {
    var list = asList(value);
    return list !== null ? list : (isObject(value) ? [value] : []);
  }

  function linkOrText(href, label, className) {
    var url = safeUrl(href);
    return url ? link(url, label, className) : el('span', className, null, [label]);
  }

  function renderBlock(block) {
    if (!isObject(block)) { return el('pre', null, null, [JSON.stringify(block)]); }
    var keys = Object.keys(block);
    if (keys.length !== 1) { return el('pre', null, null, [JSON.stringify(block)]); }
    var value = block[keys[0]];
    switch (keys[0]) {
      case 'MESSAGE':
        return el('div', 'att-message', null, [text(value)]);
      case 'LINK': {
        var info = isObject(value) ? value : {};
        var label = text(info.NAME) || text(info.LINK) || 'link';
        return el('div', 'att-link', null, [
          linkOrText(info.LINK, label),
          info.DESC ? el('div', 'att-desc', null, [text(info.DESC)]) : null
        ]);
      }
      case 'USER':
        return el('div', 'att-user', null, ['User: ' + text(isObject(value) ? value.NAME : value)]);
      case 'IMAGE':
        return el('div', 'att-images', null, items(value).map(function (image) {
          var info = isObject(image) ? image : {};
          return el('div', 'att-image', null, ['Image: ', linkOrText(info.LINK, text(info.NAME) || 'image')]);
        }));
      case 'FILE':
        return el('div', 'att-files', null, items(value).map(function (file) {
          var info = isObject(file) ? file : {};
          return el('div', 'att-file', null, ['File: ', linkOrText(info.LINK, text(info.NAME) || 'file')]);
        }));
      case 'DELIMITER':
        return document.createElement('hr');
      case 'GRID':
        return el('div', 'att-grid', null, items(value).map(function (item) {
          var info = isObject(item) ? item : {};
          return el('div', 'att-grid-item', null, [el('span', 'att-grid-name', null, [text(info.NAME) + ': ']), text(info.VALUE)]);
        }));
      default:
        return el('pre', null, null, [JSON.stringify(block)]);
    }
  }

  // ---- The selected chat ----

  function renderMessage(chatId, message) {
    var kind = text(message.authorKind) || 'operator';
    var flags = [];
    if (message.system) { flags.push(el('span', 'message-flag', null, ['system'])); }
    if (message.edited && !message.deleted) { flags.push(el('span', 'message-flag', null, ['(edited)'])); }
    var node = el('li', 'message' + (message.system ? ' is-system' : '') + (message.deleted ? ' is-deleted' : ''), 'message', [
      el('div', 'message-meta', null, [
        el('span', 'message-author', 'message-author', [text(message.author)]),
        el('time', 'message-time', null, [clock(message.time)])
      ].concat(flags)),
      el('div', 'message-text', 'message-text', [message.deleted ? '(deleted)' : text(message.text)])
    ]);
    node.setAttribute('data-message-id', String(message.id));
    node.setAttribute('data-author-kind', kind);
    if (!message.deleted) {
      var keyboard = message.keyboard ? renderKeyboard(chatId, message) : null;
      var attachment = message.attach ? renderAttachment(message.attach) : null;
      if (attachment) { node.appendChild(attachment); }
      if (keyboard) { node.appendChild(keyboard); }
    }
    return node;
  }

  function renderChat(chat) {
    var transcript = document.querySelector('[data-testid="transcript"]');
    var nearBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
    var grew = chat !== null && chat.transcript.length !== state.messageCount;
    var scrollTop = transcript.scrollTop;

    if (chat === null) {
      byId('chat-title').textContent = 'No dialog selected';
      byId('chat-subtitle').textContent = 'Start one with the form on the left.';
      transcript.replaceChildren();
      renderSession(null);
      byId('composer-send').disabled = true;
      state.messageCount = -1;
      return;
    }

    byId('chat-title').textContent = text(chat.customer);
    byId('chat-subtitle').textContent = text(chat.lineName) + ' · ' + text(chat.dialogId);
    var nodes = chat.transcript.map(function (m) { return renderMessage(chat.chatId, m); });
    if (nodes.length === 0) { nodes = [el('li', 'empty', null, ['No messages yet: write the first one below.'])]; }
    transcript.replaceChildren.apply(transcript, nodes);
    transcript.scrollTop = grew || nearBottom ? transcript.scrollHeight : scrollTop;
    state.messageCount = chat.transcript.length;
    byId('composer-send').disabled = false;
    renderSession(chat);
  }

  function renderSession(chat) {
    var status = byId('session-status');
    var kind = byId('session-owner-kind');
    var members = byId('session-members');
    if (chat === null) {
      status.textContent = '–';
      status.setAttribute('data-status', '');
      byId('session-id').textContent = '–';
      kind.setAttribute('data-kind', '');
      byId('session-owner').textContent = '–';
      byId('session-bot-member').textContent = '–';
      members.replaceChildren();
      return;
    }
    status.textContent = text(chat.status);
    status.setAttribute('data-status', text(chat.status));
    byId('session-id').textContent = text(chat.sessionId);
    kind.setAttribute('data-kind', text(chat.ownerKind));
    kind.title = KIND_LABELS[chat.ownerKind] || '';
    byId('session-owner').textContent = (KIND_LABELS[chat.ownerKind] || text(chat.ownerKind)) + ': ' + text(chat.ownerName);
    byId('session-bot-member').textContent = chat.botIsMember ? 'yes' : 'no';
    members.replaceChildren.apply(members, (chat.memberNames || []).map(function (member) {
      var item = el('li', null, null, [text(member.name)]);
      if (member.isBot) { item.appendChild(el('span', 'badge badge-bot', null, ['bot'])); }
      if (member.id === chat.customerId) { item.appendChild(el('span', 'badge', null, ['customer'])); }
      return item;
    }));
  }

  // ---- Lines (for the new-dialog form) ----

  function renderLines(lines) {
    var select = byId('new-dialog-line');
    var previous = select.value;
    select.replaceChildren.apply(select, lines.map(function (line) {
      var option = el('option', null, null, [text(line.name) + ' (line ' + line.id + ')']);
      option.value = String(line.id);
      return option;
    }));
    var ids = lines.map(function (line) { return String(line.id); });
    select.value = ids.indexOf(previous) >= 0 ? previous : (ids.indexOf('1') >= 0 ? '1' : (ids[0] || ''));
    byId('new-dialog-line-label').hidden = lines.length <= 1;
  }

  // ---- Actions ----

  async function send(chatId, message) {
    try {
      var answer = await api('POST', 'chats/' + chatId + '/messages', { text: message });
      if (!answer.ok) {
        setNotice(errorOf(answer));
        return false;
      }
      setNotice('');
      return true;
    } catch (e) {
      setNotice('The emulator did not answer: ' + e.message);
      return false;
    } finally {
      refresh();
    }
  }

  async function submitComposer() {
    var input = byId('composer-input');
    var message = input.value;
    if (state.chatId === null) { setNotice('Select or start a dialog first.'); return; }
    if (message.trim() === '') { return; }
    var button = byId('composer-send');
    if (button.getAttribute('aria-busy') === 'true') { return; }
    button.setAttribute('aria-busy', 'true');
    try {
      if (await send(state.chatId, message) && input.value === message) { input.value = ''; }
    } finally {
      button.removeAttribute('aria-busy');
    }
  }

  async function submitNewDialog() {
    var name = byId('new-dialog-name');
    var first = byId('new-dialog-text');
    var lineId = byId('new-dialog-line').value || '1';
    var body = { customer: name.value };
    if (first.value.trim() !== '') { body.text = first.value; }
    try {
      var answer = await api('POST', 'lines/' + encodeURIComponent(lineId) + '/chats', body);
      if (answer.status !== 201 || !answer.json) {
        setNotice(errorOf(answer));
        return;
      }
      setNotice('');
      name.value = '';
      first.value = '';
      state.chatsText = null;
      select(answer.json.chatId);
    } catch (e) {
      setNotice('The emulator did not answer: ' + e.message);
    }
  }

  // ---- Polling ----

  async function poll() {
    var chats = await api('GET', 'chats');
    if (!chats.ok) { throw new Error(errorOf(chats)); }
    if (chats.text !== state.chatsText) {
      state.chatsText = chats.text;
      state.chats = Array.isArray(chats.json) ? chats.json : [];
      renderChatList();
    }

    if (!state.loaded || (state.chatId !== null && !state.chats.some(function (c) { return c.chatId === state.chatId; }))) {
      state.loaded = true;
      var initial = chooseInitial();
      if (initial !== state.chatId) {
        state.chatId = initial;
        state.chatText = null;
        state.messageCount = -1;
        if (initial !== null) { history.replaceState(null, '', '#chat-' + initial); }
        markSelected();
      }
    }

    state.rounds += 1;
    if (state.linesText === null || state.rounds % LINES_EVERY === 0) {
      var lines = await api('GET', 'lines');
      if (lines.ok && lines.text !== state.linesText) {
        state.linesText = lines.text;
        renderLines(Array.isArray(lines.json) ? lines.json : []);
      }
    }

    var chatId = state.chatId;
    if (chatId === null) {
      if (state.chatText !== '') { state.chatText = ''; renderChat(null); }
      return;
    }
    var chat = await api('GET', 'chats/' + chatId);
    if (chatId !== state.chatId) { return; } // the selection changed meanwhile; the next round shows it
    if (chat.ok && chat.text !== state.chatText) {
      state.chatText = chat.text;
      renderChat(chat.json);
    }
  }

  // Runs one poll now, or right after the one in flight.
  async function refresh() {
    if (state.busy) { state.again = true; return; }
    state.busy = true;
    try {
      do {
        state.again = false;
        await poll();
        if (state.pollNotice) { state.pollNotice = false; setNotice(''); }
      } while (state.again);
    } catch (e) {
      state.pollNotice = true;
      setNotice('The emulator does not answer: ' + e.message);
    } finally {
      state.busy = false;
    }
  }

  function loop() {
    refresh().finally(function () { setTimeout(loop, POLL_MS); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    byId('composer').addEventListener('submit', function (event) {
      event.preventDefault();
      submitComposer();
    });
    byId('composer-input').addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submitComposer();
      }
    });
    byId('new-dialog').addEventListener('submit', function (event) {
      event.preventDefault();
      submitNewDialog();
    });
    window.addEventListener('hashchange', function () {
      var wanted = hashChatId();
      if (wanted !== null) { select(wanted); }
    });
    loop();
  });
}());
