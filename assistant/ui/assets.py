"""Static text of the page: theme fonts, CSS, the click-delegation script and example questions."""
from __future__ import annotations

# System fonts only: no web font is fetched, and Chinese renders with the installed Noto CJK fonts.
FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "system-ui", "sans-serif"]
MONO_FONTS = ["Noto Sans Mono CJK SC", "ui-monospace", "Consolas", "monospace"]

HEAD = """<meta name="robots" content="noindex">
<script>
document.documentElement.lang = "zh-CN";
/* Conversations live only in this browser's localStorage: an index of {id, title, n, updated} and one entry
   per conversation holding its JSON (assistant/ui/saved.py). Nothing of it is sent anywhere but this server. */
window.gz = (() => {
  const INDEX = 'gz-conversations', CURRENT = 'gz-current', PREFIX = 'gz-conv:', KEEP = 50;
  const read = () => { try { const v = JSON.parse(localStorage.getItem(INDEX) || '[]'); return Array.isArray(v) ? v : []; } catch (e) { return []; } };
  const write = (items) => { try { localStorage.setItem(INDEX, JSON.stringify(items)); } catch (e) {} };
  const api = {
    listEl: null, trigger: null, lastFocus: null,
    list: read,
    current: () => localStorage.getItem(CURRENT) || '',
    get: (id) => localStorage.getItem(PREFIX + id) || '[]',
    save(id, state) {
      if (!id) return;
      let turns = [];
      try { turns = JSON.parse(state || '[]'); } catch (e) {}
      localStorage.setItem(CURRENT, id);
      if (Array.isArray(turns) && turns.length) {
        const items = read().filter((x) => x && x.id !== id);
        items.unshift({id, title: String(turns[0].question || '').slice(0, 40), n: turns.length, updated: new Date().toISOString()});
        items.slice(KEEP).forEach((x) => localStorage.removeItem(PREFIX + x.id));
        try { localStorage.setItem(PREFIX + id, state); } catch (e) {}
        write(items.slice(0, KEEP));
      }
      api.render();
    },
    remove(id) {
      localStorage.removeItem(PREFIX + id);
      write(read().filter((x) => x && x.id !== id));
      if (api.current() === id) localStorage.removeItem(CURRENT);
      api.render();
    },
    render() {
      const el = api.listEl;
      if (!el) return;
      const items = read(), cur = api.current();
      const box = document.createElement('div');
      box.className = 'gz-hist';
      if (!items.length) {
        const p = document.createElement('p'); p.className = 'gz-hist-empty'; p.textContent = '暂无保存的对话。';
        box.appendChild(p);
      }
      const ul = document.createElement('ul');
      for (const it of items) {
        const li = document.createElement('li');
        const open = document.createElement('button');
        open.type = 'button'; open.className = 'gz-hist-open'; open.dataset.op = 'open'; open.dataset.id = it.id;
        if (it.id === cur) open.setAttribute('aria-current', 'true');
        open.textContent = it.title || '（无标题）';
        const meta = document.createElement('small');
        meta.textContent = `${String(it.updated || '').slice(0, 10)} · ${it.n || 0} 问`;
        open.appendChild(meta);
        const del = document.createElement('button');
        del.type = 'button'; del.className = 'gz-hist-del'; del.dataset.op = 'delete'; del.dataset.id = it.id;
        del.textContent = '删除'; del.setAttribute('aria-label', `删除对话：${it.title || ''}`);
        li.append(open, del);
        ul.appendChild(li);
      }
      box.appendChild(ul);
      const note = document.createElement('p'); note.className = 'gz-hist-note';
      note.textContent = '对话只保存在本浏览器中，不会上传。';
      box.appendChild(note);
      el.replaceChildren(box);
    },
    closeOverlays() {
      const modal = document.querySelector('#gz-document .gz-modal:not([hidden])');
      if (modal) { modal.hidden = true; document.body.classList.remove('gz-modal-open'); }
      else document.body.classList.remove('gz-ev-open');
      if (api.lastFocus && document.contains(api.lastFocus)) api.lastFocus.focus();
    },
  };
  return api;
})();
/* Enter sends, Shift+Enter is a newline (Gradio's own multi-line textbox would send on Shift+Enter: stop it).
   Keys pressed while an input method is composing Chinese never send. */
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && (document.body.classList.contains('gz-ev-open') || document.body.classList.contains('gz-modal-open'))) {
    window.gz.closeOverlays();
    return;
  }
  if (ev.key !== 'Enter' || ev.isComposing || ev.keyCode === 229) return;
  if (!(ev.target && ev.target.closest && ev.target.closest('#gz-question textarea'))) return;
  ev.stopImmediatePropagation();
  if (ev.shiftKey) return;  // the browser inserts the newline
  ev.preventDefault();
  const send = document.querySelector('#gz-send');
  if (send) send.click();
}, true);
document.addEventListener('keypress', (ev) => {
  if (ev.key === 'Enter' && ev.target && ev.target.closest && ev.target.closest('#gz-question textarea')) ev.stopImmediatePropagation();
}, true);
</script>"""

