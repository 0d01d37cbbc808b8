// Draws the workbench's charts: each canvas carries its chart as JSON in data-chart (kind, labels, series, the
// titles of its axes); a table of the same figures stands beside each for those who do not see it.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof Chart === 'undefined') {
    return;
  }
  // Okabe and Ito's colours, which readers with a colour vision deficiency tell apart
  const colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
  document.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
    const spec = JSON.parse(canvas.dataset.chart);
    const scatter = spec.type === 'scatter';
    const datasets = spec.series.map((series, i) => ({
      label: series.label,
      data: series.data,
      borderColor: series.colour || colours[i % colours.length],
      backgroundColor: series.colour || colours[i % colours.length],
      pointRadius: scatter && !spec.lines ? 3 : (spec.lines ? 0 : 2),
      borderWidth: scatter && !spec.lines ? 0 : 2,
      fill: false,
      tension: 0,
      showLine: !scatter || Boolean(spec.lines),
    }));
    const axis = (title) => ({ title: { display: Boolean(title), text: title } });
    // eslint-disable-next-line no-new
    new Chart(canvas, {
      type: spec.type,
      data: scatter ? { datasets } : { labels: spec.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { ...axis(spec.x), ...(scatter || spec.numericX ? { type: 'linear' } : {}),
            ...(spec.hideXTicks ? { ticks: { display: false }, grid: { display: false } } : {}) },
          y: axis(spec.y),
        },
        plugins: { legend: { display: spec.legend !== false, position: 'bottom' } },
      },
    });
  });
});
