// The accessibility check of internal/browsertest: returns a list of problems.
(() => {
  const problems = [];
  const name = el => "<" + el.tagName.toLowerCase() + (el.id ? " id=" + el.id : "") + (el.name ? " name=" + el.name : "") + ">";
  if (!document.documentElement.getAttribute("lang")) problems.push("html has no lang");
  const mains = document.querySelectorAll("main, [role=main]");
  if (mains.length !== 1) problems.push("main landmarks: " + mains.length + ", want 1");
  for (const el of document.querySelectorAll("input, select, textarea")) {
    const type = (el.getAttribute("type") || "").toLowerCase();
    if (type === "hidden" || type === "submit" || type === "button") continue;
    const labelled = (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')) || el.closest("label") ||
      el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!labelled) problems.push(name(el) + " has no label");
  }
  for (const img of document.querySelectorAll("img")) {
    if (!img.hasAttribute("alt")) problems.push(name(img) + " " + img.src + " has no alt");
  }
  // Contrast: the text colour against the first opaque background up the tree.
  const rgba = s => { const m = s.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const blend = (top, bottom) => { const a = top[3]; return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1]; };
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    for (const c of layers.reverse()) bg = blend(c, bg);
    return bg;
  };
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    const st = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (st.visibility === "hidden" || st.display === "none" || r.width === 0 || r.height === 0 || r.right < 0) continue;
    const fg = rgba(st.color);
    if (!fg) continue;
    const bg = background(el);
    const l1 = lum(blend(fg, bg)), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) problems.push(name(el) + ' "' + n.textContent.trim().slice(0, 30) + '" contrast ' + ratio.toFixed(2) + ":1, want ≥ 4.5:1");
  }
  return problems;
})()
