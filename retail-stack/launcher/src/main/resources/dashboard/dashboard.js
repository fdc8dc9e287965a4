// Copyright 2026 The retail-stream authors. Licensed under the Apache License, Version 2.0.
//
// The page takes the whole state from /api/state at load, then each new state from the server-sent
// events of /api/events. What the reader chose (categories hidden from the chart) is kept in
// localStorage and the scroll position in sessionStorage, so a reload comes back where it was.
'use strict';

const HIDDEN_KEY = 'retail-stream.dashboard.hidden-categories';
const SCROLL_KEY = 'retail-stream.dashboard.scroll';
const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf'];

const hidden = new Set(JSON.parse(localStorage.getItem(HIDDEN_KEY) || '[]'));
let chart = null;
let shownCategories = '';
let latestRevenue = null;
let shownVersion = -1;
let scrollRestored = false;

function el(tag, text, attributes) {
  const element = document.createElement(tag);
  if (text !== undefined && text !== null) element.textContent = String(text);
  Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
  return element;
}

function row(cells) {
  const tr = document.createElement('tr');
  cells.forEach(cell => tr.appendChild(cell));
  return tr;
}

function fill(tbodySelector, rows) {
  document.querySelector(tbodySelector).replaceChildren(...rows);
}

function money(amount, currency) {
  if (amount === null || amount === undefined) return '–';
  try {
    return new Intl.NumberFormat('en', {style: 'currency', currency}).format(Number(amount));
  } catch (unknownCurrency) {
    return amount + ' ' + currency;
  }
}

function utcTime(epochMillis) {
  return new Date(epochMillis).toISOString().slice(11, 16);
}

function utcDateTime(epochMillis) {
  return new Date(epochMillis).toISOString().slice(0, 19).replace('T', ' ');
}

function moneyCell(amount, currency) {
  const attributes = {class: 'num'};
  if (amount !== null && amount !== undefined) attributes['data-value'] = amount;
  return el('td', money(amount, currency), attributes);
}

function renderRevenue(revenue) {
  latestRevenue = revenue;
  const categories = Object.keys(revenue.byCategory);
  // Rebuilt only when the categories change, so a box is not replaced under the reader's click.
  if (categories.join('\u0000') !== shownCategories) {
    shownCategories = categories.join('\u0000');
    renderToggles(categories);
  }
  drawChart(revenue);
  renderLatestWindows(revenue);
}

function renderToggles(categories) {
  document.getElementById('category-toggles').replaceChildren(...categories.map(category => {
    const box = el('input', null, {type: 'checkbox', 'data-category': category});
    box.checked = !hidden.has(category);
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(category); else hidden.add(category);
      localStorage.setItem(HIDDEN_KEY, JSON.stringify([...hidden]));
      drawChart(latestRevenue);
    });
    const label = el('label');
    label.append(box, ' ' + category);
    return label;
  }));
}

function renderLatestWindows(revenue) {
  fill('#revenue-latest tbody', revenue.latest.map(window => {
    const tr = row([
      el('td', window.category),
      el('td', utcTime(window.windowStart) + '–' + utcTime(window.windowEnd)),
      moneyCell(window.revenue, window.currency),
      el('td', window.orders, {class: 'num'}),
      el('td', window.units, {class: 'num'})]);
    tr.dataset.category = window.category;
    tr.dataset.windowStart = window.windowStart;
    tr.dataset.currency = window.currency;
    return tr;
  }));
}

function drawChart(revenue) {
  if (typeof Chart === 'undefined') return;
  const labels = revenue.windowStarts.map(utcTime);
  const datasets = Object.entries(revenue.byCategory).map(([category, windows], index) => {
    const byStart = new Map(windows.map(window => [window.windowStart, Number(window.revenue)]));
    return {
      label: category,
      data: revenue.windowStarts.map(start => byStart.has(start) ? byStart.get(start) : null),
      borderColor: COLOURS[index % COLOURS.length],
      backgroundColor: COLOURS[index % COLOURS.length],
      hidden: hidden.has(category),
      spanGaps: true,
    };
  });
  const currency = revenue.latest.length ? revenue.latest[0].currency : '';
  if (chart === null) {
    chart = new Chart(document.getElementById('revenue-chart'), {
      type: 'line',
      data: {labels, datasets},
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: {legend: {display: false}},
        scales: {y: {beginAtZero: true, title: {display: true, text: 'revenue ' + currency}}},
      },
    });
  } else {
    chart.data.labels = labels;
    chart.data.datasets = datasets;
    chart.options.scales.y.title.text = 'revenue ' + currency;
    chart.update();
  }
}

function renderAlerts(prefix, feed, cells) {
  document.getElementById(prefix + '-total').textContent = feed.total;
  document.getElementById(prefix + '-rate').textContent = feed.perMinute.toFixed(1);
  fill('#' + prefix + '-latest tbody', feed.newest.map(alert => row(cells(alert))));
}

