// ES5 on purpose, and a file rather than inline script (the page's Content-Security-Policy allows no inline
// script). Excel 2016/2019 bought outright run add-ins in Internet Explorer 11's engine (Trident) or old
// Edge's (EdgeHTML), which cannot run the pane (React 18, Fluent UI 9, ES2021): say so instead of showing an
// empty pane. Loaded at the end of <body>, before the (deferred) bundle; if the bundle does start, React
// replaces this text. Built with the DOM, not innerHTML: old Edge enforces CSP on inline style attributes.
(function () {
  var ua = navigator.userAgent;
  if (ua.indexOf('Trident/') === -1 && !/\bEdge\/\d/.test(ua)) return;
  var root = document.getElementById('root');
  if (!root) return;

  function paragraph(lang, bold, rest) {
    var p = document.createElement('p');
    if (lang) p.setAttribute('lang', lang);
    var b = document.createElement('b');
    b.appendChild(document.createTextNode(bold));
    p.appendChild(b);
    p.appendChild(document.createTextNode(rest));
    return p;
  }

  var box = document.createElement('div');
  // CSSOM, which CSP does not restrict (a style="" attribute would be an inline style).
  box.style.fontFamily = 'Microsoft YaHei, Segoe UI, sans-serif';
  box.style.padding = '16px';
  box.style.lineHeight = '1.6';
  box.appendChild(
    paragraph(
      null,
      '此版本 Excel 无法运行本加载项。',
      '它用 Internet Explorer 或旧版 Edge 显示加载项，需要 Microsoft 365 或 Office 2021 及以上版本。' +
        '也可以不用 Excel：在命令行对 .xlsx 文件运行 budget-eval（见说明文档）。'
    )
  );
  box.appendChild(
    paragraph(
      'en',
      'This version of Excel cannot run this add-in.',
      ' It shows add-ins with Internet Explorer or old Edge; the add-in needs Microsoft 365 or Office 2021 or later. ' +
        'Without Excel: run the budget-eval command on an .xlsx file (see the README).'
    )
  );
  while (root.firstChild) root.removeChild(root.firstChild);
  root.appendChild(box);
})();