# Rules that depend on the body's state classes: Gradio prefixes the `css` argument with its container, which a
# body selector can never match, so these go into the head as they are.
GLOBAL_CSS = """<style>
.gradio-container { overflow: clip !important; }  /* clip, not hidden: the evidence column can then stick */
.gz-ev-bar { display: none; }
@media (max-width: 768px) {
  body:not(.gz-ev-open) #gz-evidence-col { display: none !important; }
  body.gz-ev-open #gz-evidence-col { position: fixed !important; inset: 0; z-index: 900; margin: 0; max-width: none;
    width: 100vw; height: 100vh; overflow-y: auto; background: #ffffff; padding: 0.5rem; }
  body.gz-ev-open { overflow: hidden; }
  body.gz-ev-open .gz-ev-bar { display: block; position: sticky; top: 0; background: #ffffff; padding: 0.3rem 0; z-index: 1; }
  body.gz-ev-open .gz-ev-close { font-size: 1rem; padding: 0.4rem 0.9rem; }
  #gz-history-col { order: 3; }
}
body.gz-modal-open { overflow: hidden; }
</style>"""

# Shared by the panels: buttons carry data-action (sent to Python), data-copy or data-close.
ACTION_JS = """
element.addEventListener('click', (ev) => {
  const el = ev.target.closest('[data-action],[data-copy],[data-close]');
  if (!el || !element.contains(el)) return;
  ev.preventDefault();
  if (el.hasAttribute('data-close')) { window.gz.closeOverlays(); return; }
  if (el.hasAttribute('data-copy')) {
    const text = el.getAttribute('data-copy');
    const label = el.dataset.label || el.textContent;
    el.dataset.label = label;
    const done = () => { el.textContent = '已复制'; setTimeout(() => { el.textContent = label; }, 1500); };
    const fallback = () => {
      const ta = document.createElement('textarea');
      ta.value = text; ta.style.position = 'fixed'; ta.style.opacity = '0';
      document.body.appendChild(ta); ta.select();
      try { document.execCommand('copy'); } finally { ta.remove(); }
      done();
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
    return;
  }
  window.gz.lastFocus = el;
  trigger('click', {action: el.getAttribute('data-action')});
});
"""

CONVERSATION_JS = ACTION_JS + """
watch('value', () => {
  // The newest question at the top of the chat box, so its answer is read from the start.
  const chat = element.querySelector('.gz-chat');
  const asked = element.querySelectorAll('.gz-chat .gz-user');
  if (chat && asked.length) chat.scrollTop = asked[asked.length - 1].offsetTop - 4;
  const st = element.querySelector('.gz-state');
  if (st) window.gz.save(st.dataset.conv, st.dataset.state);
});
"""

# A new clause in the evidence panel: on a narrow screen the panel opens as an overlay where the user looks.
EVIDENCE_JS = ACTION_JS + """
watch('value', () => {
  if (!element.querySelector('.gz-evidence[data-clause]')) { document.body.classList.remove('gz-ev-open'); return; }
  document.body.classList.add('gz-ev-open');
  const col = document.querySelector('#gz-evidence-col');
  if (!col) return;
  if (!window.matchMedia('(max-width: 768px)').matches) {
    // Desktop: the panel never reaches below the window, so its own scrolling can bring the quote into view.
    const top = Math.max(col.getBoundingClientRect().top, 8);
    col.style.maxHeight = `${Math.max(window.innerHeight - top - 8, 240)}px`;
  }
  col.scrollTop = 0;
  const target = element.querySelector('mark') || element.querySelector('.gz-clause');
  if (target) {
    const r = target.getBoundingClientRect(), c = col.getBoundingClientRect();
    const bottom = Math.min(c.bottom, window.innerHeight);
    // Scroll just enough to show the whole quote, never past its first line (which stays below the bar).
    if (r.bottom > bottom) col.scrollTop += Math.min(r.bottom - bottom + 16, r.top - c.top - 70);
  }
  if (window.matchMedia('(max-width: 768px)').matches) {
    const close = element.querySelector('.gz-ev-close');
    if (close) close.focus({preventScroll: true});
  }
});
"""

