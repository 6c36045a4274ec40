// StackRatings dashboard: draws the charts described in #chart-data with uPlot (served by the application).
// Configuration only: every value is computed on the server; this maps each chart's JSON onto uPlot options.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  var notches = data.notches;
  var axes = {
    notch: { range: [0.5, 21.5], dir: -1, label: "rating", values: function (u, splits) {
      return splits.map(function (v) { return Number.isInteger(v) ? (notches[v] || "") : ""; }); }, incrs: [1, 2, 3] },
    percent: { range: function (u, min, max) { return [Math.min(min === null ? 95 : min, 99) - 1, 100]; }, label: "%" },
    score: { range: [0, 100], label: "score" },
    ms: { range: function (u, min, max) { return [0, max === null ? 1 : max * 1.1]; }, label: "ms" },
    s: { range: function (u, min, max) { return [0, max === null ? 1 : max * 1.1]; }, label: "s" }
  };
  var charts = {};

  function options(spec, width) {
    var axis = axes[spec.axis];
    var yAxis = { label: axis.label, size: 56 };
    if (axis.values) { yAxis.values = axis.values; yAxis.incrs = axis.incrs; }
    return {
      width: width,
      height: spec.axis === "notch" ? 300 : 220,
      scales: { x: { time: true }, y: { range: axis.range, dir: axis.dir || 1 } },
      axes: [{}, yAxis],
      legend: { live: true },
      series: [{ label: "Time (UTC)" }].concat(spec.series.map(function (s) {
        return {
          label: s.label,
          stroke: s.color,
          width: s.pointsOnly ? 0 : 2,
          dash: s.dash,
          spanGaps: s.spanGaps,
          paths: s.pointsOnly ? function () { return null; } : (s.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined),
          points: s.pointsOnly ? { show: true, size: 11, fill: s.color, stroke: s.color } : { show: false },
          value: spec.axis === "notch" ? function (u, v) { return v === null ? "—" : notches[v]; } : undefined
        };
      }))
    };
  }

  data.charts.forEach(function (spec) {
    var el = document.getElementById("chart-" + spec.id);
    if (!el) { return; }
    var columns = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
    charts[spec.id] = new uPlot(options(spec, el.clientWidth || 600), columns, el);
  });

  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (id) {
      var u = charts[id];
      var width = document.getElementById("chart-" + id).clientWidth;
      if (width && width !== u.width) { u.setSize({ width: width, height: u.height }); }
    });
  });
  window.stackratingsCharts = charts;
})();