function renderPrices(prices) {
  fill('#prices-latest tbody', prices.map(price => {
    const tr = row([
      el('td', price.sku),
      moneyCell(price.lowestCompetitorPrice, price.currency),
      moneyCell(price.currentPrice, price.currency),
      moneyCell(price.recommendedPrice, price.currency),
      el('td', price.rules.join(', ')),
      el('td', price.weather || '–'),
      el('td', price.reason, {class: 'why'})]);
    tr.dataset.sku = price.sku;
    return tr;
  }));
}

function renderPos(terminals) {
  const stores = new Map();
  terminals.forEach(terminal => {
    if (!stores.has(terminal.store)) stores.set(terminal.store, []);
    stores.get(terminal.store).push(terminal);
  });
  document.getElementById('pos-grid').replaceChildren(...[...stores].map(([store, ofStore]) => {
    const line = el('div', null, {class: 'store', 'data-store': store});
    line.appendChild(el('span', 'store ' + store));
    ofStore.forEach(terminal => line.appendChild(el('span', terminal.terminal + ' ' + terminal.status, {
      class: 'terminal',
      'data-store': terminal.store,
      'data-terminal': terminal.terminal,
      'data-status': terminal.status,
      title: terminal.reason + ' (window from ' + utcDateTime(terminal.windowStart) + ' UTC, '
        + terminal.lines + ' lines, ' + terminal.errors + ' errors)',
    })));
    return line;
  }));
}

function renderSessions(sessions) {
  document.getElementById('sessions-count').textContent = sessions.sessions;
  document.getElementById('sessions-mean').textContent = (sessions.meanDurationMs / 1000).toFixed(1) + ' s';
  document.getElementById('sessions-conversion').textContent = sessions.conversionPercent.toFixed(1) + '%';
}

function renderPipeline(pipeline) {
  const uptime = pipeline.uptimeSeconds;
  document.getElementById('uptime').textContent = 'up ' + Math.floor(uptime / 60) + ' min ' + (uptime % 60) + ' s';
  document.getElementById('links').replaceChildren(...Object.entries(pipeline.links).map(([name, url]) =>
    el('a', name, {href: url, target: '_blank', rel: 'noopener'})));
  fill('#topics tbody', pipeline.topics.map(topic => {
    const tr = row([
      el('td', topic.topic),
      el('td', topic.records, {class: 'num'}),
      el('td', topic.perSecond.toFixed(0), {class: 'num'}),
      el('td', topic.deadLetters, {class: 'num'}),
      el('td', topic.latestError || '', {class: 'why error'})]);
    tr.dataset.topic = topic.topic;
    return tr;
  }));
  fill('#jobs tbody', pipeline.jobs.map(job => {
    const tr = row([
      el('td', job.job),
      el('td', job.state),
      el('td', job.output),
      el('td', job.outputRecords, {class: 'num'}),
      el('td', job.lag < 0 ? '-' : job.lag, {class: 'num'})]);
    tr.dataset.job = job.job;
    return tr;
  }));
}

function render(state) {
  // The load's fetch and the first event may cross: never go back to an older state.
  if (state.version < shownVersion) return;
  shownVersion = state.version;
  renderRevenue(state.revenue);
  renderAlerts('carts', state.abandonedCarts, cart => [
    el('td', cart.user), moneyCell(cart.value, cart.currency), el('td', cart.items, {class: 'num'}),
    el('td', utcDateTime(cart.lastActivityAt))]);
  renderAlerts('fraud', state.fraudAlerts, alert => [
    el('td', alert.user), el('td', alert.pattern), el('td', alert.country), moneyCell(alert.amount, alert.currency)]);
  renderPrices(state.prices);
  renderPos(state.posHealth);
  renderSessions(state.sessions);
  renderPipeline(state.pipeline);
  document.body.dataset.version = state.version;
  if (!scrollRestored) {
    scrollRestored = true;
    window.scrollTo(0, Number(sessionStorage.getItem(SCROLL_KEY) || 0));
  }
}

function connect() {
  const connection = document.getElementById('connection');
  const events = new EventSource('/api/events');
  events.addEventListener('state', event => render(JSON.parse(event.data)));
  events.onopen = () => { connection.dataset.state = 'live'; connection.textContent = 'live'; };
  // EventSource reconnects by itself; the page says so meanwhile and keeps what it shows.
  events.onerror = () => { connection.dataset.state = 'reconnecting'; connection.textContent = 'reconnecting'; };
}

history.scrollRestoration = 'manual';
window.addEventListener('pagehide', () => sessionStorage.setItem(SCROLL_KEY, String(window.scrollY)));
fetch('/api/state').then(response => response.json()).then(render).catch(() => {}).finally(connect);
