package lt.skydas.assess.report;

/** The report page's style sheet and its small script (case selector, layer toggles). */
final class ReportAssets {
  private ReportAssets() {}

  static final String CSS =
      """
      :root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d2733}
      body{margin:0;background:#f6f7f9}header{background:#1f3a5f;color:#fff;padding:12px 24px}
      header h1{margin:0;font-size:1.4rem}header p{margin:4px 0 0;opacity:.85}
      main{max-width:1500px;margin:0 auto;padding:12px 24px}section{margin:18px 0}
      h2{font-size:1.15rem;border-bottom:2px solid #1f3a5f;padding-bottom:4px}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:10px}
      .card{background:#fff;border:1px solid #d5dbe3;border-radius:6px;padding:10px 12px}
      .card .t{font-size:.8rem;color:#566}.card .v{font-size:1.35rem;font-weight:600;margin:4px 0}
      .card .n{font-size:.78rem;color:#667}.card.ok .v{color:#1b7a3a}.card.bad .v{color:#b71c1c}
      .map{width:100%;max-height:80vh;background:#fff;border:1px solid #ccd;display:block}
      .land{fill:#f3f0e6;stroke:#b9b2a0;stroke-width:.15}.forest{fill:#dbe9d2;stroke:none}
      .water{fill:#b7d3ee;stroke:none}.road{fill:none;stroke:#8d8d8d;stroke-width:.12}
      .border{fill:none;stroke:#555;stroke-width:.5;stroke-dasharray:2 1}
      .border.hostile{stroke:#b71c1c;stroke-width:.9;stroke-dasharray:none}
      .av path{fill:none;stroke-linecap:round;opacity:.95}.av.baseline path{stroke-dasharray:2 1.2}
      .ob{fill:none;stroke-width:1.6}.ob.mine{stroke:#6a1b9a}.ob.barrier{stroke:#4e342e}
      circle.ob{stroke-width:.5}circle.ob.open{fill:#1565c0;stroke:#fff}circle.ob.barrier{fill:#4e342e;stroke:#fff}
      path.ob.open{stroke:#1565c0}.obj{fill:none;stroke:#0d47a1;stroke-width:.7}
      text{font-size:4.2px;fill:#0d1b2a;paint-order:stroke;stroke:#fff;stroke-width:.8px}
      .legend{display:flex;flex-wrap:wrap;gap:10px;font-size:.8rem;margin:6px 0}
      .legend i{display:inline-block;width:14px;height:10px;margin-right:4px;vertical-align:middle}
      .legend i.l{height:3px}.legend i.mine{background:#6a1b9a}.legend i.barrier{background:#4e342e}
      .legend i.open{background:#1565c0}.legend i.hostile{background:#b71c1c}
      .controls{margin:6px 0;font-size:.9rem}.controls label{margin-right:14px}
      table{border-collapse:collapse;background:#fff;font-size:.85rem;min-width:60%}
      th,td{border:1px solid #d5dbe3;padding:4px 8px;text-align:left;vertical-align:top}
      thead th{background:#e8edf3;position:sticky;top:0}.scroll{overflow-x:auto}
      tr.bad td{background:#fdecea}.ok{color:#1b7a3a;font-weight:600}.empty{color:#667;font-style:italic}
      .note{font-size:.82rem;color:#556}footer{font-size:.78rem;color:#556;padding:12px 24px}
      select,input{font-size:.9rem}:focus{outline:2px solid #f9a825;outline-offset:2px}
      """;

  static final String JS =
      """
      (function(){var sel=document.getElementById('case'),iso=document.getElementById('iso'),
      base=document.getElementById('base');function show(){var c=sel.value;
      document.querySelectorAll('image.iso').forEach(function(e){e.style.display=(iso.checked&&e.dataset.case===c)?'inline':'none';});
      document.querySelectorAll('g.av.plan').forEach(function(e){e.style.display=e.dataset.case===c?'inline':'none';});
      document.querySelectorAll('g.av.baseline').forEach(function(e){e.style.display=(base.checked&&e.dataset.case===c)?'inline':'none';});}
      sel.addEventListener('change',show);iso.addEventListener('change',show);base.addEventListener('change',show);show();})();
      """;
}
