/**
 * A bar chart of one amount per day, drawn as inline SVG by the script (no library). The SVG is an image with a
 * text alternative (role="img", <title>, <desc> and a title per bar), and the same figures follow as a table for
 * screen readers, keyboard users and anyone who wants the exact numbers.
 */
import { el } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 64, right: 12, top: 12, bottom: 36 };

function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs || {})) {
        if (value !== null && value !== undefined) {
            node.setAttribute(name, String(value));
        }
    }
    for (const child of children) {
        if (child !== null && child !== undefined) {
            node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
        }
    }
    return node;
}

/** Every date from first to last (yyyy-mm-dd, UTC days as the API counts them). */
export function dateRange(first, last) {
    const out = [];
    const day = new Date(first + 'T00:00:00Z');
    const end = new Date(last + 'T00:00:00Z');
    while (day <= end) {
        out.push(day.toISOString().slice(0, 10));
        day.setUTCDate(day.getUTCDate() + 1);
    }
    return out;
}

/**
 * figure with the chart and its table. values: Map date -> amount (decimal string); dates: every day shown;
 * unit: the currency or payment method; id: a stable id for the figure.
 */
export function barChart({ id, caption, unit, dates, values }) {
    const numbers = dates.map((d) => Number(values.get(d) || 0));
    const max = Math.max(...numbers, 0);
    const top = max > 0 ? niceCeiling(max) : 1;
    const plotW = WIDTH - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const slot = plotW / Math.max(1, dates.length);
    const barW = Math.max(1, slot * 0.7);
    const titleId = id + '-title';
    const descId = id + '-desc';
    const total = dates.reduce((sum, d) => sum + Number(values.get(d) || 0), 0);
    const chart = svg('svg', { class: 'chart', viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img',
        'aria-labelledby': titleId + ' ' + descId, 'data-unit': unit },
    svg('title', { id: titleId }, caption),
    svg('desc', { id: descId }, 'Bar chart of ' + dates.length + ' days from ' + dates[0] + ' to ' + dates[dates.length - 1]
        + '; highest day ' + trim(max) + ' ' + unit + ', total ' + trim(total) + ' ' + unit + '. The table below lists every day.'));
    for (const fraction of [0, 0.5, 1]) {
        const y = PAD.top + plotH - fraction * plotH;
        chart.appendChild(svg('line', { class: fraction === 0 ? 'axis' : 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y }));
        chart.appendChild(svg('text', { x: PAD.left - 6, y: y + 4, 'text-anchor': 'end' }, trim(top * fraction)));
    }
    const today = dates[dates.length - 1];
    dates.forEach((date, i) => {
        const value = numbers[i];
        const h = (value / top) * plotH;
        const x = PAD.left + i * slot + (slot - barW) / 2;
        if (value > 0) {
            chart.appendChild(svg('rect', { class: 'bar' + (date === today ? ' today' : ''), x, y: PAD.top + plotH - h,
                width: barW, height: Math.max(h, 1), 'data-date': date, 'data-amount': values.get(date) },
            svg('title', {}, date + ': ' + values.get(date) + ' ' + unit)));
        }
        const labelEvery = Math.ceil(dates.length / 8);
        if ((dates.length - 1 - i) % labelEvery === 0) {
            chart.appendChild(svg('text', { x: PAD.left + i * slot + slot / 2, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle' },
                date.slice(5)));
        }
    });
    const rows = dates.filter((d) => values.has(d)).map((d) => el('tr', { 'data-date': d },
        el('th', { scope: 'row' }, d), el('td', {}, values.get(d) + ' ' + unit)));
    const table = el('table', { class: 'chart-table' },
        el('caption', {}, caption + ' (days with an amount)'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Day (UTC)'), el('th', { scope: 'col' }, 'Amount'))),
        el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 2 }, 'Nothing in this period.'))));
    return el('figure', { id, class: 'chart-figure' }, el('figcaption', {}, caption), chart,
        el('details', {}, el('summary', {}, 'Show the figures as a table'), table));
}

function niceCeiling(value) {
    const magnitude = 10 ** Math.floor(Math.log10(value));
    for (const step of [1, 2, 2.5, 5, 10]) {
        if (step * magnitude >= value) {
            return step * magnitude;
        }
    }
    return 10 * magnitude;
}

function trim(n) {
    return Number(n.toPrecision(12)).toString();
}