# The full document opens in a dialog over the page; the page behind it does not move.
DOCUMENT_JS = ACTION_JS + """
const place = (target) => {
  const doc = element.querySelector('.gz-doc');
  if (doc && target) doc.scrollTop = Math.max(0, target.offsetTop - doc.clientHeight / 4);
};
element.addEventListener('click', (ev) => {
  const a = ev.target.closest('[data-jump]');
  if (!a) return;
  ev.preventDefault();
  const target = element.querySelector('#gz-clause-' + a.dataset.jump);
  place(target);
  if (target) { target.setAttribute('tabindex', '-1'); target.focus({preventScroll: true}); }
});
watch('value', () => {
  const modal = element.querySelector('.gz-modal');
  if (!modal) { document.body.classList.remove('gz-modal-open'); return; }
  modal.hidden = false;
  document.body.classList.add('gz-modal-open');
  place(element.querySelector('.gz-focus'));
  const close = element.querySelector('.gz-doc-close');
  if (close) close.focus({preventScroll: true});
});
"""

HISTORY_JS = """
window.gz.listEl = element;
window.gz.render();
element.addEventListener('click', (ev) => {
  const b = ev.target.closest('button[data-id]');
  if (!b) return;
  const id = b.dataset.id;
  if (b.dataset.op === 'open') { trigger('click', {action: 'restore', id: id, state: window.gz.get(id)}); return; }
  const current = window.gz.current();
  window.gz.remove(id);
  if (id === current) trigger('click', {action: 'new'});
});
const current = window.gz.current();
if (current && window.gz.get(current) !== '[]') {
  setTimeout(() => trigger('click', {action: 'restore', id: current, state: window.gz.get(current)}), 50);
}
"""

# The document list filters in the page: no round trip per keystroke.
DOCS_JS = ACTION_JS + """
const apply = () => {
  const q = (element.querySelector('.gz-docs-q') || {}).value || '';
  const kind = (element.querySelector('.gz-docs-kind') || {}).value || '';
  const ended = (element.querySelector('.gz-docs-valid') || {}).checked;
  const words = q.toLowerCase().split(/\\s+/).filter(Boolean);
  let shown = 0, total = 0;
  element.querySelectorAll('tbody tr[data-search]').forEach((tr) => {
    total += 1;
    const text = tr.dataset.search.toLowerCase();
    const ok = words.every((w) => text.includes(w)) && (!kind || tr.dataset.kind === kind) && !(ended && tr.dataset.ended === '1');
    tr.hidden = !ok;
    if (ok) shown += 1;
  });
  const count = element.querySelector('.gz-docs-count');
  if (count) count.textContent = `显示 ${shown} / ${total} 份`;
  const none = element.querySelector('.gz-docs-none');
  if (none) none.hidden = shown > 0;
};
element.addEventListener('input', apply);
element.addEventListener('change', apply);
watch('value', apply);
apply();
"""

