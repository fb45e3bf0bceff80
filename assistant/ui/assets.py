"""Static text of the page: theme fonts, CSS, the click-delegation script and example questions."""
from __future__ import annotations

# System fonts only: no web font is fetched, and Chinese renders with the installed Noto CJK fonts.
FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "system-ui", "sans-serif"]
MONO_FONTS = ["Noto Sans Mono CJK SC", "ui-monospace", "Consolas", "monospace"]

HEAD = """<meta name="robots" content="noindex">
<script>document.documentElement.lang = "zh-CN";</script>"""

# Shared by the conversation and evidence panels: buttons carry data-action (sent to Python) or data-copy.
ACTION_JS = """
element.addEventListener('click', (ev) => {
  const el = ev.target.closest('[data-action],[data-copy]');
  if (!el || !element.contains(el)) return;
  ev.preventDefault();
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
  trigger('click', {action: el.getAttribute('data-action')});
});
"""

CONVERSATION_JS = ACTION_JS + """
watch('value', () => {
  const msgs = element.querySelectorAll('.gz-msg');
  if (msgs.length) msgs[msgs.length - 1].scrollIntoView({block: 'nearest'});
});
"""

DOCUMENT_JS = """
watch('value', () => {
  const f = element.querySelector('.gz-focus');
  if (f) f.scrollIntoView({block: 'center'});
});
"""

CSS = """
.gz-title h1 { font-size: 1.6rem; margin: 0.2rem 0; }
.gz-title p { color: var(--body-text-color-subdued); margin: 0; }
.gz-empty { color: var(--body-text-color-subdued); padding: 1rem; }
.gz-chat { display: flex; flex-direction: column; gap: 0.6rem; max-height: 60vh; overflow-y: auto; padding: 0.3rem; }
.gz-msg { display: flex; gap: 0.5rem; flex-wrap: wrap; padding: 0.6rem 0.8rem; border-radius: 8px; line-height: 1.7; }
.gz-msg .gz-who { font-weight: 600; min-width: 1.5rem; }
.gz-msg .gz-text { flex: 1; min-width: 0; white-space: normal; word-break: break-word; }
.gz-user { background: var(--color-accent-soft); }
.gz-bot { background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); }
.gz-abstained .gz-text { color: var(--body-text-color-subdued); }
.gz-error .gz-text { color: #b91c1c; }
.gz-pending .gz-text { font-style: italic; }
.gz-sources, .gz-tools { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; padding-left: 2rem; }
.cite-chip { display: inline-block; margin: 0 0.15rem; padding: 0 0.45rem; border-radius: 999px; font-size: 0.85em;
  border: 1px solid var(--color-accent); background: var(--background-fill-primary); color: var(--color-accent);
  cursor: pointer; line-height: 1.6; }
.cite-chip:hover, .cite-chip:focus { background: var(--color-accent); color: white; }
.gz-tools button, .gz-open-doc { font-size: 0.85em; padding: 0.1rem 0.6rem; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-primary); }
.gz-evidence { padding: 0.5rem; }
.gz-ev-title { font-weight: 600; font-size: 1.05rem; margin-bottom: 0.4rem; }
.gz-meta th { text-align: left; white-space: nowrap; padding-right: 0.8rem; color: var(--body-text-color-subdued); font-weight: normal; }
.gz-meta td, .gz-meta th { border: none; padding: 0.1rem 0.4rem 0.1rem 0; vertical-align: top; }
.gz-clause { margin: 0.6rem 0; padding: 0.5rem 0.8rem; border-left: 4px solid var(--color-accent); line-height: 1.8; }
.gz-heading { font-weight: 600; margin-top: 0.4rem; }
mark { background: #fde68a; color: inherit; padding: 0 1px; }
.gz-doc { max-height: 60vh; overflow-y: auto; padding: 0.5rem; border: 1px solid var(--border-color-primary); border-radius: 8px; }
.gz-doc-title { font-weight: 600; font-size: 1.05rem; }
.gz-doc-meta { color: var(--body-text-color-subdued); margin-bottom: 0.5rem; }
.gz-doc-clause { padding: 0.3rem 0.5rem; border-radius: 6px; line-height: 1.7; }
.gz-depth-2 { margin-left: 1rem; } .gz-depth-3 { margin-left: 2rem; } .gz-depth-4 { margin-left: 3rem; }
.gz-doc-label { font-weight: 600; }
.gz-focus { background: #fef9c3; outline: 2px solid #f59e0b; }
.gz-table-wrap { max-height: 60vh; overflow: auto; }
.gz-table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
.gz-table th, .gz-table td { border: 1px solid var(--border-color-primary); padding: 0.25rem 0.4rem; vertical-align: top; text-align: left; }
.gz-table tr.fail td { background: #fef2f2; }
.gz-metrics { display: flex; flex-wrap: wrap; gap: 0.8rem; }
.gz-metric { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 0.4rem 0.8rem; }
.gz-metric b { display: block; font-size: 1.2rem; }
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
