/// The HTML report's inline style sheet: system fonts, a light and a dark scheme, tables with
/// tabular numbers, cards instead of wide tables on phones, and print rules that keep each
/// task's section together.
///
/// The confusion heat map's cells keep their colours in both schemes (the shade is the data),
/// so their text colours are fixed too: black or white, whichever contrasts more with the
/// cell (see ``HeatMapColor``). An empty cell turns dark in the dark scheme.
enum HTMLStyleSheet {
  static let css = """
    :root {
      --ink: #0f172a; --muted: #5b6678; --line: #e2e8f0; --paper: #ffffff; --page: #f6f7fb;
      --good: #047857; --bad: #b91c1c; --accent: #2563eb;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
      color: var(--ink); background: var(--page); line-height: 1.5;
    }
    body { margin: 0; }
    main { max-width: 1180px; margin: 0 auto; padding: 32px 24px 48px; }
    header h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
    header p { margin: 2px 0; color: var(--muted); }
    code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
      font-size: 0.92em; background: #eef2f7; padding: 1px 6px; border-radius: 4px; color: var(--ink); }
    section { background: var(--paper); border: 1px solid var(--line); border-radius: 12px;
      padding: 20px 24px 24px; margin: 24px 0; box-shadow: 0 1px 2px rgba(15, 23, 42, 0.04); }
    h2 { font-size: 20px; margin: 0 0 12px; display: flex; flex-wrap: wrap; align-items: baseline;
      gap: 4px 12px; }
    h2 .file { font-size: 13px; font-weight: 400; color: var(--muted); word-break: break-all;
      font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; }
    .summary table { width: 100%; }
    th, td { padding: 6px 12px; border-bottom: 1px solid var(--line); text-align: left;
      vertical-align: middle; }
    thead th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em;
      color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
    tfoot th, tfoot td { font-weight: 600; border-bottom: none; border-top: 2px solid var(--line); }
    tbody tr:hover { background: #f8fafc; }
    .num { text-align: right; white-space: nowrap; }
    .good { color: var(--good); font-weight: 600; }
    .bad { color: var(--bad); font-weight: 600; }
    .muted { color: var(--muted); }
    a { color: var(--accent); text-decoration: none; font-weight: 600; }
    a:hover { text-decoration: underline; }
    .flag { display: inline-block; font-size: 11px; font-weight: 600; color: var(--bad);
      background: #fee2e2; border-radius: 999px; padding: 0 8px; margin-left: 6px; }
    .stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 4px 0 16px; }
    .stat { border: 1px solid var(--line); border-radius: 10px; padding: 8px 14px; min-width: 110px;
      background: #fbfcfe; }
    .stat-name { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em;
      color: var(--muted); }
    .stat-value { display: block; font-size: 22px; font-weight: 650;
      font-variant-numeric: tabular-nums; }
    .stat-note { display: block; font-size: 12px; color: var(--muted); max-width: 240px;
      overflow-wrap: anywhere; }
    .stat.good .stat-value { color: var(--good); }
    .stat.bad .stat-value { color: var(--bad); }
    .warning { background: #fef2f2; border: 1px solid #fecaca; color: #7f1d1d; border-radius: 8px;
      padding: 10px 14px; }
    .task-body { display: flex; flex-wrap: wrap; gap: 24px 32px; align-items: flex-start; }
    .classes { flex: 1 1 540px; min-width: min(100%, 540px); }
    .classes table { width: 100%; }
    td.label { min-width: 100px; max-width: 320px; overflow-wrap: anywhere; }
    .f1 { min-width: 110px; }
    .meter { display: inline-block; width: 40px; height: 6px; background: #e2e8f0;
      border-radius: 3px; margin-right: 8px; vertical-align: middle; overflow: hidden; }
    .meter span { display: block; height: 100%; background: var(--accent); border-radius: 3px; }
    figure { margin: 0; flex: 0 1 auto; max-width: 100%; }
    figcaption { font-size: 12px; color: var(--muted); max-width: 560px; margin-top: 4px; }
    svg { max-width: 100%; height: auto; display: block; }
    svg text { font-family: inherit; fill: var(--ink); }
    svg .label { font-size: 12px; }
    svg .label.unseen { fill: var(--bad); font-style: italic; }
    svg .axis-title { font-size: 12px; font-weight: 600; fill: var(--muted);
      text-transform: uppercase; letter-spacing: 0.06em; }
    svg .axis-note, svg .total { font-size: 11px; fill: var(--muted); }
    svg .cell .count { font-weight: 600; }
    svg .cell.ink-dark text { fill: #000000; }
    svg .cell.ink-light text { fill: #ffffff; }
    svg .cell.zero text { fill: #5b6678; }
    svg .cell.zero .count { font-weight: 400; }
    svg .cell rect { stroke: none; }
    figure.heatmap { overflow-x: auto; }
    figure.heatmap svg { max-width: none; }
    .charts { display: flex; flex-wrap: wrap; gap: 16px 32px; }
    .charts svg { flex: 1 1 440px; max-width: 560px; }
    svg .chart-title { font-size: 14px; font-weight: 600; }
    svg .grid { stroke: #e2e8f0; stroke-width: 1; }
    svg .axis { stroke: #94a3b8; stroke-width: 1; }
    svg .tick { font-size: 11px; fill: var(--muted); font-variant-numeric: tabular-nums; }
    svg .line { fill: none; stroke-width: 2.25; stroke-linejoin: round; stroke-linecap: round; }
    svg .point { fill: #ffffff; stroke-width: 2; }
    svg .legend line { stroke-width: 2.25; }
    svg .legend text { font-size: 12px; }
    svg line.kept { stroke: #94a3b8; stroke-dasharray: 4 4; }
    svg .kept-label { font-size: 11px; fill: var(--muted); }
    svg.tuning .band { fill: var(--accent); fill-opacity: 0.14; }
    svg.tuning .band-label { font-size: 11px; fill: var(--muted); }
    svg.tuning circle.trial { fill: var(--accent); fill-opacity: 0.8; }
    svg.tuning circle.kept { fill: var(--bad); stroke: var(--paper); stroke-width: 2; }
    svg.tuning .kept-label { font-size: 12px; font-weight: 600; fill: var(--ink); }
    table.trials td.settings code { font-size: 12px; white-space: normal; overflow-wrap: anywhere; }
    table.trials tr.kept td { font-weight: 600; }
    .chip { display: inline-block; font-size: 11px; font-weight: 600; border-radius: 999px;
      padding: 0 8px; margin-left: 6px; background: var(--line); color: var(--ink); }
    .chip.kept { background: var(--good); color: var(--paper); }
    .unseen ul { list-style: none; padding: 0; margin: 4px 0 0; display: flex; flex-wrap: wrap;
      gap: 8px 16px; }
    .unseen p { margin: 16px 0 0; font-size: 14px; color: var(--muted); }
    .label-chip { background: #fee2e2; color: #7f1d1d; border-radius: 6px; padding: 1px 8px;
      font-weight: 600; }
    footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 32px; }
    @media (max-width: 640px) { main { padding: 16px 12px; } section { padding: 16px; } }
    /* Phones: a wide table becomes one card per row, each value named, so no column hides
       off-screen; chart text is enlarged to stay readable where the chart is scaled down. */
    @media (max-width: 600px) {
      table.stack, table.stack tbody, table.stack tfoot, table.stack tr { display: block;
        width: 100%; box-sizing: border-box; }
      table.stack thead { display: none; }
      table.stack tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 10px;
        padding: 6px 10px; }
      table.stack td { display: block; border: none; padding: 3px 0; text-align: right;
        overflow-wrap: anywhere; }
      table.stack td::before { content: attr(data-label); float: left; margin-right: 12px;
        color: var(--muted); font-size: 12px; font-weight: 600; text-transform: uppercase;
        letter-spacing: 0.04em; line-height: 21px; }
      table.stack td:empty { display: none; }
      table.stack td:first-child { font-weight: 600; font-size: 16px; text-align: left; }
      .table-wrap table.stack td:first-child { position: static; background: none; }
      .classes th, .classes td { padding: 6px 5px; }
      .classes thead th { font-size: 10px; letter-spacing: 0.02em; }
      .classes .meter, .classes .bar { display: none; }
      .classes .f1 { min-width: 0; }
      .classes table { font-size: 13px; }
      .table-wrap.classes td.label, .table-wrap.classes tbody th[scope=row] { min-width: 6.5em;
        max-width: 38vw; white-space: normal; overflow-wrap: anywhere; }
      .classes .threshold { display: none; }
      svg.curve .tick, svg.curve .kept-label, svg.curve .band-label { font-size: 17px; }
      svg.curve .legend text, svg.curve .axis-title { font-size: 17px; }
      svg.curve .chart-title { font-size: 19px; }
    }
    @media print {
      :root { background: #ffffff; }
      main { max-width: none; padding: 0; }
      section { box-shadow: none; break-inside: avoid; page-break-inside: avoid; }
      section.task { break-before: auto; }
      a { color: var(--ink); }
      tbody tr:hover { background: none; }
    }
    figure.reliability { max-width: 280px; margin: 1rem 0; }
    figure.reliability svg { width: 100%; height: auto; }
    section.run dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    section.run dd { margin: 0; overflow-wrap: anywhere; }
    section.run pre { overflow-x: auto; font-size: .8rem; }
    /* Wide tables scroll inside their box, the first column stays in view, and labels
       break between words only. */
    .table-wrap { -webkit-overflow-scrolling: touch; max-width: 100%; }
    .table-wrap th:first-child, .table-wrap td:first-child { position: sticky; left: 0;
      background: var(--paper); z-index: 1; word-break: normal; overflow-wrap: normal;
      hyphens: none; }
    tbody th[scope=row] { word-break: normal; overflow-wrap: normal; white-space: nowrap; }
    tr.average th, tr.average td { font-style: italic; color: var(--muted); }
    .legend-note { font-size: 12px; color: var(--muted); }
    .confusions { margin: 12px 0 0; padding-left: 20px; font-size: 14px; }
    @media (prefers-color-scheme: dark) {
      :root { --ink: #e2e8f0; --muted: #94a3b8; --line: #334155; --paper: #0f172a;
        --page: #020617; --good: #34d399; --bad: #f87171; --accent: #60a5fa; }
      code { background: #1e293b; }
      .stat { background: #111c33; }
      tbody tr:hover { background: #1e293b; }
      .warning { background: #3f1d1d; border-color: #7f1d1d; color: #fecaca; }
      .flag, .label-chip { background: #3f1d1d; color: #fecaca; }
      .meter { background: #334155; }
      svg .grid { stroke: #334155; }
      svg .point { fill: #0f172a; }
      svg .cell.zero rect { fill: #1e293b; }
      svg .cell.zero text { fill: #94a3b8; }
    }
    """
}