CSS = """
.gz-title h1 { font-size: 1.6rem; margin: 0.2rem 0; }
.gz-title p, .gz-coverage { color: #374151; margin: 0.1rem 0; }
.gz-coverage { font-size: 0.92em; }
.gz-empty { color: #4b5563; padding: 1rem; }
.gz-chat { position: relative; display: flex; flex-direction: column; gap: 0.6rem; max-height: 62vh; overflow-y: auto; padding: 0.3rem; }
.gz-msg { display: flex; gap: 0.5rem; flex-wrap: wrap; padding: 0.6rem 0.8rem; border-radius: 8px; line-height: 1.7; }
.gz-msg .gz-who { font-weight: 600; min-width: 1.5rem; }
.gz-msg .gz-text { flex: 1; min-width: 0; white-space: normal; word-break: break-word; }
.gz-user { background: #eef2ff; color: #111827; }
.gz-bot { background: #f9fafb; color: #111827; border: 1px solid #d1d5db; }
.gz-abstained .gz-text, .gz-hint .gz-text { color: #374151; }
.gz-error .gz-text { color: #b91c1c; }
.gz-pending .gz-text { font-style: italic; }
.gz-direct { margin-bottom: 0.3rem; font-size: 1.05em; }
.gz-filter-note { flex-basis: 100%; padding-left: 2rem; color: #92400e; }
.gz-sources, .gz-tools { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; padding-left: 2rem; }
.gz-label { color: #374151; }
.cite-chip { display: inline-block; margin: 0 0.15rem; padding: 0 0.45rem; border-radius: 999px; font-size: 0.85em;
  border: 1px solid #1d4ed8; background: #eff6ff; color: #1e3a8a; cursor: pointer; line-height: 1.6; text-align: left; }
.cite-chip:hover { background: #1e3a8a; color: #ffffff; }
.cite-chip.gz-active { background: #1e3a8a; color: #ffffff; }
.gz-badge { display: inline-block; margin-left: 0.3rem; padding: 0 0.35rem; border-radius: 4px; font-size: 0.85em;
  background: #f3f4f6; color: #1f2937; border: 1px solid #9ca3af; }
.gz-badge.gz-ended { background: #fee2e2; color: #991b1b; border-color: #991b1b; }
.gz-tools button, .gz-open-doc, .gz-close, .gz-ask-clause, .gz-tag-x, .gz-hist button, .gz-doc-link {
  font-size: 0.85em; padding: 0.1rem 0.6rem; border-radius: 6px; cursor: pointer;
  border: 1px solid #6b7280; background: #ffffff; color: #111827; }
.gz-tools .gz-fb.gz-selected { background: #1e3a8a; color: #ffffff; border-color: #1e3a8a; font-weight: 600; }
.gz-doc-link { border: none; background: none; color: #1e3a8a; text-decoration: underline; padding: 0; text-align: left; font-size: 1em; }
#gz-chat-row button:focus-visible, #gz-evidence-col button:focus-visible, #gz-document button:focus-visible,
#gz-document a:focus-visible, #gz-docs button:focus-visible, #gz-docs input:focus-visible, #gz-docs select:focus-visible,
.gz-doc-clause:focus-visible, button:focus-visible, textarea:focus-visible, input:focus-visible {
  outline: 3px solid #b45309; outline-offset: 2px; }
.gz-tags { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.gz-tag { display: inline-flex; gap: 0.3rem; align-items: center; padding: 0.1rem 0.2rem 0.1rem 0.6rem; border-radius: 999px;
  background: #fef3c7; color: #78350f; border: 1px solid #b45309; font-size: 0.9em; }
.gz-tag-x { border-radius: 999px; padding: 0 0.45rem; line-height: 1.4; }
.gz-notice { padding: 0.3rem 0.6rem; border-radius: 6px; background: #fef3c7; color: #78350f; }
.gz-notice.gz-ok { background: #dcfce7; color: #14532d; }
.gz-evidence { padding: 0.5rem; }
@media (max-width: 768px) { .gz-sources, .gz-tools, .gz-filter-note { padding-left: 0; } }
.gz-ev-title { font-weight: 600; font-size: 1.05rem; margin-bottom: 0.4rem; }
.gz-meta th { text-align: left; white-space: nowrap; padding-right: 0.8rem; color: #4b5563; font-weight: normal; }
.gz-meta td, .gz-meta th { border: none; padding: 0.1rem 0.4rem 0.1rem 0; vertical-align: top; }
.gz-clause { margin: 0.6rem 0; padding: 0.5rem 0.8rem; border-left: 4px solid #1d4ed8; line-height: 1.8; }
.gz-heading { font-weight: 600; margin-top: 0.4rem; }
mark { background: #fde68a; color: #111827; padding: 0 1px; }
/* A column of limited height would wrap its blocks into a second column: keep them stacked. */
#gz-evidence-col { flex-wrap: nowrap !important; }
#gz-evidence-col > * { flex-shrink: 0; }
@media (min-width: 769px) {
  #gz-evidence-col { position: sticky; top: 0.5rem; align-self: flex-start; max-height: calc(100vh - 1rem); overflow-y: auto; }
}
.gz-modal[hidden] { display: none; }
.gz-modal { position: fixed; inset: 0; z-index: 1000; background: rgba(17, 24, 39, 0.55); display: flex;
  align-items: center; justify-content: center; padding: 2vh 2vw; }
.gz-modal-box { background: #ffffff; color: #111827; border-radius: 10px; width: min(1100px, 96vw); height: 94vh;
  display: flex; flex-direction: column; overflow: hidden; box-shadow: 0 10px 30px rgba(0, 0, 0, 0.3); }
.gz-modal-head { padding: 0.6rem 0.9rem; border-bottom: 1px solid #d1d5db; position: relative; padding-right: 5rem; }
.gz-doc-close { position: absolute; right: 0.8rem; top: 0.6rem; font-size: 1rem !important; }
.gz-modal-body { flex: 1; min-height: 0; display: flex; }
.gz-outline { width: 15rem; flex: none; overflow-y: auto; border-right: 1px solid #d1d5db; padding: 0.5rem; font-size: 0.9em; }
.gz-outline ul { list-style: none; margin: 0; padding: 0; }
.gz-outline li { margin: 0.15rem 0; }
.gz-outline li.gz-depth-2 { margin-left: 1rem; }
.gz-outline a { color: #1e3a8a; }
.gz-outline-title { font-weight: 600; }
.gz-doc { flex: 1; min-width: 0; overflow-y: auto; padding: 0.5rem 0.9rem; position: relative; }
.gz-doc-title { font-weight: 600; font-size: 1.05rem; }
.gz-doc-meta { color: #4b5563; }
.gz-doc-clause { padding: 0.3rem 0.5rem; border-radius: 6px; line-height: 1.7; }
.gz-doc-clause .gz-ask-clause { margin-left: 0.5rem; font-size: 0.8em; }
.gz-depth-2 { margin-left: 1rem; } .gz-depth-3 { margin-left: 2rem; } .gz-depth-4 { margin-left: 3rem; }
.gz-doc-label { font-weight: 600; }
.gz-focus { background: #fef9c3; outline: 2px solid #b45309; }
@media (max-width: 768px) {
  .gz-modal { padding: 0; }
  .gz-modal-box { width: 100vw; height: 100vh; border-radius: 0; }
  .gz-outline { display: none; }
}
.gz-hist ul { list-style: none; margin: 0; padding: 0; }
.gz-hist li { display: flex; gap: 0.3rem; align-items: flex-start; margin-bottom: 0.3rem; }
.gz-hist .gz-hist-open { flex: 1; min-width: 0; text-align: left; overflow-wrap: anywhere; }
.gz-hist .gz-hist-open[aria-current] { border-color: #1e3a8a; font-weight: 600; }
.gz-hist small { display: block; color: #4b5563; font-weight: normal; }
.gz-hist-empty, .gz-hist-note { color: #4b5563; font-size: 0.85em; margin: 0.2rem 0; }
#gz-eval-set input { padding-right: 2.2rem; text-overflow: ellipsis; }
.gz-docs-controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.5rem; }
.gz-docs-controls input[type=search] { flex: 1; min-width: 12rem; padding: 0.3rem 0.5rem; border: 1px solid #6b7280; border-radius: 6px; }
.gz-docs-controls select { padding: 0.3rem 1.8rem 0.3rem 0.4rem; border: 1px solid #6b7280; border-radius: 6px; }
.gz-table-wrap { max-height: 70vh; overflow: auto; }
.gz-table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
.gz-table th, .gz-table td { border: 1px solid #d1d5db; padding: 0.25rem 0.4rem; vertical-align: top; text-align: left; }
.gz-table .gz-narrow, .gz-docs td:not(:nth-child(2)), .gz-docs th { white-space: nowrap; }
.gz-table .gz-wide { min-width: 14rem; }
.gz-docs td:nth-child(2) { min-width: 16rem; }
.gz-table tr.fail td { background: #fef2f2; }
.gz-metrics { display: flex; flex-wrap: wrap; gap: 0.8rem; }
.gz-metric { border: 1px solid #d1d5db; border-radius: 8px; padding: 0.4rem 0.8rem; }
.gz-metric b { display: block; font-size: 1.2rem; }
.gz-progress { display: flex; gap: 0.6rem; align-items: center; min-height: 1.6rem; }
.gz-progress progress { width: 12rem; }
"""

EXAMPLES = {
    "居民": [
        "社会办医疗机构的水电价格和公立医院一样吗？",
        "温州今年要制定养犬管理条例吗？",
        "住房公积金建缴人数增长了多少？",
    ],
    "诊所经营者": [
        "开诊所有什么补贴？",
        "个体诊所设置有数量限制吗？",
        "社会办医疗机构采购医用设备有补助吗？",
        "社会办医疗机构能纳入医保定点吗？",
    ],
    "工作人员": [
        "到2021年智能装备产业总产值目标是多少？",
        "温政办〔2019〕49号 三、（九）规定了什么？",
        "特殊工时审批清单式改革试点适用于哪些企业？",
    ],
}
